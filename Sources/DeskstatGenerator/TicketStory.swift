/// A duration measured on both clocks, in seconds.
struct DualDuration: Sendable {
    var calendar: Int64 = 0
    var business: Int64 = 0

    init(calendar: Int64 = 0, business: Int64 = 0) {
        self.calendar = calendar
        self.business = business
    }

    /// `[from, to)` on the calendar and the schedule.
    init(from start: Int64, to end: Int64, schedule: BusinessCalendar) {
        calendar = max(0, end - start)
        business = schedule.seconds(from: start, to: end)
    }

    static func += (total: inout DualDuration, part: DualDuration) {
        total.calendar += part.calendar
        total.business += part.business
    }
}

/// One step of a ticket's story: what Zendesk's metric clocks react to (status changes, public
/// agent replies, requester comments) and the other updates its history shows.
enum StoryMark: Sendable, Equatable {
    case status(Int64, StoryStatus)
    /// A public reply by the assignee.
    case agentReply(Int64)
    case requesterComment(Int64)
    /// The ticket was given to an agent (user id) in a group.
    case assigned(Int64, group: SupportGroup, assigneeID: Int64)
    /// The assignee changed something without a public reply.
    case agentUpdate(Int64)
    /// The ticket was escalated to Tier 2 (its `escalated` tag and checkbox were set).
    case escalated(Int64)
    /// A change the ticket shows but its metric set does not (a satisfaction rating).
    case ticketOnly(Int64)

    /// When the step happened.
    var time: Int64 {
        switch self {
        case .status(let time, _), .agentReply(let time), .requesterComment(let time), .assigned(let time, _, _),
            .agentUpdate(let time), .escalated(let time), .ticketOnly(let time):
            time
        }
    }
}

/// A ticket's life as it unfolds, cut off at an "as of" instant.
///
/// The plot (`TicketPlot`) proposes events in time order; `advance(to:)` lets time pass in the
/// current status and refuses once the as-of instant is reached, so whatever has not happened
/// by then simply did not. Time spent in a status is added to Zendesk's wait metrics when the
/// status ends: new and open count as requester wait, hold as requester wait and on-hold,
/// pending as agent wait.
struct TicketStory {
    let created: Int64
    let asOf: Int64
    let schedule: BusinessCalendar
    private(set) var now: Int64
    /// True once the as-of instant has been reached.
    private(set) var isOver = false
    private(set) var status: StoryStatus = .new

    private(set) var requesterWait = DualDuration()
    private(set) var agentWait = DualDuration()
    private(set) var onHold = DualDuration()

    private(set) var statusUpdatedAt: Int64
    /// The latest change of any kind, including ratings.
    private(set) var updatedAt: Int64
    /// The latest change the metric set reflects.
    private(set) var metricsUpdatedAt: Int64
    private(set) var replies = 0
    private(set) var reopens = 0
    private(set) var firstReplyAt: Int64?
    private(set) var firstSolvedAt: Int64?
    private(set) var solvedAt: Int64?
    private(set) var latestCommentAt: Int64
    private(set) var assigneeUpdatedAt: Int64?
    private(set) var requesterUpdatedAt: Int64?
    private(set) var initiallyAssignedAt: Int64?
    private(set) var assignedAt: Int64?
    private(set) var group: SupportGroup
    private(set) var assignee: StaffMember?
    private(set) var groupStations = 1
    private(set) var assigneeStations = 0
    /// Every step in time order: status changes, public agent replies and requester comments
    /// (for the ticket's metric events, `MetricEvents`) and assignments, other agent updates,
    /// escalations and rating touches (for its history, `TicketHistory`).
    private(set) var log: [StoryMark] = []

    init(created: Int64, asOf: Int64, group: SupportGroup, requesterCreated: Bool, schedule: BusinessCalendar) {
        self.created = created
        self.asOf = asOf
        self.schedule = schedule
        self.group = group
        now = created
        statusUpdatedAt = created
        updatedAt = created
        metricsUpdatedAt = created
        latestCommentAt = created
        requesterUpdatedAt = requesterCreated ? created : nil
    }

    /// Lets time pass in the current status until `instant`. Returns false — and the story is
    /// over — when the as-of instant comes first.
    mutating func advance(to instant: Int64) -> Bool {
        guard !isOver else { return false }
        let target = max(instant, now)
        guard target <= asOf else {
            now = asOf
            isOver = true
            return false
        }
        settle(until: target)
        now = target
        return true
    }

    mutating func setStatus(_ newStatus: StoryStatus) {
        status = newStatus
        log.append(.status(now, newStatus))
        statusUpdatedAt = now
        touch()
    }

    /// Gives the ticket to `member` (counting a new assignee station, and a group station when
    /// the group changes).
    mutating func assign(to member: StaffMember, in newGroup: SupportGroup) {
        if newGroup != group { groupStations += 1 }
        if member.id != assignee?.id { assigneeStations += 1 }
        group = newGroup
        assignee = member
        log.append(.assigned(now, group: newGroup, assigneeID: member.id))
        if initiallyAssignedAt == nil { initiallyAssignedAt = now }
        assignedAt = now
        touch()
    }

    /// A public reply by the assignee.
    mutating func agentReply() {
        replies += 1
        log.append(.agentReply(now))
        if firstReplyAt == nil { firstReplyAt = now }
        latestCommentAt = now
        assigneeUpdatedAt = now
        touch()
    }

    /// The assignee changes something without a public reply.
    mutating func agentUpdate() {
        log.append(.agentUpdate(now))
        assigneeUpdatedAt = now
        touch()
    }

    mutating func requesterComment() {
        log.append(.requesterComment(now))
        latestCommentAt = now
        requesterUpdatedAt = now
        touch()
    }

    mutating func solve() {
        if firstSolvedAt == nil { firstSolvedAt = now }
        solvedAt = now
        assigneeUpdatedAt = now
        setStatus(.solved)
    }

    mutating func reopen() {
        reopens += 1
        requesterComment()
        setStatus(.open)
    }

    /// A change the ticket shows but its metric set does not (a satisfaction rating).
    mutating func touchTicketOnly() {
        log.append(.ticketOnly(now))
        updatedAt = now
    }

    /// Records that the ticket was escalated (a mark for its history; no metric moves).
    mutating func markEscalated() {
        log.append(.escalated(now))
    }

    // MARK: Private

    private mutating func touch() {
        updatedAt = now
        metricsUpdatedAt = now
    }

    private mutating func settle(until end: Int64) {
        guard end > now else { return }
        switch status {
        case .new, .open:
            requesterWait += DualDuration(from: now, to: end, schedule: schedule)
        case .hold:
            let span = DualDuration(from: now, to: end, schedule: schedule)
            requesterWait += span
            onHold += span
        case .pending:
            agentWait += DualDuration(from: now, to: end, schedule: schedule)
        case .solved, .closed, .deleted:
            break
        }
    }
}
