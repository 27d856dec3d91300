public import ZendeskWire

/// A ticket field a timeline keeps as intervals: its name in field changes (`status`,
/// `group_id`), the label `explain` shows, and the timeline property holding its intervals.
public struct TimelineField: Sendable {
    /// The field's name in changes (`TicketFieldChange.field`), also its key in ``TimelineParts/fields``
    /// and in the cache's `ticket_timeline_intervals.field`.
    public let name: String
    /// How `explain` names it.
    public let label: String
    let keyPath: any WritableKeyPath<TicketTimeline, [TimelineInterval]> & Sendable

    init(_ name: String, label: String, _ keyPath: any WritableKeyPath<TicketTimeline, [TimelineInterval]> & Sendable) {
        self.name = name
        self.label = label
        self.keyPath = keyPath
    }

    /// The field's intervals in `timeline`.
    public func intervals(of timeline: TicketTimeline) -> [TimelineInterval] { timeline[keyPath: keyPath] }
}

/// One field's history as far as the changes alone tell it.
public struct FieldHistory: Sendable, Equatable {
    /// The value the field had before its first change, when the history starts with a `Change`
    /// (its `previous_value`) rather than a `Create`: the ticket was created before the changes
    /// seen. It counts from the ticket's start when that start lies before `before`.
    public struct Opening: Sendable, Equatable {
        /// The time of the field's first change.
        public var before: Int64
        public var value: String?

        public init(before: Int64, value: String?) {
            self.before = before
            self.value = value
        }
    }

    public var opening: Opening?
    /// The intervals from the field's first change on (repeated values and zero-length intervals folded).
    public var intervals: [TimelineInterval]

    public init(opening: Opening?, intervals: [TimelineInterval]) {
        self.opening = opening
        self.intervals = intervals
    }

    /// The field's intervals for a ticket whose history starts at `start`: the opening value from
    /// `start` to the first change (merged with the first interval when they hold the same value),
    /// then the intervals.
    public func intervals(from start: Int64?) -> [TimelineInterval] {
        guard let opening, let start, start < opening.before else { return intervals }
        guard let first = intervals.first, first.value != opening.value else {
            var merged = intervals
            if !merged.isEmpty { merged[0].from = start }
            return merged
        }
        return [TimelineInterval(from: start, to: opening.before, value: opening.value)] + intervals
    }
}

/// A comment as the changes and comment records give it, before its author's role is known.
public struct CommentPart: Sendable, Equatable {
    public var id: Int64
    public var createdAt: Int64
    public var authorID: Int64?
    public var isPublic: Bool

    public init(id: Int64, createdAt: Int64, authorID: Int64?, isPublic: Bool) {
        self.id = id
        self.createdAt = createdAt
        self.authorID = authorID
        self.isPublic = isPublic
    }
}

/// A solve or a reopen.
public struct StatusTransition: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case solve
        case reopen
    }

    public var at: Int64
    public var kind: Kind

    public init(at: Int64, kind: Kind) {
        self.at = at
        self.kind = kind
    }
}

/// What a ticket's timeline is made of that depends on its changes and comments only: the
/// parts the cache stores (docs/cache.md, "The compact timeline"). ``TicketTimeline`` resolves
/// them with the ticket's `created_at` and the authors' roles, read when the timeline is used.
public struct TimelineParts: Sendable, Equatable {
    public var ticketID: Int64
    /// The earliest change of any followed field (where the history starts when the ticket is not cached).
    public var firstChangeAt: Int64?
    /// Per field of ``TicketTimeline/intervalFields`` that has changes, by field name.
    public var fields: [String: FieldHistory]
    /// The comments once each (the first copy of an id wins), in the order they were given.
    public var comments: [CommentPart]
    /// Solves and reopens in the order they happened.
    public var transitions: [StatusTransition]

    /// Parts as stored.
    public init(
        ticketID: Int64, firstChangeAt: Int64?, fields: [String: FieldHistory], comments: [CommentPart],
        transitions: [StatusTransition]
    ) {
        self.ticketID = ticketID
        self.firstChangeAt = firstChangeAt
        self.fields = fields
        self.comments = comments
        self.transitions = transitions
    }

    /// The parts of ticket `ticketID` from its changes and comments (any order, duplicates
    /// allowed; records of other tickets are ignored).
    public init(ticketID: Int64, changes: [TicketFieldChange], comments: [TicketComment]) {
        var seenChanges: Set<Int64> = []
        let ordered = changes.filter { $0.ticketID == ticketID && seenChanges.insert($0.id).inserted }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        self.ticketID = ticketID
        firstChangeAt = ordered.first?.createdAt
        var fields: [String: FieldHistory] = [:]
        for field in TicketTimeline.intervalFields {
            if let history = Self.history(of: field.name, in: ordered) { fields[field.name] = history }
        }
        self.fields = fields
        transitions = Self.transitions(in: ordered)

        var seenComments: Set<Int64> = []
        var parts: [CommentPart] = []
        for comment in comments where comment.ticketID == nil || comment.ticketID == ticketID {
            guard let at = comment.createdAt, seenComments.insert(comment.id).inserted else { continue }
            parts.append(
                CommentPart(
                    id: comment.id, createdAt: at, authorID: comment.authorID, isPublic: comment.isPublic ?? true))
        }
        self.comments = parts
    }

    /// One field's history: its opening value when the first change is a `Change`, then its
    /// intervals from that change on; repeated values and zero-length intervals are folded.
    /// `nil` when the field never changes.
    private static func history(of field: String, in changes: [TicketFieldChange]) -> FieldHistory? {
        var opening: FieldHistory.Opening?
        var result: [TimelineInterval] = []
        for change in changes where change.field == field {
            if result.isEmpty, !change.isCreate {
                opening = FieldHistory.Opening(before: change.createdAt, value: change.previousValue)
            }
            if let last = result.last {
                if last.value == change.value { continue }
                if last.from == change.createdAt {
                    result[result.count - 1].value = change.value
                    if result.count >= 2, result[result.count - 2].value == change.value {
                        result.removeLast()
                        result[result.count - 1].to = nil
                    }
                    continue
                }
                result[result.count - 1].to = change.createdAt
            }
            result.append(TimelineInterval(from: change.createdAt, to: nil, value: change.value))
        }
        return result.isEmpty ? nil : FieldHistory(opening: opening, intervals: result)
    }

    /// Solves and reopens from the status changes, in order.
    private static func transitions(in changes: [TicketFieldChange]) -> [StatusTransition] {
        var result: [StatusTransition] = []
        var current: String?
        var started = false
        for change in changes where change.field == "status" {
            if !started {
                current = change.isCreate ? nil : change.previousValue
                started = true
            }
            let next = change.value
            if next == current { continue }
            let wasUnsolved = current.map { TicketTimeline.unsolvedStatuses.contains($0) } ?? true
            if next == "solved" && current != "closed" || next == "closed" && wasUnsolved && current != nil {
                result.append(StatusTransition(at: change.createdAt, kind: .solve))
            }
            if current == "solved", let next, TicketTimeline.unsolvedStatuses.contains(next) {
                result.append(StatusTransition(at: change.createdAt, kind: .reopen))
            }
            current = next
        }
        return result
    }
}
