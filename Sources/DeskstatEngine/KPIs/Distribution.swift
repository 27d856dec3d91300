public import DeskstatReport

/// Which distribution statistics a report needs beyond count, median, p90 and mean: extra
/// percentiles, `within:` thresholds and the histogram. One set per session: every collected
/// duration list gets all of them (they cost a sort and a scan, only when asked for).
public struct DistributionNeeds: Sendable, Equatable {
    /// Percentiles 1…99 other than the standard p90.
    public var percentiles: Set<Int> = []
    /// `within:` thresholds in minutes.
    public var thresholds: Set<Int> = []
    /// Whether to count values into `DurationBuckets`.
    public var histogram = false

    public init(percentiles: Set<Int> = [], thresholds: Set<Int> = [], histogram: Bool = false) {
        self.percentiles = percentiles
        self.thresholds = thresholds
        self.histogram = histogram
    }

    public var isEmpty: Bool { percentiles.isEmpty && thresholds.isEmpty && !histogram }

    /// Adds what `statistic` needs.
    public mutating func add(_ statistic: StatisticName) {
        switch statistic {
        case .percentile(let p) where p != 90: percentiles.insert(p)
        case .within(let target): thresholds.insert(target.minutes)
        default: break
        }
    }
}

/// The fixed buckets of a duration histogram. Each bucket holds the values above the previous
/// bound and at or under its own (`15 < v ≤ 60` is "15–60 m"), so the buckets up to a bound add
/// up to `within:` that bound.
public enum DurationBuckets {
    /// Upper bounds in minutes (the last bucket has none).
    public static let upperBounds: [Double] = [15, 60, 240, 480, 1440, 4320]
    /// Labels, one per bucket.
    public static let labels = ["≤15 m", "15–60 m", "1–4 h", "4–8 h", "8–24 h", "1–3 d", ">3 d"]

    /// The bucket of a value.
    @inline(__always) static func bucket(of value: Double) -> Int {
        var index = 0
        while index < upperBounds.count && value > upperBounds[index] { index += 1 }
        return index
    }
}

extension DurationStats {
    /// Adds the statistics of `needs` for the values in `buffer` (in any order).
    mutating func addDistribution(_ buffer: UnsafeMutableBufferPointer<Double>, _ needs: DistributionNeeds) {
        guard !needs.isEmpty else { return }
        if !needs.percentiles.isEmpty {
            let sorted = buffer.sorted()
            for p in needs.percentiles {
                if let value = Self.percentile(sorted, Double(p) / 100) { percentiles[p] = value }
            }
        }
        if !needs.thresholds.isEmpty {
            let thresholds = needs.thresholds.sorted()
            var counts = [Int](repeating: 0, count: thresholds.count)
            for value in buffer {
                for (index, threshold) in thresholds.enumerated() where value <= Double(threshold) {
                    counts[index] += 1
                }
            }
            for (index, threshold) in thresholds.enumerated() { within[threshold] = counts[index] }
        }
        if needs.histogram {
            var counts = [Int](repeating: 0, count: DurationBuckets.labels.count)
            for value in buffer { counts[DurationBuckets.bucket(of: value)] += 1 }
            histogram = counts
        }
    }

    /// The share of values at or under `target` minutes, with its count; the share is `nil`
    /// with no values or when the threshold was not computed.
    public func within(_ target: Int) -> (count: Int?, share: Double?) {
        guard let inside = within[target] else { return (count == 0 ? 0 : nil, nil) }
        return (inside, count == 0 ? nil : Double(inside) / Double(count))
    }

    /// A statistic by name (`nil` when undefined or not computed; `within` gives the share).
    public func value(of statistic: StatisticName) -> Double? {
        switch statistic {
        case .count: Double(count)
        case .median: median
        case .mean: mean
        case .percentile(90): p90
        case .percentile(let p): percentiles[p]
        case .within(let target): within(target.minutes).share
        }
    }
}
