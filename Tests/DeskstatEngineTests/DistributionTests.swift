import DeskstatEngine
import DeskstatReport
import DeskstatTime
import Testing

/// `within:` shares, percentiles and histograms on the fixture account (fixtures/EXPECTED.md §11).
@Suite struct DistributionTests {
    /// The fixture report for W (with P before it) with the given sections and extra statistics.
    static func report(_ sections: [SectionDefinition], extra: [StatisticName] = []) throws -> Report {
        var request = ReportRequest(
            definition: ReportDefinition(name: "test", title: "Test", sections: sections),
            window: FixtureAccount.currentWindow, windowLabel: "W", previous: FixtureAccount.previousWindow,
            previousLabel: "P", asOf: FixtureAccount.asOf, timeZone: try ReportTimeZone("UTC"), filters: [])
        request.extraStatistics = extra
        return try ReportBuilder.build(request, facts: try FixtureAccount.facts())
    }

    static func frtSection(_ stats: [String], clock: String = "both", by: String? = nil) -> SectionDefinition {
        SectionDefinition(id: "frt", title: "FRT", kpis: ["first_reply_time"], stats: stats, clock: clock, by: by)
    }

    @Test func statisticNamesParse() {
        #expect(StatisticName.parse("within:60") == .within(WithinTarget(minutes: 60)))
        #expect(StatisticName.parse("within:1h") == .within(WithinTarget(minutes: 60)))
        #expect(StatisticName.parse("within:1.5h") == .within(WithinTarget(minutes: 90)))
        #expect(StatisticName.parse("within:8h-business") == .within(WithinTarget(minutes: 480, clock: "business")))
        #expect(StatisticName.parse("within_1h") == .within(WithinTarget(minutes: 60)))
        #expect(StatisticName.parse("within_1h_count") == .within(WithinTarget(minutes: 60)))
        #expect(StatisticName.parse("within:2d")?.key == "within_2d")
        #expect(StatisticName.parse("within:90")?.key == "within_90m")
        for bad in ["within:", "within:0", "within:-5", "within:1w", "within:0.5", "within:1h-wall", "within:.5h"] {
            #expect(StatisticName.parse(bad) == nil, "\(bad)")
        }
    }

    /// FRT in W, EXPECTED.md §2.1: calendar ≤ 60 → 13 of 23, business ≤ 60 → 17 of 23;
    /// ≤ 480 → 20 of 23 calendar, 23 of 23 business.
    @Test func withinSharesOfFirstReplyTime() throws {
        let report = try Self.report([Self.frtSection(["median", "within:1h", "within:8h-business"])])
        let metrics = report.metrics
        #expect(metrics["first_reply_time.calendar.within_1h_count"] == .integer(13))
        #expect(close(metrics["first_reply_time.calendar.within_1h"]?.doubleValue, 13.0 / 23))
        #expect(metrics["first_reply_time.business.within_1h_count"] == .integer(17))
        #expect(close(metrics["first_reply_time.business.within_1h"]?.doubleValue, 17.0 / 23))
        #expect(close(metrics["first_reply_time.calendar.within_8h"]?.doubleValue, 20.0 / 23))
        #expect(metrics["first_reply_time.business.within_8h"] == .number(1))
        // The previous window, EXPECTED.md §3.1: calendar FRT ≤ 60 → 5, 15, 30, 40, 40, 45, 55.
        #expect(metrics["previous.first_reply_time.calendar.within_1h_count"] == .integer(7))
        // The section: within:8h-business only on the business clock.
        let table = try #require(report.sections.first?.tables.first)
        let labels = table.rows.compactMap { row -> String? in if case .text(let text) = row[0] { text } else { nil } }
        #expect(
            labels == [
                "First reply time, median, calendar", "First reply time, within 1h, calendar",
                "First reply time, within 1h, calendar, count", "First reply time, within 8h, business",
                "First reply time, within 8h, business, count", "First reply time, median, business",
                "First reply time, within 1h, business", "First reply time, within 1h, business, count",
            ])
    }

    /// A threshold's statistic joins the metric map without any section naming it.
    @Test func thresholdStatisticsJoinTheMetricMap() throws {
        let paths = ["first_reply_time.calendar.within_1h", "full_resolution_time.business.p75", "csat", "x.y.z"]
        let extra = ReportRequest.statistics(inMetricPaths: paths)
        #expect(extra == [.within(WithinTarget(minutes: 60)), .percentile(75)])
        let report = try Self.report([], extra: extra)
        let threshold = try Threshold.parse("first_reply_time.calendar.within_1h < 80%")
        #expect(threshold.value == 0.8)
        let result = threshold.evaluate(report)
        #expect(result.violated)
        #expect(result.message == "first_reply_time.calendar.within_1h = 56.52% < 80%")
        #expect(!(try Threshold.parse("first_reply_time.business.within_8h < 100%")).evaluate(report).violated)
    }

    /// Percentiles with the p90 rule, EXPECTED.md §11.2.
    @Test func anyPercentile() throws {
        let report = try Self.report([
            SectionDefinition(
                id: "res", title: "Resolution", kpis: ["first_reply_time", "full_resolution_time"],
                stats: ["p1", "p50", "p75", "p95", "p99"], clock: "calendar")
        ])
        let metrics = report.metrics
        #expect(close(metrics["full_resolution_time.calendar.p1"]?.doubleValue, 22.1))
        #expect(close(metrics["full_resolution_time.calendar.p50"]?.doubleValue, 1272.5))
        #expect(close(metrics["full_resolution_time.calendar.p75"]?.doubleValue, 5962.5))
        #expect(close(metrics["full_resolution_time.calendar.p99"]?.doubleValue, 17788.95))
        #expect(close(metrics["first_reply_time.calendar.p75"]?.doubleValue, 135))
        #expect(close(metrics["first_reply_time.calendar.p95"]?.doubleValue, 991.5))
        #expect(close(metrics["first_reply_time.calendar.p99"]?.doubleValue, 1018.9))
        // The business clock too (the metric map has both clocks).
        #expect(close(metrics["first_reply_time.business.p75"]?.doubleValue, 65))
        // p90 is the standard statistic, unchanged.
        #expect(close(metrics["first_reply_time.calendar.p90"]?.doubleValue, 676))
        #expect(StatisticName.parse("p0") == nil && StatisticName.parse("p100") == nil)
        #expect(StatisticName.parse("p05") == nil && StatisticName.parse("p5") == .percentile(5))
    }

    /// Fixed buckets, EXPECTED.md §11.3.
    @Test func histogramSection() throws {
        let report = try Self.report([
            SectionDefinition(
                id: "dist", title: "Distribution", kpis: ["first_reply_time", "full_resolution_time"], clock: "both",
                kind: "histogram")
        ])
        let tables = try #require(report.sections.first?.tables)
        #expect(tables.map(\.id) == ["first_reply_time", "full_resolution_time"])
        #expect(
            tables[0].columns.map(\.id) == [
                "bucket", "tickets_calendar", "share_calendar", "tickets_business", "share_business",
            ])
        func column(_ table: ReportTable, _ index: Int) -> [Int64] {
            table.rows.map { if case .integer(let value) = $0[index] { value } else { -1 } }
        }
        #expect(tables[0].rows.map { $0[0] } == DurationBuckets.labels.map(ReportValue.text) + [.text("All")])
        #expect(column(tables[0], 1) == [1, 12, 6, 1, 3, 0, 0, 23])
        #expect(column(tables[0], 3) == [5, 12, 5, 1, 0, 0, 0, 23])
        #expect(column(tables[1], 1) == [0, 3, 4, 2, 3, 4, 6, 22])
        #expect(column(tables[1], 3) == [1, 4, 5, 3, 5, 3, 1, 22])
        #expect(close(tables[0].rows[1][2].doubleValue, 12.0 / 23))
        // The buckets up to 60 minutes add up to within:1h (13 calendar, 17 business).
        #expect(column(tables[0], 1)[0] + column(tables[0], 1)[1] == 13)
        #expect(column(tables[0], 3)[0] + column(tables[0], 3)[1] == 17)
    }

    /// HTML draws each histogram as bars of the first clock's counts, without the "All" row, and
    /// keeps the whole table (total included) beside it.
    @Test func histogramsAreChartedInHTML() throws {
        let report = try Self.report([
            SectionDefinition(
                id: "dist", title: "Distribution", kpis: ["first_reply_time"], clock: "both", kind: "histogram")
        ])
        let html = HTMLRenderer().render(report)
        #expect(html.contains("<title id=\"chart-1-t\">First reply time: Tickets, calendar</title>"))
        #expect(
            html.contains(
                "<desc id=\"chart-1-d\">≤15 m 1; 15–60 m 12; 1–4 h 6; 4–8 h 1; 8–24 h 3; 1–3 d 0; &gt;3 d 0.</desc>"))
        #expect(html.components(separatedBy: "<rect class=\"bar\"").count - 1 == 7)
        #expect(html.contains("<th scope=\"row\">All</th>") || html.contains(">All<"))
    }

    @Test func histogramsNeedDurationKPIsAndNoSlice() throws {
        let base = "title: T\nsections:\n  - id: d\n    title: D\n    kind: histogram\n"
        for (yaml, problem) in [
            (base + "    kpis: [created]\n", "does not belong in a histogram section"),
            (base + "    kpis: [first_reply_time]\n    by: group\n", "a histogram section cannot be split by a slice"),
            (base, "a histogram section needs at least one KPI"),
        ] {
            #expect(throws: ReportError.self) { try ReportDefinitions.parse(yaml: yaml, file: "t.yaml").validate() }
            do {
                try ReportDefinitions.parse(yaml: yaml, file: "t.yaml").validate()
            } catch {
                #expect(error.description.contains(problem), "\(error)")
            }
        }
    }
}
