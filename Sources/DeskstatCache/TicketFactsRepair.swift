import CSQLite
import GRDB

/// Packs `ticket_facts` parts from the tables where they are NULL: after a batch whose values
/// could not fill a part (a ticket written without its metric set, a metric set that moved),
/// and for every ticket when schema v4 creates the table in an existing cache. So after any
/// write through `CacheWriter`, every part is exact, whatever order the records came in.
struct TicketFactsRepair {
    let db: Database
    private let connection: OpaquePointer
    private let check: OpaquePointer
    private let ticketRow: OpaquePointer
    private let metricRow: OpaquePointer
    private let setTicket: OpaquePointer
    private let setMetric: OpaquePointer

    private static let ticketSQL =
        "SELECT \(CacheTable.tickets.columns.joined(separator: ", ")) FROM tickets WHERE id = ?1"
    private static let metricSQL =
        "SELECT \(CacheTable.ticketMetrics.columns.joined(separator: ", ")) FROM ticket_metrics WHERE ticket_id = ?1"

    init(db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the connection is closed")
        }
        self.db = db
        self.connection = connection
        func prepare(_ sql: String) throws -> OpaquePointer {
            let statement = try db.cachedStatement(sql: sql).sqliteStatement
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            return statement
        }
        check = try prepare("SELECT ticket IS NULL, metric IS NULL FROM ticket_facts WHERE ticket_id = ?1")
        ticketRow = try prepare(Self.ticketSQL)
        metricRow = try prepare(Self.metricSQL)
        setTicket = try prepare("UPDATE ticket_facts SET ticket = ?2 WHERE ticket_id = ?1")
        setMetric = try prepare("UPDATE ticket_facts SET metric = ?2 WHERE ticket_id = ?1")
    }

    /// Packs every NULL part of every row (the v4 migration on an existing cache).
    func fillAll() throws {
        let ids = try Int64.fetchAll(
            db, sql: "SELECT ticket_id FROM ticket_facts WHERE ticket IS NULL OR metric IS NULL ORDER BY ticket_id")
        try repair(ids)
    }

    /// Packs the NULL parts of these tickets' rows.
    func repair(_ ticketIDs: some Sequence<Int64>) throws {
        var buffer: [UInt8] = []
        for id in ticketIDs {
            guard let (ticketMissing, metricMissing) = try missingParts(id) else { continue }
            if ticketMissing {
                buffer.removeAll(keepingCapacity: true)
                if try pack(ticketRow, id, into: &buffer, TicketFacts.appendTicket) == true {
                    try store(setTicket, id, buffer)
                }
            }
            if metricMissing {
                buffer.removeAll(keepingCapacity: true)
                switch try pack(metricRow, id, into: &buffer, TicketFacts.appendMetric) {
                case nil: try store(setMetric, id, [])  // no metric set: X''
                case true?: try store(setMetric, id, buffer)
                case false?: break  // cannot be packed exactly: stays NULL, readers use the tables
                }
            }
        }
    }

    /// Which parts of a row are NULL; `nil` when the ticket has no row.
    private func missingParts(_ id: Int64) throws -> (Bool, Bool)? {
        defer { sqlite3_reset(check) }
        sqlite3_bind_int64(check, 1, id)
        guard try step(check) else { return nil }
        return (sqlite3_column_int64(check, 0) != 0, sqlite3_column_int64(check, 1) != 0)
    }

    /// Packs the row `statement` finds for `id`: `nil` when there is none, else whether it packed.
    private func pack(
        _ statement: OpaquePointer, _ id: Int64, into buffer: inout [UInt8],
        _ append: ((Int) -> TicketFacts.Field, inout [UInt8]) -> Bool
    ) throws -> Bool? {
        defer { sqlite3_reset(statement) }
        sqlite3_bind_int64(statement, 1, id)
        guard try step(statement) else { return nil }
        return append({ Self.field(statement, Int32($0)) }, &buffer)
    }

    /// One column of the current row as the facts encoder sees it.
    private static func field(_ statement: OpaquePointer, _ column: Int32) -> TicketFacts.Field {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let text = sqlite3_column_text(statement, column) else { return .bytes([]) }
            return .text(UnsafeRawBufferPointer(start: text, count: count))
        default: return .other
        }
    }

    private func store(_ statement: OpaquePointer, _ id: Int64, _ bytes: [UInt8]) throws {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        sqlite3_bind_int64(statement, 1, id)
        try bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress, !buffer.isEmpty {
                sqlite3_bind_blob(statement, 2, base, Int32(buffer.count), nil)  // static: used before return
            } else {
                sqlite3_bind_zeroblob(statement, 2, 0)
            }
            _ = try step(statement)
        }
    }

    /// Steps a statement: `true` for a row, `false` when done.
    private func step(_ statement: OpaquePointer) throws -> Bool {
        try stepStatement(statement, on: connection)
    }
}
