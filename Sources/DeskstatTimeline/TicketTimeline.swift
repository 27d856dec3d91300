public import ZendeskWire

/// Who wrote a comment, by the author's `users.role`.
///
/// The cache holds each user's current role only (no role history), so "the role at that time" is
/// the current role; an author who is not in the cache is ``unknown`` and neither asks nor answers.
public enum AuthorRole: String, Sendable, Hashable, CaseIterable {
    case agent
    case endUser = "end-user"
    case unknown

    /// The role for a `users.role` value: `end-user` is an end user, `agent`, `admin` and any other
    /// named role are agents, a missing user (`nil`) is unknown.
    public init(userRole: String?) {
        switch userRole {
        case nil: self = .unknown
        case "end-user"?, "end_user"?: self = .endUser
        case let role?: self = role.isEmpty ? .unknown : .agent
        }
    }
}

/// A span of time in which one ticket field kept one value: `[from, to)`, `to == nil` while it lasts.
public struct TimelineInterval: Sendable, Equatable {
    public var from: Int64
    public var to: Int64?
    /// The value (`open`, a group id as text, …); `nil` when the field was empty.
    public var value: String?

    public init(from: Int64, to: Int64?, value: String?) {
        self.from = from
        self.to = to
        self.value = value
    }

    /// Whether `instant` lies in `[from, to)`.
    public func contains(_ instant: Int64) -> Bool {
        from <= instant && (to.map { instant < $0 } ?? true)
    }

    /// Seconds of `[from, to)` inside `[start, end)`.
    public func overlap(from start: Int64, to end: Int64) -> (from: Int64, to: Int64)? {
        let lower = max(from, start)
        let upper = min(to ?? end, end)
        return upper > lower ? (lower, upper) : nil
    }
}

/// A comment on the timeline, with its author's role.
public struct TimelineComment: Sendable, Equatable {
    public var id: Int64
    public var createdAt: Int64
    public var authorID: Int64?
    public var isPublic: Bool
    public var role: AuthorRole

    public init(id: Int64, createdAt: Int64, authorID: Int64?, isPublic: Bool, role: AuthorRole) {
        self.id = id
        self.createdAt = createdAt
        self.authorID = authorID
        self.isPublic = isPublic
        self.role = role
    }
}

/// One ticket's history in order: field intervals, comments, solves and reopens.
///
/// Built from field changes and comments whichever source they came from (ticket events, audits,
/// comment lists): records with the same id are the same record and count once.
public struct TicketTimeline: Sendable, Equatable {
    /// Statuses that make a ticket part of the backlog.
    public static let unsolvedStatuses: Set<String> = ["new", "open", "pending", "hold"]

    public let ticketID: Int64
    /// When the ticket was created: the ticket's `created_at`, else its first change.
    public let createdAt: Int64?
    public let status: [TimelineInterval]
    public let group: [TimelineInterval]
    public let assignee: [TimelineInterval]
    public let priority: [TimelineInterval]
    /// The business-hours schedule the ticket carried (schedule id as text), from its schedule
    /// assignments (``TicketFieldChange/scheduleField``); empty when none was recorded.
    public let schedule: [TimelineInterval]
    /// Every comment, public and private, ordered by time (end users before agents at the same second).
    public let comments: [TimelineComment]
    /// Instants the ticket was solved: status entered `solved`, or `closed` from an unsolved status.
    public let solves: [Int64]
    /// Instants the ticket was reopened: status went from `solved` to an unsolved status.
    public let reopens: [Int64]

    /// The timeline of ticket `ticketID` from its changes and comments (any order, duplicates allowed);
    /// `roles` gives each author's current `users.role` (absent: unknown).
    public init(
        ticketID: Int64, createdAt: Int64?, changes: [TicketFieldChange], comments: [TicketComment],
        roles: [Int64: AuthorRole]
    ) {
        var seenChanges: Set<Int64> = []
        let ordered = changes.filter { $0.ticketID == ticketID && seenChanges.insert($0.id).inserted }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let start = createdAt ?? ordered.first?.createdAt
        self.ticketID = ticketID
        self.createdAt = start
        status = Self.intervals(of: "status", in: ordered, createdAt: start)
        group = Self.intervals(of: "group_id", in: ordered, createdAt: start)
        assignee = Self.intervals(of: "assignee_id", in: ordered, createdAt: start)
        priority = Self.intervals(of: "priority", in: ordered, createdAt: start)
        schedule = Self.intervals(of: TicketFieldChange.scheduleField, in: ordered, createdAt: start)
        (solves, reopens) = Self.transitions(in: ordered)

        var seenComments: Set<Int64> = []
        var timelineComments: [TimelineComment] = []
        for comment in comments where comment.ticketID == nil || comment.ticketID == ticketID {
            guard let at = comment.createdAt, seenComments.insert(comment.id).inserted else { continue }
            let role = comment.authorID.flatMap { roles[$0] } ?? .unknown
            timelineComments.append(
                TimelineComment(
                    id: comment.id, createdAt: at, authorID: comment.authorID, isPublic: comment.isPublic ?? true,
                    role: role))
        }
        self.comments = timelineComments.sorted {
            ($0.createdAt, $0.role.rank, $0.id) < ($1.createdAt, $1.role.rank, $1.id)
        }
    }

    /// The ticket's status at `instant`, or `nil` before its history starts.
    public func status(at instant: Int64) -> String? {
        Self.value(in: status, at: instant)
    }

    /// The schedule id the ticket measures business time on as of `instant`: the last schedule
    /// assigned at or before `instant` (Zendesk measures a ticket on its last applied schedule), or
    /// `nil` when none was assigned by then or the last assignment cleared it.
    public func scheduleID(asOf instant: Int64) -> Int64? {
        Self.value(in: schedule, at: instant).flatMap { Int64($0) }
    }

    /// Whether the ticket was in the backlog (an unsolved status) at `instant`.
    public func isUnsolved(at instant: Int64) -> Bool {
        status(at: instant).map { Self.unsolvedStatuses.contains($0) } ?? false
    }

    /// The value an interval list holds at `instant`.
    public static func value(in intervals: [TimelineInterval], at instant: Int64) -> String? {
        // Intervals are ordered and disjoint: find the last one starting at or before `instant`.
        var low = 0
        var high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].from <= instant { low = middle + 1 } else { high = middle }
        }
        guard low > 0, intervals[low - 1].contains(instant) else { return nil }
        return intervals[low - 1].value
    }

    // MARK: Private

    /// The intervals of one field. A first `Change` (no `Create` seen) starts the history at
    /// `createdAt` with its previous value; repeated values and zero-length intervals are folded.
    private static func intervals(
        of field: String, in changes: [TicketFieldChange], createdAt: Int64?
    ) -> [TimelineInterval] {
        var result: [TimelineInterval] = []
        for change in changes where change.field == field {
            if result.isEmpty, !change.isCreate, let start = createdAt, start < change.createdAt {
                result.append(TimelineInterval(from: start, to: nil, value: change.previousValue))
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
        return result
    }

    /// Solves and reopens from the status changes, in order.
    private static func transitions(in changes: [TicketFieldChange]) -> (solves: [Int64], reopens: [Int64]) {
        var solves: [Int64] = []
        var reopens: [Int64] = []
        var current: String?
        var started = false
        for change in changes where change.field == "status" {
            if !started {
                current = change.isCreate ? nil : change.previousValue
                started = true
            }
            let next = change.value
            if next == current { continue }
            let wasUnsolved = current.map { unsolvedStatuses.contains($0) } ?? true
            if next == "solved" && current != "closed" || next == "closed" && wasUnsolved && current != nil {
                solves.append(change.createdAt)
            }
            if current == "solved", let next, unsolvedStatuses.contains(next) {
                reopens.append(change.createdAt)
            }
            current = next
        }
        return (solves, reopens)
    }
}

extension AuthorRole {
    /// Order among comments written in the same second: the end user's comment comes first, so
    /// an agent's reply in the same second answers it.
    var rank: Int {
        switch self {
        case .endUser: 0
        case .unknown: 1
        case .agent: 2
        }
    }
}
