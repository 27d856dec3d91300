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
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
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
        guard sqlite3_exec(handle, "COMMIT", nil, nil, nil) == SQLITE_OK, let version = Self.beginSnapshot(handle) else {
            return false
        }
        return version == firstVersion
    }

    /// What the side connection read.
    struct Scan: Sendable {
        var metrics: MetricRows
        /// `nil` when a rating could not be read exactly from its packed form (the main connection reads them).
        var ratings: [RatingFact]?
    }

    /// Scans every metric set and the ratings updated in [since, until) on another thread.
    func scan(since: Int64, until: Int64) -> Pending<Result<Scan, any Error>> {
        let pending = Pending<Result<Scan, any Error>>()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            pending.fulfill(Result { try self.read(since: since, until: until) })
        }
        return pending
    }

    private func read(since: Int64, until: Int64) throws -> Scan {
        var metrics = MetricRows()
        var span: Int64 = 0
        try each("SELECT max(ticket_id) - min(ticket_id) + 1 FROM ticket_metrics INDEXED BY \(FactIndex.metricsName)", []) {
            span = sqlite3_column_int64($0, 0)
        }
        metrics.reserve(Int(min(max(span, 0), 50_000_000)))
        try each("SELECT ticket_id, \(FactIndex.metricsExpression) FROM ticket_metrics INDEXED BY \(FactIndex.metricsName) WHERE ticket_id IS NOT NULL", []) {
            metrics.append($0)
        }
        var ratings: [RatingFact]? = []
        let sql = """
            SELECT updated_at, \(FactIndex.ratingsExpression) FROM satisfaction_ratings INDEXED BY \(FactIndex.ratingsName)
            WHERE updated_at >= ?1 AND updated_at < ?2
            """
        try each(sql, [since, until]) { statement in
            guard ratings != nil else { return }
            if let rating = RatingFact(packed: statement) { ratings?.append(rating) } else { ratings = nil }
        }
        ratings?.sort { $0.id < $1.id }
        return Scan(metrics: metrics, ratings: ratings)
    }

    private func each(_ sql: String, _ arguments: [Int64], _ row: (OpaquePointer) throws -> Void) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw EngineError.cache("SQLite error: \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw EngineError.cache("SQLite error: \(String(cString: sqlite3_errmsg(handle)))") }
            try row(statement)
        }
    }
}

/// Metric sets read from their packed index, in ticket id order.
struct MetricRows: Sendable {
    var ticketIDs: [Int64] = []
    /// `TicketRecord.present` bits for reopens, replies, solved_at, the metric set and durations.
    var present: [UInt32] = []
    var reopens: [Int64] = []
    var replies: [Int64] = []
    var solvedAt: [Int64] = []
    /// `DurationSlot.count` per row.
    var durations: [Double] = []
    /// Ticket ids whose packed row was not exact (read from the tables by the main connection).
    var inexact: [Int64] = []

    mutating func reserve(_ count: Int) {
        ticketIDs.reserveCapacity(count)
        present.reserveCapacity(count)
        reopens.reserveCapacity(count)
        replies.reserveCapacity(count)
        solvedAt.reserveCapacity(count)
        durations.reserveCapacity(count * DurationSlot.count)
    }

    mutating func append(_ statement: OpaquePointer) {
        let ticketID = sqlite3_column_int64(statement, 0)
        var packed = PackedValues(statement, column: 1)
        var bits = TicketRecord.metricsBit
        let reopens = packed.integer(), replies = packed.integer(), solvedAt = packed.integer()
        if reopens != nil { bits |= TicketRecord.reopensBit }
        if replies != nil { bits |= TicketRecord.repliesBit }
        if solvedAt != nil { bits |= TicketRecord.solvedBit }
        var values: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &values) { raw in
            let doubles = raw.bindMemory(to: Double.self)
            for slot in 0..<DurationSlot.count {
                if let value = packed.integer() {
                    doubles[slot] = Double(value)
                    bits |= 1 << UInt32(TicketRecord.firstDurationBit + slot)
                }
            }
        }
        guard packed.finish() else {
            inexact.append(ticketID)
            return
        }
        ticketIDs.append(ticketID)
        present.append(bits)
        self.reopens.append(reopens ?? 0)
        self.replies.append(replies ?? 0)
        self.solvedAt.append(solvedAt ?? 0)
        withUnsafeBytes(of: values) { durations.append(contentsOf: $0.bindMemory(to: Double.self)) }
    }
}

extension RatingFact {
    /// A rating from `updated_at, json_array(id, ticket_id, group_id, assignee_id, score)`; `nil` when not exact.
    init?(packed statement: OpaquePointer) {
        var packed = PackedValues(statement, column: 1)
        let id = packed.integer()
        let ticketID = packed.integer(), groupID = packed.integer(), assigneeID = packed.integer()
        let score = packed.string()
        guard packed.finish(), let id else { return nil }
        self.init(
            id: id, ticketID: ticketID, groupID: groupID, assigneeID: assigneeID, score: score,
            updatedAt: sqlite3_column_int64(statement, 0))
    }
}

/// A value computed on another thread, waited for once.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func fulfill(_ value: Value) {
        condition.lock()
        self.value = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
