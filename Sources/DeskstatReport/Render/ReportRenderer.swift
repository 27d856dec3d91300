/// Turns a report into one output format.
///
/// Rendering never fails and never reads the environment: the same report gives byte-identical
/// output on every machine. Options a report may not satisfy (a CSV `--section` that does not
/// exist) are checked by `validate(_:)`, which the CLI calls first.
public protocol ReportRenderer: Sendable {
    /// The report in this renderer's format, ending with a newline.
    func render(_ report: Report) -> String
    /// Checks that this renderer's options fit `report`; the default accepts every report.
    func validate(_ report: Report) throws(ReportError)
}

extension ReportRenderer {
    /// Accepts every report.
    public func validate(_ report: Report) throws(ReportError) {}
}

/// The output formats (`--format text|markdown|json|csv|html`).
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain-text tables for a terminal or an email.
    case text
    /// GitHub-flavoured Markdown, ready for a pull-request comment.
    case markdown
    /// The documented JSON schema (`schema_version` 2), for programs.
    case json
    /// RFC 4180 CSV of the report's tables, for spreadsheets.
    case csv
    /// One self-contained HTML page with charts (inline CSS and SVG, no JavaScript).
    case html

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .csv: "csv"
        case .html: "html"
        }
    }

    /// The renderer for `format`, configured by the options that apply to it.
    public static func renderer(for format: ReportFormat, options: RenderOptions = RenderOptions())
        -> any ReportRenderer
    {
        switch format {
        case .text: TextRenderer(options: options.text)
        case .markdown: MarkdownRenderer()
        case .json: JSONRenderer()
        case .csv: CSVRenderer(options: options.csv)
        case .html: HTMLRenderer()
        }
    }

    /// The renderer for this format (see `renderer(for:options:)`).
    public func renderer(options: RenderOptions = RenderOptions()) -> any ReportRenderer {
        Self.renderer(for: self, options: options)
    }
}

/// The options of every format, so one value can configure whichever format is chosen.
public struct RenderOptions: Sendable, Equatable {
    /// Options for `.text`.
    public var text: TextOptions
    /// Options for `.csv`.
    public var csv: CSVOptions

    /// Creates options; the defaults are no width limit, no colour and every CSV table.
    public init(text: TextOptions = TextOptions(), csv: CSVOptions = CSVOptions()) {
        self.text = text
        self.csv = csv
    }
}
