import DeskstatCache
import ZendeskWire

/// Audits (and the comments inside them) for the tickets the ticket export found changed.
///
/// The queue lives in the cache (`deskstat_sync_queue`), filled with each ticket page and
/// drained ticket by ticket in the same transaction as the ticket's audits, so an interrupted
/// sync fetches exactly the tickets still due. A ticket deleted meanwhile answers 404 and is
/// dropped from the queue. Requests run a few at a time, within the standard rate budget.
struct ChildrenSync {
    let context: SyncContext

    func run() async throws(SyncError) -> TableTally {
        let queued: [Int64]
        do {
            if try context.cache.syncState(table: "ticket_audits") == nil {
                // Audits were never synced: backfill every cached ticket, not only this run's changes.
                try context.cache.write { writer in try writer.enqueueAllLiveTickets() }
            }
            queued = try context.cache.queuedChildren()
        } catch {
            throw .cache(String(describing: error))
        }
        var tally = TableTally()
        let width = max(1, context.plan.auditConcurrency)
        var index = 0
        while index < queued.count {
            try context.checkStop()
            let batch = Array(queued[index..<min(index + width, queued.count)])
            index += batch.count
            let results = await withTaskGroup(of: Result<[CacheTable: TableCountsSnapshot], SyncError>.self) { group in
                for ticketID in batch {
                    group.addTask { await fetch(ticketID) }
                }
                var collected: [Result<[CacheTable: TableCountsSnapshot], SyncError>] = []
                for await result in group { collected.append(result) }
                return collected
            }
            for result in results {
                switch result {
                case .success(let counts): tally.add(counts)
                case .failure(let error): throw error
                }
            }
            context.events(.page(table: "ticket_audits", records: batch.count, total: index))
        }
        let state = try context.state("ticket_audits")
        _ = try context.writer.commit([], stateTable: "ticket_audits", state: state)
        return tally
    }

    /// Fetches one ticket's audits (all pages) and commits them with the dequeue.
    func fetch(_ ticketID: Int64) async -> Result<[CacheTable: TableCountsSnapshot], SyncError> {
        let wantsAudits = context.plan.tables.contains(.ticketAudits)
        let path = wantsAudits ? "tickets/\(ticketID)/audits.json" : "tickets/\(ticketID)/comments.json"
        var rows: [CacheRow] = []
        do {
            try await CursorList(context: context).walk(path, query: []) { envelope, _ throws(SyncError) in
                rows += try PageWriter.rows(of: envelope, ticketIDHint: ticketID)
            }
        } catch .notFound {
            rows = []
        } catch {
            return .failure(error)
        }
        if !context.plan.tables.contains(.ticketComments) { rows = rows.filter { $0.table != .ticketComments } }
        do {
            return .success(
                try context.writer.commit(rows, stateTable: "ticket_audits", state: nil, dequeue: ticketID).counts)
        } catch {
            return .failure(error)
        }
    }
}
