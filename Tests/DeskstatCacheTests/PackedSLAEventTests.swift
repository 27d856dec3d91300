import DeskstatCache
import Foundation
import GRDB
import Testing

/// Schema v8's packed metric events (`ticket_sla_events`): `CacheReader.forEachMetricEvent` reads
/// each ticket's pack, or the indexed rows when the pack is stale or unreadable, and the two give
/// the same rows; every kind of write voids the packs of exactly the tickets it touches.
@Suite struct PackedSLAEventTests {
    /// One delivered event, as text (the reader's buffers live only during its call).
    struct Seen: Equatable, CustomStringConvertible {
        var ticket: Int64
        var id: Int64
        var metric: String?
        var instance: Int64?
        var type: String?
        var time: Int64?
        var deleted: Bool?
        var target: String?
        var untypedJSON: String?

        var description: String {
            "\(ticket)/\(id) \(metric ?? "-") #\(instance.map(String.init) ?? "-") \(type ?? "-") @\(time.map(String.init) ?? "-")"
                + " deleted=\(deleted.map(String.init) ?? "-") target=\(target ?? "-") json=\(untypedJSON ?? "-")"
        }
    }

    static func text(_ bytes: UnsafeRawBufferPointer?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    static func events(_ cache: Cache, _ ranges: [(Int64, Int64)] = [(Int64.min, Int64.max)]) throws -> [Seen] {
        var seen: [Seen] = []
        try cache.snapshot { reader in
            try reader.forEachMetricEvent(ofTicketsIn: ranges) { row in
                let target = row.target.map { target in
                    "\(target.isGroupPolicy ? "group" : "sla"):\(target.policyID.map(String.init) ?? "-"):"
                        + "\(text(target.policyTitle) ?? "-"):\(target.target.map { String($0) } ?? "-"):"
                        + "\(target.targetInSeconds.map { String($0) } ?? "-"):\(target.businessHours)"
                }
                seen.append(
                    Seen(
                        ticket: row.ticketID, id: row.id, metric: text(row.metric), instance: row.instanceID,
                        type: text(row.type), time: row.time, deleted: row.deleted, target: target,
                        untypedJSON: text(row.untypedJSON)))
            }
        }
        return seen
    }

    static func packs(_ cache: Cache) throws -> [Int64: Bool] {
        try cache.read { db in
            try Row.fetchAll(db, sql: "SELECT ticket_id, events IS NOT NULL FROM ticket_sla_events").reduce(into: [:]) {
                $0[$1[0]] = $1[1]
            }
        }
    }

    static func execute(_ cache: Cache, _ sql: String) throws {
        try DatabaseQueue(path: cache.path).write { db in try db.execute(sql: sql) }
    }

    static let untypedJSON = #"{"id":13,"ticket_id":3,"type":"apply_sla","sla":{"target":"odd"}}"#

    /// Three tickets' events in every shape the columns allow, written out of time order.
    static func account() throws -> Cache {
        let cache = try Cache.open(at: NSTemporaryDirectory() + "deskstat-packed-\(UUID().uuidString).sqlite")
        let sla = AppliedSLATarget(
            policyID: 7, policyTitle: "Tier 1 ✓", target: 60, targetInSeconds: 3_600, businessHours: true,
            isGroupPolicy: false)
        let group = AppliedSLATarget(
            policyID: nil, policyTitle: nil, target: nil, targetInSeconds: nil, businessHours: false,
            isGroupPolicy: true)
        try cache.write { writer in
            for row in [
                CacheRow.ticketMetricEvent(
                    id: 12, ticketID: 1, metric: "reply_time", instanceID: 1, type: "fulfill", time: 2_000,
                    deleted: false, rawJSON: "{}"),
                .ticketMetricEvent(
                    id: 11, ticketID: 1, metric: "reply_time", instanceID: 1, type: "apply_sla", time: 1_000,
                    deleted: nil, target: sla, rawJSON: "{}"),
                .ticketMetricEvent(
                    id: 10, ticketID: 1, metric: "reply_time", instanceID: 1, type: "activate", time: 1_000,
                    deleted: nil, rawJSON: "{}"),
                .ticketMetricEvent(
                    id: 20, ticketID: 2, metric: "a_new_metric", instanceID: nil, type: "a_new_type", time: nil,
                    deleted: true, rawJSON: "{}"),
                .ticketMetricEvent(
                    id: 21, ticketID: 2, metric: nil, instanceID: 5, type: nil, time: -5, deleted: nil, rawJSON: "{}"),
                .ticketMetricEvent(
                    id: 22, ticketID: 2, metric: "group_ownership_time", instanceID: 2, type: "apply_group_sla",
                    time: 3_000, deleted: nil, target: group, rawJSON: "{}"),
                .ticketMetricEvent(
                    id: 13, ticketID: 3, metric: "reply_time", instanceID: 1, type: "apply_sla", time: 500,
                    deleted: nil, rawJSON: untypedJSON),
                .ticketMetricEvent(
                    id: 99, ticketID: nil, metric: "reply_time", instanceID: 1, type: "activate", time: 10,
                    deleted: nil,
                    rawJSON: "{}"),
            ] {
                _ = try writer.upsert(row)
            }
        }
        // An event an upgraded cache could not type (`sla_kind` 2): read with its JSON.
        try execute(cache, "UPDATE ticket_metric_events SET sla_kind = 2 WHERE id = 13")
        try cache.rebuildStaleDerivedRows()
        return cache
    }

    /// Hand-written: per ticket by (time, id), NULL times first; the ticketless event left out.
    static let expected = [
        "1/10 reply_time #1 activate @1000 deleted=- target=- json=-",
        "1/11 reply_time #1 apply_sla @1000 deleted=- target=sla:7:Tier 1 ✓:60.0:3600.0:true json=-",
        "1/12 reply_time #1 fulfill @2000 deleted=false target=- json=-",
        "2/20 a_new_metric #- a_new_type @- deleted=true target=- json=-",
        "2/21 - #5 - @-5 deleted=- target=- json=-",
        "2/22 group_ownership_time #2 apply_group_sla @3000 deleted=- target=group:-:-:-:-:false json=-",
        "3/13 reply_time #1 apply_sla @500 deleted=- target=- json=\(untypedJSON)",
    ]

    @Test func packsGiveTheIndexedRows() throws {
        let cache = try Self.account()
        #expect(try Self.packs(cache) == [1: true, 2: true, 3: true])
        let packed = try Self.events(cache)
        #expect(packed.map(\.description) == Self.expected)
        #expect(try Self.events(cache, [(2, 3)]).map(\.id) == [20, 21, 22, 13])
        // Every pack stale: the same rows from the covering index.
        try Self.execute(cache, "UPDATE ticket_sla_events SET events = NULL")
        #expect(try Self.events(cache) == packed)
    }

    /// Stale tickets are read from the index in runs that stop at a packed ticket and at the end
    /// of each asked range (the gap between ranges may hold tickets not asked for).
    @Test func staleRunsStopAtPacksAndAtRangeEnds() throws {
        let cache = try Self.account()
        func read(_ ranges: [(Int64, Int64)]) throws -> [String] { try Self.events(cache, ranges).map(\.description) }
        func expected(_ tickets: [Int64]) -> [String] {
            Self.expected.filter { line in tickets.contains { line.hasPrefix("\($0)/") } }
        }
        try Self.execute(cache, "UPDATE ticket_sla_events SET events = NULL WHERE ticket_id IN (1, 3)")
        #expect(try read([(Int64.min, Int64.max)]) == Self.expected)
        #expect(try read([(1, 1), (3, 3)]) == expected([1, 3]))
        try Self.execute(cache, "UPDATE ticket_sla_events SET events = NULL")
        #expect(try read([(1, 1), (3, 3)]) == expected([1, 3]))
        #expect(try read([(2, 3)]) == expected([2, 3]))
    }

    @Test func packsAreWhatIsRead() throws {
        let cache = try Self.account()
        // Ticket 1's pack on ticket 3's row: ticket 3 now reads as ticket 1's events.
        try Self.execute(
            cache,
            "UPDATE ticket_sla_events SET events = (SELECT events FROM ticket_sla_events WHERE ticket_id = 1) WHERE ticket_id = 3"
        )
        #expect(
            try Self.events(cache, [(3, 3)]).map(\.description) == Self.expected[0..<3].map { "3" + $0.dropFirst() })
    }

    @Test func aPackThatDoesNotDecodeIsReadFromTheIndex() throws {
        let cache = try Self.account()
        // Another format, a truncated event, and an unknown metric code.
        try Self.execute(
            cache,
            """
            UPDATE ticket_sla_events SET events = X'02' WHERE ticket_id = 1;
            UPDATE ticket_sla_events SET events = substr(events, 1, length(events) - 3) WHERE ticket_id = 2;
            UPDATE ticket_sla_events SET events = X'0100' || zeroblob(8) || X'C8' WHERE ticket_id = 3;
            """)
        #expect(try Self.events(cache).map(\.description) == Self.expected)
    }

    @Test func writesVoidThePacksOfTheTicketsTheyTouchUntilTheRebuild() throws {
        let cache = try Self.account()
        let deferred = cache.deferringDerivedRowRebuilds()
        // A newer version of ticket 1's fulfil (later time) and a new event of ticket 4.
        try deferred.write { writer in
            _ = try writer.upsert(
                .ticketMetricEvent(
                    id: 12, ticketID: 1, metric: "reply_time", instanceID: 1, type: "fulfill", time: 2_500,
                    deleted: false, rawJSON: "{}"))
            _ = try writer.upsert(
                .ticketMetricEvent(
                    id: 40, ticketID: 4, metric: "requester_wait_time", instanceID: 1, type: "pause", time: 7,
                    deleted: nil, rawJSON: "{}"))
        }
        #expect(try Self.packs(cache) == [1: false, 2: true, 3: true, 4: false])
        let stale = try Self.events(cache)
        #expect(stale.first { $0.id == 12 }?.time == 2_500)
        #expect(stale.last?.description == "4/40 requester_wait_time #1 pause @7 deleted=- target=- json=-")
        // The same version again changes nothing, so it voids nothing.
        try cache.rebuildStaleDerivedRows()
        try deferred.write { writer in
            _ = try writer.upsert(
                .ticketMetricEvent(
                    id: 40, ticketID: 4, metric: "requester_wait_time", instanceID: 1, type: "pause", time: 7,
                    deleted: nil, rawJSON: "{}"))
        }
        #expect(try Self.packs(cache) == [1: true, 2: true, 3: true, 4: true])
        #expect(try Self.events(cache) == stale)
    }

    @Test func movingOrDeletingAnEventVoidsEveryTicketItTouches() throws {
        let cache = try Self.account()
        // `INSERT OR REPLACE` moves event 21 from ticket 2 to ticket 1 (no delete trigger fires).
        try Self.execute(
            cache,
            """
            INSERT OR REPLACE INTO ticket_metric_events (id, ticket_id, metric, type, time, raw_json)
            VALUES (21, 1, 'reply_time', 'breach', 4000, '{}')
            """)
        #expect(try Self.packs(cache) == [1: false, 2: false, 3: true])
        try cache.rebuildStaleDerivedRows()
        #expect(try Self.events(cache, [(1, 2)]).map(\.id) == [10, 11, 12, 21, 20, 22])
        try Self.execute(cache, "DELETE FROM ticket_metric_events WHERE ticket_id = 3")
        #expect(try Self.packs(cache) == [1: true, 2: true, 3: false])
        // A plain write packs it again: a ticket without events has an empty pack.
        try cache.write { _ in }
        #expect(try Self.packs(cache) == [1: true, 2: true, 3: true])
        #expect(try Self.events(cache, [(3, 3)]).isEmpty)
        let empty = try cache.read { db in
            try Data.fetchOne(db, sql: "SELECT events FROM ticket_sla_events WHERE ticket_id = 3")
        }
        #expect(empty == Data([1]))
    }

    @Test func everyOtherWayOfMovingAnEventVoidsBothTickets() throws {
        let cache = try Self.account()
        // The writer's upsert (ON CONFLICT DO UPDATE) of a newer version under another ticket.
        try cache.deferringDerivedRowRebuilds().write { writer in
            _ = try writer.upsert(
                .ticketMetricEvent(
                    id: 22, ticketID: 1, metric: "group_ownership_time", instanceID: 2, type: "breach", time: 3_500,
                    deleted: nil, rawJSON: "{}"))
        }
        #expect(try Self.packs(cache) == [1: false, 2: false, 3: true])
        try cache.rebuildStaleDerivedRows()
        #expect(try Self.events(cache, [(1, 2)]).map(\.id) == [10, 11, 12, 22, 20, 21])
        // A plain UPDATE of ticket_id.
        try Self.execute(cache, "UPDATE ticket_metric_events SET ticket_id = 3 WHERE id = 10")
        #expect(try Self.packs(cache) == [1: false, 2: true, 3: false])
        try cache.rebuildStaleDerivedRows()
        #expect(try Self.events(cache, [(3, 3)]).map(\.id) == [13, 10])
        // UPDATE OR REPLACE renumbering ticket 2's event 20 onto ticket 1's event 11, which it
        // replaces without a delete trigger.
        try Self.execute(cache, "UPDATE OR REPLACE ticket_metric_events SET id = 11 WHERE id = 20")
        #expect(try Self.packs(cache) == [1: false, 2: false, 3: true])
        try cache.rebuildStaleDerivedRows()
        #expect(try Self.events(cache, [(1, 2)]).map(\.id) == [12, 22, 11, 21])
    }

    /// One run of stale tickets where the first has no events left: it gets an empty pack, the
    /// next one its events (the packer's single pass over the run).
    @Test func aStaleTicketWithoutEventsBeforeOneWithEvents() throws {
        let cache = try Self.account()
        try Self.execute(
            cache,
            """
            DELETE FROM ticket_metric_events WHERE ticket_id = 2;
            UPDATE ticket_metric_events SET instance_id = 2 WHERE id = 13;
            """)
        #expect(try Self.packs(cache) == [1: true, 2: false, 3: false])
        try cache.rebuildStaleDerivedRows()
        let packs = try cache.read { db in
            try Row.fetchAll(db, sql: "SELECT ticket_id, hex(events) FROM ticket_sla_events WHERE ticket_id IN (2, 3)")
                .map { "\($0[0] as Int64):\($0[1] as String)" }
        }
        #expect(packs.first == "2:01" && packs.count == 2)
        #expect(
            try Self.events(cache, [(2, 3)]).map(\.description) == [
                "3/13 reply_time #2 apply_sla @500 deleted=- target=- json=\(Self.untypedJSON)"
            ])
    }

    /// A v7 cache gains packs for every ticket with events when it is opened.
    @Test func theUpgradePacksEveryTicket() throws {
        let cache = try Self.account()
        try DatabaseQueue(path: cache.path).write { db in
            let triggers = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ticket_sla_events_%'")
            #expect(triggers.count == 5)
            for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger)") }
            try db.execute(
                sql: """
                    DROP TABLE ticket_sla_events;
                    DELETE FROM grdb_migrations WHERE identifier = 'v8-packed-sla-events';
                    PRAGMA user_version = 7;
                    """)
        }
        let upgraded = try Cache.open(at: cache.path)
        #expect(try upgraded.status().schemaVersion == 8)
        #expect(try Self.packs(upgraded) == [1: true, 2: true, 3: true])
        #expect(try Self.events(upgraded).map(\.description) == Self.expected)
    }
}
