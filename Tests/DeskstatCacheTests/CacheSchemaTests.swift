import DeskstatCache
import Foundation
import GRDB
import Testing

/// `CacheSchema` declares every account table; the migrations create them. The two must agree
/// column for column (name, order, type, NOT NULL, primary key), and every table a new cache has
/// is either declared or one of deskstat's own bookkeeping tables.
@Suite struct CacheSchemaTests {
    struct Column: Equatable, CustomStringConvertible {
        let name: String
        let type: String
        let notNull: Bool
        let primaryKey: Bool

        var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")\(primaryKey ? " KEY" : "")" }
    }

    /// Tables that hold deskstat's own state, not account data.
    static let bookkeeping: Set<String> = [
        "deskstat_table_state", "grdb_migrations", "ticket_facts", "deskstat_sync_queue", "ticket_timeline_stale",
        "ticket_timeline_build", "ticket_sla_events",
    ]

    /// Recorded SLA reads metric events from the covering index alone (schema v7): no lookup of
    /// the table's wide rows, and no sort.
    @Test func metricEventsAreReadFromTheCoveringIndexAlone() throws {
        let plan = try Self.newCache().read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CacheReader.metricEventsSQL, arguments: [1, 2])
                .map { row -> String in row["detail"] }
        }
        let expected =
            "SEARCH ticket_metric_events USING COVERING INDEX ticket_metric_events_sla (ticket_id>? AND ticket_id<?)"
        #expect(plan == [expected])
    }

    /// The data-completeness count of solved tickets without a metric set reads the window's
    /// range of `tickets_created_at`, not every solved ticket through `tickets_status`.
    @Test func solvedTicketsWithoutMetricSetsAreCountedInTheWindowsRange() throws {
        let plan = try Self.newCache().read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CacheReader.solvedWithoutMetricSetSQL, arguments: [1, 2])
                .map { row -> String in row["detail"] }
        }
        #expect(plan.first == "SEARCH t USING COVERING INDEX tickets_created_at (created_at>? AND created_at<?)")
    }

    static func newCache() throws -> Cache {
        try Cache.open(at: NSTemporaryDirectory() + "deskstat-schema-\(UUID().uuidString).sqlite")
    }

    static func columns(of table: String, in cache: Cache) throws -> [Column] {
        try cache.read { db in
            try Row.fetchAll(
                db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [table]
            )
            .map { row in
                Column(name: row[0], type: row[1], notNull: (row[2] as Int) != 0, primaryKey: (row[3] as Int) > 0)
            }
        }
    }

    static func declared(_ columns: [CacheColumn]) -> [Column] {
        columns.map { Column(name: $0.name, type: $0.type.rawValue, notNull: $0.notNull, primaryKey: $0.role == .key) }
    }

    @Test func everyDeclaredTableMatchesTheMigrations() throws {
        let cache = try Self.newCache()
        for table in CacheTable.allCases {
            let schema = table.schema
            #expect(schema.name == table.rawValue)
            // Columns a later migration added (ALTER TABLE) follow raw_json.
            let expected =
                Self.declared(schema.columns.filter { !$0.addedLater }) + [
                    Column(name: "raw_json", type: "TEXT", notNull: true, primaryKey: false)
                ] + Self.declared(schema.columns.filter(\.addedLater))
            let actual = try Self.columns(of: schema.name, in: cache)
            #expect(actual == expected, "\(schema.name): the migrations give \(actual)")
            for child in schema.children {
                let actual = try Self.columns(of: child.name, in: cache)
                #expect(actual == Self.declared(child.columns), "\(child.name): the migrations give \(actual)")
                #expect(child.columns.contains { $0.name == child.parentColumn }, "\(child.name)")
            }
        }
    }

    @Test func everyDerivedTableMatchesTheMigrations() throws {
        let cache = try Self.newCache()
        for table in CacheSchema.derivedTables {
            let actual = try Self.columns(of: table.name, in: cache)
            #expect(actual == Self.declared(table.columns), "\(table.name): the migrations give \(actual)")
            #expect(table.keyColumns.first == "ticket_id", "\(table.name): rows are read in ticket order")
        }
    }

    @Test func everyTableOfANewCacheIsDeclared() throws {
        let cache = try Self.newCache()
        let tables = try cache.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        }
        let declared =
            CacheTable.allCases.flatMap { [$0.rawValue] + $0.schema.children.map(\.name) }
            + CacheSchema.derivedTables.map(\.name)
        #expect(Set(tables) == Set(declared).union(Self.bookkeeping))
    }

    @Test func versionsKeysAndJSONMembersAreReadFromTheDeclaration() {
        #expect(CacheSchema.tickets.versionColumns == ["generated_timestamp", "updated_at"])
        #expect(CacheSchema.ticketAudits.versionColumns == ["created_at"])
        #expect(CacheSchema.tags.versionColumns.isEmpty)
        #expect(CacheSchema.tags.keyColumn == "name")
        #expect(CacheSchema.tickets.columns[CacheSchema.tickets.index("via_channel")].jsonKey == "via")
        #expect(CacheSchema.groups.columns[CacheSchema.groups.index("is_default")].jsonKey == "default")
        #expect(
            CacheSchema.ticketMetrics.jsonKeys.filter { $0.hasSuffix("_in_minutes") }
                == CacheSchema.durationNames.map { "\($0)_in_minutes" })
    }
}
