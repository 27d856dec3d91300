import DeskstatCache
import Foundation
import ZendeskWire

/// What every table's sync needs: the cache, the client, the plan, the page writer, and a way
/// to hear that the user asked to stop (checked between pages, so a page is never half-written).
struct SyncContext: Sendable {
    let cache: Cache
    let client: ZendeskClient
    let plan: SyncPlan
    let writer: PageWriter
    let events: @Sendable (SyncEvent) -> Void
    let stopRequested: @Sendable () -> Bool

    func checkStop() throws(SyncError) {
        if stopRequested() || Task.isCancelled { throw .interrupted }
    }

    func state(_ table: String) throws(SyncError) -> SyncState {
        do {
            return SyncState.decode(try cache.syncState(table: table))
        } catch {
            throw .cache(String(describing: error))
        }
    }
}

/// Counts accumulated over a table's pages.
struct TableTally {
    var counts: [CacheTable: TableCountsSnapshot] = [:]
    var records = 0

    mutating func add(_ page: [CacheTable: TableCountsSnapshot], removed: Int = 0, removedFrom table: CacheTable? = nil)
    {
        for (table, snapshot) in page {
            var total = counts[table, default: TableCountsSnapshot()]
            total.inserted += snapshot.inserted
            total.updated += snapshot.updated
            total.unchanged += snapshot.unchanged
            total.skipped += snapshot.skipped
            counts[table] = total
            records += snapshot.total
        }
        if let table, removed > 0 { counts[table, default: TableCountsSnapshot()].removed += removed }
    }
}
