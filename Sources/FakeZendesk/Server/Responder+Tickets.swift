/// Single tickets and per-ticket children: audits, comments, metrics.
extension Responder {
    /// A ticket that can have children: live, or deleted when the plan lets deleted tickets answer.
    func liveTicket(_ id: Int64) throws(Reply) -> FakeTicket {
        guard let ticket = account.ticket(id) else { throw .notFound }
        if ticket.isDeleted && plan.deletedTicketChildrenReturn404 { throw .notFound }
        return ticket
    }

    /// `/tickets/{id}.json` → `{"ticket": …}`.
    func ticket(_ id: Int64) throws(Reply) -> Reply {
        let ticket = try liveTicket(id)
        return .json(["ticket": ticket.json(baseURL: baseURL)])
    }

    /// `/tickets/{id}/metrics.json` → `{"ticket_metric": …}`.
    func ticketMetric(_ id: Int64) throws(Reply) -> Reply {
        guard let metric = try liveTicket(id).metricSet else { throw .notFound }
        return .json(["ticket_metric": metric.json(baseURL: baseURL)])
    }

    /// `/tickets/{id}/audits.json`: oldest first.
    func ticketAudits(_ id: Int64) throws(Reply) -> Reply {
        _ = try liveTicket(id)
        let list = KeyedList(account.audits[id] ?? []) { PageKey(major: $0.createdAt, minor: $0.id) }
        let page = try ListPage.select(from: list, request: request, faults: faults, links: links)
        return .json(page.envelope("audits", page.items.map { $0.json(baseURL: baseURL) }))
    }

    /// `/tickets/{id}/comments.json`: the audits' Comment events, oldest first.
    func ticketComments(_ id: Int64) throws(Reply) -> Reply {
        _ = try liveTicket(id)
        let comments = (account.audits[id] ?? []).flatMap { audit in
            zip(audit.events.filter(\.isComment), audit.comments()).map { (audit.createdAt, $0.0.id, $0.1) }
        }
        let list = KeyedList(comments) { PageKey(major: $0.0, minor: $0.1) }
        let page = try ListPage.select(from: list, request: request, faults: faults, links: links)
        return .json(page.envelope("comments", page.items.map(\.2)))
    }

    /// `/ticket_metrics.json`: metric sets of live tickets, by id.
    func ticketMetrics() throws(Reply) -> Reply {
        let metrics = account.tickets.filter { !$0.isDeleted }.compactMap(\.metricSet)
        return try list("ticket_metrics", metrics, id: \.id) { $0.json(baseURL: baseURL) }
    }

    /// `/ticket_audits.json`: audits of live tickets, oldest first.
    func allAudits() throws(Reply) -> Reply {
        let live = Set(account.tickets.filter { !$0.isDeleted }.map(\.id))
        let audits = account.audits.filter { live.contains($0.key) }.values.flatMap { $0 }
        let list = KeyedList(audits) { PageKey(major: $0.createdAt, minor: $0.id) }
        let page = try ListPage.select(from: list, request: request, faults: faults, links: links)
        return .json(page.envelope("audits", page.items.map { $0.json(baseURL: baseURL) }))
    }
}
