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
/// comment lists): records with the same id are the same record and count once. The derivation
/// runs in two steps: ``TimelineParts`` (everything that depends only on the changes and
/// comments, what the cache stores) and this type (the parts resolved with the ticket's
/// `created_at` and the authors' roles, which the cache reads from `tickets` and `users`).
public struct TicketTimeline: Sendable, Equatable {
    /// Statuses that make a ticket part of the backlog.
    public static let unsolvedStatuses: Set<String> = ["new", "open", "pending", "hold"]

    /// The fields a timeline keeps as intervals, in the order `explain` lists them. Adding a field
    /// here (and its property) is all it takes: ``TimelineParts``, the cache's compact tables
    /// and their reads are generic over this list.
    public static let intervalFields: [TimelineField] = [
        TimelineField("status", label: "status", \.status),
        TimelineField("group_id", label: "group", \.group),
        TimelineField("assignee_id", label: "assignee", \.assignee),
        TimelineField("priority", label: "priority", \.priority),
        TimelineField(TicketFieldChange.scheduleField, label: "schedule", \.schedule),
    ]

    public let ticketID: Int64
    /// When the ticket was created: the ticket's `created_at`, else its first change.
    public let createdAt: Int64?
    public internal(set) var status: [TimelineInterval] = []
    public internal(set) var group: [TimelineInterval] = []
    public internal(set) var assignee: [TimelineInterval] = []
    public internal(set) var priority: [TimelineInterval] = []
    /// The business-hours schedule the ticket carried (schedule id as text), from its schedule
    /// assignments (``TicketFieldChange/scheduleField``); empty when none was recorded.
    public internal(set) var schedule: [TimelineInterval] = []
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
        self.init(
            parts: TimelineParts(ticketID: ticketID, changes: changes, comments: comments), createdAt: createdAt,
            roles: roles)
    }

    /// The timeline of stored parts: `createdAt` is the ticket's `created_at` (`nil` when the
    /// ticket is not cached: the history then starts at the parts' first change), `roles` each
    /// author's current `users.role` (absent: unknown).
    public init(parts: TimelineParts, createdAt: Int64?, roles: [Int64: AuthorRole]) {
        let start = createdAt ?? parts.firstChangeAt
        ticketID = parts.ticketID
        self.createdAt = start
        solves = parts.transitions.filter { $0.kind == .solve }.map { $0.at }
        reopens = parts.transitions.filter { $0.kind == .reopen }.map { $0.at }
        comments = parts.comments.map { comment in
            TimelineComment(
                id: comment.id, createdAt: comment.createdAt, authorID: comment.authorID, isPublic: comment.isPublic,
                role: comment.authorID.flatMap { roles[$0] } ?? .unknown)
        }.sorted { ($0.createdAt, $0.role.rank, $0.id) < ($1.createdAt, $1.role.rank, $1.id) }
        for field in Self.intervalFields {
            self[keyPath: field.keyPath] = parts.fields[field.name]?.intervals(from: start) ?? []
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
