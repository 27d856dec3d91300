import DeskstatCache
import DeskstatEngine
import DeskstatGenerator
import DeskstatImport
import DeskstatSLA
import Foundation
import GRDB
import Testing
import ZendeskWire

/// Recorded SLA reads only the loaded tickets' metric events, typed (the `sla_` columns of schema
/// v6), instead of every event with each applied target decoded from its JSON. Differential: on
/// the fixture account and a generated one, the narrowed typed read must give exactly the
/// instances of the full read and of the JSON reference, for every loaded ticket and several
/// as-ofs, and the same tickets with events (what `--sla-source auto` counts as recorded).
@Suite(.serialized) struct RecordedSLAReadTests {
    /// Every stored event, each apply event's target decoded from `raw_json` with ZendeskWire's
    /// contract (how reports read them before v6), by ticket.
    static func decodedFromJSON(_ cache: Cache) throws -> [Int64: [TicketMetricEvent]] {
        let ids = try cache.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT DISTINCT ticket_id FROM ticket_metric_events WHERE ticket_id IS NOT NULL")
        }
        var byTicket: [Int64: [TicketMetricEvent]] = [:]
        for (index, stored) in try cache.metricEvents(ticketIDs: Set(ids)).enumerated() {
            var event = TicketMetricEvent(
                id: stored.id, ticketID: stored.ticketID, metric: stored.metric, instanceID: stored.instanceID,
                type: stored.type, time: stored.time, deleted: stored.deleted)
            if let raw = stored.rawJSON {
                let record = try Envelope.parseBareRecord(Array(raw.utf8), table: .ticketMetricEvents, index: index)
                event.appliedTarget = try TicketMetricEvent(RecordReader(record)).appliedTarget
            }
            byTicket[stored.ticketID, default: []].append(event)
        }
        return byTicket
    }

    /// Compares the narrowed read of `facts` with the full typed read and the JSON reference;
    /// returns how many instances were compared.
    static func compare(_ cache: Cache, facts: FactSet, asOfs: [Int64]) throws -> Int {
        let narrowed = try SLAEventSet.load(from: cache, for: facts)
        let full = try SLAEventSet.loadAll(from: cache)
        // Read in two halves on two connections (what a large report does): the same set.
        let split = try SLAEventSet.load(from: cache, for: facts, splitAbove: 2)
        #expect(split.ticketIDs == narrowed.ticketIDs)
        let json = try decodedFromJSON(cache)
        let reference = SLAEventSet(byTicket: json)
        let loaded = Set(facts.ticketIDs)
        #expect(full.ticketIDs == json.keys.sorted())
        #expect(reference.ticketIDs == full.ticketIDs)
        #expect(narrowed.ticketIDs == full.ticketIDs.filter(loaded.contains))
        var compared = 0
        for id in loaded.sorted() {
            for asOf in asOfs {
                let instances = narrowed.instances(ofTicket: id, asOf: asOf)
                #expect(instances == split.instances(ofTicket: id, asOf: asOf), "ticket \(id) as of \(asOf)")
                #expect(instances == full.instances(ofTicket: id, asOf: asOf), "ticket \(id) as of \(asOf)")
                #expect(instances == reference.instances(ofTicket: id, asOf: asOf), "ticket \(id) as of \(asOf)")
                // The one-call builder over the decoded events (its own stream grouping).
                let direct = json[id].map { RecordedSLA.instances($0, asOf: asOf) }
                #expect(instances == direct, "ticket \(id) as of \(asOf)")
                compared += instances?.count ?? 0
            }
        }
        return compared
    }

    @Test func fixtureAccount() throws {
        let cache = FixtureAccount.cache
        let asOfs = [FixtureAccount.asOf, FixtureAccount.asOf - 3 * 86_400, FixtureAccount.currentWindow.from]
        // The weekly window's tickets (narrowed), and every ticket.
        let weekly = try Self.compare(cache, facts: try FixtureAccount.facts(), asOfs: asOfs)
        let all = try Self.compare(
            cache, facts: try FactLoader(cache: cache).load(since: 0, until: FixtureAccount.asOf + 1), asOfs: asOfs)
        #expect(weekly > 10 && all >= weekly, "\(weekly) and \(all) instances")
        // The group SLA (apply_group_sla, policy id "9101") is read typed.
        let group = try #require(
            try SLAEventSet.loadAll(from: cache).instances(ofTicket: 1033, asOf: FixtureAccount.asOf)?.first {
                $0.metric == "group_ownership_time"
            })
        #expect(group.isGroupPolicy && group.policyID == 9101 && group.policyTitle == "Tier 2 ownership")
    }

    /// Writes the seeded 300-ticket account's pages into a new folder; returns it.
    static func generatedPages(end: Int64) throws -> String {
        let directory = NSTemporaryDirectory() + "deskstat-recorded-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var failure: (any Error)?
        AccountGenerator(config: GeneratorConfig(tickets: 300, seed: 11, end: end, days: 90, pageSize: 100)).generate {
            file in
            do {
                try Data(file.bytes).write(to: URL(fileURLWithPath: directory + "/" + file.name))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return directory
    }

    /// An import into a new cache loads without the pack triggers (`Cache.beginBulkLoad`) and
    /// packs every ticket once at the end: the published cache has the triggers back and a pack
    /// for exactly the tickets with events, read as the JSON reference reads them.
    @Test func bulkLoadPacksEveryTicketOnce() throws {
        let end: Int64 = 1_764_547_200  // 2025-12-01
        let directory = try Self.generatedPages(end: end)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sources = try ImportSource.resolve([directory])
        #expect(sources.count > 1, "a bulk load needs several files")
        _ = try Importer(openingCacheAt: directory + "/cache.sqlite", options: .init(now: end)).run(sources)
        let cache = try Cache.open(at: directory + "/cache.sqlite", mode: .readOnly)
        let counts = try cache.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ticket_sla_events_%'),
                           (SELECT COUNT(*) FROM ticket_sla_events WHERE events IS NULL),
                           (SELECT COUNT(*) FROM ticket_sla_events),
                           (SELECT COUNT(DISTINCT ticket_id) FROM ticket_metric_events)
                    """)
        }
        let row = try #require(counts)
        #expect([row[0], row[1]] as [Int] == [5, 0])
        #expect(row[2] as Int == row[3] as Int && row[2] as Int > 100)
        let packed = try SLAEventSet.loadAll(from: cache)
        let reference = SLAEventSet(byTicket: try Self.decodedFromJSON(cache))
        #expect(packed.ticketIDs == reference.ticketIDs)
        for id in reference.ticketIDs {
            #expect(packed.instances(ofTicket: id, asOf: end) == reference.instances(ofTicket: id, asOf: end))
        }
        // Row for row what the index gives (every pack voided: read from the index).
        func rows() throws -> [String] {
            var rows: [String] = []
            try cache.snapshot { reader in
                try reader.forEachMetricEvent(ofTicketsIn: [(Int64.min, Int64.max)]) { event in
                    let metric = event.metric.map { String(decoding: $0, as: UTF8.self) } ?? "-"
                    rows.append("\(event.ticketID)/\(event.id)/\(event.time ?? -1)/\(metric)/\(event.target != nil)")
                }
            }
            return rows
        }
        let fromPacks = try rows()
        try DatabaseQueue(path: cache.path).write { db in
            try db.execute(sql: "UPDATE ticket_sla_events SET events = NULL")
        }
        #expect(try rows() == fromPacks && fromPacks.count > 1000)
    }

    @Test func generatedAccount() throws {
        let end: Int64 = 1_764_547_200  // 2025-12-01
        let directory = try Self.generatedPages(end: end)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = try Cache.open(at: directory + "/cache.sqlite")
        _ = try Importer(cache: cache, options: .init(now: end)).run(try ImportSource.resolve([directory]))
        let eventCount = try cache.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket_metric_events") }
        #expect((eventCount ?? 0) > 1000, "the generated account has metric events")
        let asOfs = [end, end - 7 * 86_400, end - 30 * 86_400]
        // A fortnight's tickets (the weekly path: index ranges, then id runs) and every ticket.
        let fortnight = try Self.compare(
            cache, facts: try FactLoader(cache: cache).load(since: end - 14 * 86_400, until: end + 1), asOfs: asOfs)
        let all = try Self.compare(
            cache, facts: try FactLoader(cache: cache).load(since: 0, until: end + 1), asOfs: asOfs)
        #expect(fortnight > 50 && all > fortnight, "\(fortnight) and \(all) instances")
    }

    /// A v5 cache upgraded to v6 (and v7, v8) types the stored targets in SQL (the same columns a new import
    /// writes); a target in a shape the SQL leaves untyped is decoded from its JSON; either way
    /// the instances are a new import's.
    @Test func upgradedCacheTypesTheStoredTargets() throws {
        let reference = FixtureAccount.cache
        let path = NSTemporaryDirectory() + "deskstat-v4-\(UUID().uuidString).sqlite"
        try DatabaseQueue(path: reference.path).backup(to: DatabaseQueue(path: path))
        let columns = [
            "sla_kind", "sla_policy_id", "sla_policy_title", "sla_target", "sla_target_in_seconds",
            "sla_business_hours",
        ]
        // One `sla` target in a shape the upgrade's SQL leaves untyped: business_hours written as 1.
        let untyped = try #require(
            try reference.read { db in
                try Int64.fetchOne(db, sql: "SELECT min(id) FROM ticket_metric_events WHERE type = 'apply_sla'")
            })
        try DatabaseQueue(path: path).write { db in
            // Back to v5: v8's packs and their triggers go, and v7's covering index, which holds
            // the columns v6 added.
            for trigger in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ticket_metric_events'")
            {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(
                sql: """
                    DROP TABLE ticket_sla_events;
                    DELETE FROM grdb_migrations WHERE identifier = 'v8-packed-sla-events';
                    DROP INDEX ticket_metric_events_sla;
                    CREATE INDEX ticket_metric_events_ticket ON ticket_metric_events(ticket_id, time);
                    DELETE FROM grdb_migrations WHERE identifier = 'v7-metric-event-covering-index';
                    """)
            for column in columns { try db.execute(sql: "ALTER TABLE ticket_metric_events DROP COLUMN \(column)") }
            try db.execute(
                sql: """
                    UPDATE ticket_metric_events SET raw_json = json_set(raw_json, '$.sla.business_hours',
                        iif(json_extract(raw_json, '$.sla.business_hours'), 1, 0))
                    WHERE id = ?;
                    DELETE FROM grdb_migrations WHERE identifier = 'v6-applied-sla-targets';
                    PRAGMA user_version = 5;
                    """, arguments: [untyped])
        }
        let migrated = try Cache.open(at: path)
        let select =
            "SELECT id, \(columns.joined(separator: ", ")) FROM ticket_metric_events WHERE id != \(untyped) ORDER BY id"
        func rows(_ cache: Cache) throws -> [String] {
            try cache.read { db in try Row.fetchAll(db, sql: select).map(\.description) }
        }
        #expect(try rows(migrated) == (try rows(reference)))
        // The group policy's string id "9101" is typed too.
        let group = try migrated.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM ticket_metric_events WHERE sla_kind = 1 AND sla_policy_id = 9101")
        }
        #expect(group == 1)
        let kind = try migrated.read { db in
            try Int64.fetchOne(db, sql: "SELECT sla_kind FROM ticket_metric_events WHERE id = ?", arguments: [untyped])
        }
        #expect(kind == 2)
        let upgraded = try SLAEventSet.loadAll(from: migrated)
        let fresh = try SLAEventSet.loadAll(from: reference)
        #expect(upgraded.ticketIDs == fresh.ticketIDs)
        for id in fresh.ticketIDs {
            #expect(
                upgraded.instances(ofTicket: id, asOf: FixtureAccount.asOf)
                    == fresh.instances(ofTicket: id, asOf: FixtureAccount.asOf), "ticket \(id)")
        }
        #expect(
            upgraded.instances(ofTicket: 1033, asOf: FixtureAccount.asOf)?.contains {
                $0.isGroupPolicy && $0.policyID == 9101 && $0.businessHours
            } == true)
    }
}
