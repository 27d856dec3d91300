public import ZendeskWire

/// A Zendesk Support table deskstat can sync, named as in the cache and in `tables:`: the wire
/// module's table list, with what configuration adds to it.
///
/// The order of `allCases` is the documentation order; resolved table lists follow it.
public typealias ZendeskTable = WireTable

extension WireTable {
    /// Every table name, in documentation order.
    public static let allNames: [String] = allCases.map(\.rawValue)

    /// The tables synced when none are chosen: every table but `ticket_audits`, whose per-ticket
    /// requests the ticket event export replaces (choose it to backfill a ticket set).
    public static let defaultNames: [String] = allNames.filter { $0 != WireTable.ticketAudits.rawValue }

    /// One line on what the table holds and how it is fetched, for the `init` template and help.
    public var summary: String {
        switch self {
        case .tickets: "tickets, from the incremental export; deleted tickets stay as tombstones"
        case .ticketMetrics: "reply, resolution and wait times per ticket (with the ticket export)"
        case .satisfactionRatings: "CSAT ratings; needs a plan with satisfaction ratings"
        case .slaPolicies: "SLA policy definitions; needs a plan with SLAs"
        case .groups: "agent groups"
        case .groupMemberships: "which agents belong to which groups"
        case .users: "end users and agents, from the incremental export"
        case .organizations: "organizations, from the incremental export"
        case .ticketAudits:
            "per-ticket audits, for backfilling a ticket set (one request per ticket: slow; off by default)"
        case .ticketComments: "public replies and internal notes (from the ticket event export)"
        case .ticketEvents: "every ticket update from the incremental event export (one request per 1,000 events)"
        case .ticketFields: "custom ticket field definitions"
        case .ticketForms: "ticket forms; needs a plan with multiple forms"
        case .macros: "macros (canned responses)"
        case .tags: "tags with their usage counts"
        case .ticketMetricEvents: "SLA and metric clock events per ticket"
        case .schedules: "business-hours schedules and holidays"
        }
    }
}
