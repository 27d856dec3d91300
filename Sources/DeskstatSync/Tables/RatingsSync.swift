import DeskstatCache
import ZendeskWire

/// Satisfaction ratings: a cursor list filtered by `start_time`, re-read with a look-back
/// because a rating changes (offered → good/bad) after it is created.
struct RatingsSync {
    let context: SyncContext

    func run() async throws(SyncError) -> TableTally {
        var state = try context.state("satisfaction_ratings")
        let start = state.startTime ?? context.plan.startTime
        var newest = state.newestSeen ?? start
        var tally = TableTally()
        var query: [(String, String)] = [("start_time", String(start))]
        if let after = state.after { query.append(("page[after]", after)) }
        try await CursorList(context: context).walk("satisfaction_ratings.json", query: query) {
            envelope, after throws(SyncError) in
            let rows = try PageWriter.rows(of: envelope)
            for section in envelope.sections where section.table == .satisfactionRatings {
                for record in section.records {
                    if case .string(let text)? = record.members["updated_at"], let epoch = Timestamp.parse(text) {
                        newest = max(newest, epoch)
                    }
                }
            }
            state.startTime = start
            state.after = after
            state.newestSeen = newest
            let page = try context.writer.commit(rows, stateTable: "satisfaction_ratings", state: state)
            tally.add(page.counts)
            context.events(.page(table: "satisfaction_ratings", records: rows.count, total: tally.records))
        }
        state = SyncState(
            startTime: max(context.plan.startTime, newest - context.plan.ratingsLookback), newestSeen: newest)
        _ = try context.writer.commit([], stateTable: "satisfaction_ratings", state: state)
        return tally
    }
}
