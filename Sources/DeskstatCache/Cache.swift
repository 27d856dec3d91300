import Foundation
public import GRDB

/// The local SQLite cache of a Zendesk account: one file, WAL mode, versioned migrations.
///
/// ```swift
/// let cache = try Cache.open(at: "deskstat.sqlite")
/// let summary = try cache.write { writer in try writer.upsert(row) }
/// ```
public struct Cache: Sendable {
    /// How the cache is opened.
    public enum Mode: Sendable {
        /// Create the file if needed and upgrade its schema in place.
        case readWrite
        /// Open an existing cache without writing (reports, `query`).
        case readOnly
    }

    public let path: String
    public let mode: Mode
    let queue: DatabaseQueue

    /// Opens (and for `.readWrite`, creates and migrates) the cache at `path`.
    public static func open(at path: String, mode: Mode = .readWrite, busyTimeout: Double = 10) throws(CacheError) -> Cache {
        if mode == .readOnly, !FileManager.default.fileExists(atPath: path) {
            throw .cannotOpen(path: path, reason: "no such file; run `deskstat import` or `deskstat demo` first")
        }
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "deskstat-cache"
        if mode == .readWrite {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.classify(error, path: path)
        }
        let cache = Cache(path: path, mode: mode, queue: queue)
        try cache.prepareSchema()
        return cache
    }

    private func prepareSchema() throws(CacheError) {
        do {
            let applied = try queue.read { db -> [String]? in
                guard try db.tableExists("grdb_migrations") else {
                    let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    return tables.isEmpty ? [] : nil
                }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            guard let applied else { throw CacheError.notACache(path: path) }
            let known = Set(Schema.migrations.map(\.name))
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { throw CacheError.newerSchema(path: path, found: unknown.sorted()) }
            if applied.count < Schema.migrations.count {
                guard mode == .readWrite else { throw CacheError.readOnly(path: path) }
                try Self.migrator.migrate(queue)
            }
        } catch let error as CacheError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Schema.migrations {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(Schema.currentVersion)")
            }
        }
        return migrator
    }

    /// Runs `body` in one write transaction: everything it upserts commits together or not at all.
    public func write<T>(_ body: (CacheWriter) throws -> T) throws -> T {
        guard mode == .readWrite else { throw CacheError.readOnly(path: path) }
        let mark = WriterMark(cachePath: path)
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                defer { mark.release() }
                try db.inTransaction(.immediate) {
                    mark.claim()  // only once the write lock is ours
                    result = try body(CacheWriter(db: db))
                    return .commit
                }
                guard let result else { throw CacheError.database(message: "the transaction returned no result", sql: nil) }
                return result
            }
        } catch let error as CacheError {
            throw error
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path)
        }
    }

    /// Runs `body` with read access (a consistent snapshot).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path)
        }
    }

    static func classify(_ error: any Error, path: String) -> CacheError {
        guard let error = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path, holder: WriterMark(cachePath: path).holderDescription())
        case .SQLITE_NOTADB: return .cannotOpen(path: path, reason: "the file is not an SQLite database")
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: "the file or its folder cannot be opened")
        case .SQLITE_READONLY: return .readOnly(path: path)
        default: return .database(message: error.message ?? "\(error.resultCode)", sql: error.sql)
        }
    }
}
