/// Everything the fake API serves: one Zendesk Support account, as plain values.
///
/// Build one with ``generated(tickets:seed:start:)`` or field by field; change it between syncs
/// with ``FakeZendeskServer/mutate(stamping:_:)``, which moves `updated_at` and
/// `generated_timestamp` the way Zendesk would.
public struct FakeAccount: Sendable, Equatable {
    public var tickets: [FakeTicket]
    public var users: [FakeUser]
    public var organizations: [FakeOrganization]
    public var groups: [FakeGroup]
    public var groupMemberships: [FakeGroupMembership]
    public var ticketFields: [FakeTicketField]
    public var ticketForms: [FakeTicketForm]
    public var macros: [FakeMacro]
    public var tags: [FakeTag]
    public var slaPolicies: [FakeSLAPolicy]
    public var satisfactionRatings: [FakeSatisfactionRating]
    public var ticketMetricEvents: [FakeTicketMetricEvent]
    public var schedules: [FakeSchedule]
    /// Audits by ticket id (comments are the audits' Comment events).
    public var audits: [Int64: [FakeAudit]]
    /// The account's clock (epoch seconds): no earlier than its latest change. Changes stamped by
    /// ``FakeZendeskServer/mutate(stamping:_:)`` happen just after it.
    public var now: Int64

    public init(
        tickets: [FakeTicket] = [], users: [FakeUser] = [], organizations: [FakeOrganization] = [],
        groups: [FakeGroup] = [], groupMemberships: [FakeGroupMembership] = [], ticketFields: [FakeTicketField] = [],
        ticketForms: [FakeTicketForm] = [], macros: [FakeMacro] = [], tags: [FakeTag] = [],
        slaPolicies: [FakeSLAPolicy] = [], satisfactionRatings: [FakeSatisfactionRating] = [],
        ticketMetricEvents: [FakeTicketMetricEvent] = [], schedules: [FakeSchedule] = [],
        audits: [Int64: [FakeAudit]] = [:], now: Int64? = nil
    ) {
        self.tickets = tickets
        self.users = users
        self.organizations = organizations
        self.groups = groups
        self.groupMemberships = groupMemberships
        self.ticketFields = ticketFields
        self.ticketForms = ticketForms
        self.macros = macros
        self.tags = tags
        self.slaPolicies = slaPolicies
        self.satisfactionRatings = satisfactionRatings
        self.ticketMetricEvents = ticketMetricEvents
        self.schedules = schedules
        self.audits = audits
        self.now = 0
        self.now = max(now ?? 0, latestTimestamp)
    }

    /// The ticket with this id, if any.
    public func ticket(_ id: Int64) -> FakeTicket? {
        tickets.first { $0.id == id }
    }

    /// Changes the ticket with this id in place (nothing happens when there is none).
    public mutating func updateTicket(_ id: Int64, _ change: (inout FakeTicket) -> Void) {
        guard let index = tickets.firstIndex(where: { $0.id == id }) else { return }
        change(&tickets[index])
    }

    /// Deletes a ticket the way Zendesk does: it stays in the export with `status: "deleted"`,
    /// loses its metric set, and its audits and comments answer 404.
    public mutating func deleteTicket(_ id: Int64) {
        updateTicket(id) { ticket in
            ticket.status = "deleted"
            ticket.metricSet = nil
        }
    }

    /// Adds a comment to a ticket in a new audit (stamped by `mutate` when `at` is 0).
    @discardableResult
    public mutating func addComment(
        toTicket ticketID: Int64, authorID: Int64, body: String, public isPublic: Bool = true, at time: Int64 = 0
    ) -> FakeAudit {
        let allAudits = audits.values.flatMap { $0 }
        let auditID = (allAudits.map(\.id).max() ?? 700_000_000) + 1
        let eventID = (allAudits.flatMap(\.events).map(\.id).max() ?? 800_000_000) + 1
        let audit = FakeAudit(
            id: auditID, ticketID: ticketID, createdAt: time, authorID: authorID,
            events: [.comment(id: eventID, authorID: authorID, body: body, public: isPublic)])
        audits[ticketID, default: []].append(audit)
        return audit
    }

    /// Sets ``tags`` to the tags of the live (not deleted) tickets, with their counts.
    public mutating func recountTags() {
        var counts: [String: Int64] = [:]
        for ticket in tickets where !ticket.isDeleted {
            for tag in Set(ticket.tags) { counts[tag, default: 0] += 1 }
        }
        tags = counts.map { FakeTag(name: $0.key, count: $0.value) }.sorted { $0.name < $1.name }
    }

    /// The latest timestamp anywhere in the account (0 for an empty account).
    public var latestTimestamp: Int64 {
        var latest: [Int64] = tickets.flatMap { [$0.createdAt, $0.updatedAt, $0.generatedTimestamp] }
        latest += tickets.compactMap { $0.metricSet?.updatedAt }
        latest += users.map(\.updatedAt) + organizations.map(\.updatedAt) + groups.map(\.updatedAt)
        latest += groupMemberships.map { $0.updatedAt ?? $0.createdAt } + ticketFields.map(\.updatedAt)
        latest += ticketForms.map(\.updatedAt) + macros.map(\.updatedAt) + slaPolicies.map(\.updatedAt)
        latest += satisfactionRatings.map(\.updatedAt) + ticketMetricEvents.map(\.time) + schedules.map(\.updatedAt)
        latest += audits.values.flatMap { $0.map(\.createdAt) }
        return latest.max() ?? 0
    }
}
