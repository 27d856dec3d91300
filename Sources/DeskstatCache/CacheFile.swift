import Foundation

/// What a cache path names, checked before SQLite sees it, so that every command gives the same
/// clear message for a path that cannot be a cache (`report`, `kpi`, `explain` and `status` open
/// it through `Cache.open`, `query` through `ReadOnlyQuery`).
public enum CacheFile {
    /// The first 16 bytes of every SQLite 3 database file.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Throws `CacheError.cannotOpen` when `path` is a directory, or, for reading, missing, empty
    /// (0 bytes) or not an SQLite database. A missing or empty file is fine for `.readWrite`: the
    /// cache is created there.
    public static func check(_ path: String, mode: Cache.Mode) throws(CacheError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if mode == .readWrite { return }
            throw .cannotOpen(path: path, reason: "no such file; run `deskstat import` or `deskstat demo` first")
        }
        if isDirectory.boolValue {
            throw .cannotOpen(
                path: path,
                reason: "it is a directory, not a cache file; pass the file's path, e.g. --cache "
                    + (path as NSString).appendingPathComponent("deskstat.sqlite"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "the file cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let header: [UInt8]
        do {
            header = [UInt8](try handle.read(upToCount: sqliteHeader.count) ?? Data())
        } catch {
            throw .cannotOpen(path: path, reason: "the file cannot be read (\(error.localizedDescription))")
        }
        if header.isEmpty {
            if mode == .readWrite { return }
            throw .cannotOpen(
                path: path,
                reason: "the file is empty (0 bytes), not a deskstat cache; run `deskstat import` or `deskstat sync` "
                    + "with --cache on it to create one")
        }
        guard header == sqliteHeader else {
            throw .cannotOpen(
                path: path,
                reason: "the file is not an SQLite database, so not a deskstat cache; check the --cache path")
        }
    }
}
