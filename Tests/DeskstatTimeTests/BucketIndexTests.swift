import DeskstatTime
import Testing

/// Random windows (seeded, reproducible): buckets tile the window, start at local midnights,
/// and `bucketIndex` agrees with a linear scan.
@Suite struct BucketIndexTests {
    static let zones = [
        "UTC", "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kathmandu",
        "Pacific/Chatham", "Asia/Tokyo",
    ]

    /// 2000-01-01T00:00:00Z and 2035-01-01T00:00:00Z.
    static let range: Range<Int64> = 946_684_800..<2_051_222_400

    @Test(arguments: BucketSize.allCases)
    func randomWindowsAgreeWithLinearScan(size: BucketSize) throws {
        var random = SplitMix64(state: 0x5EED_0000 + UInt64(size.rawValue.count))
        let maxLength: Int64 =
            switch size {
            case .day: 120 * 86_400
            case .week: 730 * 86_400
            case .month: 3650 * 86_400
            }
        for _ in 0..<60 {
            let zone = try ReportTimeZone(Self.zones[Int.random(in: 0..<Self.zones.count, using: &random)])
            let from = Int64.random(in: Self.range, using: &random)
            let target = try window(from, from + Int64.random(in: 1...maxLength, using: &random))
            let series = BucketSeries(target, by: size, in: zone)
            try checkTiling(series, target, zone)
            checkLookups(series, target, using: &random)
        }
    }

    private func checkTiling(_ series: BucketSeries, _ target: Window, _ zone: ReportTimeZone) throws {
        let buckets = series.buckets
        let first = try #require(buckets.first)
        #expect(first.window.from == target.from)
        #expect(buckets.last?.window.to == target.to)
        for (earlier, later) in zip(buckets, buckets.dropFirst()) {
            #expect(earlier.window.to == later.window.from)
            #expect(earlier.label < later.label)
            // Each inner boundary is the first instant of a local day.
            #expect(
                InstantFormat.date(later.window.from - 1, in: zone) != InstantFormat.date(later.window.from, in: zone))
        }
        if series.size == .day {
            for bucket in buckets { #expect(bucket.label == InstantFormat.date(bucket.window.from, in: zone)) }
        }
    }

    private func checkLookups(_ series: BucketSeries, _ target: Window, using random: inout SplitMix64) {
        let margin = target.length / 10 + 1
        var probes = series.buckets.flatMap { [$0.window.from, $0.window.to - 1, $0.window.to] }
        probes += [target.from - 1, target.to]
        for _ in 0..<300 {
            probes.append(Int64.random(in: (target.from - margin)...(target.to + margin), using: &random))
        }
        for instant in probes {
            let linear = series.buckets.firstIndex { $0.window.contains(instant) }
            #expect(series.bucketIndex(of: instant) == linear, "instant \(instant) in \(target)")
        }
    }
}
