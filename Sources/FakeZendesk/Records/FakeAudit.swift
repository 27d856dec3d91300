/// A ticket audit (`/api/v2/tickets/{id}/audits.json`): who changed the ticket, when, through
/// which channel, and the events of that change (Create, Change, Comment, Notification, …).
public struct FakeAudit: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    public var createdAt: Int64
    /// `-1` for system actions (triggers, automations).
    public var authorID: Int64
    public var viaChannel: String
    public var events: [FakeAuditEvent]

    public init(
        id: Int64, ticketID: Int64, createdAt: Int64, authorID: Int64, viaChannel: String = "web",
        events: [FakeAuditEvent]
    ) {
        self.id = id
        self.ticketID = ticketID
        self.createdAt = createdAt
        self.authorID = authorID
        self.viaChannel = viaChannel
        self.events = events
    }

    /// The audit's `metadata` member.
    var metadata: FakeJSON {
        [
            "system": ["client": "deskstat-fake", "ip_address": "203.0.113.7", "location": "Oslo, Norway"],
            "custom": [:],
        ]
    }

    /// The audit as the API writes it; Comment events carry `audit_id`.
    public func json(baseURL: String) -> FakeJSON {
        [
            "id": .int(id), "ticket_id": .int(ticketID), "created_at": .time(createdAt), "author_id": .int(authorID),
            "metadata": metadata, "via": FakeVia.json(channel: viaChannel),
            "events": .array(events.map { $0.json(auditID: id) }),
        ]
    }

    /// The audit's comments as `/api/v2/tickets/{id}/comments.json` writes them: the Comment
    /// event plus the audit's `via`, `created_at` and `metadata`.
    public func comments() -> [FakeJSON] {
        events.filter(\.isComment).map { event in
            let commentFields = event.json(auditID: id)
            guard case .object(let object) = commentFields else { return commentFields }
            let context: FakeJSONObject = [
                "via": FakeVia.json(channel: viaChannel), "created_at": .time(createdAt), "metadata": metadata,
            ]
            return .object(object.merging(context))
        }
    }
}

/// One event inside an audit: an id, a type and the type's members.
public struct FakeAuditEvent: Sendable, Equatable {
    public var id: Int64
    /// `Comment`, `Create`, `Change`, `Notification`, `SatisfactionRating`, …
    public var type: String
    /// The type-specific members, in order (without `id`, `type` and, for comments, `audit_id`).
    public var members: FakeJSONObject

    public init(id: Int64, type: String, members: FakeJSONObject) {
        self.id = id
        self.type = type
        self.members = members
    }

    /// A comment (public or private); `body` is the plain text.
    public static func comment(id: Int64, authorID: Int64, body: String, public isPublic: Bool = true) -> FakeAuditEvent
    {
        FakeAuditEvent(
            id: id, type: "Comment",
            members: [
                "author_id": .int(authorID), "body": .string(body), "html_body": .string("<p>\(body)</p>"),
                "plain_body": .string(body), "public": .bool(isPublic), "attachments": [],
            ])
    }

    /// A field set on creation.
    public static func create(id: Int64, field: String, value: FakeJSON) -> FakeAuditEvent {
        FakeAuditEvent(id: id, type: "Create", members: ["value": value, "field_name": .string(field)])
    }

    /// A field change, with the previous value.
    public static func change(id: Int64, field: String, value: FakeJSON, previous: FakeJSON) -> FakeAuditEvent {
        FakeAuditEvent(
            id: id, type: "Change", members: ["value": value, "field_name": .string(field), "previous_value": previous])
    }

    /// Whether this is a Comment event (those also appear in the comments endpoint).
    public var isComment: Bool { type == "Comment" || type == "VoiceComment" }

    func json(auditID: Int64) -> FakeJSON {
        var object: FakeJSONObject = ["id": .int(id), "type": .string(type)]
        object = object.merging(members)
        if isComment { object["audit_id"] = .int(auditID) }
        return .object(object)
    }
}
