public import DeskstatReport

/// The data-completeness warnings every report carries (README.md, "CI gates"): what is missing
/// or out of date in the cache, so a green gate cannot hide an empty or stale cache.
public enum DataCompleteness {
    /// How many days after the last ticket sync or import a report, as of its as-of, warns
    /// `stale_data` unless told otherwise (`--stale-after`).
    public static let defaultStaleAfterDays = 3

    /// The warnings for `facts`, judged as of `asOf` (never the wall clock), in code order.
    public static func warnings(_ facts: CacheCompleteness, asOf: Int64, staleAfterDays: Int) -> [ReportWarning] {
        typealias Code = ReportWarning.Code
        var warnings: [ReportWarning] = []
        func add(_ code: Code, _ message: String) {
            warnings.append(ReportWarning(code: code.rawValue, message: message))
        }
        if !facts.neverLoaded.isEmpty {
            add(
                .tableNeverLoaded,
                "never synced or imported: \(facts.neverLoaded.joined(separator: ", ")); numbers that need "
                    + "them are missing — sync those tables or import their exports")
        }
        if let refreshed = facts.ticketsRefreshedAt, asOf - refreshed > Int64(staleAfterDays) * 86_400 {
            let days = (asOf - refreshed) / 86_400
            add(
                .staleData,
                "tickets were last synced or imported \(days) days before the report's as-of "
                    + "(more than \(staleAfterDays)); run `deskstat sync` or import a fresh export")
        }
        if facts.solvedWithoutMetrics > 0 {
            add(
                .solvedWithoutMetrics,
                "\(facts.solvedWithoutMetrics) solved or closed ticket(s) created in the window have no metric set, "
                    + "so they are not counted as solved and have no durations; sync or import ticket_metrics")
        }
        if facts.slaPolicies == 0 {
            add(
                .noSLAPolicies,
                "the cache holds no SLA policies, so every SLA count is 0; sync or import sla_policies")
        }
        if facts.ratedTicketsWithoutRatings > 0 {
            add(
                .ratingsNotSynced,
                "no satisfaction ratings are in the cache, but \(facts.ratedTicketsWithoutRatings) ticket(s) created "
                    + "in the window carry one; sync or import satisfaction_ratings")
        }
        if facts.metricsNewerThanTicket > 0 {
            add(
                .metricsNewerThanTicket,
                "\(facts.metricsNewerThanTicket) ticket(s) created in the window have a metric set updated after "
                    + "the ticket record, so the ticket is out of date; sync or import tickets again")
        }
        return warnings
    }
}
