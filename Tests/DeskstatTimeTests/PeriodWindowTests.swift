import DeskstatTime
import Testing

/// Every period form in UTC, Europe/Berlin and America/New_York, seen from Wednesday
/// 2026-11-18T15:30:00Z. Berlin left summer time on 2026-10-25, New York on 2026-11-01.
@Suite struct PeriodWindowTests {
    static let cases: [(zone: String, period: String, from: Int64, to: Int64)] = [
        ("UTC", "last-week", 1_794_182_400, 1_794_787_200),  // Mon 11-09 .. Mon 11-16
        ("UTC", "this-week", 1_794_787_200, wednesdayAsOf),  // Mon 11-16 .. as-of
        ("UTC", "last-month", 1_790_812_800, 1_793_491_200),  // 10-01 .. 11-01
        ("UTC", "this-month", 1_793_491_200, wednesdayAsOf),  // 11-01 .. as-of
        ("UTC", "last-30d", 1_792_368_000, 1_794_960_000),  // 10-19 .. 11-18
        ("UTC", "last-7d", 1_794_355_200, 1_794_960_000),  // 11-11 .. 11-18
        ("UTC", "2026-W47", 1_794_787_200, 1_795_392_000),  // 11-16 .. 11-23
        ("UTC", "2026-11", 1_793_491_200, 1_796_083_200),  // 11-01 .. 12-01
        ("UTC", "2026-11-17", 1_794_873_600, 1_794_960_000),  // 11-17 .. 11-18
        ("Europe/Berlin", "last-week", 1_794_178_800, 1_794_783_600),
        ("Europe/Berlin", "this-week", 1_794_783_600, wednesdayAsOf),
        ("Europe/Berlin", "last-month", 1_790_805_600, 1_793_487_600),  // 10-01 CEST .. 11-01 CET
        ("Europe/Berlin", "this-month", 1_793_487_600, wednesdayAsOf),
        ("Europe/Berlin", "last-30d", 1_792_360_800, 1_794_956_400),  // holds the 25 h day 10-25
        ("Europe/Berlin", "last-7d", 1_794_351_600, 1_794_956_400),
        ("Europe/Berlin", "2026-W47", 1_794_783_600, 1_795_388_400),
        ("Europe/Berlin", "2026-11", 1_793_487_600, 1_796_079_600),
        ("Europe/Berlin", "2026-11-17", 1_794_870_000, 1_794_956_400),
        ("America/New_York", "last-week", 1_794_200_400, 1_794_805_200),
        ("America/New_York", "this-week", 1_794_805_200, wednesdayAsOf),
        ("America/New_York", "last-month", 1_790_827_200, 1_793_505_600),  // 10-01 EDT .. 11-01 EDT
        ("America/New_York", "this-month", 1_793_505_600, wednesdayAsOf),
        ("America/New_York", "last-30d", 1_792_382_400, 1_794_978_000),  // holds the 25 h day 11-01
        ("America/New_York", "last-7d", 1_794_373_200, 1_794_978_000),
        ("America/New_York", "2026-W47", 1_794_805_200, 1_795_410_000),
        ("America/New_York", "2026-11", 1_793_505_600, 1_796_101_200),
        ("America/New_York", "2026-11-17", 1_794_891_600, 1_794_978_000),
    ]

    @Test(arguments: cases)
    func resolves(zone: String, period: String, from: Int64, to: Int64) throws {
        #expect(try resolve(period, zone, asOf: wednesdayAsOf) == window(from, to))
    }

    @Test(arguments: cases)
    func previousHasEqualLengthJustBefore(zone: String, period: String, from: Int64, to: Int64) throws {
        let previous = try resolve(period, zone, asOf: wednesdayAsOf).previous()
        #expect(previous == (try window(from - (to - from), from)))
        #expect(previous.length == to - from)
    }

    @Test func previousOfConcreteWindows() throws {
        // last-week in UTC: Mon 11-02 .. Mon 11-09.
        #expect(try resolve("last-week", "UTC", asOf: wednesdayAsOf).previous() == window(1_793_577_600, 1_794_182_400))
        // November (30 days) in UTC: 10-02 .. 11-01, not October.
        #expect(try resolve("2026-11", "UTC", asOf: wednesdayAsOf).previous() == window(1_790_899_200, 1_793_491_200))
        // this-week in UTC: 2 days 15.5 h back from Monday.
        #expect(try resolve("this-week", "UTC", asOf: wednesdayAsOf).previous() == window(1_794_558_600, 1_794_787_200))
        // Berlin 2026-W13 lasts 167 h (spring forward on 03-29); its previous window lasts 167 h too.
        let week13 = try resolve("2026-W13", "Europe/Berlin", asOf: wednesdayAsOf)
        #expect(week13 == (try window(1_774_220_400, 1_774_821_600)))
        #expect(week13.previous() == (try window(1_773_619_200, 1_774_220_400)))
    }

    @Test func defaultIsLastWeek() throws {
        let request = WindowRequest(timeZone: try ReportTimeZone("Europe/Berlin"), asOf: wednesdayAsOf)
        #expect(try WindowResolver.resolve(request) == window(1_794_178_800, 1_794_783_600))
        #expect(PeriodSpec.default == .lastWeek)
    }

    @Test func asOfLocalDayIsTheZonesDay() throws {
        // 2026-11-16T02:00Z is Sunday 11-15 21:00 in New York: the week is still the one of 11-09.
        let sundayEvening: Int64 = 1_794_794_400
        #expect(
            try resolve("this-week", "America/New_York", asOf: sundayEvening) == window(1_794_200_400, sundayEvening))
        #expect(
            try resolve("last-week", "America/New_York", asOf: sundayEvening) == window(1_793_595_600, 1_794_200_400))
        // 2026-11-15T20:00Z is Monday 11-16 05:00 in Tokyo: a new week has begun there.
        let mondayMorning: Int64 = 1_794_772_800
        #expect(try resolve("this-week", "Asia/Tokyo", asOf: mondayMorning) == window(1_794_754_800, mondayMorning))
        #expect(try resolve("last-week", "Asia/Tokyo", asOf: mondayMorning) == window(1_794_150_000, 1_794_754_800))
    }
}
