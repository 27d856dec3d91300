import CSQLite
import Foundation

/// Runs an analyst's SQL against the cache on a separate read-only connection.
///
/// The connection is opened `SQLITE_OPEN_READONLY`, and an authorizer refuses every statement
/// that would write, `ATTACH`/`DETACH`, and the functions in ``refusedFunctions``, so
/// `deskstat query` can never change or escape the cache whatever the SQL says. A time limit,
/// checked by an SQLite progress handler, stops a query that would run for ever.
public struct ReadOnlyQuery: Sendable {
    /// The result of a query: column names and rows of SQLite values.
    public struct Result: Sendable, Equatable {
        public let columns: [String]
        public let rows: [[SQLValue]]
    }

    /// SQL functions refused whatever their arguments: `load_extension` runs native code, and
    /// `fts3_tokenizer` reveals (one argument) or replaces (two) a tokenizer's C function pointers.
    public static let refusedFunctions: Set<String> = ["load_extension", "fts3_tokenizer"]

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Runs one SQL statement and returns all its rows (at most `rowLimit`).
    ///
    /// - Parameter timeLimit: how long the statement may run; `nil` for no limit. A query still
    ///   running then is interrupted and ``QueryError/timedOut(_:)`` thrown.
    public func run(_ sql: String, rowLimit: Int = 1_000_000, timeLimit: Duration? = nil) throws(QueryError) -> Result {
        let db = try open()
        defer { sqlite3_close(db) }
        let statement = try prepare(sql, db: db)
        defer { sqlite3_finalize(statement) }
        guard let timeLimit else { return try collect(statement, db: db, rowLimit: rowLimit, deadline: nil) }
        let deadline = QueryDeadline(after: timeLimit)
        return try withExtendedLifetime(deadline) { () throws(QueryError) -> Result in
            sqlite3_progress_handler(db, QueryDeadline.checkInterval, deadlineProgressHandler, deadline.context)
            defer { sqlite3_progress_handler(db, 0, nil, nil) }
            return try collect(statement, db: db, rowLimit: rowLimit, deadline: deadline)
        }
    }

    /// A read-only connection to the cache with the authorizer installed.
    private func open() throws(QueryError) -> OpaquePointer {
        do {
            try CacheFile.check(path, mode: .readOnly)
        } catch {
            throw .cannotOpen(error.description)  // the same words as every other command
        }
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db = handle else {
            sqlite3_close(handle)
            throw .cannotOpen(CacheError.cannotOpen(path: path, reason: "SQLite cannot open it read-only").description)
        }
        sqlite3_busy_timeout(db, 5_000)
        sqlite3_set_authorizer(db, readOnlyAuthorizer, nil)
        return db
    }

    /// The one statement in `sql`, checked to be read-only; the caller finalizes it.
    private func prepare(_ sql: String, db: OpaquePointer) throws(QueryError) -> OpaquePointer {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let prepared = sql.withCString { sqlite3_prepare_v2(db, $0, -1, &statement, &tail) }
        guard prepared == SQLITE_OK else {
            sqlite3_finalize(statement)
            let message = String(cString: sqlite3_errmsg(db))
            if prepared == SQLITE_AUTH || message.contains("not authorized") { throw .refused(message) }
            throw .invalid(message)
        }
        // SQLite compiles empty text, a lone ';' or only comments to no statement at all.
        guard let statement else { throw .empty }
        if let tail, !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" }) {
            sqlite3_finalize(statement)
            throw .invalid("only one statement at a time; remove what follows the first ';'")
        }
        guard sqlite3_stmt_readonly(statement) != 0 else {
            sqlite3_finalize(statement)
            throw .refused("the statement would write")
        }
        return statement
    }

    private func collect(
        _ statement: OpaquePointer, db: OpaquePointer, rowLimit: Int, deadline: QueryDeadline?
    ) throws(QueryError) -> Result {
        let count = Int(sqlite3_column_count(statement))
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        var rows: [[SQLValue]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                if step == SQLITE_INTERRUPT, let deadline, deadline.expired { throw .timedOut(deadline.limit) }
                throw .invalid(String(cString: sqlite3_errmsg(db)))
            }
            guard rows.count < rowLimit else { throw .tooManyRows(rowLimit) }
            rows.append((0..<Int32(count)).map { SQLValue(statement, column: $0) })
        }
        return Result(columns: columns, rows: rows)
    }
}

/// When a running query must stop; handed to SQLite's progress handler as its context pointer.
private final class QueryDeadline {
    /// SQLite virtual-machine instructions between two looks at the clock.
    static let checkInterval: Int32 = 10_000

    let limit: Duration
    private let end: ContinuousClock.Instant

    init(after limit: Duration) {
        self.limit = limit
        end = ContinuousClock.now.advanced(by: limit)
    }

    var expired: Bool { ContinuousClock.now >= end }

    /// An unretained pointer to `self`; the caller keeps `self` alive while SQLite may use it.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Interrupts the running statement (a non-zero return) once its `QueryDeadline` has passed.
private let deadlineProgressHandler: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
    guard let context else { return 0 }
    return Unmanaged<QueryDeadline>.fromOpaque(context).takeUnretainedValue().expired ? 1 : 0
}

/// Refuses writes, ATTACH/DETACH and the refused functions; allows reading.
///
/// For `SQLITE_FUNCTION` SQLite passes the function's name as the second text argument (the
/// first is always NULL).
private let readOnlyAuthorizer:
    @convention(c) (
        UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<CChar>?
    ) -> Int32 = { _, action, _, second, _, _ in
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_FUNCTION:
            let name = second.map { String(cString: $0).lowercased() } ?? ""
            return ReadOnlyQuery.refusedFunctions.contains(name) ? SQLITE_DENY : SQLITE_OK
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
    /// The SQL holds no statement (empty, only `;` or only comments).
    case empty
    /// The statement ran past its time limit and was stopped.
    case timedOut(Duration)

    public var description: String {
        switch self {
        case .cannotOpen(let message): message
        case .refused(let message):
            "query refused: \(message); `deskstat query` only reads "
                + "(no writes, ATTACH, extensions or unsafe functions such as fts3_tokenizer)"
        case .invalid(let message): "query: SQL error: \(message)"
        case .tooManyRows(let limit): "query: more than \(limit) rows; add a LIMIT"
        case .empty:
            "query: the SQL is empty (or only comments); pass one statement, "
                + "e.g. deskstat query \"SELECT COUNT(*) FROM tickets\""
        case .timedOut(let limit):
            "query: stopped after \(Self.seconds(limit)) s, its time limit; narrow the query, "
                + "or raise the limit with --timeout SECONDS (0 for none)"
        }
    }

    /// `2` for whole seconds, `0.5` otherwise.
    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds != 0 else { return String(seconds) }
        return String(Double(seconds) + Double(attoseconds) / 1e18)
    }
}
