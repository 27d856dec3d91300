/// The incremental exports and the satisfaction ratings list.
extension Responder {
    /// `/incremental/tickets/cursor.json`: by `(generated_timestamp, id)`; `include=metric_sets`
    /// side-loads one metric set per live ticket of the page; `exclude_deleted=true` drops deleted tickets.
    func ticketExport() throws(Reply) -> Reply {
        var tickets = account.tickets
        if request.value("exclude_deleted") == "true" { tickets.removeAll(where: \.isDeleted) }
        let list = KeyedList(tickets) { PageKey(major: $0.generatedTimestamp, minor: $0.id) }
        let page = try CursorExportPage.select(from: list, request: request, faults: faults)
        let includes = Set((request.value("include") ?? "").split(separator: ",").map(String.init))
        var sideLoads: FakeJSONObject = [:]
        if includes.contains("metric_sets") {
            let metrics = page.items.filter { !$0.isDeleted }.compactMap { $0.metricSet?.json(baseURL: baseURL) }
            sideLoads["metric_sets"] = .array(metrics)
        }
        let records = page.items.map { $0.json(baseURL: baseURL) }
        return .json(page.envelope("tickets", records, sideLoads: sideLoads, request: request, links: links))
    }

    /// `/incremental/users/cursor.json`: by `(updated_at, id)`.
    func userExport() throws(Reply) -> Reply {
        let list = KeyedList(account.users) { PageKey(major: $0.updatedAt, minor: $0.id) }
        let page = try CursorExportPage.select(from: list, request: request, faults: faults)
        let records = page.items.map { $0.json(baseURL: baseURL) }
        return .json(page.envelope("users", records, sideLoads: [:], request: request, links: links))
    }

    /// `/incremental/organizations.json`: time-based, by `(updated_at, id)`.
    func organizationExport() throws(Reply) -> Reply {
        let list = KeyedList(account.organizations) { PageKey(major: $0.updatedAt, minor: $0.id) }
        let page = try TimeExportPage.select(from: list, request: request, faults: faults)
        return .json(
            page.envelope("organizations", page.items.map { $0.json(baseURL: baseURL) }, request: request, links: links)
        )
    }

    /// `/incremental/ticket_metric_events.json`: time-based, by `(time, id)`.
    func metricEventExport() throws(Reply) -> Reply {
        let list = KeyedList(account.ticketMetricEvents) { PageKey(major: $0.time, minor: $0.id) }
        let page = try TimeExportPage.select(from: list, request: request, faults: faults)
        let records = page.items.map { $0.json(baseURL: baseURL) }
        return .json(page.envelope("ticket_metric_events", records, request: request, links: links))
    }

    /// `/incremental/ticket_events.json`: time-based, by `(timestamp, id)`; comment child events only
    /// with `include=comment_events`.
    func ticketEventExport() throws(Reply) -> Reply {
        let list = KeyedList(FakeTicketEvent.all(in: account)) { PageKey(major: $0.time, minor: $0.id) }
        let page = try TimeExportPage.select(from: list, request: request, faults: faults)
        let includes = Set((request.value("include") ?? "").split(separator: ",").map(String.init))
        let records = page.items.map { $0.json(includeComments: includes.contains("comment_events")) }
        return .json(page.envelope("ticket_events", records, request: request, links: links))
    }

    /// `/satisfaction_ratings.json`: a list by id, filtered by `start_time` (≥) and `end_time` (<)
    /// on `updated_at` or `created_at` (``FakeServerOptions/ratingsStartTimeField``).
    func satisfactionRatings() throws(Reply) -> Reply {
        let time: (FakeSatisfactionRating) -> Int64 =
            options.ratingsStartTimeField == .updatedAt ? { $0.updatedAt } : { $0.createdAt }
        var ratings = account.satisfactionRatings
        if let text = request.value("start_time") {
            guard let start = Int64(text) else { throw .badRequest("start_time must be an epoch time in seconds") }
            ratings.removeAll { time($0) < start }
        }
        if let text = request.value("end_time") {
            guard let end = Int64(text) else { throw .badRequest("end_time must be an epoch time in seconds") }
            ratings.removeAll { time($0) >= end }
        }
        return try list("satisfaction_ratings", ratings, id: \.id) { $0.json(baseURL: baseURL) }
    }

    /// `/tags.json`: most used first, then by name.
    func tags() throws(Reply) -> Reply {
        let list = KeyedList(account.tags) { PageKey(major: -$0.count, name: $0.name) }
        let page = try ListPage.select(from: list, request: request, faults: faults, links: links)
        return .json(page.envelope("tags", page.items.map(\.json)))
    }
}
