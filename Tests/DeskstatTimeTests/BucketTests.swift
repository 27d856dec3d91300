import DeskstatTime
import Testing

@Suite struct BucketTests {
    /// `(label, from, to)` of each bucket.
    func shape(_ buckets: [Bucket]) -> [(String, Int64, Int64)] {
        buckets.map { ($0.label, $0.window.from, $0.window.to) }
    }

    func expectShape(
        _ buckets: [Bucket], _ expected: [(String, Int64, Int64)], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let actual = shape(buckets)
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (got, want) in zip(actual, expected) {
            #expect(got == want, sourceLocation: sourceLocation)
        }
    }

    @Test func berlinSpringForwardDayHas23Hours() throws {
        let berlin = try ReportTimeZone("Europe/Berlin")
        let week = try resolve("2026-W13", "Europe/Berlin", asOf: wednesdayAsOf)
        let days = Buckets.split(week, by: .day, in: berlin)
        let monday: Int64 = 1_774_220_400  // 2026-03-23 00:00 +01:00
        expectShape(
            days,
            [
                ("2026-03-23", monday, monday + 86_400),
                ("2026-03-24", monday + 86_400, monday + 2 * 86_400),
                ("2026-03-25", monday + 2 * 86_400, monday + 3 * 86_400),
                ("2026-03-26", monday + 3 * 86_400, monday + 4 * 86_400),
                ("2026-03-27", monday + 4 * 86_400, monday + 5 * 86_400),
                ("2026-03-28", monday + 5 * 86_400, 1_774_738_800),
                ("2026-03-29", 1_774_738_800, 1_774_821_600),  // 23 h
            ])
        #expect(days.map(\.window.length) == [86_400, 86_400, 86_400, 86_400, 86_400, 86_400, 82_800])
        expectShape(Buckets.split(week, by: .week, in: berlin), [("2026-W13", monday, 1_774_821_600)])
    }

    @Test func berlinFallBackDayHas25Hours() throws {
        let berlin = try ReportTimeZone("Europe/Berlin")
        let days = Buckets.split(try window(1_792_360_800, 1_792_969_200), by: .day, in: berlin)  // 10-19 .. 10-26
        #expect(
            days.map(\.label) == [
                "2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25",
            ])
        #expect(days.map(\.window.length) == [86_400, 86_400, 86_400, 86_400, 86_400, 86_400, 90_000])
        #expect(days.last?.window == (try window(1_792_879_200, 1_792_969_200)))
    }

    @Test func newYorkDSTDays() throws {
        let newYork = try ReportTimeZone("America/New_York")
        let november = Buckets.split(
            try resolve("2026-11", "America/New_York", asOf: wednesdayAsOf), by: .day, in: newYork)
        #expect(november.count == 30)
        #expect(november.first?.label == "2026-11-01")
        #expect(november.first?.window == (try window(1_793_505_600, 1_793_595_600)))  // 25 h
        #expect(november.dropFirst().allSatisfy { $0.window.length == 86_400 })
        #expect(november.last?.label == "2026-11-30")
        let march = Buckets.split(
            try resolve("2026-03", "America/New_York", asOf: wednesdayAsOf), by: .day, in: newYork)
        #expect(march.count == 31)
        #expect(march[7].label == "2026-03-08")
        #expect(march[7].window == (try window(1_772_946_000, 1_773_028_800)))  // 23 h
    }

    @Test func weeksOfAMonthAreClipped() throws {
        let november = try resolve("2026-11", "UTC", asOf: wednesdayAsOf)
        expectShape(
            Buckets.split(november, by: .week, in: .utc),
            [
                ("2026-W44", 1_793_491_200, 1_793_577_600),  // Sunday 11-01 only
                ("2026-W45", 1_793_577_600, 1_794_182_400),
                ("2026-W46", 1_794_182_400, 1_794_787_200),
                ("2026-W47", 1_794_787_200, 1_795_392_000),
                ("2026-W48", 1_795_392_000, 1_795_996_800),
                ("2026-W49", 1_795_996_800, 1_796_083_200),  // Monday 11-30 only
            ])
    }

    @Test func monthsAreClipped() throws {
        // 2026-11-17T12:00Z .. 2027-02-03T00:00Z
        expectShape(
            Buckets.split(try window(1_794_916_800, 1_801_612_800), by: .month, in: .utc),
            [
                ("2026-11", 1_794_916_800, 1_796_083_200),
                ("2026-12", 1_796_083_200, 1_798_761_600),
                ("2027-01", 1_798_761_600, 1_801_440_000),
                ("2027-02", 1_801_440_000, 1_801_612_800),
            ])
    }

    @Test func daysClippedInALocalZone() throws {
        // 2026-11-16T12:00Z .. 2026-11-18T06:00Z is 11-16 07:00 .. 11-18 01:00 in New York.
        expectShape(
            Buckets.split(
                try window(1_794_830_400, 1_794_981_600), by: .day, in: try ReportTimeZone("America/New_York")),
            [
                ("2026-11-16", 1_794_830_400, 1_794_891_600),
                ("2026-11-17", 1_794_891_600, 1_794_978_000),
                ("2026-11-18", 1_794_978_000, 1_794_981_600),
            ])
        // The same instants in UTC.
        expectShape(
            Buckets.split(try window(1_794_830_400, 1_794_981_600), by: .day, in: .utc),
            [
                ("2026-11-16", 1_794_830_400, 1_794_873_600),
                ("2026-11-17", 1_794_873_600, 1_794_960_000),
                ("2026-11-18", 1_794_960_000, 1_794_981_600),
            ])
    }

    @Test func aWindowShorterThanABucket() throws {
        let hour = try window(1_794_916_800, 1_794_920_400)
        for size in BucketSize.allCases {
            let buckets = Buckets.split(hour, by: size, in: .utc)
            #expect(buckets.count == 1)
            #expect(buckets.first?.window == hour)
        }
        #expect(Buckets.split(hour, by: .week, in: .utc).first?.label == "2026-W47")
    }

    @Test func weekLabelsUseTheISOYear() throws {
        expectShape(
            Buckets.split(try window(1_798_416_000, 1_799_625_600), by: .week, in: .utc),  // 2026-12-28 .. 2027-01-11
            [("2026-W53", 1_798_416_000, 1_799_020_800), ("2027-W01", 1_799_020_800, 1_799_625_600)])
        let w01 = try resolve("2026-W01", "UTC", asOf: wednesdayAsOf)  // 2025-12-29 .. 2026-01-05
        expectShape(Buckets.split(w01, by: .week, in: .utc), [("2026-W01", 1_766_966_400, 1_767_571_200)])
        expectShape(
            Buckets.split(w01, by: .month, in: .utc),
            [("2025-12", 1_766_966_400, 1_767_225_600), ("2026-01", 1_767_225_600, 1_767_571_200)])
    }

    @Test func berlinMonthsOf2026() throws {
        let year = try window(1_767_222_000, 1_798_758_000)  // 2026-01-01 .. 2027-01-01 in Berlin
        let months = Buckets.split(year, by: .month, in: try ReportTimeZone("Europe/Berlin"))
        let labels = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map { "2026-\($0)" }
        #expect(months.map(\.label) == labels)
        let hours = months.map { $0.window.length / 3600 }
        #expect(hours == [744, 672, 743, 720, 744, 720, 744, 744, 720, 745, 720, 744])
    }

    @Test func aSkippedDayHasNoBucket() throws {
        // Pacific/Apia: 2011-12-29 00:00 -10:00 .. 2012-01-01 00:00 +14:00; 12-30 never happened.
        let apia = try ReportTimeZone("Pacific/Apia")
        expectShape(
            Buckets.split(try window(1_325_152_800, 1_325_325_600), by: .day, in: apia),
            [("2011-12-29", 1_325_152_800, 1_325_239_200), ("2011-12-31", 1_325_239_200, 1_325_325_600)])
    }

    @Test func seriesLookupAtBoundaries() throws {
        let series = BucketSeries(try resolve("2026-11", "UTC", asOf: wednesdayAsOf), by: .week, in: .utc)
        #expect(series.count == 6)
        #expect(series.size == .week)
        #expect(series.bucketIndex(of: 1_793_491_199) == nil)
        #expect(series.bucketIndex(of: 1_793_491_200) == 0)
        #expect(series.bucketIndex(of: 1_793_577_599) == 0)
        #expect(series.bucketIndex(of: 1_793_577_600) == 1)
        #expect(series.bucketIndex(of: 1_794_907_800) == 3)
        #expect(series.bucketIndex(of: 1_796_083_199) == 5)
        #expect(series.bucketIndex(of: 1_796_083_200) == nil)
    }

    @Test func bucketSizeNames() {
        #expect(BucketSize.allCases.map(\.rawValue) == ["day", "week", "month"])
        #expect(BucketSize(rawValue: "week") == .week)
        #expect(BucketSize(rawValue: "hour") == nil)
    }
}
