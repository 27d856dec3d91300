/// The Zendesk tables deskstat understands, named as the cache names them.
public enum WireTable: String, Sendable, CaseIterable, Comparable {
    case tickets
    case ticketMetrics = "ticket_metrics"
    case satisfactionRatings = "satisfaction_ratings"
    case slaPolicies = "sla_policies"
    case groups
    case groupMemberships = "group_memberships"
    case users
    case organizations
    case ticketAudits = "ticket_audits"
    case ticketComments = "ticket_comments"
    /// The incremental ticket event export: every ticket update (field changes and comments).
    case ticketEvents = "ticket_events"
    case ticketFields = "ticket_fields"
    case ticketForms = "ticket_forms"
    case macros
    case tags
    case ticketMetricEvents = "ticket_metric_events"
    case schedules

    public static func < (lhs: WireTable, rhs: WireTable) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The table a top-level body key holds, e.g. `metric_sets` → `ticket_metrics`, `ticket` →
    /// `tickets`. The bool says whether the key holds a list (`true`) or one object.
    public static func forBodyKey(_ key: String) -> (table: WireTable, isList: Bool)? {
        if let table = listKeys[key] { return (table, true) }
        if let table = singleKeys[key] { return (table, false) }
        return nil
    }

    /// Parses a table name as given to `--table` (cache names; the API's body keys also work).
    public static func named(_ name: String) -> WireTable? {
        WireTable(rawValue: name) ?? forBodyKey(name)?.table
    }

    static let listKeys: [String: WireTable] = [
        "tickets": .tickets, "ticket_metrics": .ticketMetrics, "metric_sets": .ticketMetrics,
        "satisfaction_ratings": .satisfactionRatings, "sla_policies": .slaPolicies, "groups": .groups,
        "group_memberships": .groupMemberships, "users": .users, "organizations": .organizations,
        "audits": .ticketAudits, "ticket_audits": .ticketAudits, "comments": .ticketComments,
        "ticket_comments": .ticketComments, "ticket_events": .ticketEvents, "ticket_fields": .ticketFields,
        "ticket_forms": .ticketForms,
        "macros": .macros, "tags": .tags, "ticket_metric_events": .ticketMetricEvents, "schedules": .schedules,
    ]

    static let singleKeys: [String: WireTable] = [
        "ticket": .tickets, "ticket_metric": .ticketMetrics, "metric_set": .ticketMetrics,
        "satisfaction_rating": .satisfactionRatings, "sla_policy": .slaPolicies, "group": .groups,
        "group_membership": .groupMemberships, "user": .users, "organization": .organizations,
        "audit": .ticketAudits, "comment": .ticketComments, "ticket_event": .ticketEvents,
        "ticket_field": .ticketFields,
        "ticket_form": .ticketForms, "macro": .macros, "ticket_metric_event": .ticketMetricEvents,
        "schedule": .schedules,
    ]

    /// Keys that carry pagination, not records (the importer's fast path asks the same set).
    package static let paginationKeys: Set<String> = [
        "after_cursor", "after_url", "before_cursor", "before_url", "end_of_stream", "count", "end_time",
        "next_page", "previous_page", "meta", "links", "start_time",
    ]

    static var allNames: String { allCases.map(\.rawValue).sorted().joined(separator: ", ") }

    static var envelopeKeysDescription: String {
        listKeys.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
