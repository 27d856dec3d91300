import Foundation
import GRDB

/// What `deskstat status` reports about a cache.
public struct CacheStatus: Sendable, Equatable, Codable {
    public let path: String
    public let sizeBytes: Int64
    public let schemaVersion: Int
    public let tables: [TableStatus]
}

/// Row count, date range and last activity of one table.
public struct TableStatus: Sendable, Equatable, Codable {
    public let table: String
    public let rows: Int
    /// Oldest and newest record by the table's date column (`created_at` for tickets, audits and
    /// comments; `time` for metric events; `updated_at` otherwise), epoch seconds.
    public let oldest: Int64?
    public let newest: Int64?
    public let lastImportAt: Int64?
    public let lastSyncAt: Int64?

    public init(table: String, rows: Int, oldest: Int64?, newest: Int64?, lastImportAt: Int64?, lastSyncAt: Int64?) {
        self.table = table
        self.rows = rows
        self.oldest = oldest
        self.newest = newest
        self.lastImportAt = lastImportAt
        self.lastSyncAt = lastSyncAt
    }
}

extension Cache {
    /// Counts and date ranges for every table, in name order.
    public func status() throws -> CacheStatus {
        let size = Self.fileSize(path) + Self.fileSize(path + "-wal")
        return try read { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            var activity: [String: (Int64?, Int64?)] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT table_name, last_import_at, last_sync_at FROM deskstat_table_state")
            {
                activity[row[0]] = (row[1], row[2])
            }
            let tables = try CacheTable.allCases.sorted().map { table in
                let name = table.rawValue
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(name)") ?? 0
                var oldest: Int64?
                var newest: Int64?
                if let column = table.dateColumn {
                    let range = try Row.fetchOne(db, sql: "SELECT MIN(\(column)), MAX(\(column)) FROM \(name)")
                    oldest = range?[0]
                    newest = range?[1]
                }
                return TableStatus(
                    table: name, rows: count, oldest: oldest, newest: newest,
                    lastImportAt: activity[name]?.0, lastSyncAt: activity[name]?.1)
            }
            return CacheStatus(path: path, sizeBytes: size, schemaVersion: version, tables: tables)
        }
    }

    static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
