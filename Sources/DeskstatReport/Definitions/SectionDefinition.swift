/// One section of a report definition: which KPIs, which statistics, sliced how.
public struct SectionDefinition: Sendable, Equatable {
    /// A snake_case id, unique within the report; becomes `ReportSection.id`.
    public var id: String
    /// The section heading.
    public var title: String
    /// KPI names, e.g. `["created", "first_reply_time"]` (see `ReportDefinitions.defaultKPIs`).
    public var kpis: [String]
    /// Statistics of duration KPIs, e.g. `["median", "p90"]`; `nil` lets the engine choose.
    public var stats: [String]?
    /// The clock of duration KPIs: `"calendar"`, `"business"` or `"both"`; `nil` means calendar.
    public var clock: String?
    /// The slice rows are split by, e.g. `"group"` or `"week"`; `nil` means one row in total.
    public var by: String?
    /// Filters applied to this section only, e.g. `["priority=high,urgent", "channel!=api"]`.
    public var filters: [String]?
    /// At most this many slice rows (the largest first); needs `by`.
    public var limit: Int?
    /// What the section shows (`SectionKind`); `nil` means `"kpis"`.
    public var kind: String?
    /// Whether sliced and CSAT tables add the previous window's value and the change per row
    /// when the report compares (`deskstat kpi --by … --compare previous`). Not a YAML key:
    /// report definitions compare in their headline section.
    public var comparesRows = false

    /// Creates a section definition.
    public init(
        id: String,
        title: String,
        kpis: [String] = [],
        stats: [String]? = nil,
        clock: String? = nil,
        by: String? = nil,
        filters: [String]? = nil,
        limit: Int? = nil,
        kind: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kpis = kpis
        self.stats = stats
        self.clock = clock
        self.by = by
        self.filters = filters
        self.limit = limit
        self.kind = kind
    }

    /// The section's kind as an enum; `.kpis` when absent or (for unvalidated values) unknown.
    public var sectionKind: SectionKind {
        kind.flatMap(SectionKind.init(rawValue:)) ?? .kpis
    }
}

/// What a section shows; the YAML key `kind`.
public enum SectionKind: String, Sendable, CaseIterable {
    /// A table of the listed KPIs: one row in total, or one per slice value with `by`.
    case kpis
    /// One row per KPI with its value, the previous window's value and the change.
    case headline
    /// Unsolved tickets as of the report's end, by status (and by slice with `by`).
    case backlog
    /// SLA targets per policy and metric: achieved, breached, active, achievement rate.
    case sla
    /// Breached SLA targets counted per slice value (`by`, e.g. group).
    case slaBreaches = "sla_breaches"
    /// Satisfaction ratings: good, bad, offered, CSAT and response rate.
    case csat
    /// One row per calendar period (`by: week` or `month`) for the last `limit` periods (default
    /// 12) ending with the report's period: the listed KPIs over time.
    case trend
    /// Duration KPIs counted into fixed buckets (≤15 m … >3 d), one table per KPI.
    case histogram
    /// One row per slice value (an agent with `by: assignee`, a group with `by: group`): solved,
    /// first reply and full resolution medians, one-touch, reopen, CSAT and SLA achievement.
    case scorecard

    /// The time slices a trend section may use.
    public static let trendSlices = ["day", "week", "month"]

    /// How many periods a trend shows when the section gives no `limit`.
    public static let defaultTrendPeriods = 12

    /// The KPIs a section of this kind may list; `nil` means any KPI.
    public var allowedKPIs: [String]? {
        switch self {
        case .kpis, .headline: nil
        case .backlog: ["backlog"]
        case .sla, .slaBreaches: ["sla"]
        case .csat: ["csat", "csat_response_rate"]
        case .trend: ReportDefinitions.defaultKPIs
        case .histogram: Self.durationKPIs
        case .scorecard: []
        }
    }

    /// Whether the section must list at least one KPI.
    public var requiresKPIs: Bool {
        self == .kpis || self == .headline || self == .trend || self == .histogram
    }

    /// The duration KPIs (the ones a histogram can show).
    public static let durationKPIs = [
        "first_reply_time", "first_resolution_time", "full_resolution_time", "requester_wait_time",
        "agent_wait_time", "on_hold_time", "agent_work_time",
    ]
}
