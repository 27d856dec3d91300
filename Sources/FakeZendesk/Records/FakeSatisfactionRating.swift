/// A satisfaction rating (`/api/v2/satisfaction_ratings.json`). `score` moves from `offered` to
/// `good` or `bad` when the customer answers, which bumps `updated_at`.
public struct FakeSatisfactionRating: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    public var assigneeID: Int64?
    public var groupID: Int64?
    public var requesterID: Int64
    /// `offered`, `unoffered`, `good` or `bad`.
    public var score: String
    public var comment: String?
    public var reason: String?
    public var reasonID: Int64?
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, ticketID: Int64, assigneeID: Int64? = nil, groupID: Int64? = nil, requesterID: Int64,
        score: String, comment: String? = nil, reason: String? = nil, reasonID: Int64? = nil, createdAt: Int64 = 0,
        updatedAt: Int64? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.requesterID = requesterID
        self.score = score
        self.comment = comment
        self.reason = reason
        self.reasonID = reasonID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The rating as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "url": .string("\(baseURL)/api/v2/satisfaction_ratings/\(id).json"), "id": .int(id),
            "assignee_id": .maybe(assigneeID), "group_id": .maybe(groupID), "requester_id": .int(requesterID),
            "ticket_id": .int(ticketID), "score": .string(score), "created_at": .time(createdAt),
            "updated_at": .time(updatedAt), "comment": .maybe(comment), "reason": .maybe(reason),
            "reason_id": .maybe(reasonID),
        ]
    }
}
