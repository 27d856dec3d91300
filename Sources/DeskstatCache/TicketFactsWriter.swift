import CSQLite
import GRDB

/// Facts to write for the tickets and metric sets of one batch, one `ticket_facts` row per
/// ticket, written together when the batch is done.
final class FactsBuffer {
    private var arena: [UInt8] = []
    /// Per ticket id: its ticket and metric parts (byte ranges of `arena`), when written here.
    private var entries: [Int64: (ticket: Range<Int>?, metric: Range<Int>?, metricWritten: Bool)] = [:]
    private var order: [Int64] = []
    /// Which ticket each buffered metric part belongs to, by metric id.
    private var metricOwners: [Int64: Int64] = [:]

    var isEmpty: Bool { order.isEmpty }

    private func entry(_ ticketID: Int64) {
        if entries[ticketID] == nil {
            entries[ticketID] = (nil, nil, false)
            order.append(ticketID)
        }
    }

    /// A ticket was written: pack its part (or leave it unknown when it cannot be packed).
    func ticket(_ ticketID: Int64, _ value: (Int) -> TicketFacts.Field) {
        entry(ticketID)
        let start = arena.count
        entries[ticketID]?.ticket = TicketFacts.appendTicket(value, to: &arena) ? start..<arena.count : nil
    }

    /// A metric set was written.
    func metric(id metricID: Int64, ticketID: Int64, _ value: (Int) -> TicketFacts.Field) {
        // A metric set that moved to another ticket in this batch leaves its old part unknown
        // (the trigger has voided it in the table; the buffer must not write it back).
        if let owner = metricOwners[metricID], owner != ticketID {
            entries[owner]?.metric = nil
            entries[owner]?.metricWritten = true  // written as NULL: leave the voided part
        }
        metricOwners[metricID] = ticketID
        entry(ticketID)
        let start = arena.count
        entries[ticketID]?.metric = TicketFacts.appendMetric(value, to: &arena) ? start..<arena.count : nil
        entries[ticketID]?.metricWritten = true
    }

    /// Packs a ticket or metric-set row given as a `CacheRow`.
    func add(_ row: CacheRow) {
        func field(_ column: Int) -> TicketFacts.Field {
            switch row.values[column].storage {
            case .null: .null
            case .int64(let number): .integer(number)
            case .double(let number): .real(number)
            case .string(let text): .bytes(Array(text.utf8))
            case .blob: .other
            }
        }
        switch row.table {
        case .tickets:
            guard case .int64(let id) = row.key.storage else { return }
            ticket(id, field)
        case .ticketMetrics:
            guard case .int64(let id) = row.key.storage,
                case .int64(let ticketID) = row.values[TicketFacts.metricColumns.ticketID].storage
            else { return }
            metric(id: id, ticketID: ticketID, field)
        default:
            return
        }
    }

    /// Writes every buffered row and empties the buffer.
    func flush(_ statements: FactsStatements) throws {
        guard !order.isEmpty else { return }
        try arena.withUnsafeBufferPointer { arena in
            defer { for statement in statements.inserts { sqlite3_clear_bindings(statement) } }
            var index = 0
            for (size, statement) in zip(FactsStatements.chunkSizes, statements.inserts) {
                while order.count - index >= size {
                    for offset in 0..<size {
                        let ticketID = order[index + offset]
                        let parts = entries[ticketID] ?? (nil, nil, false)  // every id in `order` has an entry
                        let base = Int32(3 * offset)
                        sqlite3_bind_int64(statement, base + 1, ticketID)
                        bind(parts.ticket, arena, statement, base + 2)
                        if parts.metricWritten {
                            bind(parts.metric, arena, statement, base + 3)
                        } else {
                            // A new row starts with "no metric set" (X''); an existing row keeps its part.
                            sqlite3_bind_zeroblob(statement, base + 3, 0)
                        }
                    }
                    try statements.step(statement)
                    index += size
                }
            }
        }
        // Parts the batch's own values could not fill (a ticket without its metric set in the
        // batch, a metric set that moved away): pack them from the tables.
        try statements.repair.repair(
            order.lazy.filter { id in
                guard let parts = self.entries[id] else { return false }
                return parts.ticket == nil || !parts.metricWritten || parts.metric == nil
            })
        arena.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        metricOwners.removeAll(keepingCapacity: true)
    }

    private func bind(
        _ range: Range<Int>?, _ arena: UnsafeBufferPointer<UInt8>, _ statement: OpaquePointer, _ index: Int32
    ) {
        guard let range, let base = arena.baseAddress else {
            sqlite3_bind_null(statement, index)
            return
        }
        sqlite3_bind_blob(statement, index, base + range.lowerBound, Int32(range.count), nil)
    }
}

/// The statements that write `ticket_facts` rows (several rows per statement).
struct FactsStatements {
    static let chunkSizes = [64, 16, 4, 1]
    let connection: OpaquePointer
    let inserts: [OpaquePointer]
    let repair: TicketFactsRepair

    init(db: Database) throws {
        repair = try TicketFactsRepair(db: db)
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed")
        }
        self.connection = connection
        inserts = try Self.chunkSizes.map { size in
            try db.cachedStatement(
                sql: "INSERT INTO ticket_facts (ticket_id, ticket, metric) VALUES "
                    + Array(repeating: "(?, ?, ?)", count: size).joined(separator: ", ")
                    + " ON CONFLICT(ticket_id) DO UPDATE SET ticket = coalesce(excluded.ticket, ticket),"
                    + " metric = CASE WHEN excluded.metric = X'' THEN metric ELSE coalesce(excluded.metric, metric) END"
            ).sqliteStatement
        }
        for statement in inserts { sqlite3_reset(statement) }
    }

    func step(_ statement: OpaquePointer) throws {
        try runStatement(statement, on: connection)
    }
}
