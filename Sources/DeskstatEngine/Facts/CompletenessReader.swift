import DeskstatCache
public import DeskstatTime

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
        try cache.snapshot { reader in
            var result = CacheCompleteness()
            let loaded = try reader.lastLoaded()
            result.neverLoaded = CacheCompleteness.reportTables.filter { loaded[$0] == nil }
            result.ticketsRefreshedAt = loaded["tickets"]
            result.slaPolicies = try reader.slaPolicyCount()
            result.solvedWithoutMetrics = try reader.solvedTicketsWithoutMetricSet(
                createdFrom: window.from, before: window.to)
            if try !reader.hasRatings() {
                result.ratedTicketsWithoutRatings = try reader.ticketsRatedInTheirJSON(
                    createdFrom: window.from, before: window.to)
            }
            result.metricsNewerThanTicket = try reader.ticketsWithNewerMetricSet(
                createdFrom: window.from, before: window.to)
            return result
        }
    }
}
