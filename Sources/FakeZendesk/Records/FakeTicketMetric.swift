/// A ticket's metric set (`ticket_metric`), as side-loaded in `metric_sets` by the ticket export.
public struct FakeTicketMetric: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    public var createdAt: Int64
    public var updatedAt: Int64
    public var groupStations: Int64
    public var assigneeStations: Int64
    public var reopens: Int64
    public var replies: Int64
    public var assigneeUpdatedAt: Int64?
    public var requesterUpdatedAt: Int64?
    public var statusUpdatedAt: Int64?
    public var initiallyAssignedAt: Int64?
    public var assignedAt: Int64?
    public var solvedAt: Int64?
    public var latestCommentAddedAt: Int64?
    public var customStatusUpdatedAt: Int64?
    public var replyTime: FakeMinutes
    public var firstResolutionTime: FakeMinutes
    public var fullResolutionTime: FakeMinutes
    public var agentWaitTime: FakeMinutes
    public var requesterWaitTime: FakeMinutes
    public var onHoldTime: FakeMinutes

    public init(
        id: Int64, ticketID: Int64, createdAt: Int64, updatedAt: Int64? = nil, groupStations: Int64 = 1,
        assigneeStations: Int64 = 1, reopens: Int64 = 0, replies: Int64 = 0, assigneeUpdatedAt: Int64? = nil,
        requesterUpdatedAt: Int64? = nil, statusUpdatedAt: Int64? = nil, initiallyAssignedAt: Int64? = nil,
        assignedAt: Int64? = nil, solvedAt: Int64? = nil, latestCommentAddedAt: Int64? = nil,
        customStatusUpdatedAt: Int64? = nil, replyTime: FakeMinutes = .pending,
        firstResolutionTime: FakeMinutes = .pending,
        fullResolutionTime: FakeMinutes = .pending, agentWaitTime: FakeMinutes = .zero,
        requesterWaitTime: FakeMinutes = .zero, onHoldTime: FakeMinutes = .zero
    ) {
        self.id = id
        self.ticketID = ticketID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.groupStations = groupStations
        self.assigneeStations = assigneeStations
        self.reopens = reopens
        self.replies = replies
        self.assigneeUpdatedAt = assigneeUpdatedAt
        self.requesterUpdatedAt = requesterUpdatedAt
        self.statusUpdatedAt = statusUpdatedAt
        self.initiallyAssignedAt = initiallyAssignedAt
        self.assignedAt = assignedAt
        self.solvedAt = solvedAt
        self.latestCommentAddedAt = latestCommentAddedAt
        self.customStatusUpdatedAt = customStatusUpdatedAt
        self.replyTime = replyTime
        self.firstResolutionTime = firstResolutionTime
        self.fullResolutionTime = fullResolutionTime
        self.agentWaitTime = agentWaitTime
        self.requesterWaitTime = requesterWaitTime
        self.onHoldTime = onHoldTime
    }

    /// The metric set as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "url": .string("\(baseURL)/api/v2/ticket_metrics/\(id).json"), "id": .int(id), "ticket_id": .int(ticketID),
            "created_at": .time(createdAt), "updated_at": .time(updatedAt), "group_stations": .int(groupStations),
            "assignee_stations": .int(assigneeStations), "reopens": .int(reopens), "replies": .int(replies),
            "assignee_updated_at": .time(assigneeUpdatedAt), "requester_updated_at": .time(requesterUpdatedAt),
            "status_updated_at": .time(statusUpdatedAt), "initially_assigned_at": .time(initiallyAssignedAt),
            "assigned_at": .time(assignedAt), "solved_at": .time(solvedAt),
            "latest_comment_added_at": .time(latestCommentAddedAt),
            "reply_time_in_minutes": replyTime.json, "first_resolution_time_in_minutes": firstResolutionTime.json,
            "full_resolution_time_in_minutes": fullResolutionTime.json,
            "agent_wait_time_in_minutes": agentWaitTime.json,
            "requester_wait_time_in_minutes": requesterWaitTime.json, "on_hold_time_in_minutes": onHoldTime.json,
            "custom_status_updated_at": .time(customStatusUpdatedAt),
        ]
    }
}

/// A metric duration in minutes: `{calendar, business}`, each `null` until the metric completes.
public struct FakeMinutes: Sendable, Equatable {
    public var calendar: Int64?
    public var business: Int64?

    public init(calendar: Int64?, business: Int64?) {
        self.calendar = calendar
        self.business = business
    }

    /// Both values the same (the account's schedule is around the clock).
    public static func minutes(_ value: Int64) -> FakeMinutes { FakeMinutes(calendar: value, business: value) }
    /// Not completed yet: both null.
    public static let pending = FakeMinutes(calendar: nil, business: nil)
    /// Nothing accrued: both 0.
    public static let zero = FakeMinutes(calendar: 0, business: 0)

    var json: FakeJSON { ["calendar": .maybe(calendar), "business": .maybe(business)] }
}
