/// What a column holds, which decides its formatting and alignment.
///
/// | kind | value | text and Markdown | JSON and CSV |
/// |---|---|---|---|
/// | `label` | text (or an id) | left-aligned as is | string or number as is |
/// | `count` | integer | `12,345` | `12345` |
/// | `minutes` | duration in minutes | `4h 12m` (see `DurationText`) | `252` |
/// | `ratio` | 0…1 | `87.5%` | `0.875` |
/// | `delta` | signed difference in the row's unit | `+3`, `−2.5` | `3`, `-2.5` |
/// | `minutesDelta` | signed difference of two durations, in minutes | `+1h 5m`, `−12m` | `65` |
/// | `ratioDelta` | signed difference of two ratios | `+4.0 pp` (percentage points) | `0.04` |
/// | `percentChange` | signed relative change (0.125 = +12.5 %) | `+12.5%`, `−3.0%` | `0.125` |
/// | `timestamp` | epoch seconds | `2026-11-23 09:15` in the report's time zone | `"2026-11-23T08:15:00Z"` |
/// | `number` | any number | `1,234.57` (two decimals) | `1234.5678` |
///
/// Text output writes negative numbers with the minus sign `−` (U+2212) and a zero delta without
/// a sign (`0`, `0.0`, `0.0 pp`). `null` is `–` in text and Markdown, `null` in JSON and an
/// empty field in CSV.
public enum ColumnKind: Sendable, Equatable, CaseIterable {
    /// Text: a slice label, a metric name, an id.
    case label
    /// A whole number of things (tickets, ratings, breaches).
    case count
    /// A duration in minutes.
    case minutes
    /// A proportion from 0 to 1, shown as a percentage.
    case ratio
    /// A signed difference between two values of the same unit.
    case delta
    /// A signed difference between two durations in minutes, shown as a duration.
    case minutesDelta
    /// A signed difference between two ratios, shown in percentage points.
    case ratioDelta
    /// A signed relative change: (current − previous) / previous.
    case percentChange
    /// An instant in epoch seconds.
    case timestamp
    /// Any other number.
    case number

    /// The snake_case name used in the JSON schema, e.g. `"percent_change"`.
    public var id: String {
        switch self {
        case .label: "label"
        case .count: "count"
        case .minutes: "minutes"
        case .ratio: "ratio"
        case .delta: "delta"
        case .minutesDelta: "minutes_delta"
        case .ratioDelta: "ratio_delta"
        case .percentChange: "percent_change"
        case .timestamp: "timestamp"
        case .number: "number"
        }
    }

    /// Whether values are right-aligned in text and Markdown (everything but labels and timestamps).
    public var isRightAligned: Bool {
        switch self {
        case .label, .timestamp: false
        default: true
        }
    }

    /// Whether the sign of a value means "went up" or "went down" (coloured in text output).
    public var isSigned: Bool {
        switch self {
        case .delta, .minutesDelta, .ratioDelta, .percentChange: true
        default: false
        }
    }
}
