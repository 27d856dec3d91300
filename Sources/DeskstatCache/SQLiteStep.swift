import CSQLite
import GRDB

/// Steps a raw prepared statement once: `true` when it produced a row, `false` when it is done.
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
