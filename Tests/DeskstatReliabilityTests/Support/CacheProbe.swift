import Foundation
import GRDB

/// Looks inside a cache file the way a second program would: on a copy (so the crashed original
/// is left exactly as the next deskstat run will find it), with GRDB.
enum CacheProbe {
    /// deskstat's own bookkeeping: timestamps and cursors that legitimately differ between runs.
    static let bookkeeping: Set<String> = ["deskstat_table_state", "grdb_migrations", "sqlite_sequence"]

    /// Copies `path` and its `-wal` (what survives a crash; the `-shm` index is rebuilt) to a
    /// fresh directory and returns the copy's path.
    static func copy(_ path: String) throws -> String {
        let directory = NSTemporaryDirectory() + "deskstat-rel-probe-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let target = directory + "/copy.sqlite"
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: target + suffix)
        }
        return target
    }

    static func remove(copy path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// Opens a copy of the cache and runs `body` on it.
    static func withCopy<T>(of path: String, _ body: (DatabaseQueue) throws -> T) throws -> T {
        let copy = try copy(path)
        defer { remove(copy: copy) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: copy, configuration: configuration)
        defer { try? queue.close() }
        return try body(queue)
    }

    /// `PRAGMA integrity_check`: "ok" or SQLite's list of problems.
    static func integrity(_ queue: DatabaseQueue) throws -> String {
        try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// The names of the tables in the cache (SQLite's own excluded).
    static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    }

    /// Every row of every account table as text, sorted, by table: two caches with the same
    /// content give equal snapshots (keys, raw_json and every typed and version column).
    static func content(_ queue: DatabaseQueue, excluding: Set<String> = bookkeeping) throws -> [String: [String]] {
        try queue.read { db in
            var result: [String: [String]] = [:]
            for table in try tables(db) where !excluding.contains(table) {
                let columns = try db.columns(in: table).map(\.name)
                let order = columns.indices.map { String($0 + 1) }.joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
                result[table] = rows.map { row in
                    columns.map { column in describe(row[column] as DatabaseValue) }.joined(separator: " | ")
                }
            }
            return result
        }
    }

    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): "i:\(number)"
        case .double(let number): "r:\(number)"
        case .string(let text): "t:\(text)"
        case .blob(let data): "b:\(data.base64EncodedString())"
        }
    }

    /// The ids present in `table` among `ids`.
    static func present(_ db: Database, table: String, key: String = "id", ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        var found: Set<Int64> = []
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let list = chunk.map(String.init).joined(separator: ",")
            found.formUnion(try Int64.fetchAll(db, sql: "SELECT \(key) FROM \(table) WHERE \(key) IN (\(list))"))
        }
        return found
    }

    /// The first few differences between two content snapshots, for a failure message.
    static func differences(_ left: [String: [String]], _ right: [String: [String]], limit: Int = 6) -> [String] {
        var differences: [String] = []
        for table in Set(left.keys).union(right.keys).sorted() {
            let a = left[table] ?? []
            let b = right[table] ?? []
            guard a != b else { continue }
            let onlyLeft = Set(a).subtracting(b)
            let onlyRight = Set(b).subtracting(a)
            differences.append(
                "\(table): \(a.count) vs \(b.count) rows; only in first: \(onlyLeft.sorted().prefix(2).map { String($0.prefix(160)) }); "
                    + "only in second: \(onlyRight.sorted().prefix(2).map { String($0.prefix(160)) })")
            if differences.count >= limit { break }
        }
        return differences
    }

    /// The bytes of the cache's files (main file and WAL) — equal before and after a refused
    /// command means the command changed nothing at all. The `-shm` index is not content and
    /// is not compared.
    static func fileBytes(_ path: String) -> [String: Data] {
        var bytes: [String: Data] = [:]
        for suffix in ["", "-wal", "-journal"] {
            // An empty WAL (a reader opened the cache) holds nothing: the same as none.
            if let data = FileManager.default.contents(atPath: path + suffix), !data.isEmpty {
                bytes[suffix.isEmpty ? "main" : suffix] = data
            }
        }
        return bytes
    }
}
