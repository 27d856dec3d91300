import GRDB

extension CacheRow {
    /// A ticket row with its tags and custom field values. `generatedTimestamp` is the version key;
    /// pass `updatedAt` when the body had none.
    public static func ticket(
        id: Int64, status: String?, priority: String?, type: String?, subject: String?, viaChannel: String?,
        groupID: Int64?, assigneeID: Int64?, requesterID: Int64?, submitterID: Int64?, organizationID: Int64?,
        brandID: Int64?, ticketFormID: Int64?, problemID: Int64?, createdAt: Int64, updatedAt: Int64,
        generatedTimestamp: Int64, deleted: Bool, tags: [String], customFields: [(fieldID: Int64, value: String?)],
        rawJSON: String
    ) -> CacheRow {
        let uniqueTags = Array(Set(tags)).sorted()
        return CacheRow(
            .tickets,
            [
                id, status, priority, type, subject, viaChannel, groupID, assigneeID, requesterID, submitterID,
                organizationID, brandID, ticketFormID, problemID, createdAt, updatedAt, generatedTimestamp, deleted,
            ],
            rawJSON: rawJSON,
            children: [
                ChildRows("ticket_tags", ["ticket_id", "tag"], uniqueTags.map { [id, $0] }),
                ChildRows(
                    "ticket_custom_fields", ["ticket_id", "field_id", "value"],
                    customFields.map { [id, $0.fieldID, $0.value] }),
            ])
    }

    /// A ticket metric set. Durations are `(calendar, business)` minutes in `TicketMetricRow.durationNames`
    /// order; timestamps in `TicketMetricRow.timestampNames` order.
    public static func ticketMetric(_ metric: TicketMetricRow, rawJSON: String) -> CacheRow {
        var values: [(any DatabaseValueConvertible)?] = [
            metric.id, metric.ticketID, metric.createdAt, metric.updatedAt,
        ]
        for duration in metric.durations { values += [duration.calendar, duration.business] }
        values += [
            metric.replyTimeInSecondsCalendar, metric.reopens, metric.replies, metric.assigneeStations,
            metric.groupStations,
        ]
        values += metric.timestamps.map { $0 }
        return CacheRow(.ticketMetrics, values, rawJSON: rawJSON)
    }

    /// A satisfaction rating.
    public static func satisfactionRating(
        id: Int64, ticketID: Int64?, groupID: Int64?, assigneeID: Int64?, requesterID: Int64?, score: String?,
        reason: String?, reasonID: Int64?, createdAt: Int64?, updatedAt: Int64?, rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .satisfactionRatings,
            [id, ticketID, groupID, assigneeID, requesterID, score, reason, reasonID, createdAt, updatedAt],
            rawJSON: rawJSON)
    }

    /// A ticket audit.
    public static func ticketAudit(
        id: Int64, ticketID: Int64, authorID: Int64?, viaChannel: String?, createdAt: Int64, rawJSON: String
    ) -> CacheRow {
        CacheRow(.ticketAudits, [id, ticketID, authorID, viaChannel, createdAt], rawJSON: rawJSON)
    }

    /// A ticket comment.
    public static func ticketComment(
        id: Int64, ticketID: Int64, auditID: Int64?, authorID: Int64?, type: String?, isPublic: Bool?,
        viaChannel: String?, createdAt: Int64?, rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .ticketComments, [id, ticketID, auditID, authorID, type, isPublic, viaChannel, createdAt], rawJSON: rawJSON)
    }

    /// A ticket metric event.
    public static func ticketMetricEvent(
        id: Int64, ticketID: Int64?, metric: String?, instanceID: Int64?, type: String?, time: Int64?, deleted: Bool?,
        rawJSON: String
    ) -> CacheRow {
        CacheRow(.ticketMetricEvents, [id, ticketID, metric, instanceID, type, time, deleted], rawJSON: rawJSON)
    }
}

/// The typed columns of a ticket metric set.
public struct TicketMetricRow: Sendable {
    /// Duration metrics, each stored as `<name>_in_minutes_calendar` and `<name>_in_minutes_business`.
    public static let durationNames = [
        "reply_time", "first_resolution_time", "full_resolution_time", "agent_wait_time", "requester_wait_time",
        "on_hold_time",
    ]
    /// Milestone timestamps, stored under these names.
    public static let timestampNames = [
        "assigned_at", "initially_assigned_at", "solved_at", "status_updated_at", "latest_comment_added_at",
        "requester_updated_at", "assignee_updated_at", "custom_status_updated_at",
    ]

    public var id: Int64
    public var ticketID: Int64
    public var createdAt: Int64?
    public var updatedAt: Int64?
    /// In `durationNames` order.
    public var durations: [(calendar: Double?, business: Double?)]
    public var replyTimeInSecondsCalendar: Double?
    public var reopens: Int64?
    public var replies: Int64?
    public var assigneeStations: Int64?
    public var groupStations: Int64?
    /// In `timestampNames` order.
    public var timestamps: [Int64?]

    public init(
        id: Int64, ticketID: Int64, createdAt: Int64?, updatedAt: Int64?,
        durations: [(calendar: Double?, business: Double?)], replyTimeInSecondsCalendar: Double?, reopens: Int64?,
        replies: Int64?, assigneeStations: Int64?, groupStations: Int64?, timestamps: [Int64?]
    ) {
        precondition(durations.count == Self.durationNames.count && timestamps.count == Self.timestampNames.count)
        self.id = id
        self.ticketID = ticketID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.durations = durations
        self.replyTimeInSecondsCalendar = replyTimeInSecondsCalendar
        self.reopens = reopens
        self.replies = replies
        self.assigneeStations = assigneeStations
        self.groupStations = groupStations
        self.timestamps = timestamps
    }
}
