import CSQLite
import Foundation
import GRDB

/// Writes rows inside one transaction opened by `Cache.write`, keeping the newest version of each record.
///
/// Version rules: tickets compare (`generated_timestamp`, `updated_at`), audits and comments
/// `created_at`, metric events `time`, everything else `updated_at`. A newer version replaces the
/// row and its child rows; an equal version is left untouched (`unchanged`); an older one is
/// ignored (`skipped`). Tags have no version: a different count replaces the row.
///
/// How (see docs/performance.md): one `INSERT … ON CONFLICT(id) DO UPDATE … WHERE <newer>`
/// per record, through prepared statements bound with SQLite's C API. `sqlite3_changes` says
/// whether anything was written and the last insert rowid says whether it was an insert; only a
/// record that was *not* written needs a second look (a version `SELECT`) to tell `unchanged`
/// from `skipped`; in a batch whose table already held rows, the stored version is looked up
/// first instead, so a record that is not newer (a re-imported file) costs one lookup and no
/// binding. Child rows are replaced only when the parent was written: a new parent has
/// none (every path that removes a parent removes its children too), an updated one has its
/// old ones deleted first. Anything unusual (a second unique constraint firing, the key-only
/// `tags` table) takes the original select-then-replace path, so outcomes never differ.
public struct CacheWriter {
    let db: Database

    /// Upserts one row by the version rules above.
    public func upsert(_ row: CacheRow) throws -> UpsertOutcome {
        let table = row.table
        guard table.hasRowIDKey, case .int64(let key) = row.key.storage else { return try upsertBySelect(row) }
        let statements = try RowStatements(db: db, table: table)
        let outcome = try statements.upsert(key: key) { statement in
            for (index, value) in row.values.enumerated() { try bind(value, to: statement, at: Int32(index + 1)) }
            try bind(row.rawJSON.databaseValue, to: statement, at: Int32(row.values.count + 1))
        } compare: {
            Self.compare(row.version, stored: $0)
        }
        switch outcome {
        case .written(let outcome):
            try replaceChildren(of: row, deletingOld: outcome == .updated)
            try writeFacts(of: row)
            return outcome
        case .notWritten(let outcome):
            return outcome
        case .conflict:
            return try upsertBySelect(row)
        }
    }

    /// Writes the `ticket_facts` part of a ticket or metric-set row just written.
    private func writeFacts(of row: CacheRow) throws {
        guard row.table == .tickets || row.table == .ticketMetrics else { return }
        let buffer = FactsBuffer()
        buffer.add(row)
        try buffer.flush(FactsStatements(db: db))
    }

    /// Upserts every row of a batch, in order, by the same rules as `upsert(_:)`, and reports each
    /// row's outcome to `outcome`.
    public func upsert(_ batch: CacheRowBatch, outcome report: (CacheTable, UpsertOutcome) -> Void) throws {
        var statements: [CacheTable: RowStatements] = [:]
        /// Per table: whether it held rows when the batch began (see "Unchanged records" below).
        var hadRows: [CacheTable: Bool] = [:]
        let children = try TicketChildStatements(db: db)
        let facts = FactsBuffer()
        try batch.body.withUnsafeBufferPointer { body in
            try batch.owned.withUnsafeBufferPointer { owned in
                // The statements are bound to the batch's buffers without copying: clear every
                // binding before the buffers go away, whether the batch was written or failed.
                defer {
                    children.clearBindings()
                    for (_, rowStatements) in statements { rowStatements.clearBindings() }
                }
                let texts = BatchTexts(body: body, owned: owned)
                for row in batch.rows {
                    let table = row.table
                    let valueStart = Int(row.valueStart)
                    guard table.hasRowIDKey, case .integer(let key) = batch.values[valueStart] else {
                        try children.flush(texts)
                        try facts.flush(FactsStatements(db: db))
                        report(table, try upsertBySelect(batch.cacheRow(row, texts: texts)))
                        continue
                    }
                    let rowStatements: RowStatements
                    if let prepared = statements[table] {
                        rowStatements = prepared
                    } else {
                        rowStatements = try RowStatements(db: db, table: table)
                        statements[table] = rowStatements
                    }
                    let versionIndexes = rowStatements.versionIndexes
                    let columnCount = rowStatements.columnCount
                    // Unchanged records: in a table that held rows, the stored version is looked
                    // up first, and a record that is not newer is reported without binding or
                    // writing anything (what the upsert would conclude, at the cost of one lookup).
                    // Into an empty table, the upsert alone decides.
                    let tableHadRows: Bool
                    if let known = hadRows[table] {
                        tableHadRows = known
                    } else {
                        tableHadRows = try rowStatements.hasRows(db: db, table: table)
                        hadRows[table] = tableHadRows
                    }
                    if tableHadRows, let stored = try rowStatements.storedVersion(key: key) {
                        let outcome = Self.compare(batch.version(of: row, indexes: versionIndexes), stored: stored)
                        if outcome != .updated {
                            report(table, outcome)
                            continue
                        }
                    }
                    let result = try rowStatements.upsert(key: key) { statement in
                        for index in 0..<columnCount {
                            texts.bind(batch.values[valueStart + index], to: statement, at: Int32(index + 1))
                        }
                        texts.bind(row.raw, to: statement, at: Int32(columnCount + 1))
                    } compare: { stored in
                        Self.compare(batch.version(of: row, indexes: versionIndexes), stored: stored)
                    }
                    switch result {
                    case .written(let outcome):
                        if table == .tickets {
                            try children.replace(
                                ticketID: key, row: row, batch: batch, texts: texts, deletingOld: outcome == .updated)
                            facts.ticket(key) { texts.field(batch.values[valueStart + $0]) }
                        } else if table == .ticketMetrics,
                            case .integer(let ticketID) = batch.values[valueStart + TicketFacts.metricColumns.ticketID]
                        {
                            facts.metric(id: key, ticketID: ticketID) { texts.field(batch.values[valueStart + $0]) }
                        }
                        report(table, outcome)
                    case .notWritten(let outcome):
                        report(table, outcome)
                    case .conflict:
                        try children.flush(texts)
                        try facts.flush(FactsStatements(db: db))
                        report(table, try upsertBySelect(batch.cacheRow(row, texts: texts)))
                    }
                }
                try children.flush(texts)
                try facts.flush(FactsStatements(db: db))
            }
        }
    }

    static func compare(_ incoming: [Int64], stored: [Int64]) -> UpsertOutcome {
        if incoming == stored { return .unchanged }
        return incoming.lexicographicallyPrecedes(stored) ? .skipped : .updated
    }

    // MARK: The original path (tags, and rows a second unique constraint rejects)

    private func upsertBySelect(_ row: CacheRow) throws -> UpsertOutcome {
        let outcome = try decide(row)
        guard outcome == .inserted || outcome == .updated else { return outcome }
        try replace(row)
        try writeFacts(of: row)
        return outcome
    }

    private func decide(_ row: CacheRow) throws -> UpsertOutcome {
        let table = row.table
        if table == .ticketMetrics { return try decideMetricSet(row) }
        let versionColumns = table.versionColumns
        let selected = versionColumns.isEmpty ? "raw_json" : versionColumns.joined(separator: ", ")
        let statement = try db.cachedStatement(
            sql: "SELECT \(selected) FROM \(table.rawValue) WHERE \(table.keyColumn) = ?")
        guard let stored = try Row.fetchOne(statement, arguments: [row.key]) else { return .inserted }
        if versionColumns.isEmpty {
            let storedJSON: String? = stored[0]
            return storedJSON == row.rawJSON ? .unchanged : .updated
        }
        let storedVersion = (0..<versionColumns.count).map { (stored[$0] as Int64?) ?? Int64.min }
        return Self.compare(row.version, stored: storedVersion)
    }

    /// A ticket has one metric set (`ticket_id` is UNIQUE), and Zendesk may send it under another
    /// id. Writing a set replaces both the stored row with its id and the stored row of its
    /// ticket, so it is compared with each: older than either is `skipped`, newer than one (and
    /// older than none) is `updated` and replaces them, equal to all is `unchanged`.
    private func decideMetricSet(_ row: CacheRow) throws -> UpsertOutcome {
        let versionColumns = CacheTable.ticketMetrics.versionColumns
        let ticketID = CacheTable.ticketMetrics.columns.firstIndex(of: "ticket_id").map { row.values[$0] } ?? .null
        let statement = try db.cachedStatement(
            sql: "SELECT \(versionColumns.joined(separator: ", ")) FROM ticket_metrics WHERE id = ?1 OR ticket_id = ?2")
        let outcomes = try Row.fetchAll(statement, arguments: [row.key, ticketID]).map { stored in
            Self.compare(row.version, stored: (0..<versionColumns.count).map { (stored[$0] as Int64?) ?? Int64.min })
        }
        if outcomes.isEmpty { return .inserted }
        if outcomes.contains(.skipped) { return .skipped }
        return outcomes.contains(.updated) ? .updated : .unchanged
    }

    private func replace(_ row: CacheRow) throws {
        let table = row.table
        let columns = table.columns + ["raw_json"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let insert = try db.cachedStatement(
            sql:
                "INSERT OR REPLACE INTO \(table.rawValue) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        )
        try insert.execute(arguments: StatementArguments(row.values + [row.rawJSON.databaseValue]))
        try replaceChildren(of: row, deletingOld: true)
    }

    private func replaceChildren(of row: CacheRow, deletingOld: Bool) throws {
        let table = row.table
        if deletingOld {
            for (child, parentColumn) in table.childTables {
                try db.cachedStatement(sql: "DELETE FROM \(child) WHERE \(parentColumn) = ?").execute(arguments: [
                    row.key
                ])
            }
        }
        for child in row.children where !child.rows.isEmpty {
            let marks = Array(repeating: "?", count: child.columns.count).joined(separator: ", ")
            let statement = try db.cachedStatement(
                sql:
                    "INSERT OR REPLACE INTO \(child.table) (\(child.columns.joined(separator: ", "))) VALUES (\(marks))"
            )
            for values in child.rows {
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }

    /// Records that `tables` were imported (or synced) at `time`, for `deskstat status`.
    public func recordActivity(_ kind: CacheActivity, tables: some Sequence<CacheTable>, at time: Int64) throws {
        let column = kind == .import ? "last_import_at" : "last_sync_at"
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO deskstat_table_state (table_name, \(column)) VALUES (?, ?)
                ON CONFLICT(table_name) DO UPDATE SET \(column) = excluded.\(column)
                """)
        for table in Set(tables).sorted() {
            try statement.execute(arguments: [table.rawValue, time])
        }
    }
}

/// How data reached the cache.
public enum CacheActivity: Sendable {
    case `import`, sync
}

extension Cache {
    /// Tunes the write connection for importing many files: a larger page cache (64 MiB) so
    /// index pages stay in memory between files, and WAL checkpoints every 8,192 pages instead
    /// of every 1,000 (each checkpoint syncs the file). Durability and atomicity per transaction
    /// are unchanged; only how often the WAL is folded into the database file.
    public func prepareForBulkWrites() throws {
        guard mode == .readWrite else { return }
        do {
            try queue.inDatabase { db in
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path)
        }
    }
}

// MARK: - Statements bound through the C API

extension CacheTable {
    /// Whether the key is an `INTEGER PRIMARY KEY` (the rowid); only `tags` is keyed by text.
    var hasRowIDKey: Bool { self != .tags }

    /// The upsert: insert, or on a key conflict update every column when the incoming version is newer.
    /// Built once per table (a single-row upsert asks for it on every row).
    var upsertSQL: String { Self.upsertSQLs[self] ?? makeUpsertSQL() }

    /// `SELECT` of the version columns of the row with key `?1`, built once per table.
    var versionSelectSQL: String { Self.versionSelectSQLs[self] ?? makeVersionSelectSQL() }

    private static let upsertSQLs = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makeUpsertSQL()) })
    private static let versionSelectSQLs = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.makeVersionSelectSQL()) })

    private func makeUpsertSQL() -> String {
        let all = columns + ["raw_json"]
        let name = "\"\(rawValue)\""
        let marks = (1...all.count).map { "?\($0)" }.joined(separator: ", ")
        let assignments = all.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let minimum = "(-9223372036854775807 - 1)"
        func version(_ prefix: String) -> String {
            let parts = versionColumns.map { "coalesce(\(prefix).\($0), \(minimum))" }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: ", ") + ")"
        }
        return """
            INSERT INTO \(name) (\(all.joined(separator: ", "))) VALUES (\(marks))
            ON CONFLICT(\(keyColumn)) DO UPDATE SET \(assignments)
            WHERE \(version("excluded")) > \(version(name))
            """
    }

    private func makeVersionSelectSQL() -> String {
        "SELECT \(versionColumns.joined(separator: ", ")) FROM \"\(rawValue)\" WHERE \(keyColumn) = ?1"
    }
}

/// The two statements one table's upserts need.
struct RowStatements {
    enum Result {
        /// Inserted or updated.
        case written(UpsertOutcome)
        /// Unchanged or skipped.
        case notWritten(UpsertOutcome)
        /// Another unique constraint rejected the row (e.g. a metric set's `ticket_id`); nothing was written.
        case conflict
    }

    let connection: OpaquePointer
    let upsert: OpaquePointer
    let upsertSQL: String
    let select: OpaquePointer
    let versionCount: Int
    let columnCount: Int
    let versionIndexes: [Int]

    init(db: Database, table: CacheTable) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed")
        }
        self.connection = connection
        upsertSQL = table.upsertSQL
        upsert = try db.cachedStatement(sql: upsertSQL).sqliteStatement
        select = try db.cachedStatement(sql: table.versionSelectSQL).sqliteStatement
        versionCount = table.versionColumns.count
        columnCount = table.columnCount
        versionIndexes = table.versionColumnIndexes
        sqlite3_reset(upsert)
        sqlite3_reset(select)
    }

    /// Runs the upsert for the row whose key is `key`; `bind` binds its columns and raw JSON,
    /// `compare` decides between unchanged and skipped from the stored version.
    func upsert(
        key: Int64, bind: (OpaquePointer) throws -> Void, compare: ([Int64]) -> UpsertOutcome
    ) throws -> Result {
        try bind(upsert)
        sqlite3_set_last_insert_rowid(connection, key &+ 1)
        let code = sqlite3_step(upsert)
        guard code == SQLITE_DONE else {
            let error = DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                sql: upsertSQL)
            sqlite3_reset(upsert)
            if code & 0xFF == SQLITE_CONSTRAINT { return .conflict }
            throw error
        }
        sqlite3_reset(upsert)
        if sqlite3_changes(connection) > 0 {
            return .written(sqlite3_last_insert_rowid(connection) == key ? .inserted : .updated)
        }
        guard let stored = try storedVersion(key: key) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "upsert wrote nothing and found no row")
        }
        return .notWritten(compare(stored))
    }

    /// The stored version of the row whose key is `key`, or nil when there is none.
    func storedVersion(key: Int64) throws -> [Int64]? {
        sqlite3_bind_int64(select, 1, key)
        defer { sqlite3_reset(select) }
        let step = sqlite3_step(select)
        if step == SQLITE_DONE { return nil }
        guard step == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(connection)))
        }
        return (0..<versionCount).map { column -> Int64 in
            sqlite3_column_type(select, Int32(column)) == SQLITE_NULL
                ? Int64.min : sqlite3_column_int64(select, Int32(column))
        }
    }

    /// Whether `table` holds any row.
    func hasRows(db: Database, table: CacheTable) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(table.rawValue)\")") ?? false
    }

    func clearBindings() {
        sqlite3_clear_bindings(upsert)
    }
}

/// Writes tickets' tags and custom field values, many rows per statement.
///
/// New child rows are buffered and inserted with multi-row `INSERT … VALUES (…), (…), …`
/// statements (one statement per 64 rows instead of one per row). The buffer is flushed before
/// any child rows are deleted and at the end of the batch, so the final contents are exactly
/// those of one insert per row.
final class TicketChildStatements {
    static let chunkSizes = [64, 16, 4, 1]

    let connection: OpaquePointer
    let deleteTags: OpaquePointer
    let deleteFields: OpaquePointer
    /// `INSERT OR REPLACE` statements for `chunkSizes` rows each.
    let insertTags: [OpaquePointer]
    let insertFields: [OpaquePointer]
    private var pendingTags: [(ticketID: Int64, tag: CacheRowBatch.Value)] = []
    private var pendingFields: [(ticketID: Int64, fieldID: Int64, value: CacheRowBatch.Value)] = []

    init(db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed")
        }
        self.connection = connection
        deleteTags = try db.cachedStatement(sql: "DELETE FROM ticket_tags WHERE ticket_id = ?").sqliteStatement
        deleteFields = try db.cachedStatement(sql: "DELETE FROM ticket_custom_fields WHERE ticket_id = ?")
            .sqliteStatement
        insertTags = try Self.chunkSizes.map { size in
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO ticket_tags (ticket_id, tag) VALUES "
                    + Array(repeating: "(?, ?)", count: size).joined(separator: ", ")
            ).sqliteStatement
        }
        insertFields = try Self.chunkSizes.map { size in
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO ticket_custom_fields (ticket_id, field_id, value) VALUES "
                    + Array(repeating: "(?, ?, ?)", count: size).joined(separator: ", ")
            ).sqliteStatement
        }
        for statement in [deleteTags, deleteFields] + insertTags + insertFields { sqlite3_reset(statement) }
        pendingTags.reserveCapacity(64)
        pendingFields.reserveCapacity(64)
    }

    func replace(
        ticketID: Int64, row: CacheRowBatch.Row, batch: CacheRowBatch, texts: BatchTexts, deletingOld: Bool
    ) throws {
        if deletingOld {
            try flush(texts)
            for statement in [deleteTags, deleteFields] {
                sqlite3_bind_int64(statement, 1, ticketID)
                try step(statement)
            }
        }
        for index in Int(row.tagStart)..<Int(row.tagEnd) {
            pendingTags.append((ticketID, batch.tags[index]))
        }
        for index in Int(row.fieldStart)..<Int(row.fieldEnd) {
            let field = batch.customFields[index]
            pendingFields.append((ticketID, field.fieldID, field.value))
        }
        if pendingTags.count >= Self.chunkSizes[0] || pendingFields.count >= Self.chunkSizes[0] {
            try flush(texts, fullChunksOnly: true)
        }
    }

    /// Inserts the buffered rows (with `fullChunksOnly`, only as many as fill the largest statement).
    func flush(_ texts: BatchTexts, fullChunksOnly: Bool = false) throws {
        var start = 0
        for (size, statement) in zip(Self.chunkSizes, insertTags) {
            if fullChunksOnly && size != Self.chunkSizes[0] { break }
            while pendingTags.count - start >= size {
                for offset in 0..<size {
                    let (ticketID, tag) = pendingTags[start + offset]
                    sqlite3_bind_int64(statement, Int32(2 * offset + 1), ticketID)
                    texts.bind(tag, to: statement, at: Int32(2 * offset + 2))
                }
                try step(statement)
                start += size
            }
        }
        pendingTags.removeSubrange(0..<start)
        start = 0
        for (size, statement) in zip(Self.chunkSizes, insertFields) {
            if fullChunksOnly && size != Self.chunkSizes[0] { break }
            while pendingFields.count - start >= size {
                for offset in 0..<size {
                    let (ticketID, fieldID, value) = pendingFields[start + offset]
                    sqlite3_bind_int64(statement, Int32(3 * offset + 1), ticketID)
                    sqlite3_bind_int64(statement, Int32(3 * offset + 2), fieldID)
                    texts.bind(value, to: statement, at: Int32(3 * offset + 3))
                }
                try step(statement)
                start += size
            }
        }
        pendingFields.removeSubrange(0..<start)
    }

    private func step(_ statement: OpaquePointer) throws {
        try runStatement(statement, on: connection)
    }

    func clearBindings() {
        for statement in insertTags + insertFields { sqlite3_clear_bindings(statement) }
    }
}

/// The two text buffers of a batch, pinned while its rows are written.
struct BatchTexts {
    let body: UnsafeBufferPointer<UInt8>
    let owned: UnsafeBufferPointer<UInt8>

    /// Binds a value without copying its text (the buffers outlive every step; bindings are
    /// cleared before they go away).
    func bind(_ value: CacheRowBatch.Value, to statement: OpaquePointer, at index: Int32) {
        switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let number): sqlite3_bind_int64(statement, index, number)
        case .real(let number): sqlite3_bind_double(statement, index, number)
        case .bodyText(let offset, let count):
            bindText(body, offset, count, statement, index)
        case .ownedText(let offset, let count):
            bindText(owned, offset, count, statement, index)
        }
    }

    private func bindText(
        _ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int32, _ count: Int32, _ statement: OpaquePointer,
        _ index: Int32
    ) {
        guard count > 0, let base = buffer.baseAddress else {
            sqlite3_bind_text(statement, index, emptyText, 0, nil)
            return
        }
        let pointer = UnsafeRawPointer(base + Int(offset)).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(statement, index, pointer, count, nil)
    }

    func string(_ value: CacheRowBatch.Value) -> String? {
        switch value {
        case .bodyText(let offset, let count):
            String(decoding: UnsafeBufferPointer(rebasing: body[Int(offset)..<Int(offset + count)]), as: UTF8.self)
        case .ownedText(let offset, let count):
            String(decoding: UnsafeBufferPointer(rebasing: owned[Int(offset)..<Int(offset + count)]), as: UTF8.self)
        default: nil
        }
    }

    /// A value as the facts encoder sees it.
    func field(_ value: CacheRowBatch.Value) -> TicketFacts.Field {
        switch value {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .real(number)
        case .bodyText(let offset, let count):
            .text(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(body)[Int(offset)..<Int(offset + count)]))
        case .ownedText(let offset, let count):
            .text(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(owned)[Int(offset)..<Int(offset + count)]))
        }
    }

    func databaseValue(_ value: CacheRowBatch.Value) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .bodyText, .ownedText: (string(value) ?? "").databaseValue
        }
    }
}

/// A NUL-terminated empty C string: binding an empty text needs a pointer (`nil` would bind NULL).
private var emptyText: UnsafePointer<CChar> {
    UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}

extension CacheRowBatch {
    /// The row as a `CacheRow` (for the rare rows that take the original path).
    func cacheRow(_ row: Row, texts: BatchTexts) -> CacheRow {
        let start = Int(row.valueStart)
        let values = (start..<start + row.table.columnCount).map { texts.databaseValue(self.values[$0]) }
        var children: [ChildRows] = []
        if row.table == .tickets {
            let id = values[0]
            children = [
                ChildRows(
                    "ticket_tags", ["ticket_id", "tag"],
                    (Int(row.tagStart)..<Int(row.tagEnd)).map { [id, texts.databaseValue(tags[$0])] }),
                ChildRows(
                    "ticket_custom_fields", ["ticket_id", "field_id", "value"],
                    (Int(row.fieldStart)..<Int(row.fieldEnd)).map {
                        [id, customFields[$0].fieldID, texts.databaseValue(customFields[$0].value)]
                    }),
            ]
        }
        return CacheRow(row.table, values: values, rawJSON: texts.string(row.raw) ?? "", children: children)
    }
}

/// Binds a `DatabaseValue` (text copied by SQLite).
private func bind(_ value: DatabaseValue, to statement: OpaquePointer, at index: Int32) throws {
    switch value.storage {
    case .null: sqlite3_bind_null(statement, index)
    case .int64(let number): sqlite3_bind_int64(statement, index, number)
    case .double(let number): sqlite3_bind_double(statement, index, number)
    case .string(let text):
        var text = text
        text.withUTF8 { utf8 in
            let pointer =
                utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } ?? emptyText
            sqlite3_bind_text(statement, index, pointer, Int32(utf8.count), sqliteTransient)
        }
    case .blob(let data):
        data.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), sqliteTransient)
        }
    }
}
