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
            named: [
                "id": id, "status": status, "priority": priority, "type": type, "subject": subject,
                "via_channel": viaChannel, "group_id": groupID, "assignee_id": assigneeID, "requester_id": requesterID,
                "submitter_id": submitterID, "organization_id": organizationID, "brand_id": brandID,
                "ticket_form_id": ticketFormID, "problem_id": problemID, "created_at": createdAt,
                "updated_at": updatedAt, "generated_timestamp": generatedTimestamp, "deleted": deleted,
            ],
            rawJSON: rawJSON,
            children: [
                ChildRows("ticket_tags", ["ticket_id", "tag"], uniqueTags.map { [id, $0] }),
                ChildRows(
                    "ticket_custom_fields", ["ticket_id", "field_id", "value"],
                    customFields.map { [id, $0.fieldID, $0.value] }),
            ])
    }

    /// A ticket metric set. Durations are `(calendar, business)` minutes in `CacheSchema.durationNames`
    /// order; timestamps in `CacheSchema.metricTimestampNames` order.
    public static func ticketMetric(_ metric: TicketMetricRow, rawJSON: String) -> CacheRow {
        let schema = CacheSchema.ticketMetrics
        var values = [DatabaseValue](repeating: .null, count: schema.columns.count)
        func set(_ name: String, _ value: (any DatabaseValueConvertible)?) {
            values[schema.index(name)] = value?.databaseValue ?? .null
        }
        set("id", metric.id)
        set("ticket_id", metric.ticketID)
        set("created_at", metric.createdAt)
        set("updated_at", metric.updatedAt)
        for (name, duration) in zip(CacheSchema.durationNames, metric.durations) {
            set("\(name)_in_minutes_calendar", duration.calendar)
            set("\(name)_in_minutes_business", duration.business)
        }
        set("reply_time_in_seconds_calendar", metric.replyTimeInSecondsCalendar)
        set("reopens", metric.reopens)
        set("replies", metric.replies)
        set("assignee_stations", metric.assigneeStations)
        set("group_stations", metric.groupStations)
        for (name, timestamp) in zip(CacheSchema.metricTimestampNames, metric.timestamps) { set(name, timestamp) }
        return CacheRow(.ticketMetrics, values: values, rawJSON: rawJSON)
    }

    /// A satisfaction rating.
    public static func satisfactionRating(
        id: Int64, ticketID: Int64?, groupID: Int64?, assigneeID: Int64?, requesterID: Int64?, score: String?,
        reason: String?, reasonID: Int64?, createdAt: Int64?, updatedAt: Int64?, rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .satisfactionRatings,
            named: [
                "id": id, "ticket_id": ticketID, "group_id": groupID, "assignee_id": assigneeID,
                "requester_id": requesterID, "score": score, "reason": reason, "reason_id": reasonID,
                "created_at": createdAt, "updated_at": updatedAt,
            ],
            rawJSON: rawJSON)
    }

    /// A ticket audit.
    public static func ticketAudit(
        id: Int64, ticketID: Int64, authorID: Int64?, viaChannel: String?, createdAt: Int64, rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .ticketAudits,
            named: [
                "id": id, "ticket_id": ticketID, "author_id": authorID, "via_channel": viaChannel,
                "created_at": createdAt,
            ],
            rawJSON: rawJSON)
    }

    /// A ticket comment.
    public static func ticketComment(
        id: Int64, ticketID: Int64, auditID: Int64?, authorID: Int64?, type: String?, isPublic: Bool?,
        viaChannel: String?, createdAt: Int64?, rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .ticketComments,
            named: [
                "id": id, "ticket_id": ticketID, "audit_id": auditID, "author_id": authorID, "type": type,
                "public": isPublic, "via_channel": viaChannel, "created_at": createdAt,
            ],
            rawJSON: rawJSON)
    }

    /// A ticket metric event; `target` is kept only for the two types that apply one
    /// (`apply_sla`, `apply_group_sla`).
    public static func ticketMetricEvent(
        id: Int64, ticketID: Int64?, metric: String?, instanceID: Int64?, type: String?, time: Int64?, deleted: Bool?,
        target: AppliedSLATarget? = nil, rawJSON: String
    ) -> CacheRow {
        let applied = type == "apply_sla" || type == "apply_group_sla" ? target : nil
        return CacheRow(
            .ticketMetricEvents,
            named: [
                "id": id, "ticket_id": ticketID, "metric": metric, "instance_id": instanceID, "type": type,
                "time": time, "deleted": deleted, "sla_kind": applied.map { Int64($0.isGroupPolicy ? 1 : 0) },
                "sla_policy_id": applied?.policyID, "sla_policy_title": applied?.policyTitle,
                "sla_target": applied?.target, "sla_target_in_seconds": applied?.targetInSeconds,
                "sla_business_hours": applied.map(\.businessHours),
            ],
            rawJSON: rawJSON)
    }
}

/// The SLA target a metric event applied, as the `sla_` columns of `ticket_metric_events` hold it.
public struct AppliedSLATarget: Sendable, Equatable {
    public var policyID: Int64?
    public var policyTitle: String?
    /// `target`, in minutes.
    public var target: Double?
    public var targetInSeconds: Double?
    public var businessHours: Bool
    /// From `group_sla` (`apply_group_sla`) rather than `sla`.
    public var isGroupPolicy: Bool

    public init(
        policyID: Int64?, policyTitle: String?, target: Double?, targetInSeconds: Double?, businessHours: Bool,
        isGroupPolicy: Bool
    ) {
        self.policyID = policyID
        self.policyTitle = policyTitle
        self.target = target
        self.targetInSeconds = targetInSeconds
        self.businessHours = businessHours
        self.isGroupPolicy = isGroupPolicy
    }
}

/// The typed columns of a ticket metric set.
public struct TicketMetricRow: Sendable {
    public var id: Int64
    public var ticketID: Int64
    public var createdAt: Int64?
    public var updatedAt: Int64?
    /// In `CacheSchema.durationNames` order.
    public var durations: [(calendar: Double?, business: Double?)]
    public var replyTimeInSecondsCalendar: Double?
    public var reopens: Int64?
    public var replies: Int64?
    public var assigneeStations: Int64?
    public var groupStations: Int64?
    /// In `CacheSchema.metricTimestampNames` order.
    public var timestamps: [Int64?]

    public init(
        id: Int64, ticketID: Int64, createdAt: Int64?, updatedAt: Int64?,
        durations: [(calendar: Double?, business: Double?)], replyTimeInSecondsCalendar: Double?, reopens: Int64?,
        replies: Int64?, assigneeStations: Int64?, groupStations: Int64?, timestamps: [Int64?]
    ) {
        precondition(
            durations.count == CacheSchema.durationNames.count
                && timestamps.count == CacheSchema.metricTimestampNames.count)
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
