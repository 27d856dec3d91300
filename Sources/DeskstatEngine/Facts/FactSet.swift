/// Everything one report needs from the cache, loaded once: tickets relevant to the windows,
/// ratings updated in them, names and SLA policies.
public struct FactSet: Sendable {
    public var tickets: [TicketFact]
    public var ratings: [RatingFact]
    public var names: NameDirectory
    /// The SLA policies' raw rows, in (position, id) order.
    public var policies: [PolicyFact]
    let indexByTicketID: [Int64: Int]

    public init(tickets: [TicketFact], ratings: [RatingFact], names: NameDirectory, policies: [PolicyFact]) {
        self.tickets = tickets
        self.ratings = ratings
        self.names = names
        self.policies = policies
        var index: [Int64: Int] = [:]
        index.reserveCapacity(tickets.count)
        for (offset, ticket) in tickets.enumerated() { index[ticket.id] = offset }
        indexByTicketID = index
    }

    /// The loaded ticket with this id, if any.
    public func ticket(_ id: Int64?) -> TicketFact? {
        guard let id, let offset = indexByTicketID[id] else { return nil }
        return tickets[offset]
    }
}

/// An SLA policy as stored in the cache.
public struct PolicyFact: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var position: Int64?
    /// (kind "all"/"any", field, operator, value as JSON text)
    public var conditions: [(kind: String, field: String?, operatorName: String?, valueJSON: String?)]
    public var targets: [(priority: String?, metric: String?, target: Double?, targetInSeconds: Double?, businessHours: Bool)]

    public static func == (lhs: PolicyFact, rhs: PolicyFact) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.position == rhs.position
            && lhs.conditions.count == rhs.conditions.count && lhs.targets.count == rhs.targets.count
    }
}
