public import DeskstatTime
import GRDB

/// What the cache tells about its own completeness for a window: the inputs of the
/// data-completeness warnings (`DataCompleteness`). Read with a few indexed queries.
public struct CacheCompleteness: Sendable, Equatable {
    /// Tables reports read that were never synced or imported, in name order.
    public var neverLoaded: [String] = []
    /// The last time tickets were synced or imported (epoch seconds), if ever.
    public var ticketsRefreshedAt: Int64?
    /// SLA policies in the cache.
    public var slaPolicies = 0
    /// Solved or closed tickets created in the window without a metric set.
    public var solvedWithoutMetrics = 0
    /// Tickets created in the window carrying a good or bad rating while the ratings table is empty.
    public var ratedTicketsWithoutRatings = 0
    /// Tickets created in the window whose metric set was updated after the ticket record.
    public var metricsNewerThanTicket = 0

    public init() {}

    /// The tables every report reads (names, ids and SLA policies included).
    public static let reportTables = [
        "groups", "satisfaction_ratings", "sla_policies", "ticket_metrics", "tickets", "users",
    ]
}

extension FactLoader {
    /// The completeness facts for tickets created in `window`.
    public func completeness(window: Window) throws -> CacheCompleteness {
        try cache.read { db in
            var result = CacheCompleteness()
            var loaded: [String: Int64] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT table_name, max(last_import_at, last_sync_at), last_import_at, last_sync_at "
                    + "FROM deskstat_table_state")
            {
                let latest: Int64? = row[1] ?? row[2] ?? row[3]
                if let latest { loaded[row[0]] = latest }
            }
            result.neverLoaded = CacheCompleteness.reportTables.filter { loaded[$0] == nil }
            result.ticketsRefreshedAt = loaded["tickets"]
            result.slaPolicies = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sla_policies") ?? 0
            let range: StatementArguments = [window.from, window.to]
            result.solvedWithoutMetrics =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM tickets t
                        WHERE t.created_at >= ? AND t.created_at < ? AND t.deleted = 0 AND t.status IN ('solved', 'closed')
                          AND NOT EXISTS (SELECT 1 FROM ticket_metrics m WHERE m.ticket_id = t.id)
                        """, arguments: range) ?? 0
            let ratings = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM satisfaction_ratings)") ?? false
            if !ratings {
                result.ratedTicketsWithoutRatings =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM tickets
                            WHERE created_at >= ? AND created_at < ? AND deleted = 0
                              AND raw_json ->> '$.satisfaction_rating.score'
                                  IN ('good', 'bad', 'good_with_comment', 'bad_with_comment')
                            """, arguments: range) ?? 0
            }
            result.metricsNewerThanTicket =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id
                        WHERE t.created_at >= ? AND t.created_at < ? AND t.deleted = 0 AND m.updated_at > t.updated_at
                        """, arguments: range) ?? 0
            return result
        }
    }
}
