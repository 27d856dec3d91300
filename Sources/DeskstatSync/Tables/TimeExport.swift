import DeskstatCache
import Foundation
import ZendeskWire

/// The time-based incremental exports: organizations and ticket metric events.
///
/// Each page asks from `start_time`; the next page starts at the page's `end_time` (inclusive,
/// so boundary records repeat and the upsert absorbs them). The stored bookmark is the last
/// committed `end_time`.
struct TimeExport {
    let context: SyncContext
    let stateTable: String
    let path: String

    static func organizations(_ context: SyncContext) -> TimeExport {
        TimeExport(context: context, stateTable: "organizations", path: "incremental/organizations.json")
    }

    static func ticketMetricEvents(_ context: SyncContext) -> TimeExport {
        TimeExport(context: context, stateTable: "ticket_metric_events", path: "incremental/ticket_metric_events.json")
    }

    func run() async throws(SyncError) -> TableTally {
        var state = try context.state(stateTable)
        var start = state.startTime ?? context.plan.startTime
        var pageSize = context.plan.exportPageSize
        var tally = TableTally()
        var stalled = 0
        while true {
            try context.checkStop()
            let url = context.client.url(path, [("start_time", String(start)), ("per_page", String(pageSize))])
            let envelope: Envelope
            do {
                envelope = try await context.client.envelope(url, .incremental)
            } catch .gatewayTimeout(let failed) {
                guard pageSize > 10 else {
                    throw .gaveUp(url: failed, lastProblem: "504 even at \(pageSize) records per page")
                }
                pageSize /= 2
                continue
            }
            let rows = try PageWriter.rows(of: envelope)
            let endTime = Self.integer(envelope.pagination["end_time"]) ?? start
            state.startTime = max(endTime, start)
            let page = try context.writer.commit(rows, stateTable: stateTable, state: state)
            tally.add(page.counts)
            context.events(.page(table: stateTable, records: rows.count, total: tally.records))
            if case .bool(true)? = envelope.pagination["end_of_stream"] { return tally }
            if envelope.paginationText("next_page") == nil && envelope.pagination["end_of_stream"] == nil {
                return tally
            }
            stalled = endTime <= start ? stalled + 1 : 0
            if stalled >= 3 {
                context.events(.warning("\(stateTable): end_time does not advance past \(start); stopping here"))
                return tally
            }
            start = max(endTime, start)
        }
    }

    static func integer(_ value: JSONValue?) -> Int64? {
        switch value {
        case .integer(let number)?: number
        case .double(let number)?: Int64(number)
        case .string(let text)?: Int64(text)
        default: nil
        }
    }
}
