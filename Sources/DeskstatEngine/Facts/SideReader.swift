import CSQLite
import DeskstatCache
import Foundation

/// A second read-only connection that scans metric sets and ratings while the main connection
/// scans tickets, so a full-history load uses both cores.
///
/// Both connections must see the same state of the cache. The side connection takes a read
/// snapshot *before* the main connection starts its transaction and another one *after*; if its
/// `PRAGMA data_version` is the same in both, nothing was committed in between, so all three
/// snapshots are the same state. Otherwise it is not used and the main connection reads
/// everything itself.
final class SideReader: @unchecked Sendable {
    private let handle: OpaquePointer
    private let firstVersion: Int64

    /// Opens the connection and takes the first snapshot (call before the main transaction starts).
    init?(path: String) {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle
        else {
            sqlite3_close_v2(handle)
            return nil
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, 5_000)
        guard let version = Self.beginSnapshot(handle) else {
            sqlite3_close_v2(handle)
            return nil
        }
        firstVersion = version
    }

    deinit {
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        sqlite3_close_v2(handle)
    }

    private static func beginSnapshot(_ handle: OpaquePointer) -> Int64? {
        guard sqlite3_exec(handle, "BEGIN", nil, nil, nil) == SQLITE_OK else { return nil }
        var version: Int64?
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
        version = sqlite3_column_int64(statement, 0)
        return version
    }

    /// Takes the second snapshot (call once the main transaction has read something); `true`
    /// when the side connection now sees exactly what the main one sees.
    func joinMainSnapshot() -> Bool {
        guard sqlite3_exec(handle, "COMMIT", nil, nil, nil) == SQLITE_OK, let version = Self.beginSnapshot(handle)
        else {
            return false
        }
        return version == firstVersion
    }

    /// What the side connection read.
    struct Scan: Sendable {
        /// The tickets of the id range.
        var part: TicketStore
        /// The ratings of the window.
        var ratings: [RatingFact]
    }

    /// Reads, on another thread, the `ticket_facts` rows with ids in `ids` (see
    /// `FactReader.readFacts`) and the ratings updated in `ratings`.
    func scan(ids: (Int64, Int64), until: Int64, ratings window: (since: Int64, until: Int64))
        -> Pending<Result<Scan, any Error>>
    {
        Pending.start { [self] in
            Result {
                let part = try FactReader.readFacts(connection: handle, ranges: [ids], wanted: nil, until: until)
                let ratings = try FactReader.loadRatings(
                    connection: handle, since: window.since, until: window.until)
                return Scan(part: part, ratings: ratings)
            }
        }
    }
}
