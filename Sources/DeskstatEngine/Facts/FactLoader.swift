import CSQLite
public import DeskstatCache
import DeskstatSLA
import GRDB
import ZendeskWire

/// Reads the facts a report needs from the cache with a few index-driven queries.
///
/// Tickets loaded: not deleted, created before `until`, and created since `since`, or unsolved
/// now, or solved since `since`, or rated in [`since`, `until`). That is every ticket any KPI of a
/// window inside [since, until) can count, plus the whole backlog.
///
/// How (docs/performance.md): the candidates' ids come from narrow index ranges — created in the
/// window, each unsolved status, solved since `since`, rated in the window — or, when `since`
/// precedes every ticket, from one scan. Their columns come packed from the covering indexes of
/// schema v3 (`FactIndex`), read in id runs, tickets and metric sets merged by id; a row the
/// packed form cannot carry exactly is read from its table. Tags and custom fields are read only
/// for the values SLA policies test (other tags load on demand, see `FactSet`); names only for
/// the users that can appear in a report (agents, admins and assignees).
public struct FactLoader: Sendable {
    public let cache: Cache

    public init(cache: Cache) {
        self.cache = cache
    }

    /// Loads facts for windows inside [since, until).
    public func load(since: Int64, until: Int64) throws -> FactSet {
        // A second connection takes its snapshot before the main transaction starts (see `SideReader`).
        let side = SideReader(path: cache.path)
        return try reading { db in
            let reader = try FactReader(db: db)
            let version = try reader.dataVersion()
            let policies = try reader.loadPolicies()
            var ratings: [RatingFact]
            var store: TicketStore
            if try reader.everyTicketQualifies(since: since), reader.hasFactIndexes, let side, side.joinMainSnapshot() {
                // Full history: tickets here, metric sets and ratings on the side connection.
                let scan = side.scan(since: since, until: until)
                store = TicketStore()
                try reader.readTickets(in: nil, into: &store, until: until)
                let result = try scan.wait().get()
                try reader.merge(result.metrics, into: &store)
                ratings = try result.ratings ?? reader.loadRatings(since: since, until: until)
            } else {
                ratings = try reader.loadRatings(since: since, until: until)
                store = try reader.loadTickets(since: since, until: until, ratedTicketIDs: ratings.compactMap(\.ticketID))
            }
            try reader.loadTestedAttributes(into: &store, policies: policies)
            store.finish()
            return FactSet(
                store: store, ratings: ratings, names: try reader.loadNames(), policies: policies,
                source: FactSource(cache: cache, since: since, until: until, dataVersion: version))
        }
    }

    /// Loads one ticket (for `explain`), whatever its dates, with all its tags and custom fields.
    public func loadTicket(_ id: Int64) throws -> FactSet {
        try reading { db in
            let reader = try FactReader(db: db)
            var store = TicketStore()
            if let base = try reader.baseRecord(id: id) {
                let record = base.record(&store.strings)
                base.durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
            }
            store.finish()
            try reader.loadAllTags(into: &store)
            try reader.loadAllCustomFields(into: &store)
            return FactSet(store: store, ratings: [], names: try reader.loadNames(), policies: try reader.loadPolicies(), source: nil)
        }
    }

    /// `store` with every tag loaded, from the same cache state it was read from.
    func completingTags(of store: TicketStore, source: FactSource) throws(EngineError) -> TicketStore {
        do {
            return try reading { db in
                let reader = try FactReader(db: db)
                guard try reader.dataVersion() == source.dataVersion else {
                    throw EngineError.cache(
                        "the cache changed while the report was being read (an import or sync committed); run the report again")
                }
                var completed = store
                try reader.loadAllTags(into: &completed)
                return completed
            }
        } catch let error as EngineError {
            throw error
        } catch {
            throw .cache(String(describing: error))
        }
    }

    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try cache.read(body)
        } catch let error as CacheError {
            throw EngineError.cache(error.description)
        } catch let error as DatabaseError {
            throw EngineError.cache("SQLite error: \(error.message ?? "\(error.resultCode)")")
        }
    }
}

/// A ticket row as read from the tables (the reference form every packed row must equal).
struct BaseRecord {
    var id: Int64
    var deleted: Int64
    var createdAt: Int64
    var status, priority, type, channel: String?
    var ids: [Int64?]  // group, assignee, requester, submitter, organization, brand, form
    var hasMetrics: Bool
    var reopens, replies, solvedAt: Int64?
    var durationValues: [Double?]

    func record(_ strings: inout StringTable) -> TicketRecord {
        var record = TicketRecord(id: id, createdAt: createdAt)
        record.status = status.map { strings.code($0) } ?? -1
        record.priority = priority.map { strings.code($0) } ?? -1
        record.type = type.map { strings.code($0) } ?? -1
        record.channel = channel.map { strings.code($0) } ?? -1
        let paths: [WritableKeyPath<TicketRecord, Int64>] = [
            \.groupID, \.assigneeID, \.requesterID, \.submitterID, \.organizationID, \.brandID, \.ticketFormID,
        ]
        for (index, path) in paths.enumerated() { record.set(path, ids[index], 1 << UInt32(index)) }
        if hasMetrics {
            record.present |= TicketRecord.metricsBit
            record.set(\.reopens, reopens, TicketRecord.reopensBit)
            record.set(\.replies, replies, TicketRecord.repliesBit)
            record.set(\.solvedAt, solvedAt, TicketRecord.solvedBit)
            for (slot, value) in durationValues.enumerated() where value != nil {
                record.present |= 1 << UInt32(TicketRecord.firstDurationBit + slot)
            }
        }
        return record
    }

    var durations: [Double] { durationValues.map { $0 ?? 0 } }
}

/// The queries of one load, on one read transaction.
struct FactReader {
    let db: Database
    let connection: OpaquePointer
    let hasFactIndexes: Bool

    init(db: Database) throws {
        self.db = db
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed") }
        self.connection = connection
        var found = 0
        try Self.each(
            db, connection,
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('\(FactIndex.ticketsName)', '\(FactIndex.metricsName)', '\(FactIndex.solvedName)', '\(FactIndex.ratingsName)')"
        ) { found = Int(sqlite3_column_int64($0, 0)) }
        hasFactIndexes = found == 4
    }

    // MARK: Statements

    /// Runs `sql` with integer arguments and calls `row` for each result row.
    static func each(
        _ db: Database, _ connection: OpaquePointer, _ sql: String, _ arguments: [Int64] = [], _ row: (OpaquePointer) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(statement)
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        defer { sqlite3_reset(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
            }
            try row(statement)
        }
    }

    func each(_ sql: String, _ arguments: [Int64] = [], _ row: (OpaquePointer) throws -> Void) throws {
        try Self.each(db, connection, sql, arguments, row)
    }

    func each(_ sql: String, text: String, _ row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(statement)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        _ = text.withCString { sqlite3_bind_text(statement, 1, $0, -1, transient) }
        defer { sqlite3_reset(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
            }
            try row(statement)
        }
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

    /// Merges metric sets read elsewhere into the loaded tickets (both in id order).
    func merge(_ metrics: MetricRows, into store: inout TicketStore) throws {
        if metrics.inexact.isEmpty, metrics.ticketIDs.count == store.records.count,
            !store.records.contains(where: \.hasMetrics), metrics.ticketIDs.elementsEqual(store.records.lazy.map(\.id))
        {
            // One metric set per ticket, in the same order (the usual case): take them as they are.
            for index in store.records.indices {
                store.records[index].present |= metrics.present[index]
                store.records[index].reopens = metrics.reopens[index]
                store.records[index].replies = metrics.replies[index]
                store.records[index].solvedAt = metrics.solvedAt[index]
            }
            store.durations = metrics.durations
            return
        }
        var row = 0
        for index in store.records.indices {
            let id = store.records[index].id
            while row < metrics.ticketIDs.count, metrics.ticketIDs[row] < id { row += 1 }
            guard row < metrics.ticketIDs.count, metrics.ticketIDs[row] == id, !store.records[index].hasMetrics else { continue }
            store.records[index].present |= metrics.present[row]
            store.records[index].reopens = metrics.reopens[row]
            store.records[index].replies = metrics.replies[row]
            store.records[index].solvedAt = metrics.solvedAt[row]
            let base = index * DurationSlot.count
            let source = row * DurationSlot.count
            for slot in 0..<DurationSlot.count { store.durations[base + slot] = metrics.durations[source + slot] }
        }
        // Rows the packed form could not carry exactly: read from the tables.
        if !metrics.inexact.isEmpty { store.finish() }
        for ticketID in metrics.inexact {
            guard let index = store.index(of: ticketID), let base = try baseRecord(id: ticketID) else { continue }
            store.records[index] = base.record(&store.strings)
            let durations = base.durations
            for slot in 0..<DurationSlot.count { store.durations[index * DurationSlot.count + slot] = durations[slot] }
        }
    }

    /// The relevant tickets in id order, without tags.
    func loadTickets(since: Int64, until: Int64, ratedTicketIDs: [Int64]) throws -> TicketStore {
        var oldest: Int64?
        try each("SELECT min(created_at) FROM tickets") { statement in
            if sqlite3_column_type(statement, 0) != SQLITE_NULL { oldest = sqlite3_column_int64(statement, 0) }
        }
        guard let oldest else { return TicketStore() }
        guard hasFactIndexes else { return try loadTicketsFromTables(since: since, until: until) }
        var store = TicketStore()
        if since <= oldest {
            // Every ticket qualifies by its creation date: read them all.
            try readTickets(in: nil, into: &store, until: until)
            try readMetrics(in: nil, into: &store)
            return store
        }
        var candidates: [Int64] = []
        try each("SELECT id FROM tickets WHERE created_at >= ?1 AND created_at < ?2", [since, until]) {
            candidates.append(sqlite3_column_int64($0, 0))
        }
        try each("SELECT id FROM tickets WHERE status IN ('new', 'open', 'pending', 'hold')") {
            candidates.append(sqlite3_column_int64($0, 0))
        }
        try each("SELECT ticket_id FROM ticket_metrics INDEXED BY \(FactIndex.solvedName) WHERE solved_at >= ?1", [since]) {
            candidates.append(sqlite3_column_int64($0, 0))
        }
        candidates += ratedTicketIDs
        candidates.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(candidates.count)
        for id in candidates where unique.last != id { unique.append(id) }
        let runs = Self.runs(of: unique)
        try readTickets(in: (unique, runs), into: &store, until: until)
        try readMetrics(in: (store.records.map(\.id), Self.runs(of: store.records.map(\.id))), into: &store)
        // The exact relevance rule, on the loaded values.
        let rated = Set(ratedTicketIDs)
        var kept = TicketStore()
        kept.strings = store.strings
        for (index, record) in store.records.enumerated() {
            let status = record.status >= 0 ? store.strings[record.status] : nil
            let relevant =
                record.createdAt >= since || status.map(Self.unsolvedStatuses.contains) == true
                || (record.hasMetrics && record.has(TicketRecord.solvedBit) && record.solvedAt >= since)
                || rated.contains(record.id)
            guard relevant else { continue }
            store.durations.withUnsafeBufferPointer { all in
                kept.append(record, durations: UnsafeBufferPointer(rebasing: all[index * DurationSlot.count..<(index + 1) * DurationSlot.count]))
            }
        }
        return kept
    }

    /// Sorted ids grouped into ranges worth one range read each (gaps under 64 ids).
    static func runs(of sortedIDs: [Int64]) -> [(Int64, Int64)] {
        var runs: [(Int64, Int64)] = []
        for id in sortedIDs {
            if let last = runs.last, id &- last.1 < 64, id >= last.1 {
                runs[runs.count - 1].1 = id
            } else {
                runs.append((id, id))
            }
        }
        return runs
    }

    /// Reads packed tickets (all, or those of `wanted`), keeping those not deleted and created before `until`.
    func readTickets(in wanted: ([Int64], [(Int64, Int64)])?, into store: inout TicketStore, until: Int64) throws {
        let sql = "SELECT id, \(FactIndex.ticketsExpression) FROM tickets INDEXED BY \(FactIndex.ticketsName)"
        var wantedIndex = 0
        let ids = wanted?.0 ?? []
        func row(_ statement: OpaquePointer) throws {
            let id = sqlite3_column_int64(statement, 0)
            if wanted != nil {
                while wantedIndex < ids.count, ids[wantedIndex] < id { wantedIndex += 1 }
                guard wantedIndex < ids.count, ids[wantedIndex] == id else { return }
            }
            var packed = PackedValues(statement, column: 1)
            var record = TicketRecord(id: id, createdAt: packed.integer() ?? 0)
            let deleted = packed.integer()
            record.status = packed.text(&store.strings)
            record.priority = packed.text(&store.strings)
            record.type = packed.text(&store.strings)
            record.channel = packed.text(&store.strings)
            record.set(\.groupID, packed.integer(), TicketRecord.group)
            record.set(\.assigneeID, packed.integer(), TicketRecord.assignee)
            record.set(\.requesterID, packed.integer(), TicketRecord.requester)
            record.set(\.submitterID, packed.integer(), TicketRecord.submitter)
            record.set(\.organizationID, packed.integer(), TicketRecord.organization)
            record.set(\.brandID, packed.integer(), TicketRecord.brand)
            record.set(\.ticketFormID, packed.integer(), TicketRecord.form)
            guard packed.finish(), deleted != nil else {
                // Not representable exactly in the packed form: read the row itself.
                guard let base = try baseRecord(id: id), base.deleted == 0, base.createdAt < until else { return }
                let record = base.record(&store.strings)
                base.durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
                return
            }
            guard deleted == 0, record.createdAt < until else { return }
            store.append(record, durations: nil)
        }
        if let wanted {
            store.reserve(wanted.0.count)
            for (low, high) in wanted.1 { try each(sql + " WHERE id BETWEEN ?1 AND ?2", [low, high], row) }
        } else {
            var span: Int64 = 0
            try each("SELECT max(id) - min(id) + 1 FROM tickets") { span = sqlite3_column_int64($0, 0) }
            store.reserve(Int(min(max(span, 0), 50_000_000)))
            try each(sql + " WHERE id IS NOT NULL", [], row)
        }
    }

    /// Merges packed metric sets into the loaded tickets (all, or the runs of `wanted`).
    func readMetrics(in wanted: ([Int64], [(Int64, Int64)])?, into store: inout TicketStore) throws {
        let sql = "SELECT ticket_id, \(FactIndex.metricsExpression) FROM ticket_metrics INDEXED BY \(FactIndex.metricsName)"
        var cursor = 0
        var values = [Double](repeating: 0, count: DurationSlot.count)
        func row(_ statement: OpaquePointer) throws {
            let ticketID = sqlite3_column_int64(statement, 0)
            while cursor < store.records.count, store.records[cursor].id < ticketID { cursor += 1 }
            guard cursor < store.records.count, store.records[cursor].id == ticketID else { return }
            guard !store.records[cursor].hasMetrics else { return }  // a row read from its table already has them
            var packed = PackedValues(statement, column: 1)
            var record = store.records[cursor]
            record.present |= TicketRecord.metricsBit
            record.set(\.reopens, packed.integer(), TicketRecord.reopensBit)
            record.set(\.replies, packed.integer(), TicketRecord.repliesBit)
            record.set(\.solvedAt, packed.integer(), TicketRecord.solvedBit)
            for slot in 0..<DurationSlot.count {
                if let value = packed.integer() {
                    values[slot] = Double(value)
                    record.present |= 1 << UInt32(TicketRecord.firstDurationBit + slot)
                } else {
                    values[slot] = 0
                }
            }
            guard packed.finish() else {
                // A fractional duration (or anything unusual): read the row itself.
                guard let base = try baseRecord(id: ticketID) else { return }
                store.records[cursor] = base.record(&store.strings)
                let durations = base.durations
                for slot in 0..<DurationSlot.count { store.durations[cursor * DurationSlot.count + slot] = durations[slot] }
                return
            }
            store.records[cursor] = record
            for slot in 0..<DurationSlot.count { store.durations[cursor * DurationSlot.count + slot] = values[slot] }
        }
        if let wanted {
            for (low, high) in wanted.1 { try each(sql + " WHERE ticket_id BETWEEN ?1 AND ?2", [low, high], row) }
        } else {
            try each(sql + " WHERE ticket_id IS NOT NULL", [], row)
        }
    }

    static let baseColumns: String = {
        let durations = TicketMetricRow.durationNames.flatMap { ["m.\($0)_in_minutes_calendar", "m.\($0)_in_minutes_business"] }
        return """
            t.id, t.status, t.priority, t.type, t.via_channel, t.group_id, t.assignee_id, t.requester_id,
            t.submitter_id, t.organization_id, t.brand_id, t.ticket_form_id, t.created_at,
            m.id IS NOT NULL, m.reopens, m.replies, m.solved_at, \(durations.joined(separator: ", ")), t.deleted
            """
    }()

    /// One ticket with its metric set, read from the tables.
    func baseRecord(id: Int64) throws -> BaseRecord? {
        var found: BaseRecord?
        try each("SELECT \(Self.baseColumns) FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.id = ?1", [id]) {
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
            guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column) else {
                return nil
            }
            return String(cString: text)
        }
        let hasMetrics = sqlite3_column_int64(statement, 13) != 0
        return BaseRecord(
            id: sqlite3_column_int64(statement, 0), deleted: integer(29) ?? 0, createdAt: sqlite3_column_int64(statement, 12),
            status: text(1), priority: text(2), type: text(3), channel: text(4), ids: (5...11).map { integer(Int32($0)) },
            hasMetrics: hasMetrics, reopens: hasMetrics ? integer(14) : nil, replies: hasMetrics ? integer(15) : nil,
            solvedAt: hasMetrics ? integer(16) : nil,
            durationValues: (17...28).map { hasMetrics ? real(Int32($0)) : nil })
    }

    /// The reference query, for a cache without the report indexes.
    func loadTicketsFromTables(since: Int64, until: Int64) throws -> TicketStore {
        var store = TicketStore()
        let sql = """
            SELECT \(Self.baseColumns) FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id
            WHERE t.deleted = 0 AND t.created_at < ?2 AND (
                t.created_at >= ?1
                OR t.status IN ('new', 'open', 'pending', 'hold')
                OR m.solved_at >= ?1
                OR t.id IN (SELECT ticket_id FROM satisfaction_ratings WHERE updated_at >= ?1 AND updated_at < ?2))
            ORDER BY t.id
            """
        try each(sql, [since, until]) { statement in
            let base = Self.baseRecord(statement)
            let record = base.record(&store.strings)
            base.durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
        }
        return store
    }

    // MARK: Tags and custom fields

    /// The tags and custom fields SLA policies test, for the loaded tickets.
    func loadTestedAttributes(into store: inout TicketStore, policies: [PolicyFact]) throws {
        store.finish()
        let evaluator = SLAEvaluator(policies: policies.map(\.definition))
        let testedTags = evaluator.testedTags
        var tags = [[Int32]](repeating: [], count: store.count)
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
                    if let index = store.index(of: sqlite3_column_int64(statement, 0)) { tags[index].append(code) }
                }
            }
        }
        store.setTags(tags)
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
        for (low, high) in Self.runs(of: ids) {
            try each("SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id BETWEEN ?1 AND ?2 ORDER BY ticket_id, tag", [low, high]) {
                statement in
                guard let index = store.index(of: sqlite3_column_int64(statement, 0)), let text = sqlite3_column_text(statement, 1)
                else { return }
                tags[index].append(store.strings.code(String(cString: text)))
            }
        }
        store.setTags(tags)
        store.tagsComplete = true
    }

    /// Every custom field value of the loaded tickets.
    func loadAllCustomFields(into store: inout TicketStore) throws {
        for (low, high) in Self.runs(of: store.records.map(\.id)) {
            try each("SELECT ticket_id, field_id, value FROM ticket_custom_fields WHERE ticket_id BETWEEN ?1 AND ?2", [low, high]) {
                statement in
                guard let index = store.index(of: sqlite3_column_int64(statement, 0)),
                    sqlite3_column_type(statement, 2) != SQLITE_NULL, let text = sqlite3_column_text(statement, 2)
                else { return }
                store.customFields[Int32(index), default: [:]][sqlite3_column_int64(statement, 1)] = String(cString: text)
            }
        }
    }

    // MARK: Ratings, names, policies

    func loadRatings(since: Int64, until: Int64) throws -> [RatingFact] {
        var ratings: [RatingFact] = []
        if hasFactIndexes {
            let sql = """
                SELECT updated_at, \(FactIndex.ratingsExpression) FROM satisfaction_ratings INDEXED BY \(FactIndex.ratingsName)
                WHERE updated_at >= ?1 AND updated_at < ?2
                """
            var inexact: [Int64] = []
            try each(sql, [since, until]) { statement in
                guard let rating = RatingFact(packed: statement) else {
                    inexact.append(sqlite3_column_int64(statement, 0))
                    return
                }
                ratings.append(rating)
            }
            if inexact.isEmpty {
                ratings.sort { $0.id < $1.id }
                return ratings
            }
            ratings = []
        }
        let sql = """
            SELECT id, ticket_id, group_id, assignee_id, score, updated_at FROM satisfaction_ratings
            WHERE updated_at >= ?1 AND updated_at < ?2 ORDER BY id
            """
        try each(sql, [since, until]) { statement in
            func integer(_ column: Int32) -> Int64? {
                sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
            }
            ratings.append(
                RatingFact(
                    id: sqlite3_column_int64(statement, 0), ticketID: integer(1), groupID: integer(2), assigneeID: integer(3),
                    score: sqlite3_column_type(statement, 4) == SQLITE_NULL
                        ? nil : sqlite3_column_text(statement, 4).map { String(cString: $0) },
                    updatedAt: sqlite3_column_int64(statement, 5)))
        }
        return ratings
    }

    func loadNames() throws -> NameDirectory {
        func names(_ sql: String, _ arguments: [Int64] = [], into result: inout [Int64: String]) throws {
            try each(sql, arguments) { statement in
                guard sqlite3_column_type(statement, 1) != SQLITE_NULL, let text = sqlite3_column_text(statement, 1) else { return }
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
            PolicyFact(id: row[0], title: (row[1] as String?) ?? "policy \(row[0] as Int64)", position: row[2], conditions: [], targets: [])
        }
        var index: [Int64: Int] = [:]
        for (offset, policy) in policies.enumerated() { index[policy.id] = offset }
        for row in try Row.fetchAll(db, sql: "SELECT policy_id, kind, field, operator, value FROM sla_policy_conditions ORDER BY policy_id, kind, position") {
            guard let offset = index[row[0]] else { continue }
            policies[offset].conditions.append((row[1], row[2], row[3], row[4]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT policy_id, priority, metric, target, target_in_seconds, business_hours FROM sla_policy_metrics ORDER BY policy_id, position") {
            guard let offset = index[row[0]] else { continue }
            policies[offset].targets.append((row[1], row[2], row[3], row[4], row[5]))
        }
        return policies
    }
}

/// Reads a `json_array(…)` value SQLite wrote: integers, strings and nulls. A real (or anything
/// else) marks the value inexact, and the caller reads that row from its table instead.
struct PackedValues {
    private var pointer: UnsafePointer<UInt8>
    private let end: UnsafePointer<UInt8>
    private(set) var exact: Bool

    init(_ statement: OpaquePointer, column: Int32) {
        let count = Int(sqlite3_column_bytes(statement, column))
        if let text = sqlite3_column_text(statement, column), count >= 2, text[0] == UInt8(ascii: "[") {
            pointer = text + 1
            end = text + count
            exact = true
        } else {
            let empty = UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: UInt8.self)
            pointer = empty
            end = empty
            exact = false
        }
    }

    @inline(__always) private mutating func separator() {
        if pointer < end, pointer.pointee == UInt8(ascii: ",") { pointer += 1 }
    }

    /// An integer or null.
    mutating func integer() -> Int64? {
        separator()
        guard pointer < end else {
            exact = false
            return nil
        }
        if pointer.pointee == UInt8(ascii: "n") {
            pointer += 4
            return nil
        }
        var negative = false
        if pointer.pointee == UInt8(ascii: "-") {
            negative = true
            pointer += 1
        }
        var magnitude: UInt64 = 0
        var digits = 0
        while pointer < end, pointer.pointee &- 0x30 < 10 {
            magnitude = magnitude &* 10 &+ UInt64(pointer.pointee &- 0x30)
            digits += 1
            pointer += 1
        }
        guard digits > 0, digits < 19 || (digits == 19 && magnitude <= UInt64(Int64.max)) else {
            exact = false
            return nil
        }
        if pointer < end, pointer.pointee != UInt8(ascii: ","), pointer.pointee != UInt8(ascii: "]") {
            exact = false  // a real: 1.5, 1e20
            while pointer < end, pointer.pointee != UInt8(ascii: ","), pointer.pointee != UInt8(ascii: "]") { pointer += 1 }
            return nil
        }
        return negative ? -Int64(magnitude) : Int64(magnitude)
    }

    /// A string (its code in `strings`), or -1 for null.
    mutating func text(_ strings: inout StringTable) -> Int32 {
        guard let (bytes, escaped) = rawString() else { return -1 }
        if !escaped { return strings.code(utf8: bytes) }
        guard let text = Self.unescape(bytes) else {
            exact = false
            return -1
        }
        return strings.code(text)
    }

    /// A string, or nil for null.
    mutating func string() -> String? {
        guard let (bytes, escaped) = rawString() else { return nil }
        if !escaped { return String(decoding: bytes, as: UTF8.self) }
        guard let text = Self.unescape(bytes) else {
            exact = false
            return nil
        }
        return text
    }

    private mutating func rawString() -> (UnsafeBufferPointer<UInt8>, Bool)? {
        separator()
        guard pointer < end else {
            exact = false
            return nil
        }
        if pointer.pointee == UInt8(ascii: "n") {
            pointer += 4
            return nil
        }
        guard pointer.pointee == UInt8(ascii: "\"") else {
            exact = false
            while pointer < end, pointer.pointee != UInt8(ascii: ","), pointer.pointee != UInt8(ascii: "]") { pointer += 1 }
            return nil
        }
        pointer += 1
        let start = pointer
        var escaped = false
        while pointer < end, pointer.pointee != UInt8(ascii: "\"") {
            if pointer.pointee == UInt8(ascii: "\\") {
                escaped = true
                pointer += 1
            }
            pointer += 1
        }
        guard pointer < end else {
            exact = false
            return nil
        }
        let bytes = UnsafeBufferPointer(start: start, count: pointer - start)
        pointer += 1
        return (bytes, escaped)
    }

    private static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> String? {
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.append(contentsOf: content)
        quoted.append(UInt8(ascii: "\""))
        guard case .string(let text)? = try? Envelope.parseValue(quoted) else { return nil }
        return text
    }

    /// Whether every value was read exactly and the array ended where expected.
    mutating func finish() -> Bool {
        exact && pointer < end && pointer.pointee == UInt8(ascii: "]") && pointer + 1 == end
    }
}
