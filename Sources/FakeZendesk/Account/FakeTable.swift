/// The account's tables, named as deskstat's cache names them; used to forbid a table's endpoints
/// (``FaultPlan/forbiddenTables``).
///
/// Most tables have one endpoint. `tickets` covers the ticket export and `tickets/{id}`;
/// `ticket_metrics` covers `tickets/{id}/metrics` and `ticket_metrics` (the export's `metric_sets`
/// side-load stays); `ticket_audits` covers `tickets/{id}/audits` and `ticket_audits`;
/// `ticket_comments` covers `tickets/{id}/comments`. `users/me` is never forbidden.
public enum FakeTable: String, Sendable, CaseIterable, Comparable {
    case tickets
    case ticketMetrics = "ticket_metrics"
    case users
    case organizations
    case groups
    case groupMemberships = "group_memberships"
    case ticketFields = "ticket_fields"
    case ticketForms = "ticket_forms"
    case macros
    case tags
    case slaPolicies = "sla_policies"
    case satisfactionRatings = "satisfaction_ratings"
    case ticketMetricEvents = "ticket_metric_events"
    case schedules
    case ticketAudits = "ticket_audits"
    case ticketComments = "ticket_comments"
    case ticketEvents = "ticket_events"

    public static func < (lhs: FakeTable, rhs: FakeTable) -> Bool { lhs.rawValue < rhs.rawValue }
}
