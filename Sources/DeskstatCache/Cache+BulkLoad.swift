import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Building a new cache in a private file and publishing it whole (docs/cache.md, "Bulk load").
///
/// An import into a path where no cache exists yet writes its files into `<cache>.import-<pid>`
/// instead: the report indexes of the big tables are dropped while it loads and built once at the
/// end (a sort instead of a B-tree insert per row), pages are written once (an in-memory rollback
/// journal instead of the WAL, no syncs per file), and every file is still its own transaction,
/// so a file that fails to write rolls back alone. `publishBulkLoad` rebuilds the indexes,
/// switches the file to WAL mode, syncs it and links it to the cache's path, which succeeds only
/// while nothing exists there. A process killed at any point leaves either no cache (and a
/// private file that the next bulk import removes) or the complete one.
extension Cache {
    /// The tables whose secondary (non-unique) indexes a bulk load drops and rebuilds: read by
    /// reports, never by the writer. The per-ticket indexes of audits, comments and metric events
    /// stay, as code that runs after each file may read them.
    static let bulkLoadIndexedTables: Set<String> = [
        "tickets", "ticket_tags", "ticket_custom_fields", "ticket_metrics", "satisfaction_ratings", "group_memberships",
        "users",
    ]

    /// The private file a bulk load into `path` writes, for this process.
    public static func bulkLoadPath(for path: String) -> String {
        "\(path).import-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Removes the private files that killed bulk imports into `path` left behind (their process
    /// is gone); files of a live process are left alone.
    public static func removeAbandonedBulkLoads(for path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".import-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != ProcessInfo.processInfo.processIdentifier,
                ["", "-journal", "-wal", "-shm", "-writer"].contains(String(rest.dropFirst(digits.count))),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// Prepares a newly created cache for a bulk load: drops the report indexes and the triggers
    /// that keep the metric-event packs (returning the SQL that restores them; the packs are
    /// made in one pass at the end instead) and writes through an in-memory journal without
    /// syncing. Only for a private file no other process opens (see above).
    public func beginBulkLoad() throws -> [String] {
        guard mode == .readWrite else { throw CacheError.readOnly(path: path) }
        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = MEMORY")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.execute(sql: "PRAGMA cache_size = -131072")
                var indexes: [(name: String, sql: String)] = []
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT name, tbl_name, sql FROM sqlite_master
                        WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid
                        """)
                {
                    let name: String = row["name"]
                    let table: String = row["tbl_name"]
                    let sql: String = row["sql"]
                    guard Self.bulkLoadIndexedTables.contains(table), !sql.uppercased().hasPrefix("CREATE UNIQUE")
                    else { continue }
                    indexes.append((name, sql))
                }
                let triggers = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT name, sql FROM sqlite_master
                        WHERE type = 'trigger' AND name LIKE 'ticket\\_sla\\_events\\_%' ESCAPE '\\' ORDER BY rowid
                        """
                ).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
                try db.inTransaction(.immediate) {
                    for index in indexes { try db.execute(sql: "DROP INDEX \"\(index.name)\"") }
                    for trigger in triggers { try db.execute(sql: "DROP TRIGGER \"\(trigger.name)\"") }
                    return .commit
                }
                return indexes.map(\.sql) + triggers.map(\.sql)
            }
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path)
        }
    }

    /// Rebuilds the indexes and triggers `beginBulkLoad` dropped and packs every ticket's metric
    /// events, switches the file to WAL mode with durable writes, and closes it; then links it to
    /// `destination` and removes the private name.
    /// Returns `false`, leaving the private file in place, when `destination` exists by now
    /// (another process created a cache there meanwhile).
    public func publishBulkLoad(indexes: [String], to destination: String) throws -> Bool {
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for sql in indexes { try db.execute(sql: sql) }
                    try SLAEventPacker(db: db).repackAll()
                    return .commit
                }
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw Self.classify(error, path: path)
        }
        try Self.syncFile(path)
        if link(path, destination) != 0 {
            if errno == EEXIST { return false }
            throw CacheError.cannotOpen(
                path: destination,
                reason: "the new cache could not be put in place (\(String(cString: strerror(errno))))")
        }
        try? FileManager.default.removeItem(atPath: path)
        for suffix in ["-wal", "-shm", "-writer"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try Self.syncFile((destination as NSString).deletingLastPathComponent, directory: true)
        return true
    }

    /// Closes a bulk load that will not be published and removes its private file.
    public func abandonBulkLoad() {
        try? queue.close()
        for suffix in ["", "-journal", "-wal", "-shm", "-writer"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    private static func syncFile(_ path: String, directory: Bool = false) throws {
        let target = path.isEmpty ? "." : path
        let descriptor = openDescriptor(target, directory ? O_RDONLY | O_DIRECTORY : O_RDWR)
        guard descriptor >= 0 else {
            throw CacheError.cannotOpen(path: target, reason: "cannot be opened to sync it")
        }
        defer { closeDescriptor(descriptor) }
        if fsync(descriptor) != 0 && !directory {
            throw CacheError.cannotOpen(path: target, reason: "cannot be synced (\(String(cString: strerror(errno))))")
        }
    }
}

/// `open(2)` and `close(2)` (inside `Cache`, `open` names the cache's own factory).
private func openDescriptor(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.open(path, flags)
    #else
        Darwin.open(path, flags)
    #endif
}

private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(descriptor)
    #else
        _ = Darwin.close(descriptor)
    #endif
}
