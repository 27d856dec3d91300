import ZendeskWire

/// A ticket as the SLA evaluator sees it: its current fields plus Zendesk's measured durations.
///
/// Policies are matched against these *current* fields (deskstat has no field history yet), and
/// targets are judged from the ticket's metric set (`ticket_metrics`).
public struct SLATicket: Sendable {
    public var id: Int64
    /// `new`, `open`, `pending`, `hold`, `solved` or `closed`.
    public var status: String?
    /// `low`, `normal`, `high` or `urgent`; a ticket without one gets no SLA.
    public var priority: String?
    /// `question`, `incident`, `problem` or `task`.
    public var type: String?
    public var groupID: Int64?
    public var assigneeID: Int64?
    public var requesterID: Int64?
    public var organizationID: Int64?
    public var brandID: Int64?
    public var ticketFormID: Int64?
    /// `via.channel` as the API sent it: a channel name (`web`, `email`, …), a via type name, or a
    /// via id written as text.
    public var viaChannel: String?
    /// The numeric via id when known; it takes precedence over `viaChannel`.
    public var viaID: Int64?
    public var tags: Set<String>
    /// Custom field values by field id, as stored in the cache: plain text for strings, compact
    /// JSON for numbers, booleans and multi-select lists (`["a","b"]`).
    public var customFields: [Int64: String]
    /// Creation time, epoch seconds.
    public var createdAt: Int64
    /// `reply_time_in_minutes`: time to the first public agent reply.
    public var replyTime: Clocked
    /// `requester_wait_time_in_minutes`.
    public var requesterWait: Clocked
    /// `on_hold_time_in_minutes`.
    public var onHold: Clocked
    /// `full_resolution_time_in_minutes`.
    public var fullResolution: Clocked
    /// `solved_at`: the latest solve, epoch seconds.
    public var solvedAt: Int64?
    /// `replies`: public agent replies.
    public var replies: Int64?
    /// Whether the ticket has a metric set at all; without one every measurement is unknown.
    public var hasMetrics: Bool

    /// A ticket; everything but the id and creation time is optional.
    public init(
        id: Int64, status: String? = nil, priority: String? = nil, type: String? = nil,
        groupID: Int64? = nil, assigneeID: Int64? = nil, requesterID: Int64? = nil,
        organizationID: Int64? = nil, brandID: Int64? = nil, ticketFormID: Int64? = nil,
        viaChannel: String? = nil, viaID: Int64? = nil, tags: Set<String> = [],
        customFields: [Int64: String] = [:], createdAt: Int64,
        replyTime: Clocked = .unmeasured, requesterWait: Clocked = .unmeasured,
        onHold: Clocked = .unmeasured, fullResolution: Clocked = .unmeasured,
        solvedAt: Int64? = nil, replies: Int64? = nil, hasMetrics: Bool = true
    ) {
        self.id = id
        self.status = status
        self.priority = priority
        self.type = type
        self.groupID = groupID
        self.assigneeID = assigneeID
        self.requesterID = requesterID
        self.organizationID = organizationID
        self.brandID = brandID
        self.ticketFormID = ticketFormID
        self.viaChannel = viaChannel
        self.viaID = viaID
        self.tags = tags
        self.customFields = customFields
        self.createdAt = createdAt
        self.replyTime = replyTime
        self.requesterWait = requesterWait
        self.onHold = onHold
        self.fullResolution = fullResolution
        self.solvedAt = solvedAt
        self.replies = replies
        self.hasMetrics = hasMetrics
    }

    /// Solved means status `solved` or `closed`.
    public var isSolved: Bool { TicketStatus.isSolved(status) }
}
