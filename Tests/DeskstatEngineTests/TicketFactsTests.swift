import DeskstatCache
import DeskstatEngine
import DeskstatImport
import DeskstatReport
import DeskstatTime
import Foundation
import GRDB
import Testing

/// `ticket_facts` (schema v4) is a derived copy of ticket and metric-set columns. Reports read
/// it instead of the tables, so it must never change a number: whatever order records arrive
/// in, after writes made outside deskstat, and in a cache migrated from v3.
@Suite(.serialized) struct TicketFactsTests {
    static let fixtureFiles: [String] = {
        let folder = FixtureAccount.root.appendingPathComponent("fixtures/account").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }()

    static func scratch() -> String {
        NSTemporaryDirectory() + "deskstat-facts-\(UUID().uuidString).sqlite"
    }

    /// Imports the fixture files one by one, in this order.
    static func importFixture(order: [String]) throws -> Cache {
        let cache = try Cache.open(at: scratch())
        for file in order {
            _ = try Importer(cache: cache, options: .init(now: FixtureAccount.asOf)).run(
                try ImportSource.resolve([file]))
        }
        return cache
    }

    /// Every report of `reports/` over the fixture windows, as JSON, from `cache`.
    static func reports(_ cache: Cache) throws -> String {
        let facts = try FactLoader(cache: cache).load(since: 0, until: FixtureAccount.asOf + 1)
        var output = ""
        for name in ["weekly", "sla", "csat", "history"] {
            let definition = try ReportDefinitions.load(
                path: FixtureAccount.root.appendingPathComponent("reports/\(name).yaml").path)
            for (window, previous) in [
                (FixtureAccount.currentWindow, FixtureAccount.previousWindow),
                (try Window(from: 0, to: FixtureAccount.asOf), nil),
            ] {
                let request = ReportRequest(
                    definition: definition, window: window, windowLabel: "w", previous: previous,
                    previousLabel: previous == nil ? nil : "p", asOf: FixtureAccount.asOf,
                    timeZone: try ReportTimeZone("UTC"), filters: [])
                output += JSONRenderer().render(try ReportBuilder.build(request, facts: facts))
            }
        }
        return output
    }

    static func rows(_ path: String, _ sql: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: sql).map { $0.description }
        }
    }

    static func execute(_ path: String, _ sql: String) throws {
        try DatabaseQueue(path: path).write { try $0.execute(sql: sql) }
    }

    @Test func factsDoNotDependOnImportOrderAndAreNeverUnknown() throws {
        let forward = try Self.importFixture(order: Self.fixtureFiles)
        let backward = try Self.importFixture(order: Self.fixtureFiles.reversed())
        let all = "SELECT ticket_id, hex(ticket), hex(metric) FROM ticket_facts ORDER BY ticket_id"
        let forwardRows = try Self.rows(forward.path, all)
        #expect(forwardRows.count == 51)
        #expect(forwardRows == (try Self.rows(backward.path, all)))
        let unknown = try Self.rows(
            forward.path, "SELECT ticket_id FROM ticket_facts WHERE ticket IS NULL OR metric IS NULL")
        #expect(unknown.isEmpty, "parts left unknown: \(unknown)")
        // A ticket without a metric set has an empty metric part; one with a set has a packed one.
        let withoutSet = try Self.rows(
            forward.path,
            "SELECT ticket_id FROM ticket_facts WHERE length(metric) = 0 AND ticket_id IN (SELECT ticket_id FROM ticket_metrics)"
        )
        #expect(withoutSet.isEmpty)
        // Importing everything again changes nothing (an unchanged upsert must not void a part).
        _ = try Importer(cache: forward, options: .init(now: FixtureAccount.asOf)).run(
            try ImportSource.resolve(Self.fixtureFiles))
        #expect(try Self.rows(forward.path, all) == forwardRows)
    }

    @Test func reportsAreTheSameFromFactsAndFromTheTables() throws {
        let cache = try Self.importFixture(order: Self.fixtureFiles)
        let fromFacts = try Self.reports(cache)
        try Self.execute(cache.path, "UPDATE ticket_facts SET ticket = NULL, metric = NULL")
        let fromTables = try Self.reports(cache)
        #expect(fromFacts == fromTables)
        #expect(fromFacts.contains("\"created\": 29"), "the fixture's W has 29 created tickets")
    }

    @Test func writesOutsideDeskstatAreSeenByReports() throws {
        let cache = try Self.importFixture(order: Self.fixtureFiles)
        let before = try Self.reports(cache)
        #expect(before.contains("\"low\""))
        // Another tool re-prioritises every ticket and wipes one metric set's reply times.
        try Self.execute(cache.path, "UPDATE tickets SET priority = 'urgent'")
        try Self.execute(
            cache.path,
            "UPDATE ticket_metrics SET reply_time_in_minutes_calendar = 100000 WHERE ticket_id = (SELECT min(ticket_id) FROM ticket_metrics)"
        )
        let unknown = try Self.rows(cache.path, "SELECT ticket_id FROM ticket_facts WHERE ticket IS NULL")
        #expect(unknown.count == 51, "a write outside deskstat voids the ticket parts")
        let after = try Self.reports(cache)
        #expect(after != before)
        // The same numbers as a cache whose facts were never written.
        try Self.execute(cache.path, "UPDATE ticket_facts SET ticket = NULL, metric = NULL")
        #expect(try Self.reports(cache) == after)
        #expect(!after.contains("\"low\""), "every ticket is urgent now")
    }

    @Test func aV3CacheIsMigratedWithEveryFactPacked() throws {
        let reference = try Self.importFixture(order: Self.fixtureFiles)
        let all = "SELECT ticket_id, hex(ticket), hex(metric) FROM ticket_facts ORDER BY ticket_id"
        let expected = try Self.rows(reference.path, all)
        // Turn a copy back into a v3 cache: no facts table or triggers, v4 not recorded.
        let path = Self.scratch()
        try DatabaseQueue(path: reference.path).backup(to: DatabaseQueue(path: path))
        try Self.execute(
            path,
            """
            DROP TABLE ticket_facts;
            DROP TRIGGER ticket_facts_ticket_inserted;
            DROP TRIGGER ticket_facts_ticket_updated;
            DROP TRIGGER ticket_facts_ticket_renumbered;
            DROP TRIGGER ticket_facts_ticket_deleted;
            DROP TRIGGER ticket_facts_metric_moving;
            DROP TRIGGER ticket_facts_metric_inserted;
            DROP TRIGGER ticket_facts_metric_updated;
            DROP TRIGGER ticket_facts_metric_deleted;
            DROP INDEX satisfaction_ratings_window;
            DELETE FROM grdb_migrations WHERE identifier = 'v4-ticket-facts';
            PRAGMA user_version = 3;
            """)
        let migrated = try Cache.open(at: path)
        #expect(try migrated.status().schemaVersion == 8)  // upgraded to the current version
        #expect(try Self.rows(path, all) == expected)
        #expect(try Self.reports(migrated) == (try Self.reports(reference)))
    }
}
