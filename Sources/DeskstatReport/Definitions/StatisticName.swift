/// A statistic of a duration KPI as written in `--stat`, a definition's `stats` and a metric key:
/// `count`, `median`, `mean`, a percentile `p1` … `p99`, or a share within a target
/// `within:60` / `within:1h` / `within:8h-business` (key form `within_1h`).
///
/// The one parser of statistic names; the engine computes what it names (docs/metrics.md).
public enum StatisticName: Sendable, Hashable {
    case count
    case median
    case mean
    /// The p-th percentile, 1…99 (`p90`).
    case percentile(Int)
    /// The share of values at or under a threshold, with its count.
    case within(WithinTarget)

    /// The statistics every duration KPI reports in the metric map.
    public static let standard: [StatisticName] = [.count, .median, .percentile(90), .mean]

    /// What a statistic name should look like, for error messages.
    public static let syntax =
        "count, median, mean, p1 … p99, or within:TARGET (e.g. within:60, within:1h, within:8h-business)"

    /// Parses `median`, `p75`, `within:1h`, `within:8h-business`, or the key forms `within_1h`
    /// and `within_1h_count`; `nil` for anything else.
    public static func parse(_ text: String) -> StatisticName? {
        switch text {
        case "count": return .count
        case "median": return .median
        case "mean": return .mean
        default: break
        }
        if text.hasPrefix("p"), text.count >= 2, text.count <= 3, text.dropFirst().allSatisfy(\.isASCIIDigit),
            !text.dropFirst().hasPrefix("0"), let p = Int(text.dropFirst()), (1...99).contains(p)
        {
            return .percentile(p)
        }
        if text.hasPrefix("within:") { return WithinTarget.parse(String(text.dropFirst(7))).map(Self.within) }
        if text.hasPrefix("within_") {
            var rest = String(text.dropFirst(7))
            if rest.hasSuffix("_count") { rest = String(rest.dropLast(6)) }
            return WithinTarget.parse(rest.replacingOccurrences(of: "_", with: "-")).map(Self.within)
        }
        return nil
    }

    /// The key in metric ids and column ids: `median`, `p75`, `within_1h` (the clock is a
    /// separate part of a metric id, so `within:8h-business` is `within_8h` there).
    public var key: String {
        switch self {
        case .count: "count"
        case .median: "median"
        case .mean: "mean"
        case .percentile(let p): "p\(p)"
        case .within(let target): "within_\(target.name)"
        }
    }

    /// A short label for tables: `median`, `p75`, `within 1h`.
    public var label: String {
        switch self {
        case .within(let target): "within \(target.name)"
        default: key
        }
    }

    /// The clock a `within:…-business` statistic is pinned to (`"calendar"` or `"business"`).
    public var pinnedClock: String? {
        if case .within(let target) = self { return target.clock }
        return nil
    }
}

/// The threshold of a `within:` statistic: whole minutes, optionally pinned to one clock.
public struct WithinTarget: Sendable, Hashable {
    /// The threshold in minutes (a value equal to it is within).
    public let minutes: Int
    /// `"calendar"` or `"business"` when written `within:8h-business`; `nil` follows the section's clock.
    public let clock: String?

    public init(minutes: Int, clock: String? = nil) {
        self.minutes = minutes
        self.clock = clock
    }

    /// The canonical name: whole days `2d`, whole hours `1h`, else minutes `90m`.
    public var name: String {
        if minutes % 1440 == 0 { return "\(minutes / 1440)d" }
        if minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }

    /// `60`, `60m`, `1h`, `1.5h`, `2d`, each optionally followed by `-calendar` or `-business`.
    /// The amount must be positive and come to whole minutes (at most 100 years).
    static func parse(_ text: String) -> WithinTarget? {
        var amount = Substring(text)
        var clock: String?
        for suffix in ["-calendar", "-business"] where amount.hasSuffix(suffix) {
            clock = String(suffix.dropFirst())
            amount = amount.dropLast(suffix.count)
        }
        var unit = 1.0
        if let last = amount.last, !last.isASCIIDigit {
            switch last {
            case "m": unit = 1
            case "h": unit = 60
            case "d": unit = 1440
            default: return nil
            }
            amount = amount.dropLast()
        }
        guard !amount.isEmpty, amount.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
            amount.filter({ $0 == "." }).count <= 1, amount.first != ".", amount.last != ".",
            let number = Double(amount)
        else { return nil }
        let minutes = number * unit
        guard minutes > 0, minutes <= 52_560_000, minutes == minutes.rounded() else { return nil }
        return WithinTarget(minutes: Int(minutes), clock: clock)
    }
}
