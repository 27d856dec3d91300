/// One rating row of `satisfaction_ratings-NNNN.json`.
struct RatingRecord {
    let id: Int64
    let ticketID: Int64
    let requesterID: Int64
    let draft: RatingDraft

    func write(into writer: inout JSONByteWriter) {
        writer.beginRecord()
        writer.urlField("satisfaction_ratings/", id)
        writer.key("id")
        writer.int(id)
        writer.key("assignee_id")
        writer.int(draft.assigneeID)
        writer.key("group_id")
        writer.int(draft.groupID)
        writer.key("requester_id")
        writer.int(requesterID)
        writer.key("ticket_id")
        writer.int(ticketID)
        writer.key("score")
        writer.string(draft.score.name)
        writer.key("created_at")
        writer.timestamp(draft.created)
        writer.key("updated_at")
        writer.timestamp(draft.updated)
        writer.key("comment")
        writer.ratingComment(draft)
        writer.key("reason")
        if let reason = draft.reason { writer.string(Vocabulary.badReasons[reason]) } else { writer.null() }
        writer.key("reason_id")
        if let reason = draft.reason {
            writer.int(Identifiers.satisfactionReason + Int64(reason) + 1)
        } else {
            writer.null()
        }
        writer.endObject()
    }
}

/// Collects ratings as tickets are generated and writes them as cursor-list pages.
///
/// A full page is held back until the next rating arrives, so every page knows whether more
/// follow (`meta.has_more`); at most one page of ratings is in memory.
struct RatingPages {
    private let account: Account
    private var buffer: [RatingRecord] = []
    private var pages = 0
    private var previousLast: Int64?
    /// The id the next rating gets.
    private(set) var nextID = Identifiers.satisfactionRating + 1

    init(account: Account) {
        self.account = account
        buffer.reserveCapacity(min(account.pageSize, 10_000))
    }

    mutating func add(
        _ draft: RatingDraft, ticketID: Int64, requesterID: Int64, emit: (GeneratedFile) throws -> Void
    ) rethrows {
        if buffer.count == account.pageSize { try flush(hasMore: true, emit) }
        buffer.append(RatingRecord(id: nextID, ticketID: ticketID, requesterID: requesterID, draft: draft))
        nextID += 1
    }

    /// Writes the last page (an empty one when there were no ratings at all).
    mutating func finish(_ emit: (GeneratedFile) throws -> Void) rethrows {
        try flush(hasMore: false, emit)
    }

    private mutating func flush(hasMore: Bool, _ emit: (GeneratedFile) throws -> Void) rethrows {
        var writer = JSONByteWriter(capacity: buffer.count * 400 + 512)
        writer.beginObject()
        writer.key("satisfaction_ratings")
        writer.beginArray()
        for rating in buffer { rating.write(into: &writer) }
        writer.newline()
        writer.endArray()
        let after = buffer.last.map { Cursor.list(id: $0.id) }
        let before = previousLast == nil ? nil : buffer.first.map { Cursor.list(id: $0.id) }
        writer.cursorListTail(path: "satisfaction_ratings.json", hasMore: hasMore, after: after, before: before)
        writer.endObject()
        writer.newline()
        pages += 1
        previousLast = buffer.last?.id ?? previousLast
        buffer.removeAll(keepingCapacity: true)
        try emit(GeneratedFile(name: account.pageName("satisfaction_ratings", pages), bytes: writer.bytes))
    }
}
