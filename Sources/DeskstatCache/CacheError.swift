/// Everything that can go wrong opening, reading or writing the cache.
public enum CacheError: Error, Sendable, CustomStringConvertible {
    /// The file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file is SQLite but not a deskstat cache.
    case notACache(path: String)
    /// A newer deskstat wrote this cache.
    case newerSchema(path: String, found: [String])
    /// Another process holds the write lock longer than the busy timeout; `holder` names it when known.
    case locked(path: String, holder: String?)
    /// SQLite refused a statement.
    case database(message: String, sql: String?)
    /// A read-only cache was asked to write.
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the cache at \(path): \(reason)"
        case .notACache(let path):
            return
                "\(path) is an SQLite file but not a deskstat cache; pass another path with --cache or move the file away"
        case .newerSchema(let path, let found):
            return
                "the cache at \(path) was written by a newer deskstat (migrations \(found.joined(separator: ", ")) are unknown to this one); upgrade deskstat or use another --cache"
        case .locked(let path, let holder):
            let who = holder.map { "by \($0)" } ?? "by another process (an import or sync is writing)"
            return "the cache at \(path) is locked \(who); retry when it has finished"
        case .database(let message, let sql):
            return "SQLite error: \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
        case .readOnly(let path):
            return "the cache at \(path) is open read-only"
        }
    }
}
