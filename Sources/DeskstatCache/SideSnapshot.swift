import CSQLite
import Foundation

/// A second read-only connection on the same state of the cache as the main read transaction,
/// so that a full-history load can read on both cores.
///
/// The side connection takes a read snapshot *before* the main connection starts its
/// transaction and another one *after* (`joinMainSnapshot`); if its `PRAGMA data_version` is the
/// same in both, nothing was committed in between, so all three snapshots are the same state.
/// Otherwise it must not be used, and the main connection reads everything itself.
public final class SideSnapshot: @unchecked Sendable {
    private let handle: OpaquePointer
    private let firstVersion: Int64
    /// Typed reads on the side connection (use it from one thread at a time).
    public let reader: CacheReader

    /// Opens the connection and takes the first snapshot (call before the main transaction
    /// starts); `nil` when the cache cannot be opened this way.
    public init?(path: String) {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle
        else {
            sqlite3_close_v2(handle)
            return nil
        }
        sqlite3_busy_timeout(handle, 5_000)
        guard let version = Self.beginSnapshot(handle) else {
            sqlite3_close_v2(handle)
            return nil
        }
        self.handle = handle
        firstVersion = version
        reader = CacheReader(connection: handle)
    }

    deinit {
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        // `reader` finalizes its statements when it goes; `close_v2` waits for that.
        sqlite3_close_v2(handle)
    }

    private static func beginSnapshot(_ handle: OpaquePointer) -> Int64? {
        guard sqlite3_exec(handle, "BEGIN", nil, nil, nil) == SQLITE_OK else { return nil }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(handle, "SELECT count(*) FROM sqlite_master", -1, &statement, nil) == SQLITE_OK,
            sqlite3_step(statement) == SQLITE_ROW
        else { return nil }
        sqlite3_finalize(statement)
        statement = nil
        guard sqlite3_prepare_v2(handle, "PRAGMA data_version", -1, &statement, nil) == SQLITE_OK,
            sqlite3_step(statement) == SQLITE_ROW
        else { return nil }
        return sqlite3_column_int64(statement, 0)
    }

    /// Takes the second snapshot (call once the main transaction has read something); `true`
    /// when the side connection now sees exactly what the main one sees.
    public func joinMainSnapshot() -> Bool {
        guard sqlite3_exec(handle, "COMMIT", nil, nil, nil) == SQLITE_OK, let version = Self.beginSnapshot(handle)
        else {
            return false
        }
        return version == firstVersion
    }
}
