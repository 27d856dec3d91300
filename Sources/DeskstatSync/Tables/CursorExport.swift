import DeskstatCache
import Foundation
import ZendeskWire

/// The cursor-based incremental exports: tickets (with `include=metric_sets`, so metrics arrive
/// in the same requests) and users.
///
/// The first run starts at the plan's start time; later runs resume from the stored cursor. A
/// final page whose `after_cursor` is null keeps the previous cursor. A 504 halves the page size.
struct CursorExport {
    let context: SyncContext
    let stateTable: String
    let path: String
    let include: String?
    let enqueueChildren: Bool

    static func tickets(_ context: SyncContext) -> CursorExport {
        CursorExport(
            context: context, stateTable: "tickets", path: "incremental/tickets/cursor.json", include: "metric_sets",
            enqueueChildren: context.plan.needsChildren)
    }

    static func users(_ context: SyncContext) -> CursorExport {
        CursorExport(
            context: context, stateTable: "users", path: "incremental/users/cursor.json", include: nil,
            enqueueChildren: false)
    }

    func run() async throws(SyncError) -> TableTally {
        var state = try context.state(stateTable)
        var pageSize = context.plan.exportPageSize
        var tally = TableTally()
        var emptyPagesInARow = 0
        while true {
            try context.checkStop()
            let envelope: Envelope
            do {
                envelope = try await context.client.envelope(url(state: state, pageSize: pageSize), .incremental)
            } catch .gatewayTimeout(let url) {
                guard pageSize > 10 else {
                    throw .gaveUp(url: url, lastProblem: "504 even at \(pageSize) records per page")
                }
                pageSize /= 2
                context.events(.warning("\(stateTable): Zendesk timed out (504); retrying with \(pageSize) per page"))
                continue
            }
            let rows = try PageWriter.rows(of: envelope)
            let nextCursor = envelope.paginationText("after_cursor")
            var newState = state
            if let nextCursor { newState.cursor = nextCursor }
            let changed = enqueueChildren ? Self.liveTicketIDs(rows) : []
            let page = try context.writer.commit(rows, stateTable: stateTable, state: newState, enqueue: changed)
            tally.add(page.counts)
            state = newState
            context.events(.page(table: stateTable, records: rows.count, total: tally.records))
            emptyPagesInARow = rows.isEmpty ? emptyPagesInARow + 1 : 0
            if case .bool(true)? = envelope.pagination["end_of_stream"] { return tally }
            guard nextCursor != nil else {
                context.events(.warning("\(stateTable): a page without after_cursor and end_of_stream; stopping here"))
                return tally
            }
            if emptyPagesInARow >= 100 {
                context.events(
                    .warning("\(stateTable): 100 empty pages in a row; stopping here, the next sync resumes"))
                return tally
            }
        }
    }

    func url(state: SyncState, pageSize: Int) -> URL {
        var query: [(String, String)] = []
        if let cursor = state.cursor {
            query.append(("cursor", cursor))
        } else {
            query.append(("start_time", String(context.plan.startTime)))
        }
        query.append(("per_page", String(pageSize)))
        if let include { query.append(("include", include)) }
        return context.client.url(path, query)
    }

    /// Tickets in a page that are not deleted (deleted tickets' children answer 404).
    static func liveTicketIDs(_ rows: [CacheRow]) -> [Int64] {
        rows.compactMap { row in row.isDeletedTicket ? nil : row.ticketID }
    }
}
