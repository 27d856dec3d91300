import CSQLite
import DeskstatCache
import DeskstatSLA
import GRDB
import ZendeskWire

/// The queries of one load, on one read transaction.
struct FactReader {
    let db: Database
    let connection: OpaquePointer

    init(db: Database) throws {
        self.db = db
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed")
        }
        self.connection = connection
    }

    // MARK: Statements

    /// Steps `statement` to its end, calling `row` for each result row.
    static func stepRows(
        _ statement: OpaquePointer, _ connection: OpaquePointer, _ row: (OpaquePointer) throws -> Void
    ) throws {
        while try stepStatement(statement, on: connection) { try row(statement) }
    }

    /// Runs `sql` with integer arguments and calls `row` for each result row.
    static func each(
        _ db: Database, _ connection: OpaquePointer, _ sql: String, _ arguments: [Int64] = [],
        _ row: (OpaquePointer) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(statement)
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        defer { sqlite3_reset(statement) }
        try Self.stepRows(statement, connection, row)
    }

    func each(_ sql: String, _ arguments: [Int64] = [], _ row: (OpaquePointer) throws -> Void) throws {
        try Self.each(db, connection, sql, arguments, row)
    }

    /// Runs `sql` once per pair of arguments (a statement prepared once), calling `row` for each result row.
    func eachRange(_ sql: String, _ ranges: [(Int64, Int64)], _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        defer { sqlite3_reset(statement) }
        for (low, high) in ranges {
            sqlite3_reset(statement)
            sqlite3_bind_int64(statement, 1, low)
            sqlite3_bind_int64(statement, 2, high)
            try Self.stepRows(statement, connection, row)
        }
    }

    func each(_ sql: String, text: String, _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(statement)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        _ = text.withCString { sqlite3_bind_text(statement, 1, $0, -1, transient) }
        defer { sqlite3_reset(statement) }
        try Self.stepRows(statement, connection, row)
    }

    func dataVersion() throws -> Int64 {
        var version: Int64 = 0
        try each("PRAGMA data_version") { version = sqlite3_column_int64($0, 0) }
        return version
    }

    // MARK: Tickets

    static let unsolvedStatuses = ["new", "open", "pending", "hold"]

    /// Whether `since` is at or before the oldest ticket (so every ticket created before
    /// `until` qualifies by its creation date); `false` when there are no tickets.
    func everyTicketQualifies(since: Int64) throws -> Bool {
        var oldest: Int64?
        try each("SELECT min(created_at) FROM tickets") { statement in
            if sqlite3_column_type(statement, 0) != SQLITE_NULL { oldest = sqlite3_column_int64(statement, 0) }
        }
        return oldest.map { since <= $0 } ?? false
    }

    /// The smallest and largest ticket id in `ticket_facts` ((0, -1) when empty).
    func factIDRange() throws -> (Int64, Int64) {
        var range: (Int64, Int64) = (0, -1)
        try each("SELECT min(ticket_id), max(ticket_id) FROM ticket_facts") { statement in
            if sqlite3_column_type(statement, 0) != SQLITE_NULL {
                range = (sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1))
            }
        }
        return range
    }

    /// Reads `ticket_facts` rows in id ranges (only the ids of `wanted` when given), keeping the
    /// tickets not deleted and created before `until`. Parts that are unknown are listed in the
    /// store for `resolveUnknownParts`.
    func readFacts(ranges: [(Int64, Int64)], wanted: [Int64]?, until: Int64, capacity: Int64? = nil) throws
        -> TicketStore
    {
        try Self.readFacts(connection: connection, ranges: ranges, wanted: wanted, until: until, capacity: capacity)
    }

    /// The most tickets a read reserves room for up front (the rest grow the arrays as needed):
    /// an id range is only an estimate of the row count, and ids can be sparse.
    static let maxReservation: Int64 = 2_000_000

    static let factsSQL = "SELECT ticket_id, ticket, metric FROM ticket_facts WHERE ticket_id BETWEEN ?1 AND ?2"

    /// `readFacts` on any connection (the side connection reads the upper half of the ids).
    /// `capacity`: how many tickets the store will end up holding, when the caller will append
    /// more to it (by default the rows the ranges can hold).
    static func readFacts(
        connection: OpaquePointer, ranges: [(Int64, Int64)], wanted: [Int64]?, until: Int64, capacity: Int64? = nil
    ) throws -> TicketStore {
        let statement = try prepareStatement(factsSQL, on: connection)
        defer { sqlite3_finalize(statement) }
        var store = TicketStore()
        if wanted == nil, let (low, high) = ranges.first, ranges.count == 1, high >= low {
            store.reserve(Int(min(max(capacity ?? 0, high - low + 1), maxReservation)))
        } else if let wanted {
            store.reserve(wanted.count)
        }
        let ids = wanted ?? []
        var wantedIndex = 0
        var durations = [Double](repeating: 0, count: DurationSlot.count)
        for (low, high) in ranges {
            sqlite3_reset(statement)
            sqlite3_bind_int64(statement, 1, low)
            sqlite3_bind_int64(statement, 2, high)
            try Self.stepRows(statement, connection) { statement in
                let id = sqlite3_column_int64(statement, 0)
                if wanted != nil {
                    while wantedIndex < ids.count, ids[wantedIndex] < id { wantedIndex += 1 }
                    guard wantedIndex < ids.count, ids[wantedIndex] == id else { return }
                }
                guard let ticket = blob(statement, 1).flatMap(TicketFacts.decodeTicket) else {
                    store.unknownTickets.append(id)  // changed outside deskstat's writer: read the tables
                    return
                }
                guard !ticket.deleted, ticket.createdAt < until else { return }
                var record = TicketRecord(id: id, createdAt: ticket.createdAt)
                record.present = UInt32(ticket.presence & 0x7F)
                (
                    record.groupID, record.assigneeID, record.requesterID, record.submitterID, record.organizationID,
                    record.brandID,
                    record.ticketFormID
                ) = ticket.ids
                if let text = ticket.texts.0 {
                    record.status = store.strings.code(utf8: text.bindMemory(to: UInt8.self))
                }
                if let text = ticket.texts.1 {
                    record.priority = store.strings.code(utf8: text.bindMemory(to: UInt8.self))
                }
                if let text = ticket.texts.2 { record.type = store.strings.code(utf8: text.bindMemory(to: UInt8.self)) }
                if let text = ticket.texts.3 {
                    record.channel = store.strings.code(utf8: text.bindMemory(to: UInt8.self))
                }
                let metricBlob = blob(statement, 2)
                if let metricBlob, metricBlob.isEmpty {
                    // No metric set.
                    store.append(record, durations: nil)
                } else if let metricBlob, let metric = TicketFacts.decodeMetric(metricBlob) {
                    record.present |= TicketRecord.metricsBit
                    if metric.presence & 1 != 0 {
                        record.reopens = metric.reopens; record.present |= TicketRecord.reopensBit
                    }
                    if metric.presence & 2 != 0 {
                        record.replies = metric.replies; record.present |= TicketRecord.repliesBit
                    }
                    if metric.presence & 4 != 0 {
                        record.solvedAt = metric.solvedAt; record.present |= TicketRecord.solvedBit
                    }
                    record.present |= UInt32(metric.presence >> 3) << UInt32(TicketRecord.firstDurationBit)
                    withUnsafeBytes(of: metric.durations) { raw in
                        let values = raw.bindMemory(to: Double.self)
                        for slot in 0..<DurationSlot.count { durations[slot] = values[slot] }
                    }
                    durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
                } else {
                    store.unknownMetrics.append(Int32(store.count))  // read from ticket_metrics
                    store.append(record, durations: nil)
                }
            }
        }
        return store
    }

    @inline(__always) static func blob(_ statement: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }

    /// Reads from the tables the parts `readFacts` found unknown (rows changed outside
    /// `CacheWriter`).
    func resolveUnknownParts(_ store: inout TicketStore, until: Int64) throws {
        for index in store.unknownMetrics {
            guard let metrics = try baseMetrics(ticketID: store.records[Int(index)].id) else { continue }
            store.records[Int(index)].present |= metrics.present
            store.records[Int(index)].reopens = metrics.reopens
            store.records[Int(index)].replies = metrics.replies
            store.records[Int(index)].solvedAt = metrics.solvedAt
            for slot in 0..<DurationSlot.count {
                store.durations[Int(index) * DurationSlot.count + slot] = metrics.durations[slot] ?? 0
            }
        }
        store.unknownMetrics = []
        guard !store.unknownTickets.isEmpty else { return }
        for id in store.unknownTickets {
            guard let base = try baseRecord(id: id), base.deleted == 0, base.createdAt < until else { continue }
            let record = base.record(&store.strings)
            base.durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
        }
        store.unknownTickets = []
        store.sortByID()
    }

    /// A ticket's metric set read from `ticket_metrics` (the `TicketRecord` bits it sets, and values).
    func baseMetrics(ticketID: Int64) throws -> (
        present: UInt32, reopens: Int64, replies: Int64, solvedAt: Int64, durations: [Double?]
    )? {
        var found: (UInt32, Int64, Int64, Int64, [Double?])?
        try each(
            "SELECT \(Self.baseColumns) FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.id = ?1",
            [ticketID]
        ) {
            let base = Self.baseRecord($0)
            var strings = StringTable()
            let record = base.record(&strings)
            found = (
                record.present & ~UInt32(0x7F), record.reopens, record.replies, record.solvedAt, base.durationValues
            )
        }
        return found
    }

    /// The relevant tickets in id order, without tags.
    func loadTickets(since: Int64, until: Int64, ratedTicketIDs: [Int64]) throws -> TicketStore {
        var candidates: [Int64] = []
        try each("SELECT id FROM tickets WHERE created_at >= ?1 AND created_at < ?2", [since, until]) {
            candidates.append(sqlite3_column_int64($0, 0))
        }
        try each("SELECT id FROM tickets WHERE status IN ('new', 'open', 'pending', 'hold')") {
            candidates.append(sqlite3_column_int64($0, 0))
        }
        try each("SELECT ticket_id FROM ticket_metrics INDEXED BY ticket_metrics_solved WHERE solved_at >= ?1", [since])
        {
            candidates.append(sqlite3_column_int64($0, 0))
        }
        candidates += ratedTicketIDs
        candidates.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(candidates.count)
        for id in candidates where unique.last != id { unique.append(id) }
        var store = try readFacts(ranges: Self.runs(of: unique), wanted: unique, until: until)
        try resolveUnknownParts(&store, until: until)
        // The exact relevance rule, on the loaded values.
        let rated = Set(ratedTicketIDs)
        var kept = TicketStore()
        kept.strings = store.strings
        kept.reserve(store.count)
        for (index, record) in store.records.enumerated() {
            let status = record.status >= 0 ? store.strings[record.status] : nil
            let relevant =
                record.createdAt >= since || status.map(Self.unsolvedStatuses.contains) == true
                || (record.hasMetrics && record.has(TicketRecord.solvedBit) && record.solvedAt >= since)
                || rated.contains(record.id)
            guard relevant else { continue }
            store.durations.withUnsafeBufferPointer { all in
                kept.append(
                    record,
                    durations: UnsafeBufferPointer(
                        rebasing: all[index * DurationSlot.count..<(index + 1) * DurationSlot.count]))
            }
        }
        return kept
    }

    /// Sorted ids grouped into ranges worth one range read each: a gap of fewer than 12 ids is
    /// cheaper to read through than to start a new statement for.
    static func runs(of sortedIDs: [Int64]) -> [(Int64, Int64)] {
        var runs: [(Int64, Int64)] = []
        for id in sortedIDs {
            if let last = runs.last, id &- last.1 < 12, id >= last.1 {
                runs[runs.count - 1].1 = id
            } else {
                runs.append((id, id))
            }
        }
        return runs
    }

    static let baseColumns: String = {
        let durations = TicketMetricRow.durationNames.flatMap {
            ["m.\($0)_in_minutes_calendar", "m.\($0)_in_minutes_business"]
        }
        return """
            t.id, t.status, t.priority, t.type, t.via_channel, t.group_id, t.assignee_id, t.requester_id,
            t.submitter_id, t.organization_id, t.brand_id, t.ticket_form_id, t.created_at,
            m.id IS NOT NULL, m.reopens, m.replies, m.solved_at, \(durations.joined(separator: ", ")), t.deleted
            """
    }()

    /// One ticket with its metric set, read from the tables.
    func baseRecord(id: Int64) throws -> BaseRecord? {
        var found: BaseRecord?
        try each(
            "SELECT \(Self.baseColumns) FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.id = ?1",
            [id]
        ) {
            found = Self.baseRecord($0)
        }
        return found
    }

    static func baseRecord(_ statement: OpaquePointer) -> BaseRecord {
        func integer(_ column: Int32) -> Int64? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
        }
        func real(_ column: Int32) -> Double? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
        }
        func text(_ column: Int32) -> String? {
            guard sqlite3_column_type(statement, column) != SQLITE_NULL,
                let text = sqlite3_column_text(statement, column)
            else {
                return nil
            }
            return String(cString: text)
        }
        let hasMetrics = sqlite3_column_int64(statement, 13) != 0
        return BaseRecord(
            id: sqlite3_column_int64(statement, 0), deleted: integer(29) ?? 0,
            createdAt: sqlite3_column_int64(statement, 12),
            status: text(1), priority: text(2), type: text(3), channel: text(4),
            ids: (5...11).map { integer(Int32($0)) },
            hasMetrics: hasMetrics, reopens: hasMetrics ? integer(14) : nil, replies: hasMetrics ? integer(15) : nil,
            solvedAt: hasMetrics ? integer(16) : nil,
            durationValues: (17...28).map { hasMetrics ? real(Int32($0)) : nil })
    }

    // MARK: Tags and custom fields

    /// The tags and custom fields SLA policies test, for the loaded tickets.
    func loadTestedAttributes(into store: inout TicketStore, policies: [PolicyFact]) throws {
        store.finish()
        let evaluator = SLAEvaluator(policies: policies.map(\.definition))
        let testedTags = evaluator.testedTags
        var tags: [(index: Int32, code: Int32)] = []
        if !testedTags.isEmpty && store.count > 0 {
            // Every distinct tag in the cache, one index probe each; those equal to a tested tag
            // (by Swift's comparison, as the evaluator compares) are read by the tag index.
            var distinct: [String] = []
            try each(
                """
                WITH RECURSIVE t(tag) AS (
                    SELECT (SELECT min(tag) FROM ticket_tags)
                    UNION ALL SELECT (SELECT min(tag) FROM ticket_tags WHERE tag > t.tag) FROM t WHERE t.tag IS NOT NULL)
                SELECT tag FROM t WHERE tag IS NOT NULL
                """
            ) { statement in
                if let text = sqlite3_column_text(statement, 0) { distinct.append(String(cString: text)) }
            }
            for tag in distinct where testedTags.contains(tag) {
                let code = store.strings.code(tag)
                try each("SELECT ticket_id FROM ticket_tags WHERE tag = ?1", text: tag) { statement in
                    if let index = store.index(of: sqlite3_column_int64(statement, 0)) {
                        tags.append((Int32(index), code))
                    }
                }
            }
        }
        store.setTags(pairs: tags)
        store.tagsComplete = false
        for field in evaluator.testedCustomFields.sorted() {
            try each("SELECT ticket_id, value FROM ticket_custom_fields WHERE field_id = ?1", [field]) { statement in
                guard let index = store.index(of: sqlite3_column_int64(statement, 0)),
                    sqlite3_column_type(statement, 1) != SQLITE_NULL, let text = sqlite3_column_text(statement, 1)
                else { return }
                store.customFields[Int32(index), default: [:]][field] = String(cString: text)
            }
        }
    }

    /// Every tag of the loaded tickets.
    func loadAllTags(into store: inout TicketStore) throws {
        var tags = [[Int32]](repeating: [], count: store.count)
        let ids = store.records.map(\.id)
        try eachRange(
            "SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id BETWEEN ?1 AND ?2 ORDER BY ticket_id, tag",
            Self.runs(of: ids)
        ) {
            statement in
            guard let index = store.index(of: sqlite3_column_int64(statement, 0)),
                let text = sqlite3_column_text(statement, 1)
            else { return }
            tags[index].append(store.strings.code(String(cString: text)))
        }
        store.setTags(tags)
        store.tagsComplete = true
    }

    /// Every custom field value of the loaded tickets.
    func loadAllCustomFields(into store: inout TicketStore) throws {
        try eachRange(
            "SELECT ticket_id, field_id, value FROM ticket_custom_fields WHERE ticket_id BETWEEN ?1 AND ?2",
            Self.runs(of: store.records.map(\.id))
        ) {
            statement in
            guard let index = store.index(of: sqlite3_column_int64(statement, 0)),
                sqlite3_column_type(statement, 2) != SQLITE_NULL, let text = sqlite3_column_text(statement, 2)
            else { return }
            store.customFields[Int32(index), default: [:]][sqlite3_column_int64(statement, 1)] = String(cString: text)
        }
    }

    // MARK: Ratings, names, policies

    func loadRatings(since: Int64, until: Int64) throws -> [RatingFact] {
        try Self.loadRatings(connection: connection, since: since, until: until)
    }

    /// The ratings updated in [since, until), in id order (through the covering index).
    static func loadRatings(connection: OpaquePointer, since: Int64, until: Int64) throws -> [RatingFact] {
        let sql =
            "SELECT id, ticket_id, group_id, assignee_id, score, updated_at FROM satisfaction_ratings"
            + " INDEXED BY satisfaction_ratings_window WHERE updated_at >= ?1 AND updated_at < ?2"
        let statement = try prepareStatement(sql, on: connection)
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, since)
        sqlite3_bind_int64(statement, 2, until)
        var ratings: [RatingFact] = []
        try stepRows(statement, connection) { statement in
            @inline(__always) func integer(_ column: Int32) -> Int64? {
                sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
            }
            var score: String?
            if sqlite3_column_type(statement, 4) != SQLITE_NULL, let text = sqlite3_column_text(statement, 4) {
                score = String(cString: text)
            }
            ratings.append(
                RatingFact(
                    id: sqlite3_column_int64(statement, 0), ticketID: integer(1), groupID: integer(2),
                    assigneeID: integer(3),
                    score: score, updatedAt: sqlite3_column_int64(statement, 5)))
        }
        ratings.sort { $0.id < $1.id }
        return ratings
    }

    func loadNames() throws -> NameDirectory {
        func names(_ sql: String, _ arguments: [Int64] = [], into result: inout [Int64: String]) throws {
            try each(sql, arguments) { statement in
                guard sqlite3_column_type(statement, 1) != SQLITE_NULL, let text = sqlite3_column_text(statement, 1)
                else { return }
                let name = String(cString: text)
                if !name.isEmpty { result[sqlite3_column_int64(statement, 0)] = name }
            }
        }
        var groups: [Int64: String] = [:]
        var users: [Int64: String] = [:]
        var organizations: [Int64: String] = [:]
        var forms: [Int64: String] = [:]
        try names("SELECT id, name FROM groups", into: &groups)
        // Agents and admins, and anyone who is a ticket's assignee (distinct assignees found
        // with one index probe each).
        try names("SELECT id, name FROM users WHERE role IN ('agent', 'admin')", into: &users)
        var assignees: [Int64] = []
        try each(
            """
            WITH RECURSIVE a(id) AS (
                SELECT (SELECT min(assignee_id) FROM tickets)
                UNION ALL SELECT (SELECT min(assignee_id) FROM tickets WHERE assignee_id > a.id) FROM a WHERE a.id IS NOT NULL)
            SELECT id FROM a WHERE id IS NOT NULL
            """
        ) { assignees.append(sqlite3_column_int64($0, 0)) }
        for id in assignees where users[id] == nil {
            try names("SELECT id, name FROM users WHERE id = ?1", [id], into: &users)
        }
        try names("SELECT id, name FROM organizations", into: &organizations)
        try names("SELECT id, name FROM ticket_forms", into: &forms)
        return NameDirectory(groups: groups, users: users, organizations: organizations, forms: forms)
    }

    func loadPolicies() throws -> [PolicyFact] {
        var policies: [PolicyFact] = try Row.fetchAll(
            db, sql: "SELECT id, title, position FROM sla_policies ORDER BY position IS NULL, position, id"
        ).map { row in
            PolicyFact(
                id: row[0], title: (row[1] as String?) ?? "policy \(row[0] as Int64)", position: row[2], conditions: [],
                targets: [])
        }
        var index: [Int64: Int] = [:]
        for (offset, policy) in policies.enumerated() { index[policy.id] = offset }
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT policy_id, kind, field, operator, value FROM sla_policy_conditions ORDER BY policy_id, kind, position"
        ) {
            guard let offset = index[row[0]] else { continue }
            policies[offset].conditions.append((row[1], row[2], row[3], row[4]))
        }
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT policy_id, priority, metric, target, target_in_seconds, business_hours FROM sla_policy_metrics ORDER BY policy_id, position"
        ) {
            guard let offset = index[row[0]] else { continue }
            policies[offset].targets.append((row[1], row[2], row[3], row[4], row[5]))
        }
        return policies
    }
}
