import DeskstatCache
import DeskstatImport
import DeskstatReport
import Foundation
import Testing

@testable import DeskstatEngine

/// Data-completeness warnings: facts from the cache, judged as of as-of (never the wall clock).
@Suite struct CompletenessTests {
    typealias Code = ReportWarning.Code

    @Test func aCompleteFixtureCacheHasNoWarnings() throws {
        let facts = try FactLoader(cache: FixtureAccount.cache).completeness(window: FixtureAccount.currentWindow)
        #expect(facts.neverLoaded.isEmpty)
        #expect(facts.slaPolicies > 0)
        #expect(facts.ticketsRefreshedAt == FixtureAccount.asOf, "the import's `now`")
        #expect(DataCompleteness.warnings(facts, asOf: FixtureAccount.asOf, staleAfterDays: 3).isEmpty)
    }

    /// Staleness is measured from as-of: 3 days and 1 second after the import is stale, exactly
    /// 3 days is not.
    @Test func stalenessCountsFromAsOf() {
        var facts = CacheCompleteness()
        facts.slaPolicies = 1
        facts.ticketsRefreshedAt = 1_000_000
        #expect(DataCompleteness.warnings(facts, asOf: 1_000_000 + 3 * 86_400, staleAfterDays: 3).isEmpty)
        let stale = DataCompleteness.warnings(facts, asOf: 1_000_001 + 3 * 86_400, staleAfterDays: 3)
        #expect(stale.map(\.code) == [Code.staleData.rawValue])
        #expect(DataCompleteness.warnings(facts, asOf: 1_000_000 - 86_400, staleAfterDays: 3).isEmpty, "as-of before")
    }

    @Test func everyCodeHasItsWarning() {
        var facts = CacheCompleteness()
        facts.neverLoaded = ["sla_policies", "ticket_metrics"]
        facts.ticketsRefreshedAt = 0
        facts.solvedWithoutMetrics = 4
        facts.ratedTicketsWithoutRatings = 2
        facts.metricsNewerThanTicket = 1
        let warnings = DataCompleteness.warnings(facts, asOf: 10 * 86_400, staleAfterDays: 7)
        #expect(
            warnings.map(\.code)
                == [
                    Code.tableNeverLoaded, .staleData, .solvedWithoutMetrics, .noSLAPolicies, .ratingsNotSynced,
                    .metricsNewerThanTicket,
                ].map(\.rawValue))
        #expect(warnings[0].message.contains("sla_policies, ticket_metrics"))
        #expect(warnings[1].message.contains("10 days"))
        #expect(warnings[2].message.hasPrefix("4 solved or closed"))
    }

    /// A cache holding only tickets (no metric sets, ratings or policies): hand-counted from
    /// the three tickets below, created 2026-11-17 in the fixture's current week.
    @Test func aTicketsOnlyCacheIsCaught() throws {
        let directory = NSTemporaryDirectory() + "deskstat-completeness-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = try Cache.open(at: directory + "/t.sqlite")
        let body = """
            {"tickets": [
              {"id": 1, "status": "solved", "created_at": "2026-11-17T09:00:00Z", "updated_at": "2026-11-18T09:00:00Z",
               "satisfaction_rating": {"score": "good"}},
              {"id": 2, "status": "closed", "created_at": "2026-11-17T10:00:00Z", "updated_at": "2026-11-18T09:00:00Z",
               "satisfaction_rating": {"score": "offered"}},
              {"id": 3, "status": "open", "created_at": "2026-11-17T11:00:00Z", "updated_at": "2026-11-18T09:00:00Z"}
            ]}
            """
        _ = try Importer(cache: cache, options: .init(now: FixtureAccount.asOf)).run([
            .inMemory(name: "tickets.json", bytes: Array(body.utf8))
        ])
        let facts = try FactLoader(cache: cache).completeness(window: FixtureAccount.currentWindow)
        #expect(facts.neverLoaded == ["groups", "satisfaction_ratings", "sla_policies", "ticket_metrics", "users"])
        #expect(facts.solvedWithoutMetrics == 2)
        #expect(facts.ratedTicketsWithoutRatings == 1)
        #expect(facts.slaPolicies == 0)
        let codes = DataCompleteness.warnings(facts, asOf: FixtureAccount.asOf, staleAfterDays: 3).map(\.code)
        #expect(
            codes == [Code.tableNeverLoaded, .solvedWithoutMetrics, .noSLAPolicies, .ratingsNotSynced].map(\.rawValue))
    }

    /// `--where` values: Zendesk's enumerations and what the cache holds; typos are errors.
    @Test func filterValuesAreChecked() throws {
        let loader = FactLoader(cache: FixtureAccount.cache)
        for good in ["priority=urgent", "status=solved,closed", "type=task", "channel=whatsapp", "tag=vip", "brand=7"] {
            #expect(throws: Never.self, "\(good)") { try loader.checkValues(of: [try TicketFilter.parse(good)]) }
        }
        for (bad, phrase) in [
            ("priority=urgnt", "did you mean \"urgent\""), ("status=solvd", "did you mean \"solved\""),
            ("channel=emial", "did you mean \"email\""), ("tag=nosuch", "no ticket in the cache has the tag"),
            ("brand=Acme", "brand values are ids"),
        ] {
            #expect("\(bad)") { try loader.checkValues(of: [try TicketFilter.parse(bad)]) } throws: {
                "\($0)".contains(phrase)
            }
        }
    }
}
