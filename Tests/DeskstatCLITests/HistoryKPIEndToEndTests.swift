import Foundation
import Testing

/// `deskstat kpi` with history KPIs on the fixture account (fixtures/EXPECTED.md § 10).
@Suite struct HistoryKPIEndToEndTests {
    @Test func backlogTrendAndNextReplyTimesFromTheCLI() throws {
        let cache = try makeScratchDirectory() + "/c.sqlite"
        let fixtures = BinaryRunner.packageRoot.appendingPathComponent("fixtures/account").path
        #expect(try BinaryRunner.run(["import", "--cache", cache, fixtures]).status == 0)
        let window = ["--cache", cache, "--period", "2026-W47", "--as-of", "2026-11-23T00:00:00Z", "--format", "csv"]

        let trend = try BinaryRunner.run(["kpi", "backlog", "--by", "day"] + window)
        #expect(trend.status == 0, "\(trend.stderr)")
        let rows = trend.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let days = rows.filter { $0.count > 3 && $0[2].hasPrefix("2026-11-") }
        #expect(days.count == 7)
        // Backlog at end − without history = tickets counted by the timeline: 1024 on 11-16 and 11-18,
        // and 1049 (open all week) every day since its events came (§ 10 as changed by § 14).
        let byTimeline = days.map { row in (Int(row[3]) ?? -99) - (Int(row[row.count - 1]) ?? -99) }
        #expect(byTimeline == [2, 1, 2, 1, 1, 1, 1])
        #expect(days.last?[3] == "17")

        // § 14: the previous backlog per group counts each ticket in the group it had at P's end.
        let byGroup = try BinaryRunner.run(["kpi", "backlog", "--by", "group", "--compare", "previous"] + window)
        #expect(byGroup.status == 0, "\(byGroup.stderr)")
        #expect(
            byGroup.stdout.hasPrefix("section,table,group,new,open,pending,hold,total,total.previous,total.change\n"))
        #expect(byGroup.stdout.contains("backlog,backlog_by_group,Support,2,3,1,1,7,5,2\n"))
        #expect(byGroup.stdout.contains("backlog,backlog_by_group,Billing,0,0,3,1,4,2,2\n"))
        #expect(byGroup.stdout.contains("backlog,backlog_by_group,Tier 2,1,3,0,1,5,3,2\n"))

        let next = try BinaryRunner.run(
            ["kpi", "next_reply_time", "--by", "day", "--stat", "count,median", "--clock", "business"] + window)
        #expect(next.status == 0, "\(next.stderr)")
        // One next reply on 11-17 (30 business min) and one on 11-19 (690).
        #expect(next.stdout.contains("by_day,2026-11-17,1,30\n"))
        #expect(next.stdout.contains("by_day,2026-11-19,1,690\n"))
    }
}
