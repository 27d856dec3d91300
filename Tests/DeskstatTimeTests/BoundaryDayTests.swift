import DeskstatTime
import Testing

/// As-of exactly on a week's first instant, year boundaries, month lengths and DST days.
@Suite struct BoundaryDayTests {
    /// Monday 2026-11-16 00:00 in each zone, and the week that has just ended (11-09 .. 11-16).
    static let mondayMidnights: [(zone: String, monday: Int64, previousMonday: Int64, mondayBefore: Int64)] = [
        ("UTC", 1_794_787_200, 1_794_182_400, 1_793_577_600),
        ("Europe/Berlin", 1_794_783_600, 1_794_178_800, 1_793_574_000),
        ("America/New_York", 1_794_805_200, 1_794_200_400, 1_793_595_600),
    ]

    @Test(arguments: mondayMidnights)
    func asOfAtMondayMidnight(zone: String, monday: Int64, previousMonday: Int64, mondayBefore: Int64) throws {
        // last-week is the week that just ended, and last-7d is the same seven days.
        #expect(try resolve("last-week", zone, asOf: monday) == window(previousMonday, monday))
        #expect(try resolve("last-7d", zone, asOf: monday) == window(previousMonday, monday))
        // One second earlier it is still Sunday: last-week is the week before.
        #expect(try resolve("last-week", zone, asOf: monday - 1) == window(mondayBefore, previousMonday))
        #expect(try resolve("this-week", zone, asOf: monday - 1) == window(previousMonday, monday - 1))
        // this-week has not begun yet: an empty window is an error, not a silent zero.
        let error = #expect(throws: TimeError.self) { try resolve("this-week", zone, asOf: monday) }
        #expect(error == .emptyPeriod(period: "this-week", timeZone: zone, from: monday, asOf: monday))
        #expect(error?.description.contains("starts exactly at as-of") == true)
    }

    @Test func thisMonthAtTheFirstInstantIsEmpty() throws {
        let november1: Int64 = 1_793_491_200
        let error = #expect(throws: TimeError.self) { try resolve("this-month", "UTC", asOf: november1) }
        #expect(error == .emptyPeriod(period: "this-month", timeZone: "UTC", from: november1, asOf: november1))
        #expect(try resolve("this-month", "UTC", asOf: november1 + 1) == window(november1, november1 + 1))
    }

    /// As-of Wednesday 2027-01-06 12:00 local: week 2027-W01 began on Monday 2027-01-04, and the
    /// week before is 2026-W53 (2026 has 53 ISO weeks, as 1 January 2026 is a Thursday).
    /// Columns: as-of, Mon 2026-12-28, Mon 2027-01-04, Mon 2027-01-11, 2026-12-01, 2027-01-01.
    static let newYear: [(zone: String, instants: [Int64])] = [
        ("UTC", [1_799_236_800, 1_798_416_000, 1_799_020_800, 1_799_625_600, 1_796_083_200, 1_798_761_600]),
        ("Europe/Berlin", [1_799_233_200, 1_798_412_400, 1_799_017_200, 1_799_622_000, 1_796_079_600, 1_798_758_000]),
        (
            "America/New_York",
            [1_799_254_800, 1_798_434_000, 1_799_038_800, 1_799_643_600, 1_796_101_200, 1_798_779_600]
        ),
    ]

    @Test(arguments: newYear)
    func yearBoundary(zone: String, instants: [Int64]) throws {
        let (asOf, w53, w01, w02, december1, january1) = (
            instants[0], instants[1], instants[2], instants[3], instants[4], instants[5]
        )
        #expect(try resolve("last-week", zone, asOf: asOf) == window(w53, w01))
        #expect(try resolve("2026-W53", zone, asOf: asOf) == window(w53, w01))
        #expect(try resolve("2027-W01", zone, asOf: asOf) == window(w01, w02))
        #expect(try resolve("this-week", zone, asOf: asOf) == window(w01, asOf))
        #expect(try resolve("last-month", zone, asOf: asOf) == window(december1, january1))
        #expect(try resolve("2026-12", zone, asOf: asOf) == window(december1, january1))
        #expect(try resolve("this-month", zone, asOf: asOf) == window(january1, asOf))
    }

    @Test func isoWeekOneCanStartInTheOldYear() throws {
        // 2026-W01 is Mon 2025-12-29 .. Mon 2026-01-05.
        #expect(try resolve("2026-W01", "UTC", asOf: wednesdayAsOf) == window(1_766_966_400, 1_767_571_200))
        #expect(try resolve("2026-W01", "Europe/Berlin", asOf: wednesdayAsOf) == window(1_766_962_800, 1_767_567_600))
        #expect(
            try resolve("2026-W01", "America/New_York", asOf: wednesdayAsOf) == window(1_766_984_400, 1_767_589_200))
        // 2020 (leap year starting on a Wednesday) has a W53: Mon 2020-12-28 .. Mon 2021-01-04.
        #expect(try resolve("2020-W53", "UTC", asOf: wednesdayAsOf) == window(1_609_113_600, 1_609_718_400))
    }

    @Test func weekCountsPerYear() throws {
        #expect(throws: TimeError.weekOutOfRange(text: "2027-W53", year: 2027, weeksInYear: 52)) {
            try PeriodSpec.parse("2027-W53")
        }
        #expect(throws: TimeError.weekOutOfRange(text: "2025-W53", year: 2025, weeksInYear: 52)) {
            try PeriodSpec.parse("2025-W53")
        }
        #expect(try PeriodSpec.parse("2026-W53") == .isoWeek(year: 2026, week: 53))
        #expect(try PeriodSpec.parse("2015-W53") == .isoWeek(year: 2015, week: 53))
    }

    static let months: [(period: String, from: Int64, to: Int64, days: Int64)] = [
        ("2028-02", 1_832_976_000, 1_835_481_600, 29),  // leap year
        ("2027-02", 1_801_440_000, 1_803_859_200, 28),
        ("2000-02", 949_363_200, 951_868_800, 29),  // divisible by 400: leap
        ("2100-02", 4_105_123_200, 4_107_542_400, 28),  // divisible by 100 only: not leap
        ("2026-11", 1_793_491_200, 1_796_083_200, 30),
        ("2026-12", 1_796_083_200, 1_798_761_600, 31),
    ]

    @Test(arguments: months)
    func monthLengthsInUTC(period: String, from: Int64, to: Int64, days: Int64) throws {
        let resolved = try resolve(period, "UTC", asOf: wednesdayAsOf)
        #expect(resolved == (try window(from, to)))
        #expect(resolved.length == days * 86_400)
    }

    @Test func february2028InZonesAndAsLastMonth() throws {
        #expect(try resolve("2028-02", "Europe/Berlin", asOf: wednesdayAsOf) == window(1_832_972_400, 1_835_478_000))
        #expect(try resolve("2028-02", "America/New_York", asOf: wednesdayAsOf) == window(1_832_994_000, 1_835_499_600))
        // As-of 2028-03-10T00:00Z.
        #expect(try resolve("last-month", "UTC", asOf: 1_836_259_200) == window(1_832_976_000, 1_835_481_600))
        #expect(try resolve("2028-02-29", "UTC", asOf: wednesdayAsOf) == window(1_835_395_200, 1_835_481_600))
    }

    /// Days whose local length is not 24 h.
    static let dstDays: [(zone: String, day: String, from: Int64, to: Int64, hours: Int64)] = [
        ("Europe/Berlin", "2026-03-29", 1_774_738_800, 1_774_821_600, 23),
        ("Europe/Berlin", "2026-10-25", 1_792_879_200, 1_792_969_200, 25),
        ("America/New_York", "2026-03-08", 1_772_946_000, 1_773_028_800, 23),
        ("America/New_York", "2026-11-01", 1_793_505_600, 1_793_595_600, 25),
        ("UTC", "2026-03-29", 1_774_742_400, 1_774_828_800, 24),
    ]

    @Test(arguments: dstDays)
    func dstDayLengths(zone: String, day: String, from: Int64, to: Int64, hours: Int64) throws {
        let resolved = try resolve(day, zone, asOf: wednesdayAsOf)
        #expect(resolved == (try window(from, to)))
        #expect(resolved.length == hours * 3600)
    }

    @Test func dstMonthsAndLastNDays() throws {
        // March 2026 in Berlin: 31 days minus the lost hour.
        let march = try resolve("2026-03", "Europe/Berlin", asOf: wednesdayAsOf)
        #expect(march == (try window(1_772_319_600, 1_774_994_400)))
        #expect(march.length == 31 * 86_400 - 3600)
        // last-7d seen from Monday 2026-03-30 12:00 Berlin (10:00Z): Mon 03-23 .. Mon 03-30, 167 h.
        let lastSeven = try resolve("last-7d", "Europe/Berlin", asOf: 1_774_821_600 + 36_000)
        #expect(lastSeven == (try window(1_774_220_400, 1_774_821_600)))
        #expect(lastSeven.length == 167 * 3600)
    }

    @Test func skippedDayIsAnEmptyPeriod() throws {
        // Pacific/Apia jumped from 2011-12-29 24:00 (-10:00) straight to 2011-12-31 00:00 (+14:00).
        let start: Int64 = 1_325_239_200
        let error = #expect(throws: TimeError.self) { try resolve("2011-12-30", "Pacific/Apia", asOf: wednesdayAsOf) }
        #expect(error == .emptyPeriod(period: "2011-12-30", timeZone: "Pacific/Apia", from: start, asOf: wednesdayAsOf))
        #expect(error?.description.contains("does not exist") == true)
        #expect(try resolve("2011-12-29", "Pacific/Apia", asOf: wednesdayAsOf) == window(1_325_152_800, start))
        #expect(try resolve("2011-12-31", "Pacific/Apia", asOf: wednesdayAsOf) == window(start, 1_325_325_600))
    }
}
