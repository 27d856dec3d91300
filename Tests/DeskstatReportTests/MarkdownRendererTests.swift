import Testing

@testable import DeskstatReport

@Suite("Markdown")
struct MarkdownRendererTests {
    @Test(arguments: [
        ("Billing | EMEA", "Billing \\| EMEA"), ("a|b|c", "a\\|b\\|c"), ("back\\slash", "back\\\\slash"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"), ("<script>", "\\<script>"), ("[link](x)", "\\[link\\](x)"),
        ("two\nlines", "two lines"), ("`code`", "\\`code\\`"), ("plain text", "plain text"),
    ])
    func escaping(text: String, expected: String) {
        #expect(MarkdownRenderer.escape(text) == expected)
    }

    @Test func pipesInCellsAndHeadersDoNotBreakTheTable() {
        let table = ReportTable(
            id: "t",
            columns: [
                ReportColumn(id: "a", title: "A | B", kind: .label), ReportColumn(id: "n", title: "N", kind: .count),
            ],
            rows: [["x|y", 1]])
        let report = Report(
            name: "r", title: "T", window: ReportWindow(from: 0, to: 86_400, label: ""), asOf: 0,
            sections: [ReportSection(id: "s", title: "S", tables: [table])])
        let output = MarkdownRenderer().render(report)
        #expect(output.contains("| A \\| B | N |\n| :--- | ---: |\n| x\\|y | 1 |\n"))
        for line in output.split(separator: "\n") where line.hasPrefix("|") {
            let characters = Array(line)
            let unescapedPipes = characters.indices.filter { index in
                characters[index] == "|" && (index == 0 || characters[index - 1] != "\\")
            }
            #expect(unescapedPipes.count == 3)
        }
    }

    @Test func notesCannotBecomeHeadingsOrLists() {
        #expect(MarkdownRenderer.escapeParagraph("# not a heading") == "\\# not a heading")
        #expect(MarkdownRenderer.escapeParagraph("- not a list") == "\\- not a list")
        #expect(MarkdownRenderer.escapeParagraph("plain") == "plain")
    }

    @Test func emptyTablesSayNoRows() {
        let table = ReportTable(id: "t", columns: [ReportColumn(id: "a", title: "A", kind: .label)])
        let report = Report(
            name: "r", title: "T", window: ReportWindow(from: 0, to: 86_400, label: ""), asOf: 0,
            sections: [ReportSection(id: "s", title: "S", tables: [table])])
        #expect(MarkdownRenderer().render(report).contains("| A |\n| :--- |\n\n_No rows._\n"))
    }

    @Test func warningsCloseTheReportAsAQuotedList() {
        let output = MarkdownRenderer().render(SampleReport.report)
        #expect(
            output.hasSuffix(
                "> **Warnings**\n>\n> - SLA policy \"VIP\": condition organization\\_id includes 42 not understood; its targets were skipped `sla_policy_not_understood`\n"
            ))
    }
}
