/// Count, median, 90th percentile and mean of a list of durations.
///
/// Percentiles interpolate linearly between the closest ranks: for sorted values x₀…xₙ₋₁ the
/// p-th percentile is at rank h = (n − 1)·p, i.e. x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋) — numpy's
/// default and Excel's PERCENTILE.INC. With no values every statistic but the count is `nil`.
public struct DurationStats: Sendable, Equatable {
    public var count: Int
    public var median: Double?
    public var p90: Double?
    public var mean: Double?

    public init(count: Int, median: Double?, p90: Double?, mean: Double?) {
        self.count = count
        self.median = median
        self.p90 = p90
        self.mean = mean
    }

    /// The statistics of `values` (order does not matter).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        median = Self.percentile(sorted, 0.5)
        p90 = Self.percentile(sorted, 0.9)
        mean = sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count)
    }

    /// The p-th percentile (0…1) of already sorted values.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Double(sorted.count - 1) * p
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (rank - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    /// One statistic by name.
    public func value(of stat: Stat) -> Double? {
        switch stat {
        case .count: Double(count)
        case .median: median
        case .p90: p90
        case .mean: mean
        }
    }
}

/// A statistic of a duration KPI.
public enum Stat: String, Sendable, CaseIterable, Codable {
    case count, median, p90, mean
}

/// A ratio with its parts; `value` is `nil` when the denominator is zero.
public struct Rate: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int

    public init(numerator: Int, denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }
}
