import Testing

@testable import DeskstatReport

@Suite("Text")
struct TextRendererTests {
    let report = SampleReport.report

    private func stripANSI(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if character == "m" { inEscape = false }
            } else {
                out.append(character)
            }
        }
        return out
    }

    @Test(arguments: [40, 60, 80, 100])
    func everyLineFitsTheWidth(width: Int) {
        let output = TextRenderer(options: TextOptions(width: width)).render(report)
        for line in output.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= width, "too wide at \(width): \(line)")
        }
    }

    @Test func wideTablesSplitIntoBlocksThatRepeatTheLabelColumn() {
        let output = TextRenderer(options: TextOptions(width: 50)).render(report)
        let headers = output.split(separator: "\n").filter { $0.hasPrefix("Group ") }
        #expect(headers.count == 2)
        #expect(headers[1].contains("SLA achieved") && headers[1].contains("Last breach"))
        #expect(!headers[0].contains("SLA achieved"))
        #expect(output.contains("Billing | EMEA            96.3%  2026-11-20 15:05"))
    }

    /// At 80 columns an SLA table's second half keeps policy, metric and priority.
    @Test func wideTablesRepeatEveryLeadingLabelColumn() {
        let table = ReportTable(
            id: "targets",
            columns: [
                ReportColumn(id: "policy", title: "Policy", kind: .label),
                ReportColumn(id: "metric", title: "Metric", kind: .label),
                ReportColumn(id: "priority", title: "Priority", kind: .label),
                ReportColumn(id: "achieved", title: "Achieved targets", kind: .count),
                ReportColumn(id: "breached", title: "Breached targets", kind: .count),
                ReportColumn(id: "active", title: "Active targets", kind: .count),
                ReportColumn(id: "rate", title: "Achievement rate", kind: .ratio),
            ],
            rows: [["Enterprise support", "first_reply_time", "urgent", 12, 3, 1, 0.8]])
        let lines = TextTableLayout(table, formatter: HumanCellFormatter(timeZone: "UTC")).lines(
            width: 80, style: ANSIStyle(enabled: false))
        let headers = lines.filter { $0.hasPrefix("Policy") }
        #expect(headers.count >= 2)
        for header in headers {
            #expect(header.hasPrefix("Policy              Metric            Priority"), "\(header)")
        }
        #expect(lines.filter { $0.hasPrefix("Enterprise support  first_reply_time  urgent") }.count == headers.count)
    }

    @Test func labelsAreShortenedWhenEvenOneColumnDoesNotFit() {
        let output = TextRenderer(options: TextOptions(width: 20)).render(report)
        #expect(output.contains("\nFirst reply…     43m\n"))
        #expect(output.contains("\nBilling | E…     38m\n"))
    }

    @Test func noWidthMeansOneBlock() {
        let output = TextRenderer().render(report)
        #expect(output.contains("Group              Tickets  Median      p90  SLA achieved  Last breach\n"))
    }

    @Test func blocksAreComputedFromColumnWidths() {
        let layout = TextTableLayout(SampleReport.byGroup, formatter: HumanCellFormatter(timeZone: "UTC"))
        let widths = [17, 7, 12, 9, 12, 16]
        #expect(layout.blocks(widths: widths, limit: nil) == [[0, 1, 2, 3, 4, 5]])
        #expect(layout.blocks(widths: widths, limit: 200) == [[0, 1, 2, 3, 4, 5]])
        #expect(layout.blocks(widths: widths, limit: 50) == [[0, 1, 2], [0, 3, 4], [0, 5]])
        #expect(layout.blocks(widths: widths, limit: 10) == [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]])
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextRenderer().render(report)
        let coloured = TextRenderer(options: TextOptions(color: true)).render(report)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1mHeadline numbers\u{1B}[0m"))
        // Colours follow each measure's good direction: shorter replies and higher CSAT are
        // green, more breaches red, and a neutral count (created) stays plain.
        #expect(coloured.contains("  +54  "))
        #expect(coloured.contains("\u{1B}[32m−3m\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32m+4.0 pp\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31m+3\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2m–\u{1B}[0m"))
        #expect(stripANSI(coloured) == plain)
    }

    @Test func windowLineShowsLocalDatesZoneAsOfAndComparison() {
        let output = TextRenderer().render(report)
        #expect(
            output.contains(
                "2026-W47: 2026-11-16 → 2026-11-23 (Europe/Berlin) · as of 2026-11-23T06:00:00Z · compared with 2026-W46: 2026-11-09 → 2026-11-16\n"
            ))
    }

    @Test func dateRangeLabelsAreNotRepeated() {
        let window = ReportWindow(from: 1_795_132_800, to: 1_795_737_600, label: "2026-11-20 – 2026-11-27")
        let report = Report(name: "r", title: "T", window: window, asOf: 1_795_737_600)
        #expect(
            TextRenderer().render(report).contains("\n2026-11-20 → 2026-11-27 (UTC) · as of 2026-11-27T00:00:00Z\n"))
    }

    @Test func emptyTablesAndSectionsStillRender() {
        let table = ReportTable(id: "t", columns: [ReportColumn(id: "a", title: "A", kind: .label)])
        let report = Report(
            name: "r", title: "T", window: ReportWindow(from: 0, to: 86_400, label: "day"), asOf: 0,
            sections: [
                ReportSection(id: "s", title: "S", tables: [table]), ReportSection(id: "e", title: "E", notes: ["n"]),
            ])
        #expect(TextRenderer().render(report).hasSuffix("S\n-\nA\n-\n(no rows)\n\nE\n-\nNote: n\n"))
    }

    @Test func shortRowsReadAsNull() {
        let table = ReportTable(
            id: "t",
            columns: [
                ReportColumn(id: "a", title: "A", kind: .label), ReportColumn(id: "b", title: "B", kind: .count),
            ],
            rows: [["only"]])
        let report = Report(
            name: "r", title: "T", window: ReportWindow(from: 0, to: 86_400, label: ""), asOf: 0,
            sections: [ReportSection(id: "s", title: "S", tables: [table])])
        #expect(TextRenderer().render(report).contains("only  –\n"))
    }
}
