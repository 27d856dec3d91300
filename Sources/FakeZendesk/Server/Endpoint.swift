/// The API paths the fake serves (`/api/v2/…`, with or without `.json`).
enum Endpoint: Equatable {
    case me
    case ticketExport
    case userExport
    case organizationExport
    case metricEventExport
    case ticketEventExport
    case satisfactionRatings
    case groups
    case groupMemberships
    case ticketFields
    case macros
    case tags
    case ticketMetrics
    case allAudits
    case ticketForms
    case slaPolicies
    case schedules
    case ticket(Int64)
    case ticketAudits(Int64)
    case ticketComments(Int64)
    case ticketMetric(Int64)

    static let fixed: [String: Endpoint] = [
        "users/me": .me, "incremental/tickets/cursor": .ticketExport, "incremental/users/cursor": .userExport,
        "incremental/organizations": .organizationExport, "incremental/ticket_metric_events": .metricEventExport,
        "incremental/ticket_events": .ticketEventExport,
        "satisfaction_ratings": .satisfactionRatings, "groups": .groups, "group_memberships": .groupMemberships,
        "ticket_fields": .ticketFields, "macros": .macros, "tags": .tags, "ticket_metrics": .ticketMetrics,
        "ticket_audits": .allAudits, "ticket_forms": .ticketForms, "slas/policies": .slaPolicies,
        "business_hours/schedules": .schedules,
    ]

    /// The endpoint of a request path; `nil` for paths the API does not have.
    init?(path: String) {
        guard path.hasPrefix("/api/v2/") else { return nil }
        var rest = String(path.dropFirst("/api/v2/".count))
        if rest.hasSuffix(".json") { rest.removeLast(".json".count) }
        if let endpoint = Self.fixed[rest] {
            self = endpoint
            return
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "tickets", parts.count >= 2, let id = Int64(parts[1]) else { return nil }
        switch parts.count == 2 ? "" : parts[2] {
        case "" where parts.count == 2: self = .ticket(id)
        case "audits" where parts.count == 3: self = .ticketAudits(id)
        case "comments" where parts.count == 3: self = .ticketComments(id)
        case "metrics" where parts.count == 3: self = .ticketMetric(id)
        default: return nil
        }
    }

    /// The table whose plan restriction applies (`nil`: always allowed).
    var table: FakeTable? {
        switch self {
        case .me: nil
        case .ticketExport, .ticket: .tickets
        case .userExport: .users
        case .organizationExport: .organizations
        case .metricEventExport: .ticketMetricEvents
        case .ticketEventExport: .ticketEvents
        case .satisfactionRatings: .satisfactionRatings
        case .groups: .groups
        case .groupMemberships: .groupMemberships
        case .ticketFields: .ticketFields
        case .macros: .macros
        case .tags: .tags
        case .ticketMetrics, .ticketMetric: .ticketMetrics
        case .allAudits, .ticketAudits: .ticketAudits
        case .ticketComments: .ticketComments
        case .ticketForms: .ticketForms
        case .slaPolicies: .slaPolicies
        case .schedules: .schedules
        }
    }
}
