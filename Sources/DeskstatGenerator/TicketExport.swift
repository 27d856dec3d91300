/// Generates the tickets page by page as cursor-based incremental export bodies with their
/// metric sets side-loaded (`tickets-NNNN.json`), with each page's metric events
/// (`ticket_metric_events-NNNN.json`), handing satisfaction ratings to `RatingPages` and, unless
/// `eventsPerTicket` is 0, the tickets' histories to `TicketEventPages`.
struct TicketExport {
    let account: Account

    /// Emits every ticket page (and, interleaved, every rating page); returns the tag counts.
    func emit(_ emit: (GeneratedFile) throws -> Void) rethrows -> TagCounts {
        var clock = ArrivalClock(account: account)
        let kinds = TicketKinds(seed: account.seed, count: account.tickets)
        var ratings = RatingPages(account: account)
        var history = account.eventsPerTicket > 0 ? TicketEventPages(account: account) : nil
        var tags = TagCounts()
        let pageCount = max(1, (account.tickets + account.pageSize - 1) / account.pageSize)
        var previous: Cursor?
        var ticketBytes = 4_096
        var metricBytes = 1_024
        var eventBytes = 1_024
        for page in 0..<pageCount {
            let range = (page * account.pageSize)..<min(account.tickets, (page + 1) * account.pageSize)
            var tickets = JSONByteWriter(capacity: ticketBytes + metricBytes + 1_024)
            var metrics = JSONByteWriter(capacity: metricBytes)
            var events = JSONByteWriter(capacity: eventBytes)
            var eventCount = 0
            events.beginObject()
            events.key("ticket_metric_events")
            events.beginArray()
            tickets.beginObject()
            tickets.key("tickets")
            tickets.beginArray()
            var last = RecordPosition(time: account.end, id: 0)
            var lastCreated = account.start
            for index in range {
                let record = try ticket(index, clock: &clock, kinds: kinds, ratings: &ratings, emit: emit)
                record.writeTicket(into: &tickets)
                if !record.isDeleted { record.writeMetricSet(into: &metrics) }
                if !record.isDeleted { tags.add(record.tags) }
                if let ticketEvents = MetricEvents.of(record, schedule: account.calendar) {
                    ticketEvents.write(
                        ticketID: record.draft.id, base: Identifiers.metricEvent + record.draft.id * 1_000,
                        into: &events)
                    eventCount += ticketEvents.events.count
                }
                last = RecordPosition(time: record.generatedTimestamp, id: record.draft.id)
                lastCreated = record.draft.created
                history?.add(TicketHistory.records(of: record, account: account))
            }
            ticketBytes = max(ticketBytes, tickets.byteCount)
            metricBytes = max(metricBytes, metrics.byteCount)
            tickets.newline()
            tickets.endArray()
            tickets.key("metric_sets")
            tickets.beginArray()
            tickets.raw(metrics)
            tickets.newline()
            tickets.endArray()
            let isLast = page == pageCount - 1
            let after = Cursor.export(time: last.time, id: last.id)
            tickets.incrementalExportTail(
                path: "incremental/tickets/cursor.json", include: "&include=metric_sets",
                after: isLast ? nil : after, before: previous, endOfStream: isLast)
            tickets.endObject()
            tickets.newline()
            previous = after
            try emit(GeneratedFile(name: account.pageName("tickets", page + 1), bytes: tickets.bytes))
            eventBytes = max(eventBytes, events.byteCount)
            events.newline()
            events.endArray()
            events.timeExportTail(
                path: "incremental/ticket_metric_events.json", count: eventCount, endTime: account.end,
                endOfStream: isLast)
            events.endObject()
            events.newline()
            try emit(GeneratedFile(name: account.pageName("ticket_metric_events", page + 1), bytes: events.bytes))
            try history?.flush(before: lastCreated, emit)
        }
        try history?.finish(emit)
        try ratings.finish(emit)
        return tags
    }

    /// Creates, plays and (if rated) registers the rating of ticket `index`.
    private func ticket(
        _ index: Int, clock: inout ArrivalClock, kinds: TicketKinds, ratings: inout RatingPages,
        emit: (GeneratedFile) throws -> Void
    ) rethrows -> FinishedTicket {
        var generator = SplitMix64(seed: account.seed, stream: .ticket, index: index)
        let draft = TicketDraft(
            index: index, created: clock.next(), account: account, kinds: kinds, generator: &generator)
        let played = TicketPlot.play(draft, account: account, generator: &generator)
        var ratingID: Int64?
        if draft.deletedAt == nil, let rating = played.rating {
            ratingID = ratings.nextID
            try ratings.add(
                rating, ticketID: draft.id, requesterID: account.customers.userID(draft.requester), emit: emit)
        }
        let updated = draft.deletedAt ?? played.story.updatedAt
        let generated = min(account.end, updated + generator.int(in: 0...90))
        return FinishedTicket(
            draft: draft, played: played, ratingID: ratingID, generatedTimestamp: generated,
            customers: account.customers)
    }
}
