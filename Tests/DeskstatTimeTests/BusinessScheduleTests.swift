import Testing

@testable import DeskstatTime

/// Business minutes, hand-computed. Epochs come from GNU date (`date -u -d '2026-11-16 08:00Z' +%s`);
/// local readings were checked with `TZ=<zone> date -d @<epoch>`.
@Suite struct BusinessScheduleTests {
    /// Monday–Friday 09:00–17:00 as Zendesk writes it: minutes from Sunday 00:00.
    static let weekdays = daily(Array(1...5), from: 540, to: 1_020)

    /// The same local hours `[from, to)` (minutes of the day) on each of `days` (0 Sunday … 6 Saturday).
    static func daily(_ days: [Int64], from: Int64, to: Int64) -> [(start: Int64, end: Int64)] {
        var intervals: [(start: Int64, end: Int64)] = []
        for day in days {
            let midnight: Int64 = day * 1_440
            intervals.append((start: midnight + from, end: midnight + to))
        }
        return intervals
    }

    static func schedule(
        _ zone: String = "UTC", _ intervals: [(start: Int64, end: Int64)] = weekdays,
        holidays: [(start: String, end: String)] = []
    ) throws -> BusinessSchedule {
        try BusinessSchedule(timeZone: ReportTimeZone(zone), intervals: intervals, holidays: holidays)
    }

    @Test func oneWorkdayAndAHalf() throws {
        // Mon 2026-11-16 08:00Z → Tue 10:30Z: Monday 09–17 (480) + Tuesday 09–10:30 (90).
        #expect(try Self.schedule().businessMinutes(from: 1_794_816_000, to: 1_794_911_400) == 570)
    }

    @Test func acrossAWeekend() throws {
        // Fri 2026-11-20 16:00Z → Mon 2026-11-23 10:00Z: Friday 16–17 and Monday 09–10.
        #expect(try Self.schedule().businessMinutes(from: 1_795_190_400, to: 1_795_428_000) == 120)
    }

    @Test func emptyAndReversedRanges() throws {
        let schedule = try Self.schedule()
        #expect(schedule.businessSeconds(from: 1_795_428_000, to: 1_795_428_000) == 0)
        #expect(schedule.businessSeconds(from: 1_795_428_000, to: 1_795_190_400) == 0)
    }

    @Test func secondsAreExactAndMinutesRoundDown() throws {
        // Mon 2026-11-16 16:59:30Z → 17:00:30Z: 30 business seconds, 0 whole minutes.
        let schedule = try Self.schedule()
        #expect(schedule.businessSeconds(from: 1_794_848_370, to: 1_794_848_430) == 30)
        #expect(schedule.businessMinutes(from: 1_794_848_370, to: 1_794_848_430) == 0)
    }

    @Test func severalIntervalsADay() throws {
        // Monday 09–12 and 13–17; Mon 2026-11-16 11:00Z → 14:00Z: 11–12 and 13–14.
        let split: [(start: Int64, end: Int64)] = [(1_440 + 540, 1_440 + 720), (1_440 + 780, 1_440 + 1_020)]
        #expect(try Self.schedule("UTC", split).businessMinutes(from: 1_794_826_800, to: 1_794_837_600) == 120)
    }

    @Test func overlappingIntervalsCountOnce() throws {
        let overlapping: [(start: Int64, end: Int64)] = [(1_440 + 540, 1_440 + 720), (1_440 + 600, 1_440 + 780)]
        // Monday 09–13 once; Mon 2026-11-16 08:00Z → Tue 10:30Z.
        #expect(try Self.schedule("UTC", overlapping).businessMinutes(from: 1_794_816_000, to: 1_794_911_400) == 240)
    }

    @Test func intervalCrossingMidnight() throws {
        // Monday 22:00 → Tuesday 02:00 (minutes 2760–3000); Mon 2026-11-16 21:00Z → Tue 03:00Z.
        let night: [(start: Int64, end: Int64)] = [(2_760, 3_000)]
        #expect(try Self.schedule("UTC", night).businessMinutes(from: 1_794_862_800, to: 1_794_884_400) == 240)
        // A holiday on Tuesday 2026-11-17 removes only the part after midnight.
        let tuesdayOff = try Self.schedule("UTC", night, holidays: [("2026-11-17", "2026-11-17")])
        #expect(tuesdayOff.businessMinutes(from: 1_794_862_800, to: 1_794_884_400) == 120)
    }

    @Test func intervalCrossingTheEndOfTheWeek() throws {
        // Saturday 22:00 → Sunday 02:00 (minutes 9960–10200); Sat 2026-11-21 20:00Z → Sun 05:00Z.
        let weekend: [(start: Int64, end: Int64)] = [(9_960, 10_200)]
        #expect(try Self.schedule("UTC", weekend).businessMinutes(from: 1_795_291_200, to: 1_795_323_600) == 240)
    }

    @Test func holidaySpanningAWeekend() throws {
        // Holidays Thu 2026-12-24 … Mon 2026-12-28; Wed 2026-12-23 16:00Z → Tue 2026-12-29 10:00Z:
        // Wednesday 16–17 and Tuesday 09–10 only.
        let schedule = try Self.schedule(holidays: [("2026-12-24", "2026-12-28")])
        #expect(schedule.businessMinutes(from: 1_798_041_600, to: 1_798_538_400) == 120)
        // Without the holiday: 60 + Thu, Fri, Mon (3 × 480) + 60.
        #expect(try Self.schedule().businessMinutes(from: 1_798_041_600, to: 1_798_538_400) == 1_560)
    }

    @Test func overlappingHolidaysMerge() throws {
        let schedule = try Self.schedule(holidays: [("2026-12-24", "2026-12-25"), ("2026-12-25", "2026-12-28")])
        #expect(schedule.businessMinutes(from: 1_798_041_600, to: 1_798_538_400) == 120)
    }

    @Test func springForwardSkipsAnHour() throws {
        // New York, every day 01:00–05:00 local. On Sun 2026-03-08 02:00 EST jumps to 03:00 EDT, so the
        // day has 3 business hours: 01:00 EST (06:00Z) → 05:00 EDT (09:00Z).
        let nightly = Self.daily(Array(0...6), from: 60, to: 300)
        let schedule = try Self.schedule("America/New_York", nightly)
        #expect(schedule.businessMinutes(from: 1_772_928_000, to: 1_773_014_400) == 180)
    }

    @Test func fallBackRepeatsAnHour() throws {
        // On Sun 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:00 EDT (05:00Z) → 05:00 EST (10:00Z).
        let nightly = Self.daily(Array(0...6), from: 60, to: 300)
        let schedule = try Self.schedule("America/New_York", nightly)
        #expect(schedule.businessMinutes(from: 1_793_491_200, to: 1_793_577_600) == 300)
    }

    @Test func workdaysAcrossADSTWeekend() throws {
        // New York 09–17 weekdays; Fri 2026-03-06 16:00 EST (21:00Z) → Mon 2026-03-09 10:00 EDT (14:00Z).
        #expect(try Self.schedule("America/New_York").businessMinutes(from: 1_772_830_800, to: 1_773_064_800) == 120)
        // Berlin; Fri 2026-03-27 16:00 CET (15:00Z) → Mon 2026-03-30 10:00 CEST (08:00Z).
        #expect(try Self.schedule("Europe/Berlin").businessMinutes(from: 1_774_623_600, to: 1_774_857_600) == 120)
    }

    @Test func openingFollowsTheLocalClock() throws {
        let berlin = try Self.schedule("Europe/Berlin")
        // Mon 2026-03-23 (CET): 09:00 local is 08:00Z; 07:30Z → 08:30Z holds 30 business minutes.
        #expect(berlin.businessMinutes(from: 1_774_251_000, to: 1_774_254_600) == 30)
        // Mon 2026-03-30 (CEST): 09:00 local is 07:00Z; 06:30Z → 07:30Z holds 30 business minutes.
        #expect(berlin.businessMinutes(from: 1_774_852_200, to: 1_774_855_800) == 30)
    }

    @Test func dstChangeAndHolidayTogether() throws {
        // Berlin, holiday Mon 2026-03-30; Fri 2026-03-27 15:00Z → Tue 2026-03-31 08:00Z (10:00 CEST):
        // Friday 16–17 CET and Tuesday 09–10 CEST.
        let schedule = try Self.schedule("Europe/Berlin", holidays: [("2026-03-30", "2026-03-30")])
        #expect(schedule.businessMinutes(from: 1_774_623_600, to: 1_774_944_000) == 120)
    }

    @Test func alwaysOpenIsCalendarTime() {
        #expect(BusinessSchedule.alwaysOpen.businessSeconds(from: 1_794_816_000, to: 1_794_911_400) == 95_400)
    }

    @Test func badIntervalsAndHolidaysAreRefused() {
        #expect(throws: TimeError.invalidScheduleInterval(start: 600, end: 600)) {
            try Self.schedule("UTC", [(600, 600)])
        }
        #expect(throws: TimeError.invalidScheduleInterval(start: 10_080, end: 10_200)) {
            try Self.schedule("UTC", [(10_080, 10_200)])
        }
        #expect(throws: TimeError.invalidHoliday(text: "2026-02-30")) {
            try Self.schedule(holidays: [("2026-02-30", "2026-03-01")])
        }
        #expect(throws: TimeError.invalidHoliday(text: "26-12-24")) {
            try Self.schedule(holidays: [("26-12-24", "2026-12-24")])
        }
        #expect(throws: TimeError.invalidHoliday(text: "2026-12-28..2026-12-24")) {
            try Self.schedule(holidays: [("2026-12-28", "2026-12-24")])
        }
    }
}

@Suite struct ZendeskTimeZoneNameTests {
    @Test func zendeskDisplayNamesMapToIANAZones() throws {
        #expect(try ReportTimeZone(zendeskName: "Eastern Time (US & Canada)").identifier == "America/New_York")
        #expect(try ReportTimeZone(zendeskName: "Berlin").identifier == "Europe/Berlin")
        #expect(try ReportTimeZone(zendeskName: "Europe/Paris").identifier == "Europe/Paris")
        #expect(try ReportTimeZone(zendeskName: "UTC") == .utc)
        #expect(throws: TimeError.self) { try ReportTimeZone(zendeskName: "Moon Time") }
    }

    @Test func everyMappedZoneExists() throws {
        let unknown = ReportTimeZone.zendeskNames.filter { (try? ReportTimeZone($0.value)) == nil }
        #expect(unknown.isEmpty, "\(unknown)")
    }
}
