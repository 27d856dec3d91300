import DeskstatEngine
import DeskstatReport
import DeskstatTime
import Foundation
import Testing

/// The built-in `agents` and `groups` scorecards on the fixture account (fixtures/EXPECTED.md §13).
@Suite struct ScorecardTests {
    static func report(_ name: String, limit: Int? = nil) throws -> Report {
        var definition = try ReportDefinitions.load(
            path: FixtureAccount.root.appendingPathComponent("reports/\(name).yaml").path)
        try definition.validate()
        if let limit { definition.sections[0].limit = limit }
        let request = ReportRequest(
            definition: definition, window: FixtureAccount.currentWindow, windowLabel: "2026-W47", previous: nil,
            previousLabel: nil, asOf: FixtureAccount.asOf, timeZone: try ReportTimeZone("UTC"), filters: [])
        return try ReportBuilder.build(request, facts: try FixtureAccount.facts())
    }

    static func table(_ report: Report) throws -> ReportTable {
        try #require(report.sections.first?.tables.first)
    }

    static func row(_ table: ReportTable, _ label: String) -> [ReportValue]? {
        table.rows.first { $0.first == .text(label) }
    }

    @Test func agentsScorecard() throws {
        let table = try Self.table(try Self.report("agents"))
        #expect(
            table.columns.map(\.id) == [
                "assignee", "group", "solved", "first_reply_median", "full_resolution_median", "one_touch_rate",
                "reopen_rate", "csat", "sla_achievement",
            ])
        // Sorted by solved, then by name; unassigned tickets (1027, 1041, 1042, 1043) have no row.
        #expect(
            table.rows.map { $0[0] } == [
                "Ben Okafor", "Cara Lindqvist", "Dev Patel", "Eli Novak", "Ana Alvarez", "All",
            ])
        #expect(table.rows.map { $0[2] } == [5, 5, 5, 4, 3, 22])
        let ben = try #require(Self.row(table, "Ben Okafor"))
        #expect(ben[1] == "Support")
        #expect(ben[3] == .number(90) && ben[4] == .number(2240))
        #expect(ben[5] == .number(0.6) && ben[6] == .number(0))
        // CSAT at rating time: 9007, 9008, 9016, 9013 good and 9010 bad were rated while Ben was assignee.
        #expect(ben[7] == .number(0.8))
        #expect(close(ben[8].doubleValue, 11.0 / 13))
        let ana = try #require(Self.row(table, "Ana Alvarez"))
        #expect(ana[3] == .number(50) && ana[4] == .number(360) && ana[5] == .number(0))
        #expect(ana[7] == .null)  // two offered ratings, no answer
        #expect(ana[8] == .number(1))
        // The All row is the window's totals.
        let all = try #require(Self.row(table, "All"))
        #expect(all[3] == .number(50) && all[4] == .number(1272.5) && close(all[7].doubleValue, 8.0 / 11))
    }

    @Test func limitKeepsTheTopRowsAndTheTotal() throws {
        let table = try Self.table(try Self.report("agents", limit: 2))
        #expect(table.rows.map { $0[0] } == ["Ben Okafor", "Cara Lindqvist", "All"])
    }

    @Test func groupsScorecard() throws {
        let report = try Self.report("groups")
        let table = try Self.table(report)
        #expect(table.rows.map { $0[0] } == ["Support", "Billing", "Tier 2", "All"])
        #expect(table.rows.map { $0[1] } == [13, 5, 4, 22])
        let billing = try #require(Self.row(table, "Billing"))
        #expect(billing[2] == .number(165) && billing[3] == .number(2510))
        #expect(billing[4] == .number(0.4) && billing[5] == .number(0.2) && billing[6] == .number(0))
        #expect(billing[7] == .number(0.8))
        // Gateable like every report: the metric map holds the window's totals.
        #expect(report.metrics["solved"] == .integer(22))
    }

    /// HTML charts solved per agent (the "All" row only in the table).
    @Test func scorecardsAreChartedInHTML() throws {
        let html = HTMLRenderer().render(try Self.report("agents"))
        #expect(html.contains("<title id=\"chart-1-t\">Agents: Solved</title>"))
        #expect(
            html.contains(
                "<desc id=\"chart-1-d\">Ben Okafor 5; Cara Lindqvist 5; Dev Patel 5; Eli Novak 4; Ana Alvarez 3.</desc>"
            ))
        #expect(html.contains("Ben Okafor</text>"))
        #expect(!html.contains(">All</text>"))
        #expect(html.contains(">All<"))
    }

    /// Byte-identical output in every format (golden files; DESKSTAT_RECORD_GOLDEN=1 rewrites them).
    @Test(arguments: ["agents", "groups"])
    func goldenFiles(name: String) throws {
        let report = try Self.report(name)
        let outputs: [(String, String)] = [
            ("txt", TextRenderer().render(report)), ("md", MarkdownRenderer().render(report)),
            ("json", JSONRenderer().render(report)), ("csv", CSVRenderer().render(report)),
        ]
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for (suffix, actual) in outputs {
            let url = directory.appendingPathComponent("\(name).\(suffix)")
            if ProcessInfo.processInfo.environment["DESKSTAT_RECORD_GOLDEN"] == "1" {
                try Data(actual.utf8).write(to: url)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(name).\(suffix) differs from its golden file")
        }
    }
}
