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
    /// Percentiles other than p90, by p (only those a report asked for; `DistributionNeeds`).
    public var percentiles: [Int: Double] = [:]
    /// How many values are at or under each asked-for `within:` threshold (minutes).
    public var within: [Int: Int] = [:]
    /// Values per `DurationBuckets` bucket, when a histogram was asked for (else empty).
    public var histogram: [Int] = []

    public init(count: Int, median: Double?, p90: Double?, mean: Double?) {
        self.count = count
        self.median = median
        self.p90 = p90
        self.mean = mean
    }

    /// The statistics of `values` (order does not matter).
    public init(_ values: [Double]) {
        var values = values
        self.init(selecting: &values)
    }

    /// The statistics of `values`, which it reorders. The same numbers as sorting:
    ///
    /// - The percentiles need two or four order statistics, found by selection (linear time)
    ///   instead of a full sort.
    /// - The mean is the sum in ascending order divided by the count. When every value is a
    ///   whole number and their magnitudes sum to less than 2⁵² (durations in minutes always do),
    ///   every partial sum is exact in any order, so the values are summed as they come;
    ///   otherwise they are sorted and summed in order, as before.
    init(selecting values: inout [Double]) {
        self = values.withUnsafeMutableBufferPointer { DurationStats(reordering: $0) }
    }

    /// The statistics of the values in `buffer`, which it reorders (see `init(selecting:)`).
    init(reordering values: UnsafeMutableBufferPointer<Double>) {
        count = values.count
        guard !values.isEmpty else {
            median = nil
            p90 = nil
            mean = nil
            return
        }
        var exactSum = true
        var sum = 0.0
        var magnitude = 0.0
        var smallest = Double.infinity
        var largest = -Double.infinity
        for value in values {
            if value.rounded(.towardZero) != value { exactSum = false }
            magnitude += Swift.abs(value)
            sum += value
            smallest = Swift.min(smallest, value)
            largest = Swift.max(largest, value)
        }
        if !(exactSum && magnitude < 4_503_599_627_370_496) {
            let sorted = values.sorted()
            median = Self.percentile(sorted, 0.5)
            p90 = Self.percentile(sorted, 0.9)
            mean = sorted.reduce(0, +) / Double(sorted.count)
            return
        }
        mean = sum / Double(values.count)
        if values.count >= 2048, smallest >= 0, largest < Double(max(4 * values.count, 65_536)) {
            // Whole minutes in a range not much wider than their count: count them.
            let (median, p90) = Self.countedPercentiles(values, largest: Int(largest))
            self.median = median
            self.p90 = p90
            return
        }
        if values.count >= 2048, smallest >= 0, largest < 4_294_967_296 {
            // Whole minutes: a radix sort of 32-bit keys beats selection on large sets.
            let sorted = Self.radixSorted(values, largest: UInt32(largest))
            median = Self.percentile(sorted, 0.5)
            p90 = Self.percentile(sorted, 0.9)
            return
        }
        median = Self.selectPercentile(values, 0.5, from: 0)
        // The median's selection leaves everything from its rank up at or above it.
        let medianRank = Int((Double(values.count - 1) * 0.5).rounded(.down))
        p90 = Self.selectPercentile(values, 0.9, from: medianRank)
    }

    /// The p-th percentile of `values` (selected in place among positions `from…`, which must
    /// hold every value of rank ≥ `from`).
    static func selectPercentile(_ values: UnsafeMutableBufferPointer<Double>, _ p: Double, from start: Int) -> Double {
        let rank = Double(values.count - 1) * p
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        Self.select(values, lower, from: start)
        let low = values[lower]
        var high = low
        if upper != lower {
            high = values[upper]
            for index in (lower + 1)..<values.count where values[index] < high { high = values[index] }
        }
        return low + (rank - Double(lower)) * (high - low)
    }

    /// Moves the `k`-th smallest value to position `k`, smaller ones before it and larger or
    /// equal ones after it (Hoare partitions around a median of three).
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, from start: Int) {
        var low = start
        var high = a.count - 1
        while high > low {
            if high - low < 16 {
                // Insertion sort for short ranges.
                for i in (low + 1)...high {
                    let value = a[i]
                    var j = i - 1
                    while j >= low && a[j] > value {
                        a[j + 1] = a[j]
                        j -= 1
                    }
                    a[j + 1] = value
                }
                return
            }
            let middle = low + (high - low) / 2
            if a[middle] < a[low] { a.swapAt(middle, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[middle] { a.swapAt(high, middle) }
            let pivot = a[middle]
            var i = low
            var j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }

    /// Whole non-negative values below 2³², sorted (least significant 11-bit digit first).
    static func radixSorted(_ values: UnsafeMutableBufferPointer<Double>, largest: UInt32) -> [UInt32] {
        var keys = [UInt32](unsafeUninitializedCapacity: values.count) { keys, count in
            for index in values.indices { keys[index] = UInt32(values[index]) }
            count = values.count
        }
        var buffer = [UInt32](repeating: 0, count: keys.count)
        var shift: UInt32 = 0
        var counts = [Int](repeating: 0, count: 2049)
        while shift < 32 && largest >> shift != 0 {
            for index in counts.indices { counts[index] = 0 }
            keys.withUnsafeBufferPointer { keys in
                counts.withUnsafeMutableBufferPointer { counts in
                    for key in keys { counts[Int((key >> shift) & 0x7FF) + 1] += 1 }
                    for digit in 1..<counts.count { counts[digit] += counts[digit - 1] }
                }
                buffer.withUnsafeMutableBufferPointer { buffer in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for key in keys {
                            let digit = Int((key >> shift) & 0x7FF)
                            buffer[counts[digit]] = key
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &buffer)
            shift += 11
        }
        return keys
    }

    /// The median and 90th percentile of whole values in 0…`largest`, from a count of each value
    /// (the order statistics a sort would give, without sorting).
    static func countedPercentiles(_ values: UnsafeMutableBufferPointer<Double>, largest: Int) -> (Double, Double) {
        var counts = [Int32](repeating: 0, count: largest + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in values { counts[Int(value)] += 1 }
        }
        // The ranks needed: lower and upper neighbours of each percentile's position.
        let n = values.count
        let ranks = [0.5, 0.9].map { p -> (Double, Int, Int) in
            let rank = Double(n - 1) * p
            let lower = Int(rank.rounded(.down))
            return (rank, lower, min(lower + 1, n - 1))
        }
        let wanted = ranks.flatMap { [$0.1, $0.2] }
        var found = [Double](repeating: 0, count: wanted.count)
        var seen = 0
        var value = 0
        for (position, rank) in wanted.enumerated().sorted(by: { $0.element < $1.element }) {
            while seen + Int(counts[value]) <= rank {
                seen += Int(counts[value])
                value += 1
            }
            found[position] = Double(value)
        }
        func percentile(_ index: Int) -> Double {
            let (rank, lower, _) = ranks[index]
            let low = found[2 * index]
            return low + (rank - Double(lower)) * (found[2 * index + 1] - low)
        }
        return (percentile(0), percentile(1))
    }

    /// The p-th percentile (0…1) of sorted whole values.
    static func percentile(_ sorted: [UInt32], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Double(sorted.count - 1) * p
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let low = Double(sorted[lower])
        return low + (rank - Double(lower)) * (Double(sorted[upper]) - low)
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
