import GRDB

/// Writes rows inside one transaction opened by `Cache.write`, keeping the newest version of each record.
///
/// Version rules: tickets compare (`generated_timestamp`, `updated_at`), audits and comments
/// `created_at`, metric events `time`, everything else `updated_at`. A newer version replaces the
/// row and its child rows; an equal version is left untouched (`unchanged`); an older one is
/// ignored (`skipped`). Tags have no version: a different count replaces the row.
public struct CacheWriter {
    let db: Database

    /// Upserts one row by the version rules above.
    public func upsert(_ row: CacheRow) throws -> UpsertOutcome {
        let outcome = try decide(row)
        guard outcome == .inserted || outcome == .updated else { return outcome }
        try replace(row)
        return outcome
    }

    private func decide(_ row: CacheRow) throws -> UpsertOutcome {
        let table = row.table
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
        let incoming = row.version
        if incoming == storedVersion { return .unchanged }
        return incoming.lexicographicallyPrecedes(storedVersion) ? .skipped : .updated
    }

    private func replace(_ row: CacheRow) throws {
        let table = row.table
        let columns = table.columns + ["raw_json"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let insert = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO \(table.rawValue) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        try insert.execute(arguments: StatementArguments(row.values + [row.rawJSON.databaseValue]))
        for (child, parentColumn) in table.childTables {
            try db.cachedStatement(sql: "DELETE FROM \(child) WHERE \(parentColumn) = ?").execute(arguments: [row.key])
        }
        for child in row.children where !child.rows.isEmpty {
            let marks = Array(repeating: "?", count: child.columns.count).joined(separator: ", ")
            let statement = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO \(child.table) (\(child.columns.joined(separator: ", "))) VALUES (\(marks))")
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
