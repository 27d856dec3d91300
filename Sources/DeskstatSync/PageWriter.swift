import DeskstatCache
import DeskstatImport
import ZendeskWire

/// Commits one page: its rows, the queue of tickets whose children are due, and the table's
/// new bookmark — all in one transaction, so a sync killed at any point resumes cleanly.
struct PageWriter: Sendable {
    let cache: Cache
    let clock: any SyncClock

    /// Maps every record section of `envelope` to rows.
    static func rows(of envelope: Envelope, ticketIDHint: Int64? = nil) throws(SyncError) -> [CacheRow] {
        var rows: [CacheRow] = []
        do {
            for section in envelope.sections {
                for record in section.records {
                    rows += try RecordMapper.rows(
                        for: record, table: section.table, ticketIDHint: ticketIDHint ?? envelope.ticketIDFromURLs)
                }
            }
        } catch {
            throw .malformedBody(url: "page", problem: error.description)
        }
        return rows
    }

    /// Writes rows (and optionally removes listed tables' vanished rows), enqueues children,
    /// saves the state; returns the upsert outcomes by table.
    func commit(
        _ rows: [CacheRow], stateTable: String, state: SyncState?, enqueue: [Int64] = [], dequeue: Int64? = nil,
        replaceAll: (table: CacheTable, keys: Set<String>)? = nil
    ) throws(SyncError) -> (counts: [CacheTable: TableCountsSnapshot], removed: Int) {
        var counts: [CacheTable: TableCountsSnapshot] = [:]
        var removed = 0
        do {
            try cache.write { writer in
                for row in rows { counts[row.table, default: TableCountsSnapshot()].add(try writer.upsert(row)) }
                if let replaceAll { removed = try writer.deleteRows(of: replaceAll.table, notIn: replaceAll.keys) }
                if !enqueue.isEmpty { try writer.enqueueChildren(ticketIDs: enqueue) }
                if let dequeue { try writer.dequeueChildren(ticketID: dequeue) }
                if let state {
                    try writer.saveSyncState(table: stateTable, state: state.encoded, at: clock.epochSeconds())
                }
            }
        } catch {
            throw .cache(String(describing: error))
        }
        return (counts, removed)
    }
}
