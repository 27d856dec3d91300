/// A table of account data in the cache; its columns, versions and child tables are declared in `CacheSchema`.
public enum CacheTable: String, Sendable, CaseIterable, Comparable, Codable {
    case tickets, ticketMetrics = "ticket_metrics", satisfactionRatings = "satisfaction_ratings"
    case slaPolicies = "sla_policies", groups, groupMemberships = "group_memberships", users, organizations
    case ticketAudits = "ticket_audits", ticketComments = "ticket_comments", ticketFields = "ticket_fields"
    case ticketForms = "ticket_forms", macros, tags, ticketMetricEvents = "ticket_metric_events", schedules

    public static func < (lhs: CacheTable, rhs: CacheTable) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The primary-key column (`name` for tags, `id` everywhere else).
    public var keyColumn: String { schema.keyColumn }

    /// The columns a version is read from, most significant first.
    var versionColumns: [String] { schema.versionColumns }

    /// The column that dates a record for `status` (oldest/newest).
    public var dateColumn: String? {
        switch self {
        case .tickets, .ticketAudits, .ticketComments: "created_at"
        case .ticketMetricEvents: "time"
        case .tags: nil
        default: "updated_at"
        }
    }

    /// Columns written by an upsert (`raw_json` follows them), in the order `CacheSchema` declares.
    var columns: [String] { schema.columnNames }

    /// Child tables whose rows belong to one record of this table, with their parent column.
    var childTables: [(table: String, parentColumn: String)] {
        schema.children.map { ($0.name, $0.parentColumn) }
    }
}
