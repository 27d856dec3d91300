import DeskstatCache
import Foundation
import ZendeskWire

/// The time-based incremental exports: organizations, ticket metric events and ticket events.
///
/// Each page asks from `start_time`; the next page starts at the page's `end_time` (inclusive,
/// so boundary records repeat and the upsert absorbs them). The stored bookmark is the last
/// committed `end_time`. A page never splits a second (Zendesk returns more than `per_page`
/// records rather than split one), so a page whose `end_time` is its `start_time` holds that
/// whole second and the next page starts one second later. A 504 halves `per_page` and retries.
struct TimeExport {
    let context: SyncContext
    let stateTable: String
    let path: String
    var query: [(String, String)] = []
    /// Rows kept from each page (all by default).
    var keep: @Sendable (CacheRow) -> Bool = { _ in true }

    static func organizations(_ context: SyncContext) -> TimeExport {
        TimeExport(context: context, stateTable: "organizations", path: "incremental/organizations.json")
    }

    static func ticketMetricEvents(_ context: SyncContext) -> TimeExport {
        TimeExport(context: context, stateTable: "ticket_metric_events", path: "incremental/ticket_metric_events.json")
    }

    /// `/incremental/ticket_events.json`, with comment events when comments are chosen; every
    /// update lands in `ticket_audits`, its comments in `ticket_comments`.
    static func ticketEvents(_ context: SyncContext) -> TimeExport {
        let comments = context.plan.tables.contains(.ticketComments)
        return TimeExport(
            context: context, stateTable: "ticket_events", path: "incremental/ticket_events.json",
            query: comments ? [("include", "comment_events")] : [],
            keep: { comments || $0.table != .ticketComments })
    }

    func run() async throws(SyncError) -> TableTally {
        var state = try context.state(stateTable)
        var start = state.startTime ?? context.plan.startTime
        var pageSize = context.plan.exportPageSize
        var tally = TableTally()
        var stalled = 0
        while true {
            try context.checkStop()
            let url = context.client.url(
                path, [("start_time", String(start)), ("per_page", String(pageSize))] + query)
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
            let rows = try PageWriter.rows(of: envelope).filter(keep)
            let records = envelope.sections.reduce(0) { $0 + $1.records.count }
            var endTime = Self.integer(envelope.pagination["end_time"]) ?? start
            // A full page all in one second: that second is done, move past it.
            if endTime <= start && records > 0 { endTime = start + 1 }
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
