import DeskstatEngine
import DeskstatReport
import DeskstatTime
import Testing

/// The history KPIs in reports against the hand-computed figures of fixtures/EXPECTED.md § 9 and
/// § 10 (tickets 1024 and 1025 have audits, 1001 and 1049 events (§ 14); every other fixture ticket has none).
@Suite("History KPIs")
struct HistoryKPITests {
    static func report(
        _ sections: [SectionDefinition], window: Window = FixtureAccount.currentWindow, previous: Window? = nil,
        history: Bool = true
    ) throws -> Report {
        let definition = ReportDefinition(name: "h", title: "H", sections: sections)
        try definition.validate()
        var request = ReportRequest(
            definition: definition, window: window, windowLabel: "W", previous: previous,
            previousLabel: previous.map { _ in "P" }, asOf: FixtureAccount.asOf, timeZone: try ReportTimeZone("UTC"),
            filters: [])
        if history { request.history = TimelineLoader(cache: FixtureAccount.cache) }
        let facts = try FactLoader(cache: FixtureAccount.cache).load(
            since: request.factRange.since, until: request.factRange.until)
        return try ReportBuilder.build(request, facts: facts)
    }

    static let replyKPIs = SectionDefinition(
        id: "replies", title: "Replies",
        kpis: [
            "reopen_events", "reply_time", "next_reply_time", "agent_replies", "time_in_new", "time_in_open",
            "time_in_pending", "time_in_hold",
        ], stats: ["median", "mean", "count"], clock: "both", kind: "kpis")

    @Test func replyTimesReopenEventsAndTimeInStatusInW() throws {
        let metrics = try Self.report([Self.replyKPIs]).metrics
        // § 9: one reopen (1024, 11-18 11:00).
        #expect(metrics["reopen_events"] == 1)
        // Replies in W: 1024 1020/60, 30/30, 1650/690; 1025 65/65.
        #expect(metrics["reply_time.calendar.count"] == 4)
        #expect(metrics["reply_time.calendar.median"] == .number(542.5))  // (65 + 1020) / 2
        #expect(metrics["reply_time.calendar.mean"] == .number(691.25))  // 2765 / 4
        #expect(close(metrics["reply_time.calendar.p90"]?.doubleValue, 1461))  // 1020 + 0.7 · 630
        #expect(metrics["reply_time.business.median"] == .number(62.5))  // (60 + 65) / 2
        #expect(metrics["reply_time.business.mean"] == .number(211.25))  // 845 / 4
        #expect(close(metrics["reply_time.business.p90"]?.doubleValue, 502.5))  // 65 + 0.7 · 625
        // Next replies: 1024's 30/30 and 1650/690.
        #expect(metrics["next_reply_time.calendar.count"] == 2)
        #expect(metrics["next_reply_time.calendar.mean"] == .number(840))
        #expect(metrics["next_reply_time.business.median"] == .number(360))
        // Agent replies of the solved tickets with history: 1024 three, 1025 one (its opening comment is not a reply).
        #expect(metrics["agent_replies.mean"] == .number(2))
        #expect(metrics["agent_replies.count"] == 2)
        // Time in status until the final solve (§ 10): 1024 new 1020/60, open 70/70, pending 330/330,
        // hold 1610/650; 1025 open 235/235 and nothing else.
        #expect(metrics["time_in_new.calendar.mean"] == .number(510))
        #expect(metrics["time_in_new.business.mean"] == .number(30))
        #expect(metrics["time_in_open.calendar.median"] == .number(152.5))
        #expect(metrics["time_in_pending.business.mean"] == .number(165))
        #expect(metrics["time_in_hold.calendar.mean"] == .number(805))
        #expect(metrics["time_in_hold.business.mean"] == .number(325))
    }

    @Test func nothingHappensInPAndTheMapLeavesHistoryOutUnlessAsked() throws {
        let p = try Self.report([Self.replyKPIs], window: FixtureAccount.previousWindow).metrics
        #expect(p["reopen_events"] == 0)
        #expect(p["reply_time.calendar.count"] == 0)
        let plain = try Self.report([
            SectionDefinition(id: "k", title: "K", kpis: ["created"], kind: "kpis")
        ]).metrics
        #expect(plain["reopen_events"] == nil)
        #expect(plain["created"] == 29)
    }

    @Test func thePreviousWindowsBacklogIsTheBacklogAtItsEnd() throws {
        let headline = SectionDefinition(id: "head", title: "Head", kpis: ["backlog"], kind: "headline")
        let report = try Self.report(
            [headline], previous: FixtureAccount.previousWindow)
        let row = try #require(report.section(id: "head")?.tables.first?.rows.first)
        // § 10: at 11-15 23:59:59, 1003, 1004, 1014, 1049 (unsolved now, created before W) and
        // 1002, 1010, 1011, 1013, 1018, 1048 (created before W, solved in W): 10.
        #expect(row[1] == 17)
        #expect(row[2] == 10)
        // Without history access the previous backlog stays unreported.
        let without = try Self.report([headline], previous: FixtureAccount.previousWindow, history: false)
        #expect(without.section(id: "head")?.tables.first?.rows.first?[2] == .null)
    }

    @Test func theBacklogTrendByDaySnapshotsEachDaysEnd() throws {
        let trend = SectionDefinition(id: "b", title: "Backlog", kpis: ["backlog"], by: "day", kind: "backlog")
        let table = try #require(try Self.report([trend]).section(id: "b")?.tables.first)
        #expect(table.columns.map(\.id).prefix(2) == ["day", "backlog"])
        #expect(table.rows.count == 7)
        // Tickets counted by the timeline = backlog − without history. § 9: 1024 is in the backlog at
        // the end of 11-16 (new) and 11-18 (hold), not 11-17 (solved 15:30) or later (solved 11-19);
        // 1025 is never in it at a day's end (created and solved on 11-17). § 10 as changed by § 14:
        // 1049 (open by its events) is in it every day.
        let byTimeline = table.rows.map { row -> Int? in
            guard case .integer(let total) = row[1], case .integer(let without) = row[7] else { return nil }
            return Int(total - without)
        }
        #expect(byTimeline == [2, 1, 2, 1, 1, 1, 1])
        // The last day ends at as-of: the backlog then is the current backlog (§ 1: 17).
        #expect(table.rows[6][1] == 17)
        // Every snapshot's tickets fall in exactly one age bucket.
        for row in table.rows {
            let ages = row[2...6].compactMap { value -> Int64? in
                if case .integer(let count) = value { return count }
                return nil
            }
            #expect(.integer(ages.reduce(0, +)) == row[1])
        }
    }

    @Test func aTrendMayListHistoryKPIsAndTheBacklog() throws {
        let definition = ReportDefinition(
            name: "t", title: "T",
            sections: [
                SectionDefinition(
                    id: "t", title: "T", kpis: ["reply_time", "reopen_events", "backlog"], by: "week", kind: "trend")
            ])
        try definition.validate()
    }
}
