/// A table of account data in the cache, with the columns the upsert writes and how versions compare.
public enum CacheTable: String, Sendable, CaseIterable, Comparable, Codable {
    case tickets, ticketMetrics = "ticket_metrics", satisfactionRatings = "satisfaction_ratings"
    case slaPolicies = "sla_policies", groups, groupMemberships = "group_memberships", users, organizations
    case ticketAudits = "ticket_audits", ticketComments = "ticket_comments", ticketFields = "ticket_fields"
    case ticketForms = "ticket_forms", macros, tags, ticketMetricEvents = "ticket_metric_events", schedules

    public static func < (lhs: CacheTable, rhs: CacheTable) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The primary-key column (`name` for tags, `id` everywhere else).
    public var keyColumn: String { self == .tags ? "name" : "id" }

    /// The columns a version is read from, most significant first.
    var versionColumns: [String] {
        switch self {
        case .tickets: ["generated_timestamp", "updated_at"]
        case .ticketAudits, .ticketComments: ["created_at"]
        case .ticketMetricEvents: ["time"]
        case .tags: []
        default: ["updated_at"]
        }
    }

    /// The column that dates a record for `status` (oldest/newest).
    public var dateColumn: String? {
        switch self {
        case .tickets, .ticketAudits, .ticketComments: "created_at"
        case .ticketMetricEvents: "time"
        case .tags: nil
        default: "updated_at"
        }
    }

    /// Columns written by an upsert, key first, `raw_json` last.
    var columns: [String] {
        switch self {
        case .tickets:
            [
                "id", "status", "priority", "type", "subject", "via_channel", "group_id", "assignee_id", "requester_id",
                "submitter_id", "organization_id", "brand_id", "ticket_form_id", "problem_id", "created_at",
                "updated_at",
                "generated_timestamp", "deleted",
            ]
        case .ticketMetrics:
            ["id", "ticket_id", "created_at", "updated_at"]
                + TicketMetricRow.durationNames.flatMap { ["\($0)_in_minutes_calendar", "\($0)_in_minutes_business"] }
                + ["reply_time_in_seconds_calendar", "reopens", "replies", "assignee_stations", "group_stations"]
                + TicketMetricRow.timestampNames
        case .satisfactionRatings:
            [
                "id", "ticket_id", "group_id", "assignee_id", "requester_id", "score", "reason", "reason_id",
                "created_at", "updated_at",
            ]
        case .slaPolicies: ["id", "title", "description", "position", "created_at", "updated_at"]
        case .groups: ["id", "name", "description", "is_default", "deleted", "is_public", "created_at", "updated_at"]
        case .groupMemberships: ["id", "user_id", "group_id", "is_default", "created_at", "updated_at"]
        case .users:
            [
                "id", "name", "email", "role", "role_type", "active", "suspended", "organization_id",
                "default_group_id",
                "time_zone", "created_at", "updated_at", "last_login_at",
            ]
        case .organizations: ["id", "name", "group_id", "created_at", "updated_at", "deleted_at"]
        case .ticketAudits: ["id", "ticket_id", "author_id", "via_channel", "created_at"]
        case .ticketComments:
            ["id", "ticket_id", "audit_id", "author_id", "type", "public", "via_channel", "created_at"]
        case .ticketFields: ["id", "type", "title", "active", "position", "created_at", "updated_at"]
        case .ticketForms: ["id", "name", "active", "is_default", "position", "created_at", "updated_at"]
        case .macros: ["id", "title", "active", "position", "created_at", "updated_at"]
        case .tags: ["name", "count"]
        case .ticketMetricEvents: ["id", "ticket_id", "metric", "instance_id", "type", "time", "deleted"]
        case .schedules: ["id", "name", "time_zone", "created_at", "updated_at"]
        }
    }

    /// Child tables whose rows belong to one record of this table, with their parent column.
    var childTables: [(table: String, parentColumn: String)] {
        switch self {
        case .tickets: [("ticket_tags", "ticket_id"), ("ticket_custom_fields", "ticket_id")]
        case .slaPolicies: [("sla_policy_conditions", "policy_id"), ("sla_policy_metrics", "policy_id")]
        case .schedules: [("schedule_intervals", "schedule_id"), ("schedule_holidays", "schedule_id")]
        default: []
        }
    }
}
