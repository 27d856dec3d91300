/// Everything about a ticket that is decided when it is created: who, what, how and where.
/// What happens to it afterwards is the `TicketPlot`'s business.
struct TicketDraft {
    let index: Int
    let id: Int64
    let created: Int64
    let type: TicketType?
    let priority: TicketPriority?
    let topic: Topic
    let subject: StaticString
    let orderNumber: Int64?
    let body: Int
    let product: Product?
    let modules: [Module]
    let channel: Channel
    let brand: Brand
    /// End-user index of the requester.
    let requester: Int
    let organization: Int?
    let isVIP: Bool
    let routedGroup: SupportGroup
    /// The agent who opened the ticket on the requester's behalf, if one did.
    let submitter: StaffMember?
    /// End-user indexes copied on the ticket.
    let collaborators: [Int]
    let follower: StaffMember?
    /// Index of the problem this incident is attached to.
    let problem: Int?
    let hasIncidents: Bool
    let isPublic: Bool
    let dueAt: Int64?
    /// When the ticket was deleted, for the ~1.5% that are.
    let deletedAt: Int64?

    init(index: Int, created: Int64, account: Account, kinds: TicketKinds, generator: inout SplitMix64) {
        self.index = index
        id = Int64(index) + 1
        self.created = created
        let customers = account.customers
        let type = kinds.type(index)
        self.type = type
        requester = customers.requester(at: created, &generator)
        organization = customers.organization(ofUser: requester)
        isVIP = organization.map { customers.isVIP(organization: $0) } ?? false
        priority = Self.priority(type: type, vip: isVIP, &generator)
        topic = Self.topic(type: type, &generator)
        subject = generator.pick(topic.subjects)
        orderNumber = Self.hasOrder(topic) ? generator.int(in: 100_000...999_999) : nil
        body = generator.below(Vocabulary.descriptionBodies.count)
        product = Self.product(topic: topic, &generator)
        modules = Self.modules(topic: topic, &generator)
        var group = topic.routedGroup(&generator)
        if isVIP && topic != .rootCause && generator.chance(0.5) { group = .enterprise }
        routedGroup = group
        let agentCreated = generator.chance(0.15)
        submitter = agentCreated ? account.staff.assignee(in: group, at: created, &generator) : nil
        channel = agentCreated ? Channel.fromAgents.pick(&generator) : Channel.fromCustomers.pick(&generator)
        let gadgetLike = product == .gadgets || topic == .returns
        brand = generator.chance(gadgetLike ? 0.7 : 0.05) ? .gadgets : .main
        collaborators = Self.collaborators(
            channel: channel, requester: requester, existing: customers.existing(at: created), &generator)
        follower = generator.chance(0.05) ? account.staff.pick(in: group, at: created, &generator) : nil
        problem = kinds.problem(forIncident: index)
        hasIncidents = kinds.hasIncidents(problem: index)
        isPublic = !(agentCreated && generator.chance(0.2))
        if type == .task {
            let due = created + generator.int(in: 1...7) * CivilTime.secondsPerDay
            dueAt = due <= account.end ? due : nil
        } else {
            dueAt = nil
        }
        if kinds.isDeleted(index) {
            let delay = Int64(generator.logNormal(median: 2 * 86_400, spread: 1.5))
            deletedAt = min(account.end, created + max(60, delay))
        } else {
            deletedAt = nil
        }
    }

    var form: FormKind {
        if type == .incident || type == .problem { return .bugReport }
        if routedGroup == .billing || topic == .billing || topic == .refund { return .billing }
        return .standard
    }

    // MARK: Private

    private static func priority(type: TicketType?, vip: Bool, _ generator: inout SplitMix64) -> TicketPriority? {
        guard !generator.chance(0.1) else { return nil }
        let picked = priorities[type.map { $0.rawValue + 1 } ?? 0].pick(&generator)
        guard vip, picked != .urgent, generator.chance(0.3) else { return picked }
        return TicketPriority(rawValue: picked.rawValue + 1) ?? picked
    }

    /// Priority mixes for untyped tickets, then by type raw value.
    private static let priorities: [Weighted<TicketPriority>] = [
        Weighted([(.high, 5), (.normal, 65), (.low, 30)]),
        Weighted([(.urgent, 3), (.high, 12), (.normal, 55), (.low, 30)]),
        Weighted([(.urgent, 15), (.high, 30), (.normal, 45), (.low, 10)]),
        Weighted([(.urgent, 10), (.high, 40), (.normal, 45), (.low, 5)]),
        Weighted([(.high, 5), (.normal, 50), (.low, 45)]),
    ]

    private static func topic(type: TicketType?, _ generator: inout SplitMix64) -> Topic {
        switch type {
        case .incident: Topic.forIncidents.pick(&generator)
        case .problem: .rootCause
        case .task: Topic.forTasks.pick(&generator)
        case .question, nil: Topic.forQuestions.pick(&generator)
        }
    }

    private static func hasOrder(_ topic: Topic) -> Bool {
        topic == .billing || topic == .refund || topic == .returns
    }

    private static func product(topic: Topic, _ generator: inout SplitMix64) -> Product? {
        switch topic {
        case .returns: return .gadgets
        case .integration: return generator.chance(0.6) ? .integrations : .platform
        default: return generator.chance(0.08) ? nil : Product.distribution.pick(&generator)
        }
    }

    private static func modules(topic: Topic, _ generator: inout SplitMix64) -> [Module] {
        switch topic {
        case .bug, .outage, .integration, .rootCause: break
        default: return []
        }
        let first = generator.pick(Module.allCases)
        guard generator.chance(0.3) else { return [first] }
        let second = generator.pick(Module.allCases)
        if second == first { return [first] }
        return first.rawValue < second.rawValue ? [first, second] : [second, first]
    }

    private static func collaborators(
        channel: Channel, requester: Int, existing: Int, _ generator: inout SplitMix64
    ) -> [Int] {
        guard channel == .email, existing > 1, generator.chance(0.1) else { return [] }
        var picked: [Int] = []
        for _ in 0..<(generator.chance(0.3) ? 2 : 1) {
            let user = generator.below(existing)
            if user != requester && !picked.contains(user) { picked.append(user) }
        }
        return picked
    }
}
