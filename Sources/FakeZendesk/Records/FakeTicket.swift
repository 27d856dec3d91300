/// A ticket as the incremental ticket export sends it, `generated_timestamp` included.
///
/// Timestamps are epoch seconds here and ISO-8601 text on the wire (`generated_timestamp` stays a
/// number, as in the API). A deleted ticket is still exported, with `status: "deleted"`.
public struct FakeTicket: Sendable, Equatable {
    public var id: Int64
    public var subject: String
    public var description: String
    /// `new`, `open`, `pending`, `hold`, `solved`, `closed`, or `deleted`.
    public var status: String
    /// `urgent`, `high`, `normal`, `low`, or `nil`.
    public var priority: String?
    /// `problem`, `incident`, `question`, `task`, or `nil`.
    public var type: String?
    public var requesterID: Int64
    public var submitterID: Int64
    public var assigneeID: Int64?
    public var organizationID: Int64?
    public var groupID: Int64?
    public var brandID: Int64?
    public var ticketFormID: Int64?
    public var problemID: Int64?
    /// The via channel: `email`, `web`, `api`, `chat`, …
    public var viaChannel: String
    public var recipient: String?
    public var tags: [String]
    public var customFields: [FakeCustomFieldValue]
    /// The rating summary embedded in the ticket (`{id, score, comment}`), if any.
    public var satisfactionRating: FakeRatingSummary?
    public var createdAt: Int64
    public var updatedAt: Int64
    /// The export's version key: moves on every change, system-only changes included.
    public var generatedTimestamp: Int64
    public var dueAt: Int64?
    /// The ticket's metric set, side-loaded as `metric_sets` with `include=metric_sets` (none for deleted tickets).
    public var metricSet: FakeTicketMetric?

    public init(
        id: Int64, subject: String = "", description: String = "", status: String = "open", priority: String? = nil,
        type: String? = nil, requesterID: Int64, submitterID: Int64? = nil, assigneeID: Int64? = nil,
        organizationID: Int64? = nil, groupID: Int64? = nil, brandID: Int64? = nil, ticketFormID: Int64? = nil,
        problemID: Int64? = nil, viaChannel: String = "web", recipient: String? = nil, tags: [String] = [],
        customFields: [FakeCustomFieldValue] = [], satisfactionRating: FakeRatingSummary? = nil, createdAt: Int64 = 0,
        updatedAt: Int64? = nil, generatedTimestamp: Int64? = nil, dueAt: Int64? = nil,
        metricSet: FakeTicketMetric? = nil
    ) {
        self.id = id
        self.subject = subject
        self.description = description
        self.status = status
        self.priority = priority
        self.type = type
        self.requesterID = requesterID
        self.submitterID = submitterID ?? requesterID
        self.assigneeID = assigneeID
        self.organizationID = organizationID
        self.groupID = groupID
        self.brandID = brandID
        self.ticketFormID = ticketFormID
        self.problemID = problemID
        self.viaChannel = viaChannel
        self.recipient = recipient
        self.tags = tags
        self.customFields = customFields
        self.satisfactionRating = satisfactionRating
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.generatedTimestamp = generatedTimestamp ?? updatedAt ?? createdAt
        self.dueAt = dueAt
        self.metricSet = metricSet
    }

    /// Whether the export marks this ticket deleted (`status: "deleted"`).
    public var isDeleted: Bool { status == "deleted" }

    /// The `custom_status_id` Zendesk's default custom statuses give each status category.
    var customStatusID: Int64? {
        ["new": 1, "open": 2, "pending": 3, "hold": 4, "solved": 5, "closed": 5][status]
    }

    /// The ticket as the API writes it, keys in the API's order.
    public func json(baseURL: String) -> FakeJSON {
        let fields = FakeJSON.array(customFields.map(\.json))
        let identity: FakeJSONObject = [
            "url": .string("\(baseURL)/api/v2/tickets/\(id).json"), "id": .int(id), "external_id": nil,
            "via": FakeVia.json(channel: viaChannel), "created_at": .time(createdAt), "updated_at": .time(updatedAt),
            "generated_timestamp": .int(generatedTimestamp), "type": .maybe(type), "subject": .string(subject),
            "raw_subject": .string(subject), "description": .string(description), "priority": .maybe(priority),
            "status": .string(status), "recipient": .maybe(recipient),
        ]
        let people: FakeJSONObject = [
            "requester_id": .int(requesterID), "submitter_id": .int(submitterID), "assignee_id": .maybe(assigneeID),
            "organization_id": .maybe(organizationID), "group_id": .maybe(groupID), "collaborator_ids": [],
            "follower_ids": [], "email_cc_ids": [], "forum_topic_id": nil, "problem_id": .maybe(problemID),
            "has_incidents": false, "is_public": true, "due_at": .time(dueAt), "tags": .strings(tags),
            "custom_fields": fields, "satisfaction_rating": satisfactionRating?.json ?? .null,
            "sharing_agreement_ids": [], "custom_status_id": .maybe(customStatusID), "fields": fields,
            "followup_ids": [],
            "ticket_form_id": .maybe(ticketFormID), "brand_id": .maybe(brandID), "allow_channelback": false,
            "allow_attachments": true, "from_messaging_channel": false,
        ]
        return .object(identity.merging(people))
    }
}

/// One entry of a ticket's `custom_fields` (and `fields`): the field id and its value
/// (a string, number, boolean, list of strings, or null).
public struct FakeCustomFieldValue: Sendable, Equatable {
    public var id: Int64
    public var value: FakeJSON

    public init(id: Int64, value: FakeJSON) {
        self.id = id
        self.value = value
    }

    var json: FakeJSON { ["id": .int(id), "value": value] }
}

/// The satisfaction rating summary a ticket carries: `{id, score, comment}`.
public struct FakeRatingSummary: Sendable, Equatable {
    public var id: Int64
    /// `offered`, `unoffered`, `good` or `bad`.
    public var score: String
    public var comment: String?

    public init(id: Int64, score: String, comment: String? = nil) {
        self.id = id
        self.score = score
        self.comment = comment
    }

    var json: FakeJSON { ["id": .int(id), "score": .string(score), "comment": .maybe(comment)] }
}

/// The `via` object records carry: the channel plus an empty source.
enum FakeVia {
    static func json(channel: String) -> FakeJSON {
        ["channel": .string(channel), "source": ["from": [:], "to": [:], "rel": nil]]
    }
}
