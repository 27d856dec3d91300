/// A report window split into consecutive calendar buckets, with a fast instant → bucket lookup.
///
/// Buckets start at local midnights of the report time zone (so a DST day lasts 23 or 25 hours),
/// tile the window without gaps or overlaps, and the first and last are clipped to it. A local
/// day that does not exist (a zone skipping a date) yields no bucket.
public struct BucketSeries: Sendable, Equatable {
    /// The window that was split.
    public let window: Window
    /// The calendar unit of each bucket.
    public let size: BucketSize
    /// The buckets in time order; never empty.
    public let buckets: [Bucket]
    private let starts: [Int64]

    /// Splits `window` into `size` buckets of `timeZone`.
    public init(_ window: Window, by size: BucketSize, in timeZone: ReportTimeZone) {
        var buckets: [Bucket] = []
        var period = size.periodStart(containing: timeZone.dayNumber(of: window.from))
        var start = window.from
        while start < window.to {
            let next = size.periodStart(after: period)
            let end = min(timeZone.startOfDay(next), window.to)
            if end > start {
                buckets.append(
                    Bucket(window: Window(checkedFrom: start, to: end), label: size.label(periodStart: period)))
                start = end
            }
            period = next
        }
        self.window = window
        self.size = size
        self.buckets = buckets
        self.starts = buckets.map(\.window.from)
    }

    /// The `count` whole calendar buckets (at least one) ending with the one that holds `instant`:
    /// the periods of a trend that ends with a report's period (pass the window's last instant,
    /// `window.to - 1`). The buckets are whole: none is clipped to a report window.
    public static func trailing(
        _ count: Int, endingWith instant: Int64, by size: BucketSize, in timeZone: ReportTimeZone
    ) -> BucketSeries {
        let last = size.periodStart(containing: timeZone.dayNumber(of: instant))
        var first = last
        for _ in 1..<max(count, 1) { first = size.periodStart(before: first) }
        let window = Window(
            checkedFrom: timeZone.startOfDay(first), to: timeZone.startOfDay(size.periodStart(after: last)))
        return BucketSeries(window, by: size, in: timeZone)
    }

    /// The number of buckets.
    public var count: Int { buckets.count }

    /// The index in ``buckets`` of the bucket holding `instant`, or `nil` outside the window.
    /// A binary search: O(log n) per call, for assigning many timestamps.
    public func bucketIndex(of instant: Int64) -> Int? {
        guard window.contains(instant), !starts.isEmpty else { return nil }
        var low = 0  // starts[low] <= instant
        var high = starts.count  // starts[high] > instant, or past the end
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if starts[middle] <= instant { low = middle } else { high = middle }
        }
        return low
    }
}

/// Splitting report windows into trend buckets.
public enum Buckets {
    /// `window` split into `size` buckets of `timeZone`; see ``BucketSeries``.
    public static func split(_ window: Window, by size: BucketSize, in timeZone: ReportTimeZone) -> [Bucket] {
        BucketSeries(window, by: size, in: timeZone).buckets
    }
}
