/// A ticket metric set: Zendesk's own per-ticket durations, counters and milestones.
public struct TicketMetric: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    public var createdAt: Int64?
    public var updatedAt: Int64?
    public var replyTime: Duration
    public var firstResolutionTime: Duration
    public var fullResolutionTime: Duration
    public var agentWaitTime: Duration
    public var requesterWaitTime: Duration
    public var onHoldTime: Duration
    public var replyTimeInSecondsCalendar: Double?
    public var reopens: Int64?
    public var replies: Int64?
    public var assigneeStations: Int64?
    public var groupStations: Int64?
    public var assignedAt: Int64?
    public var initiallyAssignedAt: Int64?
    public var solvedAt: Int64?
    public var statusUpdatedAt: Int64?
    public var latestCommentAddedAt: Int64?
    public var requesterUpdatedAt: Int64?
    public var assigneeUpdatedAt: Int64?
    public var customStatusUpdatedAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        ticketID = try reader.id("ticket_id")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
        replyTime = try reader.duration("reply_time_in_minutes")
        firstResolutionTime = try reader.duration("first_resolution_time_in_minutes")
        fullResolutionTime = try reader.duration("full_resolution_time_in_minutes")
        agentWaitTime = try reader.duration("agent_wait_time_in_minutes")
        requesterWaitTime = try reader.duration("requester_wait_time_in_minutes")
        onHoldTime = try reader.duration("on_hold_time_in_minutes")
        replyTimeInSecondsCalendar = try reader.duration("reply_time_in_seconds").calendar
        reopens = try reader.integer("reopens")
        replies = try reader.integer("replies")
        assigneeStations = try reader.integer("assignee_stations")
        groupStations = try reader.integer("group_stations")
        assignedAt = try reader.timestamp("assigned_at")
        initiallyAssignedAt = try reader.timestamp("initially_assigned_at")
        solvedAt = try reader.timestamp("solved_at")
        statusUpdatedAt = try reader.timestamp("status_updated_at")
        latestCommentAddedAt = try reader.timestamp("latest_comment_added_at")
        requesterUpdatedAt = try reader.timestamp("requester_updated_at")
        assigneeUpdatedAt = try reader.timestamp("assignee_updated_at")
        customStatusUpdatedAt = try reader.timestamp("custom_status_updated_at")
    }
}
