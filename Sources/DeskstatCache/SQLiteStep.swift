import CSQLite
import GRDB

/// Steps a raw prepared statement once (for the loops that read or write hundreds of thousands
/// of rows through the C API): `true` when it produced a row, `false` when it is done.
/// A failure throws a `DatabaseError` carrying SQLite's message and the statement's SQL.
func stepStatement(_ statement: OpaquePointer, on connection: OpaquePointer) throws -> Bool {
    let code = sqlite3_step(statement)
    if code == SQLITE_ROW { return true }
    if code == SQLITE_DONE { return false }
    throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
        sql: String(cString: sqlite3_sql(statement)))
}

/// Runs a raw prepared statement that returns no rows, then resets it.
func runStatement(_ statement: OpaquePointer, on connection: OpaquePointer) throws {
    defer { sqlite3_reset(statement) }
    _ = try stepStatement(statement, on: connection)
}

/// Prepares `sql` on a raw connection; the caller finalizes the statement.
func prepareStatement(_ sql: String, on connection: OpaquePointer) throws -> OpaquePointer {
    var handle: OpaquePointer?
    guard sqlite3_prepare_v2(connection, sql, -1, &handle, nil) == SQLITE_OK, let statement = handle else {
        throw DatabaseError(resultCode: .SQLITE_ERROR, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
    return statement
}

/// SQLite's `SQLITE_TRANSIENT`: a bind copies the bytes before returning.
var sqliteTransient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
