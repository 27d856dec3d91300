/// A rendered-ready support report: what the KPI engine fills and every renderer reads.
///
/// The model is plain data. It holds no formatting decisions beyond column kinds: the renderers
/// (`TextRenderer`, `MarkdownRenderer`, `JSONRenderer`, `CSVRenderer`) turn the same value into
/// byte-identical output on every machine, whatever the `TZ` or `LANG` environment says.
///
/// ```swift
/// var report = Report(name: "weekly", title: "Weekly support report", window: window, asOf: 1_795_392_000)
/// report.metrics["sla.breached"] = .integer(3)
/// print(JSONRenderer().render(report))
/// ```
public struct Report: Sendable, Equatable {
    /// The report definition's name, e.g. `"weekly"`.
    public var name: String
    /// The human title, e.g. `"Weekly support report"`.
    public var title: String
    /// The window the numbers cover.
    public var window: ReportWindow
    /// The window compared with, when the report compares (`--compare previous`).
    public var previousWindow: ReportWindow?
    /// The instant the report was computed as of, in epoch seconds.
    public var asOf: Int64
    /// The IANA time zone the windows were resolved in, e.g. `"Europe/Berlin"`.
    public var timeZone: String
    /// Human text of the applied `--where` filters, e.g. `"priority = high"`.
    public var filters: [String]
    /// The report's sections, in display order.
    public var sections: [ReportSection]
    /// Problems the reader should know about, each with a stable code: missing or stale data
    /// (`ReportWarning.Code`), SLA conditions that were not understood.
    public var warnings: [ReportWarning]
    /// A flat map of headline values under dotted keys (`"created"`, `"sla.breached"`,
    /// `"first_reply_time.calendar.median"`), rendered as the JSON `"metrics"` object and read by
    /// `--fail-on` thresholds.
    public var metrics: [String: ReportValue]

    /// Creates a report; only the identity, the window and as-of are required.
    public init(
        name: String,
        title: String,
        window: ReportWindow,
        previousWindow: ReportWindow? = nil,
        asOf: Int64,
        timeZone: String = "UTC",
        filters: [String] = [],
        sections: [ReportSection] = [],
        warnings: [ReportWarning] = [],
        metrics: [String: ReportValue] = [:]
    ) {
        self.name = name
        self.title = title
        self.window = window
        self.previousWindow = previousWindow
        self.asOf = asOf
        self.timeZone = timeZone
        self.filters = filters
        self.sections = sections
        self.warnings = warnings
        self.metrics = metrics
    }
}
