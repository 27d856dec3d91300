import DeskstatReport
import Testing

@testable import DeskstatEngine

@Suite struct SliceAndCSATTests {
    func byKey<T>(_ values: [SliceKey: T]) -> [String: T] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.key ?? "none", $0.value) })
    }

    @Test func csatByTheGroupAtRatingTime() throws {
        let result = try FixtureAccount.result(slice: .dimension(.group))
        #expect(result.totals.overall.csat == CSATCounts(good: 8, bad: 3, offered: 3))
        #expect(close(result.totals.overall.csat.score.value, 8.0 / 11))
        #expect(close(result.totals.overall.csat.responseRate.value, 11.0 / 14))
        let groups = byKey(result.current.kpis)
        #expect(groups[FixtureAccount.support]?.csat == CSATCounts(good: 6, bad: 2, offered: 2))
        #expect(groups[FixtureAccount.billing]?.csat == CSATCounts(good: 0, bad: 1, offered: 1))
        #expect(groups[FixtureAccount.tier2]?.csat == CSATCounts(good: 2, bad: 0, offered: 0))
        let previous = byKey(try #require(result.previous).kpis)
        #expect(previous[FixtureAccount.support]?.csat == CSATCounts(good: 1, bad: 0, offered: 1))
        #expect(previous[FixtureAccount.billing]?.csat == CSATCounts(good: 0, bad: 1, offered: 0))
        #expect(previous[FixtureAccount.tier2]?.csat == CSATCounts(good: 1, bad: 0, offered: 0))
        #expect(result.previousTotals?.overall.csat == CSATCounts(good: 2, bad: 1, offered: 1))
    }

    @Test func createdAndSolvedByGroupWithNames() throws {
        let result = try FixtureAccount.result(slice: .dimension(.group))
        let groups = byKey(result.current.kpis)
        #expect(groups[FixtureAccount.support]?.created == 15 && groups[FixtureAccount.support]?.solved == 13)
        #expect(groups[FixtureAccount.billing]?.created == 7 && groups[FixtureAccount.billing]?.solved == 5)
        #expect(groups[FixtureAccount.tier2]?.created == 6 && groups[FixtureAccount.tier2]?.solved == 4)
        #expect(groups["none"]?.created == 1)
        let labels = Set(result.current.kpis.keys.map(\.label))
        #expect(labels.isSuperset(of: ["Support", "Billing", "Tier 2", "(none)"]))
    }

    @Test func createdAndSolvedByPriority() throws {
        let priorities = byKey(try FixtureAccount.result(slice: .dimension(.priority)).current.kpis)
        #expect(priorities.mapValues(\.created) == ["low": 6, "normal": 13, "high": 5, "urgent": 4, "none": 1])
        #expect(priorities.mapValues(\.solved) == ["low": 4, "normal": 10, "high": 3, "urgent": 3, "none": 2])
    }

    @Test func filtersNarrowEveryKPI() throws {
        let billing = try FixtureAccount.result(filters: ["group=Billing"]).current.overall
        #expect(billing.created == 7 && billing.solved == 5)
        let notBilling = try FixtureAccount.result(filters: ["group!=billing"]).current.overall
        #expect(notBilling.created == 22)
        let urgentOrHigh = try FixtureAccount.result(filters: ["priority=urgent,high"]).current.overall
        #expect(urgentOrHigh.created == 9 && urgentOrHigh.solved == 6)
        let noPriority = try FixtureAccount.result(filters: ["priority=none"]).current.overall
        #expect(noPriority.created == 1)
    }

    @Test func badFiltersAreErrors() throws {
        #expect(throws: EngineError.self) { try TicketFilter.parse("grop=Billing") }
        #expect(throws: EngineError.self) { try TicketFilter.parse("priority") }
        #expect(throws: EngineError.self) { try TicketFilter.parse("priority=") }
        #expect(throws: EngineError.self) { try FixtureAccount.result(filters: ["group=Biling"]) }
    }
}

/// A `limit` keeps the busiest slices and the totals row last (it sorted first before: it has
/// the largest counts).
@Suite struct LimitKeepsTotalsLastTests {
    @Test func totalsRowStaysLast() {
        let table = ReportTable(
            id: "csat",
            columns: [
                ReportColumn(id: "assignee", title: "Assignee", kind: .label),
                ReportColumn(id: "good", title: "Good", kind: .count),
            ],
            rows: [["Ana", 1], ["Ben", 5], ["Cara", 3], ["All", 9]])
        let limited = SectionBuilder.limited(table, to: 2, keepingLastRow: true)
        #expect(limited.rows.map { $0[0] } == ["Ben", "Cara", "All"])
        #expect(SectionBuilder.limited(table, to: 2).rows.map { $0[0] } == ["All", "Ben"], "no totals row to keep")
        #expect(SectionBuilder.limited(table, to: 3, keepingLastRow: true).rows == table.rows, "within the limit")
    }
}
