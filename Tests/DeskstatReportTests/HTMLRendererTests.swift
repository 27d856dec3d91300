import Testing

@testable import DeskstatReport

@Suite("HTML")
struct HTMLRendererTests {
    let output = HTMLRenderer().render(SampleReport.report)

    @Test func chartsCarryTheirNumbersInTitleAndDescription() {
        #expect(output.contains("<title id=\"chart-1-t\">Created, last 4 periods</title>"))
        #expect(
            output.contains(
                "<desc id=\"chart-1-d\">2026-W44 1,100; 2026-W45 1,180; 2026-W46 1,180; 2026-W47 1,234 (partial)."))
        // A missing value is written as such and breaks the line instead of drawing zero.
        #expect(output.contains("2026-W45 –; 2026-W46 45m"))
        #expect(output.contains("<title id=\"chart-5-t\">By channel: Tickets</title>"))
        #expect(output.contains("<desc id=\"chart-5-d\">email 9,000; web 3,220.</desc>"))
    }

    @Test func thePartialPeriodIsHollowAndTheCurrentOneMarked() {
        #expect(output.contains("<circle class=\"point partial current\""))
        #expect(output.contains("class=\"series partial\""))
    }

    @Test func tablesHaveHeadersCaptionsAndSpelledOutChanges() {
        #expect(output.contains("<th scope=\"col\">Metric</th>"))
        #expect(output.contains("<th scope=\"row\">Created</th>"))
        #expect(output.contains("<caption class=\"sr-only\">Headline numbers</caption>"))
        #expect(output.contains("<caption>First reply by group</caption>"))
        #expect(output.contains("<td class=\"num good\">−3m <small>better</small></td>"))
        #expect(output.contains("<td class=\"num bad\">+3 <small>worse</small></td>"))
        #expect(output.contains("<td class=\"num\">+54</td>"))  // created: neutral, uncoloured
    }

    @Test func textIsEscaped() {
        #expect(output.contains("Billing | EMEA"))
        #expect(output.contains("Escalations &quot;VIP&quot;"))
        #expect(HTMLRenderer.escape("<a href='x'>&\u{7}") == "&lt;a href=&#39;x&#39;&gt;&amp;\u{FFFD}")
    }

    @Test func axesUseRoundTicksInTheColumnsUnit() {
        let counts = ChartAxis(largest: 30_000, kind: .count)
        #expect(counts.ticks == [0, 10_000, 20_000, 30_000])
        #expect(counts.ticks.map(counts.label) == ["0", "10k", "20k", "30k"])
        let durations = ChartAxis(largest: 4620, kind: .minutes)
        #expect(durations.ticks.map(durations.label) == ["0", "1d", "2d", "3d", "4d"])
        let short = ChartAxis(largest: 50, kind: .minutes)
        #expect(short.ticks.map(short.label) == ["0", "15m", "30m", "45m", "1h"])
        let ratios = ChartAxis(largest: 0.875, kind: .ratio)
        #expect(ratios.ticks.map(ratios.label) == ["0%", "25%", "50%", "75%", "100%"])
        // A 10,000× range keeps five short, distinct labels.
        let wide = ChartAxis(largest: 123_456, kind: .count)
        let labels = wide.ticks.map(wide.label)
        #expect(Set(labels).count == labels.count && labels.count <= 6 && labels.allSatisfy { $0.count <= 5 })
    }

    @Test func periodLabelsAreThinnedSoTheyNeverOverlap() {
        var rows: [[ReportValue]] = []
        for week in 1...26 {
            rows.append([.text("2026-W\(week < 10 ? "0" : "")\(week)"), "no", .integer(Int64(week))])
        }
        let table = ReportTable(
            id: "periods",
            columns: [
                ReportColumn(id: "period", title: "Period", kind: .label),
                ReportColumn(id: "partial", title: "Partial", kind: .label),
                ReportColumn(id: "created", title: "Created", kind: .count),
            ],
            rows: rows, chart: .trend(partialColumn: "partial"))
        var report = SampleReport.report
        report.sections = [ReportSection(id: "trend", title: "Trend", tables: [table])]
        let html = HTMLRenderer().render(report)
        let xLabels = html.components(separatedBy: "text-anchor=\"middle\">2026-W").count - 1
        // 256 px of plot for labels about 50 px wide: at most 4 labels, the last period always.
        #expect(xLabels >= 3 && xLabels <= 5, "\(xLabels) period labels")
        #expect(html.contains("text-anchor=\"middle\">2026-W26</text>"))
    }
}
