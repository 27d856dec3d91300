import Foundation
import Testing

/// Issue 16 through the binary: within:, percentiles, custom fields and scorecards on the fixture.
@Suite(.serialized) struct AnalystEndToEndTests {
    func run(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            arguments + ["--cache", ReportEndToEndTests.fixtureCache] + ReportEndToEndTests.pinned)
    }

    @Test func withinGatesWithPercentThresholds() throws {
        let failing = try run([
            "kpi", "first_reply_time", "--stat", "median,within:1h", "--format", "json",
            "--fail-on", "first_reply_time.calendar.within_1h < 80%",
        ])
        #expect(failing.status == 3, "\(failing.stderr)")
        #expect(failing.stdout.contains("\"first_reply_time.calendar.within_1h\": 0.5652"))
        #expect(failing.stderr.contains("first_reply_time.calendar.within_1h = 56.52% < 80%"))
        // A threshold may name a statistic no section shows.
        let passing = try run([
            "report", "sla", "--fail-on", "first_reply_time.business.within_8h < 100%",
            "--fail-on", "full_resolution_time.calendar.p75 > 6000",
        ])
        #expect(passing.status == 0, "\(passing.stderr)")
        let bad = try run(["kpi", "first_reply_time", "--stat", "within:soon"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown statistic \"within:soon\""))
    }

    @Test func customFieldsSliceAndFilter() throws {
        let sliced = try run(["kpi", "created", "--by", "field:Product", "--format", "csv"])
        #expect(sliced.status == 0, "\(sliced.stderr)")
        #expect(sliced.stdout.contains("Gadgets,4") && sliced.stdout.contains("Widgets,8"))
        let filtered = try run(["kpi", "created", "--where", "field:\"Product\"=Gadgets", "--format", "csv"])
        #expect(filtered.stdout.contains("Created,4"), "\(filtered.stdout)")
        let unknown = try run(["kpi", "created", "--by", "field:Prodct"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean \"Product\"?"))
        let badOption = try run(["kpi", "created", "--where", "field:Product=Gadgts"])
        #expect(badOption.status == 64)
        #expect(badOption.stderr.contains("did you mean \"Gadgets\"?"))
    }

    @Test func agentsScorecardWithLimit() throws {
        let result = try run(["report", "agents", "--limit", "2", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4, "\(result.stdout)")
        #expect(lines[1].hasPrefix("agents,scorecard,Ben Okafor,Support,5,"))
        #expect(try run(["report", "agents", "--limit", "0"]).status == 64)
        let groups = try run(["report", "groups", "--fail-on", "sla.achievement_rate < 90%"])
        #expect(groups.status == 3)
    }
}
