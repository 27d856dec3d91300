/// The incremental ticket event export (`ticket_events-NNNN.json`), written while the tickets are
/// generated: events ordered by `(timestamp, id)` across all tickets, at most `pageSize` a page
/// unless one second holds more (a page never splits a second, as Zendesk's export does not),
/// each page closed by `count`, `end_time` (its last event's timestamp), `next_page` and
/// `end_of_stream`.
///
/// Tickets come in creation order and no event precedes its ticket's creation, so once a ticket
/// created at `t` has been generated, every event before `t` is known: `flush(before:)` writes
/// those and keeps only the later events of tickets still alive, never the whole stream.
struct TicketEventPages {
    private let account: Account
    /// Digits in page numbers: enough for the most pages the account can produce.
    private let width: Int
    private var pending: [TicketHistory.Record] = []
    private var page: [TicketHistory.Record] = []
    private var pageBytes = 0
    private var pages = 0
    /// Ticket events written so far.
    private(set) var written = 0

    init(account: Account) {
        self.account = account
        // A ticket's story has at most ~40 updates; notes add at most 1.5 × the average.
        let most = account.tickets * (40 + account.eventsPerTicket * 3 / 2)
        let pages = (most + account.pageSize - 1) / account.pageSize
        width = max(account.pageNumberWidth, String(max(1, pages)).count)
    }

    /// Holds a ticket's events until their page is written.
    mutating func add(_ records: [TicketHistory.Record]) {
        pending.append(contentsOf: records)
    }

    /// Writes every held event before `instant` (the creation of the last ticket generated).
    mutating func flush(before instant: Int64, _ emit: (GeneratedFile) throws -> Void) rethrows {
        pending.sort { ($0.time, $0.id) < ($1.time, $1.id) }
        var cut = 0
        while cut < pending.count, pending[cut].time < instant {
            let event = pending[cut]
            if page.count >= account.pageSize, let last = page.last, last.time != event.time {
                try writePage(isLast: false, emit)
            }
            page.append(event)
            pageBytes += event.bytes.count + 2
            cut += 1
        }
        pending.removeFirst(cut)
    }

    /// Writes the held events and the last page.
    mutating func finish(_ emit: (GeneratedFile) throws -> Void) rethrows {
        try flush(before: .max, emit)
        try writePage(isLast: true, emit)
    }

    private mutating func writePage(isLast: Bool, _ emit: (GeneratedFile) throws -> Void) rethrows {
        var writer = JSONByteWriter(capacity: pageBytes + 512)
        writer.beginObject()
        writer.key("ticket_events")
        writer.beginArray()
        for event in page { writer.rawRecord(event.bytes) }
        writer.newline()
        writer.endArray()
        writer.timeExportTail(
            path: "incremental/ticket_events.json", include: "&include=comment_events", count: page.count,
            endTime: page.last?.time ?? account.end, endOfStream: isLast)
        writer.endObject()
        writer.newline()
        pages += 1
        written += page.count
        try emit(GeneratedFile(name: account.pageName("ticket_events", pages, width: width), bytes: writer.bytes))
        page.removeAll(keepingCapacity: true)
        pageBytes = 0
    }
}
