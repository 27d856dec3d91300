/// Answers one authenticated, permitted request from a snapshot of the account.
struct Responder {
    let account: FakeAccount
    let request: IncomingRequest
    let faults: PageFaults
    let baseURL: String
    let plan: FaultPlan
    let options: FakeServerOptions
    let credentials: FakeCredentials

    /// The reply for `endpoint`; pagination errors come back as their 400 reply.
    func respond(_ endpoint: Endpoint) -> Reply {
        do {
            return try reply(endpoint)
        } catch {
            return error
        }
    }

    func reply(_ endpoint: Endpoint) throws(Reply) -> Reply {
        switch endpoint {
        case .me: return .json(["user": me.json(baseURL: baseURL)])
        case .ticketExport: return try ticketExport()
        case .userExport: return try userExport()
        case .organizationExport: return try organizationExport()
        case .metricEventExport: return try metricEventExport()
        case .ticketEventExport: return try ticketEventExport()
        case .satisfactionRatings: return try satisfactionRatings()
        case .groups: return try list("groups", account.groups, id: \.id) { $0.json(baseURL: baseURL) }
        case .groupMemberships:
            return try list("group_memberships", account.groupMemberships, id: \.id) { $0.json(baseURL: baseURL) }
        case .ticketFields:
            return try list("ticket_fields", account.ticketFields, id: \.id) { $0.json(baseURL: baseURL) }
        case .macros: return try list("macros", account.macros, id: \.id) { $0.json(baseURL: baseURL) }
        case .tags: return try tags()
        case .ticketMetrics: return try ticketMetrics()
        case .allAudits: return try allAudits()
        case .ticketForms: return onePage("ticket_forms", account.ticketForms.map { $0.json(baseURL: baseURL) })
        case .slaPolicies:
            let policies = account.slaPolicies.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            return onePage("sla_policies", policies.map { $0.json(baseURL: baseURL) })
        case .schedules: return .json(["schedules": .array(account.schedules.map { $0.json(baseURL: baseURL) })])
        case .ticket(let id): return try ticket(id)
        case .ticketAudits(let id): return try ticketAudits(id)
        case .ticketComments(let id): return try ticketComments(id)
        case .ticketMetric(let id): return try ticketMetric(id)
        }
    }

    /// The user the credentials belong to: the user with the token's email, else the first admin.
    var me: FakeUser {
        if let email = credentials.email, let user = account.users.first(where: { $0.email == email }) { return user }
        if let admin = account.users.first(where: { $0.role == "admin" }) { return admin }
        return FakeUser(id: 1, name: "Fake Admin", email: credentials.email, role: "admin", roleType: 4)
    }

    var links: PageLinks { PageLinks(baseURL: baseURL, path: request.path) }

    /// A whole table in one offset-style page (`next_page` and `previous_page` null).
    func onePage(_ key: String, _ records: [FakeJSON]) -> Reply {
        .json([key: .array(records), "next_page": nil, "previous_page": nil, "count": .int(Int64(records.count))])
    }

    /// A list endpoint ordered by id, cursor or offset style.
    func list<Item>(_ key: String, _ items: [Item], id: (Item) -> Int64, render: (Item) -> FakeJSON) throws(Reply)
        -> Reply
    {
        let page = try ListPage.select(
            from: KeyedList(items) { PageKey(major: id($0)) }, request: request, faults: faults, links: links)
        return .json(page.envelope(key, page.items.map(render)))
    }
}
