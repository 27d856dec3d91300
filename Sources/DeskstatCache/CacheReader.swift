import CSQLite
import GRDB

/// Typed reads of the cache for reports, on one consistent snapshot: `Cache.snapshot` (the main
/// read transaction) or `SideSnapshot` (a second connection on the same state). The engine reads
/// through this and nothing else: every statement, column list and C call lives here.
///
/// Bulk reads call a closure per row with values that are only valid during the call (texts and
/// packed parts point into SQLite's row), so a million-row read allocates nothing per row.
public final class CacheReader: @unchecked Sendable {
    let connection: OpaquePointer
    private let db: Database?
    /// Statements prepared on a raw connection (no GRDB statement cache there), finalized in `deinit`.
    private var prepared: [String: OpaquePointer] = [:]

    init(db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the connection is closed")
        }
        self.connection = connection
        self.db = db
    }

    init(connection: OpaquePointer) {
        self.connection = connection
        db = nil
    }

    deinit {
        for (_, statement) in prepared { sqlite3_finalize(statement) }
    }

    // MARK: Statements

    /// A reset statement for `sql`, prepared once per reader.
    func statement(_ sql: String) throws -> OpaquePointer {
        let statement: OpaquePointer
        if let db {
            statement = try db.cachedStatement(sql: sql).sqliteStatement
        } else if let known = prepared[sql] {
            statement = known
        } else {
            statement = try prepareStatement(sql, on: connection)
            prepared[sql] = statement
        }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        return statement
    }

    /// Runs `sql` with integer arguments, calling `row` for each result row.
    func each(_ sql: String, _ arguments: [Int64] = [], _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try statement(sql)
        defer { sqlite3_reset(statement) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        while try stepStatement(statement, on: connection) { try row(statement) }
    }

    /// Runs `sql` once per id range (bound as ?1 and ?2), calling `row` for each result row.
    func eachRange(_ sql: String, _ ranges: [(Int64, Int64)], _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try statement(sql)
        defer { sqlite3_reset(statement) }
        for (low, high) in ranges {
            sqlite3_reset(statement)
            sqlite3_bind_int64(statement, 1, low)
            sqlite3_bind_int64(statement, 2, high)
            while try stepStatement(statement, on: connection) { try row(statement) }
        }
    }

    @inline(__always) static func integer(_ statement: OpaquePointer, _ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    @inline(__always) static func real(_ statement: OpaquePointer, _ column: Int32) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }

    @inline(__always) static func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column)
        else { return nil }
        return String(cString: text)
    }

    @inline(__always) static func blob(_ statement: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }

    // MARK: The snapshot

    /// `PRAGMA data_version`: unchanged on this connection means no other connection committed.
    public func dataVersion() throws -> Int64 {
        var version: Int64 = 0
        try each("PRAGMA data_version") { version = sqlite3_column_int64($0, 0) }
        return version
    }

    // MARK: Tickets

    /// The oldest ticket's `created_at`; `nil` when there are no tickets.
    public func oldestTicketCreatedAt() throws -> Int64? {
        var oldest: Int64?
        try each("SELECT min(created_at) FROM tickets") { oldest = Self.integer($0, 0) }
        return oldest
    }

    /// The smallest and largest ticket id in `ticket_facts` ((0, -1) when empty).
    public func ticketFactsIDRange() throws -> (Int64, Int64) {
        var range: (Int64, Int64) = (0, -1)
        try each("SELECT min(ticket_id), max(ticket_id) FROM ticket_facts") { statement in
            if let low = Self.integer(statement, 0) { range = (low, sqlite3_column_int64(statement, 1)) }
        }
        return range
    }

    /// Appends the ids of the tickets created in [since, until).
    public func ticketIDs(createdFrom since: Int64, before until: Int64, into ids: inout [Int64]) throws {
        try each("SELECT id FROM tickets WHERE created_at >= ?1 AND created_at < ?2", [since, until]) {
            ids.append(sqlite3_column_int64($0, 0))
        }
    }

    /// Appends the ids of the tickets whose status is one of `statuses` (bound as parameters).
    public func ticketIDs(withStatusIn statuses: [String], into ids: inout [Int64]) throws {
        guard !statuses.isEmpty else { return }
        let marks = statuses.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
        let statement = try statement("SELECT id FROM tickets WHERE status IN (\(marks))")
        defer { sqlite3_reset(statement) }
        for (index, status) in statuses.enumerated() {
            _ = status.withCString { sqlite3_bind_text(statement, Int32(index + 1), $0, -1, sqliteTransient) }
        }
        while try stepStatement(statement, on: connection) { ids.append(sqlite3_column_int64(statement, 0)) }
    }

    /// Appends the ids of the tickets whose metric set's `solved_at` is at or after `since`.
    public func ticketIDs(solvedSince since: Int64, into ids: inout [Int64]) throws {
        try each("SELECT ticket_id FROM ticket_metrics INDEXED BY ticket_metrics_solved WHERE solved_at >= ?1", [since])
        {
            ids.append(sqlite3_column_int64($0, 0))
        }
    }

    /// One `ticket_facts` row, valid only during the call that receives it.
    public struct TicketFactsRow {
        public let ticketID: Int64
        let ticketBlob: UnsafeRawBufferPointer?
        let metricBlob: UnsafeRawBufferPointer?

        /// The ticket part; `nil` when it is unknown (NULL: the ticket was changed outside
        /// deskstat's writer) — read the ticket with `ticketRow(id:)` then.
        public func ticket() -> TicketFacts.TicketPart? {
            ticketBlob.flatMap(TicketFacts.decodeTicket)
        }

        /// The metric part.
        public func metric() -> TicketFacts.MetricState {
            guard let metricBlob else { return .unknown }
            if metricBlob.isEmpty { return .noMetricSet }
            return TicketFacts.decodeMetric(metricBlob).map(TicketFacts.MetricState.known) ?? .unknown
        }
    }

    /// Reads `ticket_facts` rows with ids in `ranges`, in id order within each range (only the ids
    /// of `wanted`, sorted, when given).
    public func forEachTicketFacts(
        in ranges: [(Int64, Int64)], wanted: [Int64]?, _ body: (TicketFactsRow) throws -> Void
    ) throws {
        let ids = wanted ?? []
        var wantedIndex = 0
        try eachRange("SELECT ticket_id, ticket, metric FROM ticket_facts WHERE ticket_id BETWEEN ?1 AND ?2", ranges) {
            statement in
            let id = sqlite3_column_int64(statement, 0)
            if wanted != nil {
                while wantedIndex < ids.count, ids[wantedIndex] < id { wantedIndex += 1 }
                guard wantedIndex < ids.count, ids[wantedIndex] == id else { return }
            }
            try body(
                TicketFactsRow(ticketID: id, ticketBlob: Self.blob(statement, 1), metricBlob: Self.blob(statement, 2)))
        }
    }

    /// A ticket and its metric set as the tables hold them (what a `ticket_facts` row packs).
    public struct TicketTableRow: Sendable {
        public var id: Int64
        public var deleted: Bool
        public var createdAt: Int64
        public var status, priority, type, viaChannel: String?
        public var groupID, assigneeID, requesterID, submitterID, organizationID, brandID, ticketFormID: Int64?
        /// Whether the ticket has a metric set (the metric values are nil when not).
        public var hasMetricSet: Bool
        public var reopens, replies, solvedAt: Int64?
        /// In `CacheSchema.durationColumns` order.
        public var durations: [Double?]
    }

    /// The select list of `ticketRow(id:)`, and each value's position in it, by column name.
    private static let ticketRowColumns: (sql: String, position: [String: Int32]) = {
        let ticketColumns =
            ["id", "deleted", "created_at"] + TicketFacts.ticketTextColumns + TicketFacts.ticketIDColumns
        let metricColumns = ["id"] + TicketFacts.metricIntegerColumns + CacheSchema.durationColumns
        for name in ticketColumns { _ = CacheSchema.tickets.index(name) }  // every name is declared
        for name in metricColumns { _ = CacheSchema.ticketMetrics.index(name) }
        let names = ticketColumns.map { "t.\($0)" } + metricColumns.map { "m.\($0)" }
        var position: [String: Int32] = [:]
        for (index, name) in names.enumerated() { position[name] = Int32(index) }
        return (names.joined(separator: ", "), position)
    }()

    /// One ticket with its metric set, read from the tables (`nil` when there is no such ticket).
    public func ticketRow(id: Int64) throws -> TicketTableRow? {
        let (select, position) = Self.ticketRowColumns
        func at(_ name: String) -> Int32 {
            guard let column = position[name] else { preconditionFailure("\(name) is not selected") }
            return column
        }
        var found: TicketTableRow?
        try each(
            "SELECT \(select) FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.id = ?1", [id]
        ) { statement in
            let hasMetricSet = sqlite3_column_type(statement, at("m.id")) != SQLITE_NULL
            func text(_ name: String) -> String? { Self.text(statement, at("t.\(name)")) }
            func id(_ name: String) -> Int64? { Self.integer(statement, at("t.\(name)")) }
            func metric(_ name: String) -> Int64? { hasMetricSet ? Self.integer(statement, at("m.\(name)")) : nil }
            found = TicketTableRow(
                id: sqlite3_column_int64(statement, at("t.id")),
                deleted: (Self.integer(statement, at("t.deleted")) ?? 0) != 0,
                createdAt: sqlite3_column_int64(statement, at("t.created_at")),
                status: text("status"), priority: text("priority"), type: text("type"), viaChannel: text("via_channel"),
                groupID: id("group_id"), assigneeID: id("assignee_id"), requesterID: id("requester_id"),
                submitterID: id("submitter_id"), organizationID: id("organization_id"), brandID: id("brand_id"),
                ticketFormID: id("ticket_form_id"), hasMetricSet: hasMetricSet, reopens: metric("reopens"),
                replies: metric("replies"), solvedAt: metric("solved_at"),
                durations: CacheSchema.durationColumns.map { hasMetricSet ? Self.real(statement, at("m.\($0)")) : nil })
        }
        return found
    }

    // MARK: Tags and custom fields

    /// Every distinct tag in the cache, in byte order (one index probe each).
    public func distinctTags() throws -> [String] {
        var tags: [String] = []
        try each(
            """
            WITH RECURSIVE t(tag) AS (
                SELECT (SELECT min(tag) FROM ticket_tags)
                UNION ALL SELECT (SELECT min(tag) FROM ticket_tags WHERE tag > t.tag) FROM t WHERE t.tag IS NOT NULL)
            SELECT tag FROM t WHERE tag IS NOT NULL
            """
        ) { statement in
            if let text = sqlite3_column_text(statement, 0) { tags.append(String(cString: text)) }
        }
        return tags
    }

    /// The ids of the tickets that have `tag`, through the tag index.
    public func forEachTicket(withTag tag: String, _ body: (Int64) throws -> Void) throws {
        let statement = try statement("SELECT ticket_id FROM ticket_tags WHERE tag = ?1")
        defer { sqlite3_reset(statement) }
        _ = tag.withCString { sqlite3_bind_text(statement, 1, $0, -1, sqliteTransient) }
        while try stepStatement(statement, on: connection) { try body(sqlite3_column_int64(statement, 0)) }
    }

    /// Every (ticket id, tag) of the tickets with ids in `ranges`, by ticket then tag.
    public func forEachTag(ofTicketsIn ranges: [(Int64, Int64)], _ body: (Int64, String) throws -> Void) throws {
        try eachRange(
            "SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id BETWEEN ?1 AND ?2 ORDER BY ticket_id, tag", ranges
        ) { statement in
            guard let text = sqlite3_column_text(statement, 1) else { return }
            try body(sqlite3_column_int64(statement, 0), String(cString: text))
        }
    }

    /// Every (ticket id, value) of one custom field, values that are not NULL.
    public func forEachCustomFieldValue(fieldID: Int64, _ body: (Int64, String) throws -> Void) throws {
        try each("SELECT ticket_id, value FROM ticket_custom_fields WHERE field_id = ?1", [fieldID]) { statement in
            guard let value = Self.text(statement, 1) else { return }
            try body(sqlite3_column_int64(statement, 0), value)
        }
    }

    /// Every (ticket id, field id, value) of the tickets with ids in `ranges`, values that are not NULL.
    public func forEachCustomField(ofTicketsIn ranges: [(Int64, Int64)], _ body: (Int64, Int64, String) throws -> Void)
        throws
    {
        try eachRange(
            "SELECT ticket_id, field_id, value FROM ticket_custom_fields WHERE ticket_id BETWEEN ?1 AND ?2", ranges
        ) { statement in
            guard let value = Self.text(statement, 2) else { return }
            try body(sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1), value)
        }
    }

    // MARK: Ratings

    /// A satisfaction rating's columns reports read.
    public struct RatingRow: Sendable {
        public var id: Int64
        public var ticketID: Int64?
        public var groupID: Int64?
        public var assigneeID: Int64?
        public var score: String?
        public var updatedAt: Int64
    }

    /// The ratings updated in [since, until), through the covering index (in index order).
    public func forEachRating(updatedFrom since: Int64, before until: Int64, _ body: (RatingRow) throws -> Void) throws
    {
        try each(
            "SELECT id, ticket_id, group_id, assignee_id, score, updated_at FROM satisfaction_ratings"
                + " INDEXED BY satisfaction_ratings_window WHERE updated_at >= ?1 AND updated_at < ?2", [since, until]
        ) { statement in
            try body(
                RatingRow(
                    id: sqlite3_column_int64(statement, 0), ticketID: Self.integer(statement, 1),
                    groupID: Self.integer(statement, 2), assigneeID: Self.integer(statement, 3),
                    score: Self.text(statement, 4), updatedAt: sqlite3_column_int64(statement, 5)))
        }
    }

    // MARK: Names

    /// Names by id from `SELECT id, name …` (empty and NULL names left out).
    private func names(_ sql: String, _ arguments: [Int64] = [], into result: inout [Int64: String]) throws {
        try each(sql, arguments) { statement in
            guard let name = Self.text(statement, 1), !name.isEmpty else { return }
            result[sqlite3_column_int64(statement, 0)] = name
        }
    }

    /// Every group's name.
    public func groupNames() throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        try self.names("SELECT id, name FROM groups", into: &names)
        return names
    }

    /// Every agent's and admin's name.
    public func agentNames() throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        try self.names("SELECT id, name FROM users WHERE role IN ('agent', 'admin')", into: &names)
        return names
    }

    /// One user's name, if the cache has a non-empty one.
    public func userName(id: Int64) throws -> String? {
        var names: [Int64: String] = [:]
        try self.names("SELECT id, name FROM users WHERE id = ?1", [id], into: &names)
        return names[id]
    }

    /// Every distinct ticket assignee (one index probe each), in id order.
    public func distinctAssigneeIDs() throws -> [Int64] {
        var assignees: [Int64] = []
        try each(
            """
            WITH RECURSIVE a(id) AS (
                SELECT (SELECT min(assignee_id) FROM tickets)
                UNION ALL SELECT (SELECT min(assignee_id) FROM tickets WHERE assignee_id > a.id) FROM a WHERE a.id IS NOT NULL)
            SELECT id FROM a WHERE id IS NOT NULL
            """
        ) { assignees.append(sqlite3_column_int64($0, 0)) }
        return assignees
    }

    /// Every organization's name.
    public func organizationNames() throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        try self.names("SELECT id, name FROM organizations", into: &names)
        return names
    }

    /// Every ticket form's name.
    public func ticketFormNames() throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        try self.names("SELECT id, name FROM ticket_forms", into: &names)
        return names
    }

    /// Every group membership with both ids, ordered by user then group; `isDefault` is false
    /// when the cache has no flag.
    public func groupMemberships() throws -> [(user: Int64, group: Int64, isDefault: Bool)] {
        var memberships: [(user: Int64, group: Int64, isDefault: Bool)] = []
        try each(
            "SELECT user_id, group_id, is_default FROM group_memberships "
                + "WHERE user_id IS NOT NULL AND group_id IS NOT NULL ORDER BY user_id, group_id"
        ) { statement in
            let isDefault = sqlite3_column_type(statement, 2) != SQLITE_NULL && sqlite3_column_int64(statement, 2) != 0
            memberships.append((sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1), isDefault))
        }
        return memberships
    }

    /// Every custom ticket field's stored API JSON (`ticket_fields`), in id order.
    public func ticketFieldsJSON() throws -> [(id: Int64, json: String)] {
        var fields: [(id: Int64, json: String)] = []
        try each("SELECT id, raw_json FROM ticket_fields ORDER BY id") { statement in
            guard let json = Self.text(statement, 1) else { return }
            fields.append((sqlite3_column_int64(statement, 0), json))
        }
        return fields
    }

    // MARK: SLA policies

    /// An SLA policy's stored rows.
    public struct SLAPolicyRows: Sendable {
        public var id: Int64
        public var title: String?
        public var position: Int64?
        /// By kind, then position: (kind "all"/"any", field, operator, value as stored).
        public var conditions: [(kind: String, field: String?, operatorName: String?, value: String?)] = []
        /// By position.
        public var targets:
            [(priority: String?, metric: String?, target: Double?, targetInSeconds: Double?, businessHours: Bool)] = []
    }

    /// Every SLA policy with its conditions and targets, in (position, id) order (no position last).
    public func slaPolicies() throws -> [SLAPolicyRows] {
        var policies: [SLAPolicyRows] = []
        try each("SELECT id, title, position FROM sla_policies ORDER BY position IS NULL, position, id") { statement in
            policies.append(
                SLAPolicyRows(
                    id: sqlite3_column_int64(statement, 0), title: Self.text(statement, 1),
                    position: Self.integer(statement, 2)))
        }
        var index: [Int64: Int] = [:]
        for (offset, policy) in policies.enumerated() { index[policy.id] = offset }
        try each(
            "SELECT policy_id, kind, field, operator, value FROM sla_policy_conditions ORDER BY policy_id, kind, position"
        ) { statement in
            guard let offset = index[sqlite3_column_int64(statement, 0)] else { return }
            policies[offset].conditions.append(
                (
                    Self.text(statement, 1) ?? "", Self.text(statement, 2), Self.text(statement, 3),
                    Self.text(statement, 4)
                ))
        }
        try each(
            "SELECT policy_id, priority, metric, target, target_in_seconds, business_hours FROM sla_policy_metrics"
                + " ORDER BY policy_id, position"
        ) { statement in
            guard let offset = index[sqlite3_column_int64(statement, 0)] else { return }
            policies[offset].targets.append(
                (
                    Self.text(statement, 1), Self.text(statement, 2), Self.real(statement, 3),
                    Self.real(statement, 4), (Self.integer(statement, 5) ?? 0) != 0
                ))
        }
        return policies
    }
}

extension CacheReader {
    // MARK: Completeness

    /// Per table: the last time it was imported or synced (epoch seconds), for tables that ever were.
    public func lastLoaded() throws -> [String: Int64] {
        var loaded: [String: Int64] = [:]
        try each(
            "SELECT table_name, max(last_import_at, last_sync_at), last_import_at, last_sync_at FROM deskstat_table_state"
        ) { statement in
            guard let table = Self.text(statement, 0) else { return }
            if let latest = Self.integer(statement, 1) ?? Self.integer(statement, 2) ?? Self.integer(statement, 3) {
                loaded[table] = latest
            }
        }
        return loaded
    }

    /// A single integer from `sql` (0 when NULL or no row).
    private func count(_ sql: String, _ arguments: [Int64] = []) throws -> Int {
        var value: Int64 = 0
        try each(sql, arguments) { value = Self.integer($0, 0) ?? 0 }
        return Int(value)
    }

    /// How many SLA policies the cache holds.
    public func slaPolicyCount() throws -> Int { try count("SELECT COUNT(*) FROM sla_policies") }

    /// Whether the cache holds any satisfaction rating.
    public func hasRatings() throws -> Bool {
        try count("SELECT EXISTS (SELECT 1 FROM satisfaction_ratings)") != 0
    }

    /// Solved or closed tickets, not deleted, created in [from, to) without a metric set. The
    /// status test (`+`) stays off the `status` index: without it SQLite walks every solved or
    /// closed ticket of the account (a 100k-ticket cache: 1.8 s cold) instead of the window's
    /// range of `tickets_created_at`, which holds the status too.
    public func solvedTicketsWithoutMetricSet(createdFrom from: Int64, before to: Int64) throws -> Int {
        try count(Self.solvedWithoutMetricSetSQL, [from, to])
    }

    /// `solvedTicketsWithoutMetricSet`'s query.
    package static let solvedWithoutMetricSetSQL = """
        SELECT COUNT(*) FROM tickets t
        WHERE t.created_at >= ?1 AND t.created_at < ?2 AND t.deleted = 0 AND +t.status IN ('solved', 'closed')
          AND NOT EXISTS (SELECT 1 FROM ticket_metrics m WHERE m.ticket_id = t.id)
        """

    /// Tickets, not deleted, created in [from, to) whose JSON carries a good or bad rating.
    public func ticketsRatedInTheirJSON(createdFrom from: Int64, before to: Int64) throws -> Int {
        try count(
            """
            SELECT COUNT(*) FROM tickets
            WHERE created_at >= ?1 AND created_at < ?2 AND deleted = 0
              AND raw_json ->> '$.satisfaction_rating.score'
                  IN ('good', 'bad', 'good_with_comment', 'bad_with_comment')
            """, [from, to])
    }

    /// Tickets, not deleted, created in [from, to) whose metric set was updated after the ticket.
    public func ticketsWithNewerMetricSet(createdFrom from: Int64, before to: Int64) throws -> Int {
        try count(
            """
            SELECT COUNT(*) FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id
            WHERE t.created_at >= ?1 AND t.created_at < ?2 AND t.deleted = 0 AND m.updated_at > t.updated_at
            """, [from, to])
    }

    /// How many rows of each table that refers to tickets by `ticket_id` belong to ticket `id`
    /// (audits, comments, metric sets, ratings), by table name.
    public func ticketChildCounts(ticketID id: Int64) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in [CacheTable.ticketAudits, .ticketComments, .ticketMetrics, .satisfactionRatings] {
            _ = table.schema.index("ticket_id")  // every one of them is declared with it
            counts[table.rawValue] = try count("SELECT COUNT(*) FROM \(table.rawValue) WHERE ticket_id = ?1", [id])
        }
        return counts
    }

    // MARK: Filter values

    /// Runs `sql` with text arguments, calling `row` for each result row.
    private func each(_ sql: String, texts: [String], _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try statement(sql)
        defer { sqlite3_reset(statement) }
        for (index, text) in texts.enumerated() {
            _ = text.withCString { sqlite3_bind_text(statement, Int32(index + 1), $0, -1, sqliteTransient) }
        }
        while try stepStatement(statement, on: connection) { try row(statement) }
    }

    /// Whether a ticket has the tag `tag`, or the tags list has it.
    public func tagIsKnown(_ tag: String) throws -> Bool {
        var known = false
        try each(
            "SELECT EXISTS (SELECT 1 FROM ticket_tags WHERE tag = ?1) OR EXISTS (SELECT 1 FROM tags WHERE name = ?1)",
            texts: [tag]
        ) { known = sqlite3_column_int64($0, 0) != 0 }
        return known
    }

    /// Up to `limit` tags the cache knows (on tickets or in the tags list).
    public func knownTags(limit: Int) throws -> [String] {
        var tags: [String] = []
        try each("SELECT DISTINCT tag FROM ticket_tags UNION SELECT name FROM tags LIMIT ?1", [Int64(limit)]) {
            if let tag = Self.text($0, 0) { tags.append(tag) }
        }
        return tags
    }

    /// Whether some ticket's text column `column` (a column `CacheSchema.tickets` declares) is `value`.
    public func ticketsHave(_ column: String, equalTo value: String) throws -> Bool {
        precondition(CacheSchema.tickets.columns[CacheSchema.tickets.index(column)].type == .text)
        var seen = false
        try each("SELECT EXISTS (SELECT 1 FROM tickets WHERE \(column) = ?1)", texts: [value]) {
            seen = sqlite3_column_int64($0, 0) != 0
        }
        return seen
    }

    /// Up to `limit` distinct values of the tickets' text column `column`.
    public func distinctTicketValues(of column: String, limit: Int) throws -> [String] {
        precondition(CacheSchema.tickets.columns[CacheSchema.tickets.index(column)].type == .text)
        var values: [String] = []
        try each("SELECT DISTINCT \(column) FROM tickets WHERE \(column) IS NOT NULL LIMIT ?1", [Int64(limit)]) {
            if let value = Self.text($0, 0) { values.append(value) }
        }
        return values
    }
}

extension TicketFacts {
    /// What a `ticket_facts` row says about a ticket's metric set.
    public enum MetricState {
        /// The ticket has no metric set.
        case noMetricSet
        /// The part is NULL or unreadable: read the metric set from `ticket_metrics`.
        case unknown
        case known(MetricPart)
    }
}

extension Cache {
    /// Runs `body` on a consistent snapshot with the typed reads reports use.
    public func snapshot<T>(_ body: (CacheReader) throws -> T) throws -> T {
        try read { db in try body(try CacheReader(db: db)) }
    }
}
