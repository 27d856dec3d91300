import DeskstatEngine
import DeskstatReport
import DeskstatTime
import Testing

/// The one-pass trend against the hand-computed figures of fixtures/EXPECTED.md: the last two
/// weeks of a 12-week trend ending in W (2026-W47) are W and P.
@Suite("Trend")
struct TrendTests {
    static func trendSection(
        asOf: Int64 = FixtureAccount.asOf, clock: String? = nil, stats: [String] = ["median"]
    ) throws -> ReportSection {
        let definition = ReportDefinition(
            name: "t", title: "T",
            sections: [
                SectionDefinition(
                    id: "trend", title: "Last 12 weeks",
                    kpis: ["created", "solved", "first_reply_time", "csat", "sla"], stats: stats, clock: clock,
                    by: "week", limit: 12, kind: "trend")
            ])
        try definition.validate()
        let request = ReportRequest(
            definition: definition, window: FixtureAccount.currentWindow, windowLabel: "2026-W47", previous: nil,
            previousLabel: nil, asOf: asOf, timeZone: try ReportTimeZone("UTC"), filters: [])
        #expect(request.factRange.since == 1_788_134_400)  // Monday 2026-08-31, 11 weeks before W
        let facts = try FactLoader(cache: FixtureAccount.cache).load(
            since: request.factRange.since, until: request.factRange.until)
        let report = try ReportBuilder.build(request, facts: facts)
        return try #require(report.section(id: "trend"))
    }

    @Test func theLastTwoWeeksAreTheHandComputedWAndP() throws {
        let table = try #require(try Self.trendSection().tables.first)
        #expect(table.chart == .trend(partialColumn: "partial"))
        #expect(
            table.columns.map(\.id) == [
                "period", "partial", "created", "solved", "first_reply_time.calendar.median", "csat", "sla.breached",
                "sla.achievement_rate",
            ])
        #expect(table.rows.count == 12)
        #expect(table.rows.first?.first == "2026-W36")
        let w = table.rows[11]
        let p = table.rows[10]
        #expect(w[0] == "2026-W47" && p[0] == "2026-W46")
        #expect(w[1] == "no")
        #expect(w[2] == 29 && p[2] == 15)
        #expect(w[3] == 22 && p[3] == 10)
        #expect(w[4].doubleValue == 50 && p[4].doubleValue == 55)
        #expect(close(w[5].doubleValue, 0.7273) && close(p[5].doubleValue, 0.6667))
        #expect(w[6] == 13)
        #expect(close(w[7].doubleValue, 0.7937))
        #expect(table.columns[4].direction == .lower && table.columns[5].direction == .higher)
    }

    /// Percentiles and `within:` shares per period, from the same pass: W's first replies within
    /// an hour are 13 of 23 and their p75 is 135 minutes, as DistributionTests has them for W.
    @Test func periodsCarryPercentilesAndWithinShares() throws {
        let table = try #require(try Self.trendSection(stats: ["within:1h", "p75"]).tables.first)
        let ids = table.columns.map(\.id)
        let within = try #require(ids.firstIndex(of: "first_reply_time.calendar.within_1h"))
        let count = try #require(ids.firstIndex(of: "first_reply_time.calendar.within_1h_count"))
        let p75 = try #require(ids.firstIndex(of: "first_reply_time.calendar.p75"))
        let w = table.rows[11]
        #expect(close(w[within].doubleValue, 13.0 / 23))
        #expect(w[count] == 13)
        #expect(close(w[p75].doubleValue, 135))
    }

    @Test func aPeriodRunningPastAsOfIsPartial() throws {
        let section = try Self.trendSection(asOf: FixtureAccount.asOf - 86_400)
        let table = try #require(section.tables.first)
        #expect(table.rows[11][1] == "yes")
        #expect(table.rows[10][1] == "no")
        #expect(section.notes.contains { $0.hasPrefix("Partial: 2026-W47 (runs past as-of 2026-11-22T00:00:00Z)") })
        #expect(section.notes.contains { $0.hasPrefix("Backlog is not in this trend") })
    }

    @Test func trailingBucketsAreWholeCalendarPeriods() throws {
        let zone = try ReportTimeZone("UTC")
        let months = BucketSeries.trailing(12, endingWith: 1_795_392_000 - 1, by: .month, in: zone)
        #expect(months.buckets.map(\.label).first == "2025-12")
        #expect(months.buckets.map(\.label).last == "2026-11")
        #expect(months.count == 12)
        let weeks = BucketSeries.trailing(3, endingWith: 1_795_392_000 - 1, by: .week, in: zone)
        #expect(weeks.buckets.map(\.label) == ["2026-W45", "2026-W46", "2026-W47"])
    }
}
