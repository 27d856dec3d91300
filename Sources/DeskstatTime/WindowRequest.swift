/// What the command line says about the report window, before resolution.
public struct WindowRequest: Sendable, Equatable {
    /// `--period`, already parsed; `nil` when not given.
    public var period: PeriodSpec?
    /// `--from` as written; `nil` when not given.
    public var from: String?
    /// `--to` as written; `nil` when not given.
    public var to: String?
    /// `--tz`: where days, weeks and months begin.
    public var timeZone: ReportTimeZone
    /// The as-of instant (UTC epoch seconds) that anchors relative periods; never the wall clock.
    public var asOf: Int64

    /// A request; everything but `asOf` may be left out.
    public init(
        period: PeriodSpec? = nil, from: String? = nil, to: String? = nil,
        timeZone: ReportTimeZone = .utc, asOf: Int64
    ) {
        self.period = period
        self.from = from
        self.to = to
        self.timeZone = timeZone
        self.asOf = asOf
    }
}
