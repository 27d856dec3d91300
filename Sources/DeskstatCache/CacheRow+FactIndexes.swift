/// The covering indexes reports read (schema v3), and the expressions they index.
///
/// Reading a million tickets column by column costs about a microsecond a row in SQLite's
/// VDBE; reading one packed value costs a fifth of that. So each index stores what the engine
/// needs from a row as one `json_array(…)` value, which SQLite keeps up to date on every write
/// like any other index (nothing to maintain by hand, no stale copies). A query that names the
/// same expression reads it straight from the index, never touching the table and its raw JSON.
///
/// Durations are `REAL`; SQLite writes a real in JSON with 15 significant digits, which does
/// not always give back the same double. So a whole number is written as an integer (exact),
/// and anything else as a real, which the engine recognises and reads from the table instead.
public enum FactIndex {
    /// `tickets_facts`: by `id`, for tickets.
    public static let ticketsName = "tickets_facts"
    /// The packed ticket: created_at, deleted, status, priority, type, via_channel, group_id,
    /// assignee_id, requester_id, submitter_id, organization_id, brand_id, ticket_form_id.
    public static let ticketsExpression = """
        json_array(created_at, deleted, status, priority, type, via_channel, group_id, assignee_id, \
        requester_id, submitter_id, organization_id, brand_id, ticket_form_id)
        """

    /// `ticket_metrics_facts`: by `ticket_id`, for metric sets.
    public static let metricsName = "ticket_metrics_facts"
    /// The packed metric set: reopens, replies, solved_at, then the twelve duration columns
    /// (`TicketMetricRow.durationNames`, each calendar then business).
    public static let metricsExpression: String = {
        let durations = TicketMetricRow.durationNames.flatMap { ["\($0)_in_minutes_calendar", "\($0)_in_minutes_business"] }
        return "json_array(reopens, replies, solved_at, "
            + durations.map { "iif(\($0) = CAST(\($0) AS INTEGER), CAST(\($0) AS INTEGER), \($0))" }
                .joined(separator: ", ")
            + ")"
    }()

    /// `ticket_metrics_solved`: ticket ids by `solved_at` (which tickets were solved since a date).
    public static let solvedName = "ticket_metrics_solved"

    /// `satisfaction_ratings_facts`: by `updated_at`, for ratings.
    public static let ratingsName = "satisfaction_ratings_facts"
    /// The packed rating: id, ticket_id, group_id, assignee_id, score.
    public static let ratingsExpression = "json_array(id, ticket_id, group_id, assignee_id, score)"
}
