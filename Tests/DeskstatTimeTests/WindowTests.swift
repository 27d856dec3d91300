import DeskstatTime
import Testing

@Suite struct WindowTests {
    @Test func lengthContainsAndDescription() throws {
        let week = try window(1_794_787_200, 1_795_392_000)
        #expect(week.length == 7 * 86_400)
        #expect(week.contains(1_794_787_200))
        #expect(week.contains(1_795_391_999))
        #expect(!week.contains(1_795_392_000))
        #expect(!week.contains(1_794_787_199))
        #expect(week.description == "[2026-11-16T00:00:00Z, 2026-11-23T00:00:00Z)")
    }

    @Test func previousIsAdjacentAndEqualLength() throws {
        let week = try window(1_794_787_200, 1_795_392_000)
        #expect(week.previous() == (try window(1_794_182_400, 1_794_787_200)))
        #expect(week.previous().previous() == (try window(1_793_577_600, 1_794_182_400)))
        let second = try window(10, 11)
        #expect(second.previous() == (try window(9, 10)))
    }

    @Test(arguments: [(Int64(5), Int64(5)), (6, 5), (0, .max), (.min, 0), (-(1 << 48) - 1, 0)])
    func rejectsEmptyOrHugeWindows(from: Int64, to: Int64) {
        let error = #expect(throws: TimeError.invalidWindow(from: from, to: to)) { try Window(from: from, to: to) }
        #expect(error?.description.contains("from must be before to") == true)
    }

    @Test func previousInAZoneStaysOnLocalMidnights() throws {
        let berlin = try ReportTimeZone("Europe/Berlin")
        // 2026-W14 (Mon 03-30 .. Mon 04-06, 168 h): the previous week is 2026-W13 (167 h).
        let week14 = try resolve("2026-W14", "Europe/Berlin", asOf: wednesdayAsOf)
        #expect(week14 == (try window(1_774_821_600, 1_775_426_400)))
        #expect(week14.previous(in: berlin) == (try window(1_774_220_400, 1_774_821_600)))
        // previous() keeps 168 h and so starts on Sunday 03-22 23:00 +01:00.
        #expect(week14.previous() == (try window(1_774_220_400 - 3600, 1_774_821_600)))
        #expect(InstantFormat.local(week14.previous().from, in: berlin) == "2026-03-22 23:00 +01:00")
        // Day 03-30 (24 h) .. its previous day is the 23 h day 03-29, and that one's is 03-28.
        let march30 = try resolve("2026-03-30", "Europe/Berlin", asOf: wednesdayAsOf)
        #expect(march30.previous(in: berlin) == (try window(1_774_738_800, 1_774_821_600)))
        #expect(march30.previous(in: berlin).previous(in: berlin) == (try window(1_774_652_400, 1_774_738_800)))
        // last-30d from 2026-11-18 (holds the 25 h day 10-25): 09-19 .. 10-19, all 24 h days.
        let lastThirty = try resolve("last-30d", "Europe/Berlin", asOf: wednesdayAsOf)
        #expect(lastThirty.previous(in: berlin) == (try window(1_789_768_800, 1_792_360_800)))
        // November: 30 days back, 10-02 .. 11-01.
        let november = try resolve("2026-11", "Europe/Berlin", asOf: wednesdayAsOf)
        #expect(november.previous(in: berlin) == (try window(1_790_892_000, 1_793_487_600)))
    }

    @Test func previousInAZoneFallsBackToEqualSeconds() throws {
        let berlin = try ReportTimeZone("Europe/Berlin")
        // this-week ends at as-of, not at a midnight.
        let thisWeek = try resolve("this-week", "Europe/Berlin", asOf: wednesdayAsOf)
        #expect(thisWeek.previous(in: berlin) == thisWeek.previous())
        // Whole UTC days are not whole Berlin days.
        let utcWeek = try resolve("2026-W47", "UTC", asOf: wednesdayAsOf)
        #expect(utcWeek.previous(in: berlin) == utcWeek.previous())
        #expect(utcWeek.previous(in: .utc) == utcWeek.previous())
    }
}
