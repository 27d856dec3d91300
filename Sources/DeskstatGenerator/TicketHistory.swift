/// A generated ticket's history as Zendesk's incremental ticket event export shows it
/// (`GET /api/v2/incremental/ticket_events.json?include=comment_events`): one ticket event (an
/// audit) per update of the ticket's story, with `Create`/`Change` child events for the fields
/// that changed (each `Change` with its `previous_value`) and `Comment` child events.
///
/// The events retell the story the ticket and its metric set were made from (`TicketStory`):
/// - **Creation** (`Create` children: status, priority, type, group, assignee, requester,
///   organization, brand, form, tags) with the description as the first comment, by the
///   requester, or by the agent who opened the ticket (private when the ticket is not public).
/// - **Assignment**, **escalation** (group and assignee change, the `escalated` tag, a private
///   note), **holds** (status changes by the assignee), the move of a rated ticket.
/// - **Public agent replies** by the assignee at that time (a user with role agent), with the
///   status change that goes with them (pending or solved); **requester comments** by the
///   requester, which open the ticket again (a **reopen** when it was solved).
/// - The **satisfaction survey** (`satisfaction_score` changes, which deskstat does not follow),
///   the **automatic close** (by the system, `updater_id` −1), a **merge** (closed with the
///   `closed_by_merge` tag and a private note) and a **deletion** (`status` → `deleted`).
/// - **Private notes** by the assignee at random instants of the ticket's working life (before
///   its first solve), as many as it takes to reach about `eventsPerTicket` events a ticket.
///
/// So the timeline deskstat builds from these events agrees with the metric set: the first
/// public agent reply that is not the opening comment is `reply_time`, the last solve is
/// `full_resolution_time`, solved → open transitions are `reopens`, public agent comments after
/// the opening one are `replies`; the last event is the ticket's `updated_at` and leaves it in
/// its status, group, assignee and tags. Randomness (texts, notes) comes from the ticket's own
/// `ticketEvents` stream, never from the stream that made the ticket.
struct TicketHistory {
    /// One ticket event, already written as JSON, waiting for its page.
    struct Record {
        let time: Int64
        let id: Int64
        let bytes: [UInt8]
    }

    /// The ticket events of `record` in time order, with ids
    /// `Identifiers.ticketEvent + ticket id · Identifiers.ticketEventsPerTicket + n`.
    static func records(of record: FinishedTicket, account: Account) -> [Record] {
        var generator = SplitMix64(seed: account.seed, stream: .ticketEvents, index: record.draft.index)
        var history = TicketHistory(record: record, account: account)
        history.retell(&generator)
        history.addNotes(&generator)
        return history.write()
    }

    // MARK: Model

    private enum Actor: Equatable {
        case requester
        case agent(Int64)
        case system
    }

    private enum Body {
        case description
        case agentReply(Int)
        case requesterComment(Int)
        case reopen(Int)
        case note(Int)
        case merge
    }

    private struct Comment {
        let isPublic: Bool
        let authorID: Int64
        let body: Body
    }

    /// The fields an update can change.
    private struct State: Equatable {
        var status: StoryStatus
        var group: SupportGroup
        var assigneeID: Int64?
        var tags: TagSet
        var satisfaction: Satisfaction
    }

    private enum Satisfaction: Equatable {
        case unoffered, offered, good, bad

        var name: StaticString {
            switch self {
            case .unoffered: "unoffered"
            case .offered: "offered"
            case .good: "good"
            case .bad: "bad"
            }
        }
    }

    /// One ticket event: the state before and after it, and its comments.
    private struct Update {
        let time: Int64
        let actor: Actor
        let isCreate: Bool
        let before: State
        var after: State
        var comments: [Comment] = []
    }

    private let record: FinishedTicket
    private let account: Account
    private let requesterID: Int64
    private var updates: [Update] = []
    private var notes: [Update] = []
    /// (instant, assignee id) of every assignment, in order.
    private var assignments: [(time: Int64, id: Int64)] = []

    private init(record: FinishedTicket, account: Account) {
        self.record = record
        self.account = account
        requesterID = account.customers.userID(record.draft.requester)
    }

    // MARK: The story's updates

    private mutating func retell(_ generator: inout SplitMix64) {
        let draft = record.draft
        let creator: Actor = draft.submitter.map { .agent($0.id) } ?? .requester
        var state = State(
            status: .new, group: draft.routedGroup, assigneeID: nil, tags: record.createdTags,
            satisfaction: .unoffered)
        var create = Update(time: draft.created, actor: creator, isCreate: true, before: state, after: state)
        create.comments.append(
            Comment(isPublic: draft.isPublic, authorID: authorID(of: creator, at: draft.created), body: .description))
        updates.append(create)
        for mark in record.story.log {
            let time = mark.time
            let actor = actor(of: mark, state: state)
            if let last = updates.last, last.time != time || (actor != nil && actor != last.actor) {
                // A status change on its own: the automatic close, or the assignee's.
                let starter = actor ?? (mark == .status(time, .closed) ? .system : agent(state, at: time))
                updates.append(Update(time: time, actor: starter, isCreate: false, before: state, after: state))
            }
            apply(mark, to: &state, &generator)
            updates[updates.count - 1].after = state
        }
        if record.played.merged, let last = updates.indices.last {
            state.tags.insert(.closedByMerge)
            updates[last].after.tags = state.tags
            updates[last].comments.append(
                Comment(
                    isPublic: false, authorID: authorID(of: updates[last].actor, at: updates[last].time), body: .merge))
        }
        if let deletedAt = draft.deletedAt {
            var deletion = Update(
                time: deletedAt, actor: agent(state, at: deletedAt), isCreate: false, before: state, after: state)
            deletion.after.status = .deleted
            updates.append(deletion)
        }
    }

    /// Who makes the update a mark belongs to; `nil`: whoever made the update at the same instant.
    private func actor(of mark: StoryMark, state: State) -> Actor? {
        switch mark {
        case .status, .escalated: nil
        case .agentReply(let time), .agentUpdate(let time): agent(state, at: time)
        case .requesterComment: .requester
        case .assigned(_, _, let assigneeID): .agent(state.assigneeID ?? assigneeID)
        case .ticketOnly: state.satisfaction == .unoffered ? .system : .requester
        }
    }

    private mutating func apply(_ mark: StoryMark, to state: inout State, _ generator: inout SplitMix64) {
        let last = updates.count - 1
        let author = authorID(of: updates[last].actor, at: mark.time)
        switch mark {
        case .status(_, let status):
            state.status = status
        case .agentReply:
            updates[last].comments.append(
                Comment(
                    isPublic: true, authorID: author, body: .agentReply(generator.below(Vocabulary.agentReplies.count)))
            )
        case .requesterComment:
            let reopens = state.status == .solved || state.status == .closed
            let body: Body =
                reopens
                ? .reopen(generator.below(Vocabulary.reopenComments.count))
                : .requesterComment(generator.below(Vocabulary.requesterComments.count))
            updates[last].comments.append(Comment(isPublic: true, authorID: requesterID, body: body))
        case .assigned(let time, let group, let assigneeID):
            state.group = group
            state.assigneeID = assigneeID
            assignments.append((time, assigneeID))
        case .agentUpdate:
            if generator.chance(0.5) {
                updates[last].comments.append(
                    Comment(
                        isPublic: false, authorID: author, body: .note(generator.below(Vocabulary.internalNotes.count)))
                )
            }
        case .escalated:
            state.tags.insert(.escalated)
            updates[last].comments.append(
                Comment(isPublic: false, authorID: author, body: .note(generator.below(Vocabulary.internalNotes.count)))
            )
        case .ticketOnly:
            if state.satisfaction == .unoffered {
                state.satisfaction = .offered
            } else {
                state.satisfaction = record.played.rating?.score == .bad ? .bad : .good
            }
        }
    }

    // MARK: Private notes

    /// Private notes at random instants of the working life (after creation, before the first
    /// solve or the last update), so that the ticket has about `eventsPerTicket` events.
    private mutating func addNotes(_ generator: inout SplitMix64) {
        let average = account.eventsPerTicket
        let spread = average / 2
        let target = average - spread + generator.below(2 * spread + 1)
        let created = record.draft.created
        let workEnd = record.story.firstSolvedAt ?? record.story.updatedAt
        // Each note uses two ids; the story's updates use at most a few hundred.
        let budget = Int(Identifiers.ticketEventsPerTicket) / 2 - 4 * updates.count
        let count = min(max(0, target - updates.count), budget)
        guard count > 0, workEnd - created >= 2 else { return }
        var times: [Int64] = []
        times.reserveCapacity(count)
        for _ in 0..<count { times.append(generator.int(in: (created + 1)...(workEnd - 1))) }
        times.sort()
        let state = updates[0].before
        for time in times {
            let author =
                assignee(at: time) ?? account.staff.assignee(in: record.draft.routedGroup, at: time, &generator).id
            var note = Update(time: time, actor: .agent(author), isCreate: false, before: state, after: state)
            note.comments.append(
                Comment(isPublic: false, authorID: author, body: .note(generator.below(Vocabulary.internalNotes.count)))
            )
            notes.append(note)
        }
    }

    private func assignee(at instant: Int64) -> Int64? {
        assignments.last { $0.time <= instant }?.id
    }

    // MARK: People

    /// The assignee (or, before there is one, an agent of the ticket's group) as an actor.
    private func agent(_ state: State, at instant: Int64) -> Actor {
        if let id = state.assigneeID { return .agent(id) }
        var generator = SplitMix64(seed: account.seed, stream: .ticketEvents, index: -1 - record.draft.index)
        return .agent(account.staff.assignee(in: record.draft.routedGroup, at: instant, &generator).id)
    }

    private func authorID(of actor: Actor, at instant: Int64) -> Int64 {
        switch actor {
        case .requester: requesterID
        case .agent(let id): id
        case .system: -1
        }
    }

    private func via(of update: Update) -> StaticString {
        if update.isCreate { return record.draft.channel.name }
        switch update.actor {
        case .requester: return record.draft.channel == .email ? "email" : "web"
        case .agent: return "web"
        case .system: return "rule"
        }
    }

    // MARK: Writing

    /// The updates and notes merged in time order (the story's first at the same instant), written.
    private func write() -> [Record] {
        let ticketID = record.draft.id
        var next = Identifiers.ticketEvent + ticketID * Identifiers.ticketEventsPerTicket
        var records: [Record] = []
        records.reserveCapacity(updates.count + notes.count)
        var storyIndex = 0
        var noteIndex = 0
        while storyIndex < updates.count || noteIndex < notes.count {
            let update: Update
            if noteIndex < notes.count, storyIndex == updates.count || notes[noteIndex].time < updates[storyIndex].time
            {
                update = notes[noteIndex]
                noteIndex += 1
            } else {
                update = updates[storyIndex]
                storyIndex += 1
            }
            let id = next
            var writer = JSONByteWriter(capacity: update.isCreate ? 2_048 : 512)
            write(update, id: id, next: &next, into: &writer)
            records.append(Record(time: update.time, id: id, bytes: writer.bytes))
        }
        return records
    }

    private func write(_ update: Update, id: Int64, next: inout Int64, into writer: inout JSONByteWriter) {
        let via = via(of: update)
        next += 1
        writer.beginObject()
        writer.key("id")
        writer.int(id)
        writer.key("ticket_id")
        writer.int(record.draft.id)
        writer.key("timestamp")
        writer.int(update.time)
        writer.key("created_at")
        writer.timestamp(update.time)
        writer.key("updater_id")
        writer.int(authorID(of: update.actor, at: update.time))
        writer.key("via")
        writer.string(via)
        writer.key("event_type")
        writer.string("Audit")
        writer.key("child_events")
        writer.beginArray()
        for comment in update.comments { write(comment, via: via, next: &next, into: &writer) }
        if update.isCreate {
            writeCreate(update.after, via: via, next: &next, into: &writer)
        } else {
            writeChanges(from: update.before, to: update.after, via: via, next: &next, into: &writer)
        }
        writer.endArray()
        writer.endObject()
    }

    private func writeCreate(_ state: State, via: StaticString, next: inout Int64, into writer: inout JSONByteWriter) {
        let draft = record.draft
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("status")
            writer.string(state.status.name)
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("priority")
            if let priority = draft.priority { writer.string(priority.name) } else { writer.null() }
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("type")
            if let type = draft.type { writer.string(type.name) } else { writer.null() }
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("group_id")
            writer.int(state.group.id)
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("assignee_id")
            if let assignee = state.assigneeID { writer.int(assignee) } else { writer.null() }
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("requester_id")
            writer.int(requesterID)
        }
        if let organization = draft.organization {
            child("Create", via: via, next: &next, into: &writer) { writer in
                writer.key("organization_id")
                writer.int(account.customers.organizationID(organization))
            }
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("brand_id")
            writer.int(draft.brand.id)
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("ticket_form_id")
            writer.int(draft.form.id)
        }
        child("Create", via: via, next: &next, into: &writer) { writer in
            writer.key("tags")
            Self.writeTags(state.tags, into: &writer)
        }
    }

    private func writeChanges(
        from before: State, to after: State, via: StaticString, next: inout Int64, into writer: inout JSONByteWriter
    ) {
        if after.status != before.status {
            child("Change", via: via, next: &next, into: &writer) { writer in
                writer.key("status")
                writer.string(after.status.name)
                writer.key("previous_value")
                writer.string(before.status.name)
            }
        }
        if after.group != before.group {
            child("Change", via: via, next: &next, into: &writer) { writer in
                writer.key("group_id")
                writer.int(after.group.id)
                writer.key("previous_value")
                writer.int(before.group.id)
            }
        }
        if after.assigneeID != before.assigneeID {
            child("Change", via: via, next: &next, into: &writer) { writer in
                writer.key("assignee_id")
                if let assignee = after.assigneeID { writer.int(assignee) } else { writer.null() }
                writer.key("previous_value")
                if let assignee = before.assigneeID { writer.int(assignee) } else { writer.null() }
            }
        }
        if after.tags != before.tags {
            child("Change", via: via, next: &next, into: &writer) { writer in
                writer.key("tags")
                Self.writeTags(after.tags, into: &writer)
                writer.key("previous_value")
                Self.writeTags(before.tags, into: &writer)
            }
        }
        if after.satisfaction != before.satisfaction {
            child("Change", via: via, next: &next, into: &writer) { writer in
                writer.key("satisfaction_score")
                writer.string(after.satisfaction.name)
                writer.key("previous_value")
                writer.string(before.satisfaction.name)
            }
        }
    }

    /// `{"id":…,"via":…,"via_reference_id":null,<members>,"event_type":<type>}`.
    private func child(
        _ type: StaticString, via: StaticString, next: inout Int64, into writer: inout JSONByteWriter,
        _ members: (inout JSONByteWriter) -> Void
    ) {
        writer.beginObject()
        writer.key("id")
        writer.int(next)
        next += 1
        writer.key("via")
        writer.string(via)
        writer.key("via_reference_id")
        writer.null()
        members(&writer)
        writer.key("event_type")
        writer.string(type)
        writer.endObject()
    }

    private func write(_ comment: Comment, via: StaticString, next: inout Int64, into writer: inout JSONByteWriter) {
        child("Comment", via: via, next: &next, into: &writer) { writer in
            writer.key("type")
            writer.string("Comment")
            writer.key("author_id")
            writer.int(comment.authorID)
            writer.key("body")
            switch comment.body {
            case .description: record.writeDescription(into: &writer)
            case .agentReply(let index): writer.string(Vocabulary.agentReplies[index])
            case .requesterComment(let index): writer.string(Vocabulary.requesterComments[index])
            case .reopen(let index): writer.string(Vocabulary.reopenComments[index])
            case .note(let index): writer.string(Vocabulary.internalNotes[index])
            case .merge: writer.string("Closed and merged into another request of the same requester.")
            }
            writer.key("public")
            writer.bool(comment.isPublic)
            writer.key("attachments")
            writer.beginArray()
            writer.endArray()
        }
    }

    private static func writeTags(_ tags: TagSet, into writer: inout JSONByteWriter) {
        writer.beginArray()
        tags.forEach { writer.string($0.name) }
        writer.endArray()
    }
}
