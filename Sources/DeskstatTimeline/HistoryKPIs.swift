public import DeskstatTime

/// One agent public reply and the end-user comment it answers.
public struct Reply: Sendable, Equatable {
    public var ticketID: Int64
    /// The agent's public comment.
    public var commentID: Int64
    public var agentID: Int64?
    /// When the agent replied.
    public var repliedAt: Int64
    /// The oldest end-user public comment the reply answers (the wait started there).
    public var askedAt: Int64
    /// Whether this is the ticket's first answered reply (else a next reply).
    public var isFirst: Bool

    /// Calendar seconds from the question to the reply.
    public var calendarSeconds: Int64 { repliedAt - askedAt }

    /// Business seconds from the question to the reply on `schedule`.
    public func businessSeconds(on schedule: BusinessSchedule) -> Int64 {
        schedule.businessSeconds(from: askedAt, to: repliedAt)
    }
}

/// A backlog age bucket: how long an unsolved ticket had existed at the snapshot.
public enum BacklogAge: String, Sendable, CaseIterable, Comparable {
    case underOneDay = "<1 d"
    case oneToThreeDays = "1–3 d"
    case threeToSevenDays = "3–7 d"
    case sevenToThirtyDays = "7–30 d"
    case overThirtyDays = ">30 d"

    /// The bucket of an age in seconds; a bucket includes its lower bound (exactly 1 day is 1–3 d).
    public init(ageSeconds: Int64) {
        switch ageSeconds {
        case ..<86_400: self = .underOneDay
        case ..<(3 * 86_400): self = .oneToThreeDays
        case ..<(7 * 86_400): self = .threeToSevenDays
        case ..<(30 * 86_400): self = .sevenToThirtyDays
        default: self = .overThirtyDays
        }
    }

    public static func < (lhs: BacklogAge, rhs: BacklogAge) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// Calendar and business seconds a solved ticket spent in one status.
public struct StatusTime: Sendable, Equatable {
    public var calendarSeconds: Int64
    public var businessSeconds: Int64

    public init(calendarSeconds: Int64, businessSeconds: Int64) {
        self.calendarSeconds = calendarSeconds
        self.businessSeconds = businessSeconds
    }
}

/// The KPIs only a ticket's history can give, as pure functions of timelines (docs/metrics.md).
public enum HistoryKPIs {
    /// Statuses whose time is measured per solved ticket, in report order.
    public static let measuredStatuses = ["new", "open", "pending", "hold"]

    /// Tickets in the backlog at `instant`: status new, open, pending or hold by the timeline.
    public static func backlog(_ timelines: [TicketTimeline], at instant: Int64) -> [TicketTimeline] {
        timelines.filter { $0.isUnsolved(at: instant) }
    }

    /// Backlog counts at `instant` per age bucket (age = instant − created); every bucket present.
    public static func backlogAges(_ timelines: [TicketTimeline], at instant: Int64) -> [BacklogAge: Int] {
        var counts = Dictionary(uniqueKeysWithValues: BacklogAge.allCases.map { ($0, 0) })
        for timeline in backlog(timelines, at: instant) {
            let age = instant - (timeline.createdAt ?? instant)
            counts[BacklogAge(ageSeconds: age), default: 0] += 1
        }
        return counts
    }

    /// Reopen events (solved → new/open/pending/hold) at instants in `[from, to)`, as (ticket, instant)
    /// in time order.
    public static func reopens(_ timelines: [TicketTimeline], from: Int64, to: Int64) -> [(ticketID: Int64, at: Int64)]
    {
        var events: [(ticketID: Int64, at: Int64)] = []
        for timeline in timelines {
            for at in timeline.reopens where at >= from && at < to { events.append((timeline.ticketID, at)) }
        }
        return events.sorted { ($0.at, $0.ticketID) < ($1.at, $1.ticketID) }
    }

    /// Every agent public reply of a ticket with the end-user comment it answers.
    ///
    /// Public comments are walked in order. An end-user comment starts a wait unless one is already
    /// running (the wait starts at the oldest unanswered end-user comment); an agent's public comment
    /// during a wait is a reply and ends it. Agent comments with no wait (an agent-created ticket's
    /// first comment, a second agent comment in a row) answer nothing; private notes and comments by
    /// unknown authors neither start nor end a wait.
    public static func replies(_ timeline: TicketTimeline) -> [Reply] {
        var replies: [Reply] = []
        var waitingSince: Int64?
        for comment in timeline.comments where comment.isPublic {
            switch comment.role {
            case .endUser:
                if waitingSince == nil { waitingSince = comment.createdAt }
            case .agent:
                guard let asked = waitingSince else { continue }
                replies.append(
                    Reply(
                        ticketID: timeline.ticketID, commentID: comment.id, agentID: comment.authorID,
                        repliedAt: comment.createdAt, askedAt: asked, isFirst: replies.isEmpty))
                waitingSince = nil
            case .unknown:
                continue
            }
        }
        return replies
    }

    /// Replies made in `[from, to)` across tickets, in time order.
    public static func replies(_ timelines: [TicketTimeline], from: Int64, to: Int64) -> [Reply] {
        timelines.flatMap { replies($0) }.filter { $0.repliedAt >= from && $0.repliedAt < to }
            .sorted { ($0.repliedAt, $0.ticketID, $0.commentID) < ($1.repliedAt, $1.ticketID, $1.commentID) }
    }

    /// Agent replies on a ticket: public agent comments, except an agent's comment that opened the
    /// ticket (the ticket's first public comment).
    public static func agentReplies(_ timeline: TicketTimeline) -> Int {
        let publicComments = timeline.comments.filter(\.isPublic)
        var count = 0
        for (index, comment) in publicComments.enumerated() where comment.role == .agent && index > 0 {
            count += 1
        }
        return count
    }

    /// The ticket's latest solve if it is still solved (or closed) at `asOf`: a solved ticket.
    public static func finalSolve(_ timeline: TicketTimeline, asOf: Int64) -> Int64? {
        guard let last = timeline.solves.last(where: { $0 <= asOf }),
            let status = timeline.status(at: asOf), status == "solved" || status == "closed"
        else { return nil }
        return last
    }

    /// Time a ticket spent in each of ``measuredStatuses`` from creation to `end` (its final solve),
    /// on the calendar and on `schedule`.
    public static func timeInStatus(
        _ timeline: TicketTimeline, until end: Int64, schedule: BusinessSchedule
    ) -> [String: StatusTime] {
        var result = Dictionary(
            uniqueKeysWithValues: measuredStatuses.map { ($0, StatusTime(calendarSeconds: 0, businessSeconds: 0)) })
        let start = timeline.createdAt ?? end
        for interval in timeline.status {
            guard let status = interval.value, let span = interval.overlap(from: start, to: end),
                var time = result[status]
            else { continue }
            time.calendarSeconds += span.to - span.from
            time.businessSeconds += schedule.businessSeconds(from: span.from, to: span.to)
            result[status] = time
        }
        return result
    }
}
