/// A CSAT rating; `groupID` and `assigneeID` are the ticket's at the time of rating.
public struct SatisfactionRating: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64?
    public var groupID: Int64?
    public var assigneeID: Int64?
    public var requesterID: Int64?
    /// `offered`, `unoffered`, `good` or `bad`.
    public var score: String?
    public var reason: String?
    public var reasonID: Int64?
    public var createdAt: Int64?
    public var updatedAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        ticketID = try reader.optionalID("ticket_id")
        groupID = try reader.optionalID("group_id")
        assigneeID = try reader.optionalID("assignee_id")
        requesterID = try reader.optionalID("requester_id")
        score = reader.string("score")
        reason = reader.string("reason")
        reasonID = try reader.optionalID("reason_id")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at") ?? createdAt
    }
}
