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
    /// Rebuilds the compact timeline of the tickets each write touches (see `derivingTimelines(with:)`);
    /// without one, touched tickets stay queued in `ticket_timeline_stale` for the next writer that has one.
    var timelineBuilder: (any TimelineRowBuilding)?
    /// Whether `write` rebuilds the touched tickets' timelines and metric-event packs before its
    /// commit (see `deferringDerivedRowRebuilds()`).
    var rebuildsDerivedRowsOnWrite = true

    /// Opens (and for `.readWrite`, creates and migrates) the cache at `path`. With `timelines`,
    /// every write (and a migration that adds the compact timeline) rebuilds the compact
    /// timeline of the tickets it touched, in the same transaction.
    public static func open(
        at path: String, mode: Mode = .readWrite, busyTimeout: Double = 10,
        timelines: (any TimelineRowBuilding)? = nil
    ) throws(CacheError) -> Cache {
        try CacheFile.check(path, mode: mode)
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "deskstat-cache"
        if mode == .readWrite {
            // A connection setting only: nothing here writes to the file. WAL mode, which does,
            // is switched on by `prepareSchema` once the file is known to be a cache or empty.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.classify(error, path: path)
        }
        let cache = Cache(path: path, mode: mode, queue: queue, timelineBuilder: timelines)
        try cache.prepareSchema(busyTimeout: busyTimeout)
        return cache
    }

    /// Checks the file is a deskstat cache (or empty), then, for `.readWrite`, switches it to WAL
    /// mode and applies missing migrations.
    ///
    /// The check only reads, so a file that is not a cache is left byte-for-byte as it was, and
    /// a `.readOnly` open never writes. Migrations run in one `BEGIN IMMEDIATE` transaction that
    /// reads the applied migrations again once it holds the write lock: two processes creating
    /// or upgrading the same cache at once take turns (within the busy timeout), and the second
    /// finds the work done.
    private func prepareSchema(busyTimeout: Double) throws(CacheError) {
        do {
            let applied = try queue.read { db in try Self.appliedMigrations(db, path: path) }
            let current = applied.count == Schema.migrations.count
            guard mode == .readWrite else {
                if applied.isEmpty {
                    throw CacheError.cannotOpen(
                        path: path,
                        reason: "the SQLite database holds no deskstat data, so it is not a deskstat cache; run "
                            + "`deskstat import` or `deskstat sync` with --cache on it to fill it")
                }
                if !current {
                    throw CacheError.cannotOpen(
                        path: path,
                        reason: "it was written by an older deskstat and needs an upgrade, which a read-only command "
                            + "does not do; run `deskstat sync` or `deskstat import` on it once, then retry")
                }
                return
            }
            try switchToWAL(busyTimeout: busyTimeout)
            if current { return }
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try Self.migrate(db, applied: try Self.appliedMigrations(db, path: path))
                    _ = try rebuildStaleDerivedRows(in: db)  // v8's new packs, and any a migration voided
                    return .commit
                }
            }
        } catch let error as CacheError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Switches the file to WAL mode (persistent, and a no-op for a file in WAL mode already).
    ///
    /// The switch turns the pragma's read lock into a write lock, and SQLite refuses that at once,
    /// with SQLITE_BUSY and without calling the busy handler, while another connection holds the
    /// write lock of a file still in rollback mode (two connections creating one cache, both
    /// switching it). So a busy switch is retried here, with growing pauses, until the busy
    /// timeout has passed; the other connection's switch or migration takes milliseconds.
    private func switchToWAL(busyTimeout: Double) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(busyTimeout * 1000))
        var pause = 0.001  // seconds, doubling up to 50 ms
        while true {
            do {
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && clock.now < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.05)
            }
        }
    }

    /// The migrations applied to the open file (`[]` for an empty one). Throws `.notACache` for
    /// an SQLite file deskstat did not create and `.newerSchema` for a cache with migrations this
    /// version does not know. Only reads.
    static func appliedMigrations(_ db: Database, path: String) throws -> [String] {
        let hasMigrations = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')")
        guard hasMigrations == true else {
            let objects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
            if objects > 0 { throw CacheError.notACache(path: path) }
            return []
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        if let first = Schema.migrations.first?.name, !applied.isEmpty, !applied.contains(first) {
            throw CacheError.notACache(path: path)  // another program's GRDB migrations
        }
        let known = Set(Schema.migrations.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw CacheError.newerSchema(path: path, found: unknown.sorted()) }
        return applied
    }

    /// Applies, in order, the migrations not in `applied`, inside the caller's write transaction,
    /// recording each in `grdb_migrations` (the table GRDB's `DatabaseMigrator` keeps, so caches
    /// written by earlier versions read the same).
    static func migrate(_ db: Database, applied: [String]) throws {
        let pending = Schema.migrations.filter { !applied.contains($0.name) }
        guard !pending.isEmpty else { return }
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in pending {
            try db.execute(sql: migration.sql)
            try Schema.afterMigration(migration.name, db)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
        }
        try db.execute(sql: "PRAGMA user_version = \(Schema.currentVersion)")
    }

    /// Runs `body` in one write transaction: everything it upserts commits together or not at all,
    /// with the packed metric events of the tickets whose events it changed and the compact
    /// timeline of those whose audits or comments it changed (when the cache has a timeline
    /// builder) rebuilt just before the commit, unless rebuilds are deferred.
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
                    if rebuildsDerivedRowsOnWrite { _ = try rebuildStaleDerivedRows(in: db) }
                    return .commit
                }
                guard let result else {
                    throw CacheError.database(message: "the transaction returned no result", sql: nil)
                }
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
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .locked(path: path, holder: WriterMark(cachePath: path).holderDescription())
        case .SQLITE_NOTADB: return .cannotOpen(path: path, reason: "the file is not an SQLite database")
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: "the file or its folder cannot be opened")
        case .SQLITE_READONLY: return .readOnly(path: path)
        default: return .database(message: error.message ?? "\(error.resultCode)", sql: error.sql)
        }
    }
}
