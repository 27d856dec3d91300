import DeskstatEngine
import DeskstatReport
import DeskstatTime
import DeskstatTimeline
import Testing

/// History KPIs per slice, in trends, and on the ticket's own schedule, against the hand-computed
/// figures of fixtures/EXPECTED.md § 14 (tickets 1001 and 1049 from `ticket_events.json`, the
/// "US East support" schedule with its DST change and holiday) and § 10.
@Suite("History KPIs per slice, in trends, on the ticket's schedule")
struct HistorySliceTests {
    static func utc(_ from: Int64, _ to: Int64) -> Window { FixtureAccount.window(from, to) }
    /// 2026-10-19 … 2026-11-03 and October 2026.
    static let lateOctober = utc(1_792_368_000, 1_793_664_000)
    static let october = utc(1_790_812_800, 1_793_491_200)

    static func table(_ report: Report, _ id: String) throws -> ReportTable {
        try #require(report.section(id: id)?.tables.first)
    }

    static func row(_ table: ReportTable, _ label: String) -> [ReportValue]? {
        table.rows.first { $0.first == .text(label) }
    }

    static func column(_ table: ReportTable, _ id: String) -> Int? {
        table.columns.firstIndex { $0.id == id }
    }

    // MARK: The ticket's schedule, DST and a holiday

    @Test func theNextReplyAcrossDSTAndAHolidayIsMeasuredOnTheTicketsLastSchedule() throws {
        let loader = TimelineLoader(cache: FixtureAccount.cache)
        let timeline = try loader.timeline(1049)
        // § 14: none → 360000777 at creation, → 360000778 at 10-26 15:20 (the last one).
        #expect(timeline.schedule.map(\.value) == ["360000777", "360000778"])
        #expect(timeline.scheduleID(asOf: FixtureAccount.asOf) == 360_000_778)
        #expect(timeline.reopens == [1_793_305_800])  // 10-29 20:30
        let history = try loader.historyFacts()
        let schedule = history.schedule(for: timeline, asOf: FixtureAccount.asOf)
        let replies = HistoryKPIs.replies(timeline)
        #expect(replies.map(\.isFirst) == [true, false])
        #expect(replies.map { $0.calendarSeconds / 60 } == [20, 3_810])
        #expect(replies.map { $0.businessSeconds(on: schedule) / 60 } == [20, 450])
        // The default schedule would give 480 (Fri 10-30 09:00–17:00 UTC); 1001 has no assignment.
        #expect(replies[1].businessSeconds(on: history.schedule) / 60 == 480)
        let plain = try loader.timeline(1001)
        #expect(plain.scheduleID(asOf: FixtureAccount.asOf) == nil)
        #expect(HistoryKPIs.replies(plain).map { $0.businessSeconds(on: history.schedule) / 60 } == [90])
    }

    @Test func octobersReplyTimesReopensAndSolvedTickets() throws {
        let metrics = try HistoryKPITests.report([HistoryKPITests.replyKPIs], window: Self.october).metrics
        // § 14 October: 1049's reopen; replies 90/90 (1001) and 20/20 (1049); 1001 solved.
        #expect(metrics["reopen_events"] == 1)
        #expect(metrics["reply_time.calendar.count"] == 2)
        #expect(metrics["reply_time.calendar.median"] == .number(55))
        #expect(metrics["reply_time.business.mean"] == .number(55))
        #expect(metrics["next_reply_time.calendar.count"] == 0)
        #expect(metrics["agent_replies.mean"] == .number(1))
        #expect(metrics["time_in_new.calendar.mean"] == .number(90))
        #expect(metrics["time_in_new.business.mean"] == .number(90))
    }

    @Test func theBacklogOnPastDaysFollowsTheTimeline() throws {
        let section = SectionDefinition(id: "b", title: "Backlog", kpis: ["backlog"], by: "day", kind: "backlog")
        let table = try Self.table(try HistoryKPITests.report([section], window: Self.lateOctober), "b")
        #expect(table.rows.count == 15)
        // § 14: 10-19 … 10-28 none (1049 solved 10-26 15:20), 10-29 … 11-02 one (1049), none without history.
        let none = [ReportValue](repeating: .integer(0), count: 10)
        #expect(table.rows.map { $0[1] } == none + [ReportValue](repeating: .integer(1), count: 5))
        #expect(table.rows.map { $0[7] } == [ReportValue](repeating: .integer(0), count: 15))
        let ages = try #require(Self.column(table, "age_3_7d"))
        let older = try #require(Self.column(table, "age_7_30d"))
        #expect(table.rows[10...13].allSatisfy { $0[ages] == 1 && $0[older] == 0 })
        #expect(table.rows[14][ages] == 0 && table.rows[14][older] == 1)
    }

    // MARK: Trends

    @Test func aWeeklyTrendListsHistoryKPIsAndTheBacklogAtEachWeeksEnd() throws {
        let definition = ReportDefinition(
            name: "t", title: "T",
            sections: [
                SectionDefinition(
                    id: "trend", title: "Trend",
                    kpis: ["backlog", "reopen_events", "reply_time", "next_reply_time"], stats: ["count", "median"],
                    clock: "both", by: "week", limit: 12, kind: "trend")
            ])
        try definition.validate()
        var request = ReportRequest(
            definition: definition, window: FixtureAccount.currentWindow, windowLabel: "2026-W47", previous: nil,
            previousLabel: nil, asOf: FixtureAccount.asOf, timeZone: try ReportTimeZone("UTC"), filters: [])
        request.history = TimelineLoader(cache: FixtureAccount.cache)
        let facts = try FactLoader(cache: FixtureAccount.cache).load(
            since: request.factRange.since, until: request.factRange.until)
        let report = try ReportBuilder.build(request, facts: facts)
        let table = try Self.table(report, "trend")
        func value(_ week: String, _ id: String) throws -> ReportValue {
            let row = try #require(Self.row(table, week))
            return row[try #require(Self.column(table, id))]
        }
        // § 14 weekly trend.
        #expect(try value("2026-W43", "backlog") == 0)
        #expect(try value("2026-W43", "reply_time.calendar.count") == 1)
        #expect(try value("2026-W44", "backlog") == 1)
        #expect(try value("2026-W44", "reopen_events") == 1)
        #expect(try value("2026-W44", "reply_time.calendar.count") == 2)
        #expect(try value("2026-W44", "reply_time.calendar.median") == .number(1_915))
        #expect(try value("2026-W44", "reply_time.business.median") == .number(235))
        #expect(try value("2026-W44", "next_reply_time.calendar.count") == 1)
        #expect(try value("2026-W44", "next_reply_time.calendar.median") == .number(3_810))
        #expect(try value("2026-W44", "next_reply_time.business.median") == .number(450))
        #expect(try value("2026-W45", "backlog") == 5)
        #expect(try value("2026-W46", "backlog") == 10)
        #expect(try value("2026-W46", "reopen_events") == 0)
        #expect(try value("2026-W47", "backlog") == 17)
        #expect(try value("2026-W47", "reopen_events") == 1)
        #expect(try value("2026-W47", "reply_time.calendar.count") == 4)
        #expect(try value("2026-W47", "next_reply_time.calendar.count") == 2)
        #expect(report.section(id: "trend")?.notes.contains { $0.hasPrefix("Backlog: tickets unsolved") } == true)
    }

    // MARK: Slices

    @Test func replyTimesAndReopensSliceByCurrentGroup() throws {
        var section = HistoryKPITests.replyKPIs
        section.by = "group"
        let table = try Self.table(try HistoryKPITests.report([section]), "replies")
        let count = try #require(Self.column(table, "reply_time.calendar.count"))
        let median = try #require(Self.column(table, "reply_time.calendar.median"))
        let business = try #require(Self.column(table, "reply_time.business.median"))
        let reopens = try #require(Self.column(table, "reopen_events"))
        let next = try #require(Self.column(table, "next_reply_time.calendar.count"))
        let tier2 = try #require(Self.row(table, "Tier 2"))
        let support = try #require(Self.row(table, "Support"))
        // § 14 sliced by group, window W.
        #expect(tier2[count] == 3 && tier2[median] == .number(1_020) && tier2[business] == .number(60))
        #expect(tier2[reopens] == 1 && tier2[next] == 2)
        #expect(support[count] == 1 && support[median] == .number(65))
        #expect(support[reopens] == 0 && support[next] == 0)
    }

    static func previousBacklogByGroup(window: Window, previous: Window) throws -> [String: ReportValue] {
        var section = SectionDefinition(id: "k", title: "K", kpis: ["backlog"], by: "group", kind: "kpis")
        section.comparesRows = true
        let table = try Self.table(try HistoryKPITests.report([section], window: window, previous: previous), "k")
        let column = try #require(Self.column(table, "backlog.previous"))
        var result: [String: ReportValue] = [:]
        for row in table.rows {
            if case .text(let label) = row[0] { result[label] = row[column] }
        }
        return result
    }

    @Test func thePreviousBacklogSlicesByTheGroupAtTheSnapshot() throws {
        // § 14: P's backlog at 11-15 23:59:59 by group.
        let p = try Self.previousBacklogByGroup(
            window: FixtureAccount.currentWindow, previous: FixtureAccount.previousWindow)
        #expect(p["Support"] == 5 && p["Billing"] == 2 && p["Tier 2"] == 3)
        // § 14: at 11-16 23:59:59 ticket 1024 was still in Support (moved to Tier 2 on 11-18).
        let day = try Self.previousBacklogByGroup(
            window: Self.utc(1_794_873_600, 1_794_960_000), previous: Self.utc(1_794_787_200, 1_794_873_600))
        #expect(day["Support"] == 5 && day["Billing"] == 2 && day["Tier 2"] == 3)
    }
}
