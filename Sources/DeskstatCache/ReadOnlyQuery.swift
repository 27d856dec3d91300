import CSQLite
import Foundation

/// Runs an analyst's SQL against the cache on a separate read-only connection.
///
/// The connection is opened `SQLITE_OPEN_READONLY`, and an authorizer refuses every statement
/// that would write, `ATTACH`/`DETACH`, and the `load_extension` function, so `deskstat query`
/// can never change or escape the cache whatever the SQL says.
public struct ReadOnlyQuery: Sendable {
    /// The result of a query: column names and rows of SQLite values.
    public struct Result: Sendable, Equatable {
        public let columns: [String]
        public let rows: [[SQLValue]]
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Runs one SQL statement and returns all its rows (at most `rowLimit`).
    public func run(_ sql: String, rowLimit: Int = 1_000_000) throws(QueryError) -> Result {
        guard FileManager.default.fileExists(atPath: path) else { throw .cannotOpen("no cache at \(path)") }
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db = handle else {
            sqlite3_close(handle)
            throw .cannotOpen("cannot open \(path) read-only")
        }
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, 5_000)
        sqlite3_set_authorizer(db, readOnlyAuthorizer, nil)
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let prepared = sql.withCString { sqlite3_prepare_v2(db, $0, -1, &statement, &tail) }
        defer { sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK, let statement else {
            let message = String(cString: sqlite3_errmsg(db))
            if prepared == SQLITE_AUTH || message.contains("not authorized") { throw .refused(message) }
            throw .invalid(message)
        }
        if let tail, !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" }) {
            throw .invalid("only one statement at a time; remove what follows the first ';'")
        }
        guard sqlite3_stmt_readonly(statement) != 0 else { throw .refused("the statement would write") }
        return try collect(statement, db: db, rowLimit: rowLimit)
    }

    private func collect(_ statement: OpaquePointer, db: OpaquePointer, rowLimit: Int) throws(QueryError) -> Result {
        let count = Int(sqlite3_column_count(statement))
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        var rows: [[SQLValue]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw .invalid(String(cString: sqlite3_errmsg(db))) }
            guard rows.count < rowLimit else { throw .tooManyRows(rowLimit) }
            rows.append((0..<Int32(count)).map { SQLValue(statement, column: $0) })
        }
        return Result(columns: columns, rows: rows)
    }
}

/// Refuses writes, ATTACH/DETACH and extension loading; allows reading.
private let readOnlyAuthorizer: @convention(c) (
    UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
    UnsafePointer<CChar>?
) -> Int32 = { _, action, first, _, _, _ in
    switch action {
    case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
        return SQLITE_OK
    case SQLITE_FUNCTION:
        let name = first.map { String(cString: $0).lowercased() } ?? ""
        return name == "load_extension" ? SQLITE_DENY : SQLITE_OK
    case SQLITE_PRAGMA:
        // Reading pragmas (table_info, …) is fine; setting one is not.
        return SQLITE_OK
    default:
        return SQLITE_DENY
    }
}

/// One SQLite value.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Int)

    init(_ statement: OpaquePointer, column: Int32) {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: self = .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: self = .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            self = sqlite3_column_text(statement, column).map { .text(String(cString: $0)) } ?? .null
        case SQLITE_BLOB: self = .blob(Int(sqlite3_column_bytes(statement, column)))
        default: self = .null
        }
    }
}

/// Why a `query` was not run.
public enum QueryError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(String)
    case refused(String)
    case invalid(String)
    case tooManyRows(Int)

    public var description: String {
        switch self {
        case .cannotOpen(let message): "query: \(message)"
        case .refused(let message): "query refused: \(message); `deskstat query` only reads (no writes, ATTACH or extensions)"
        case .invalid(let message): "query: SQL error: \(message)"
        case .tooManyRows(let limit): "query: more than \(limit) rows; add a LIMIT"
        }
    }
}
