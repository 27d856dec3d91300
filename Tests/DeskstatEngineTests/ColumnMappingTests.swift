import DeskstatCache
import DeskstatEngine
import DeskstatImport
import Foundation
import GRDB
import Testing
import ZendeskWire

/// Every column lands where its name says, on every path: a ticket, its metric set and a rating
/// whose every field holds a different value go through the import's fast path and its reference
/// path, into the tables, into `ticket_facts`, and out of the engine. Two columns swapped
/// anywhere along the way (say `assignee_id` and `requester_id` in one list) fail here.
@Suite struct ColumnMappingTests {
    /// 2026-11-10T08:00:00Z, 2026-11-12T09:30:00Z.
    static let created: Int64 = 1_794_297_600
    static let updated: Int64 = 1_794_475_800

    static let body = """
        {"tickets": [{"id": 1001, "status": "open", "priority": "high", "type": "incident", "subject": "Swap check",
          "via": {"channel": "web"}, "group_id": 11, "assignee_id": 22, "requester_id": 33, "submitter_id": 44,
          "organization_id": 55, "brand_id": 66, "ticket_form_id": 77, "problem_id": 88,
          "created_at": "2026-11-10T08:00:00Z", "updated_at": "2026-11-12T09:30:00Z",
          "generated_timestamp": 1794475801, "tags": ["b", "a"], "custom_fields": [{"id": 9, "value": "x"}]}],
         "metric_sets": [{"id": 5005, "ticket_id": 1001, "created_at": 1794297601, "updated_at": 1794297602,
          "reply_time_in_minutes": {"calendar": 1, "business": 2},
          "first_resolution_time_in_minutes": {"calendar": 3, "business": 4},
          "full_resolution_time_in_minutes": {"calendar": 5, "business": 6},
          "agent_wait_time_in_minutes": {"calendar": 7, "business": 8},
          "requester_wait_time_in_minutes": {"calendar": 9, "business": 10},
          "on_hold_time_in_minutes": {"calendar": 11, "business": 12},
          "reply_time_in_seconds": {"calendar": 13}, "reopens": 14, "replies": 15, "assignee_stations": 16,
          "group_stations": 17, "assigned_at": 1794297603, "initially_assigned_at": 1794297604,
          "solved_at": 1794297605, "status_updated_at": 1794297606, "latest_comment_added_at": 1794297607,
          "requester_updated_at": 1794297608, "assignee_updated_at": 1794297609,
          "custom_status_updated_at": 1794297610}],
         "satisfaction_ratings": [{"id": 7007, "ticket_id": 1001, "group_id": 111, "assignee_id": 222,
          "requester_id": 333, "score": "good", "reason": "Fast", "reason_id": 444,
          "created_at": 1794297611, "updated_at": 1794297612}]}
        """

    /// What each column must hold, written out by hand.
    static let expected: [(table: String, key: Int64, values: [String: DatabaseValue])] = [
        (
            "tickets", 1001,
            [
                "status": "open".databaseValue, "priority": "high".databaseValue, "type": "incident".databaseValue,
                "subject": "Swap check".databaseValue, "via_channel": "web".databaseValue,
                "group_id": 11.databaseValue, "assignee_id": 22.databaseValue, "requester_id": 33.databaseValue,
                "submitter_id": 44.databaseValue, "organization_id": 55.databaseValue, "brand_id": 66.databaseValue,
                "ticket_form_id": 77.databaseValue, "problem_id": 88.databaseValue,
                "created_at": created.databaseValue, "updated_at": updated.databaseValue,
                "generated_timestamp": 1_794_475_801.databaseValue, "deleted": 0.databaseValue,
            ]
        ),
        (
            "ticket_metrics", 5005,
            [
                "ticket_id": 1001.databaseValue, "created_at": 1_794_297_601.databaseValue,
                "updated_at": 1_794_297_602.databaseValue,
                "reply_time_in_minutes_calendar": 1.0.databaseValue,
                "reply_time_in_minutes_business": 2.0.databaseValue,
                "first_resolution_time_in_minutes_calendar": 3.0.databaseValue,
                "first_resolution_time_in_minutes_business": 4.0.databaseValue,
                "full_resolution_time_in_minutes_calendar": 5.0.databaseValue,
                "full_resolution_time_in_minutes_business": 6.0.databaseValue,
                "agent_wait_time_in_minutes_calendar": 7.0.databaseValue,
                "agent_wait_time_in_minutes_business": 8.0.databaseValue,
                "requester_wait_time_in_minutes_calendar": 9.0.databaseValue,
                "requester_wait_time_in_minutes_business": 10.0.databaseValue,
                "on_hold_time_in_minutes_calendar": 11.0.databaseValue,
                "on_hold_time_in_minutes_business": 12.0.databaseValue,
                "reply_time_in_seconds_calendar": 13.0.databaseValue, "reopens": 14.databaseValue,
                "replies": 15.databaseValue, "assignee_stations": 16.databaseValue, "group_stations": 17.databaseValue,
                "assigned_at": 1_794_297_603.databaseValue, "initially_assigned_at": 1_794_297_604.databaseValue,
                "solved_at": 1_794_297_605.databaseValue, "status_updated_at": 1_794_297_606.databaseValue,
                "latest_comment_added_at": 1_794_297_607.databaseValue,
                "requester_updated_at": 1_794_297_608.databaseValue,
                "assignee_updated_at": 1_794_297_609.databaseValue,
                "custom_status_updated_at": 1_794_297_610.databaseValue,
            ]
        ),
        (
            "satisfaction_ratings", 7007,
            [
                "ticket_id": 1001.databaseValue, "group_id": 111.databaseValue, "assignee_id": 222.databaseValue,
                "requester_id": 333.databaseValue, "score": "good".databaseValue, "reason": "Fast".databaseValue,
                "reason_id": 444.databaseValue, "created_at": 1_794_297_611.databaseValue,
                "updated_at": 1_794_297_612.databaseValue,
            ]
        ),
    ]

    enum Path: String, CaseIterable, Sendable {
        /// `Importer`: the body takes the fast path (`FastBody`).
        case fast
        /// `RecordMapper` rows through `CacheWriter.upsert(_ row:)`: the reference path.
        case reference
    }

    static func cache(_ path: Path) throws -> Cache {
        let cache = try Cache.open(at: NSTemporaryDirectory() + "deskstat-columns-\(UUID().uuidString).sqlite")
        switch path {
        case .fast:
            let report = try Importer(cache: cache, options: .init(now: updated)).run([
                .inMemory(name: "body.json", bytes: Array(body.utf8))
            ])
            #expect(report.records == 3)
        case .reference:
            let envelope = try Envelope.parse(Array(body.utf8))
            let rows = try envelope.sections.flatMap { section throws(WireError) in
                try RecordMapper.rows(for: section, in: envelope)
            }
            let outcomes = try cache.write { writer in try rows.map { try writer.upsert($0) } }
            #expect(outcomes == [.inserted, .inserted, .inserted])
        }
        return cache
    }

    @Test(arguments: Path.allCases)
    func everyColumnHoldsItsOwnField(path: Path) throws {
        let cache = try Self.cache(path)
        for (table, key, values) in Self.expected {
            let names = values.keys.sorted()
            let row = try cache.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT \(names.joined(separator: ", ")) FROM \(table) WHERE id = ?", arguments: [key])
            }
            let stored = try #require(row, "\(path): no \(table) row \(key)")
            for (index, name) in names.enumerated() {
                #expect(stored[index] as DatabaseValue == values[name], "\(path): \(table).\(name)")
            }
            // No declared column is left out of the expectations.
            let declared = try #require(CacheTable(rawValue: table)).schema.columnNames.filter { $0 != "id" }
            #expect(Set(declared) == Set(names), "\(table)")
        }
        let tags = try cache.read { db in
            try String.fetchAll(db, sql: "SELECT tag FROM ticket_tags WHERE ticket_id = 1001 ORDER BY tag")
        }
        #expect(tags == ["a", "b"])
    }

    /// The same ticket out of the engine: from `ticket_facts`, from the tables when the facts are
    /// void, and as `explain` loads it.
    @Test(arguments: Path.allCases)
    func theEngineReadsEveryFieldByItsName(path: Path) throws {
        let cache = try Self.cache(path)
        try Self.check(try #require(try FactLoader(cache: cache).load(since: 0, until: 1_800_000_000).ticket(1001)))
        try DatabaseQueue(path: cache.path).write {
            try $0.execute(sql: "UPDATE ticket_facts SET ticket = NULL, metric = NULL")
        }
        let fromTables = try FactLoader(cache: cache).load(since: 0, until: 1_800_000_000)
        try Self.check(try #require(try fromTables.ticket(1001)))
        #expect(fromTables.ratings.map(\.id) == [7007])
        #expect(fromTables.ratings.first?.groupID == 111)
        #expect(fromTables.ratings.first?.assigneeID == 222)
        try Self.check(try #require(try FactLoader(cache: cache).loadTicket(1001).ticket(1001)))
    }

    static func check(_ ticket: TicketFact) throws {
        #expect(ticket.status == "open")
        #expect(ticket.priority == "high")
        #expect(ticket.type == "incident")
        #expect(ticket.viaChannel == "web")
        #expect(ticket.groupID == 11)
        #expect(ticket.assigneeID == 22)
        #expect(ticket.requesterID == 33)
        #expect(ticket.submitterID == 44)
        #expect(ticket.organizationID == 55)
        #expect(ticket.brandID == 66)
        #expect(ticket.ticketFormID == 77)
        #expect(ticket.createdAt == created)
        #expect(ticket.tags == ["a", "b"])
        let metrics = try #require(ticket.metrics)
        #expect(metrics.replyTime == ClockPair(calendar: 1, business: 2))
        #expect(metrics.firstResolutionTime == ClockPair(calendar: 3, business: 4))
        #expect(metrics.fullResolutionTime == ClockPair(calendar: 5, business: 6))
        #expect(metrics.agentWaitTime == ClockPair(calendar: 7, business: 8))
        #expect(metrics.requesterWaitTime == ClockPair(calendar: 9, business: 10))
        #expect(metrics.onHoldTime == ClockPair(calendar: 11, business: 12))
        #expect(metrics.reopens == 14)
        #expect(metrics.replies == 15)
        #expect(metrics.solvedAt == 1_794_297_605)
    }
}
