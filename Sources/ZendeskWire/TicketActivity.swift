/// A ticket audit: one update to a ticket with the events it made.
public struct TicketAudit: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    public var authorID: Int64?
    public var viaChannel: String?
    public var createdAt: Int64
    /// Comments carried by the audit's `Comment`/`VoiceComment` events.
    public var comments: [TicketComment]
    /// Field changes carried by the audit's `Create`/`Change` events (followed fields only) and its
    /// schedule assignments (``TicketFieldChange/scheduleField``).
    public var changes: [TicketFieldChange]

    public init(_ reader: RecordReader) throws(WireError) {
        let stamp = AuditStamp(
            ticketID: try reader.id("ticket_id"), auditID: try reader.id(),
            createdAt: try reader.requiredTimestamp("created_at"), viaChannel: Ticket.channel(of: reader.members["via"])
        )
        id = stamp.auditID
        ticketID = stamp.ticketID
        authorID = try reader.optionalID("author_id")
        viaChannel = stamp.viaChannel
        createdAt = stamp.createdAt
        var comments: [TicketComment] = []
        var changes: [TicketFieldChange] = []
        for event in reader.objects("events") {
            switch RecordReader.text(event["type"]) {
            case "Comment", "VoiceComment":
                comments.append(try TicketComment(event: reader.nested(event), audit: stamp))
            case let type? where type == "Create" || type == "Change":
                let child = reader.nested(event)
                if let change = try TicketFieldChange(child: child, isCreate: type == "Create", stamp: stamp) {
                    changes.append(change)
                } else if let change = try TicketFieldChange.scheduleAssignment(child, stamp: stamp) {
                    changes.append(change)
                }
            default:
                if let change = try TicketFieldChange.scheduleAssignment(reader.nested(event), stamp: stamp) {
                    changes.append(change)
                }
            }
        }
        self.comments = comments
        self.changes = changes
    }
}

/// What a comment event inherits from its audit.
struct AuditStamp {
    let ticketID: Int64
    let auditID: Int64
    let createdAt: Int64
    let viaChannel: String?
}

/// A ticket comment (public reply or internal note).
public struct TicketComment: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64?
    public var auditID: Int64?
    public var authorID: Int64?
    public var type: String?
    public var isPublic: Bool?
    public var viaChannel: String?
    public var createdAt: Int64?
    /// The comment's JSON when it came from an audit event (a comment list keeps the API's own
    /// text): the event's members with the audit's `ticket_id` and `created_at`, written out only
    /// when asked for (the timeline reads comments without it).
    public var eventText: String? { eventMembers.map { JSONValue.object($0).canonicalText } }
    /// The members `eventText` is written from.
    private var eventMembers: [String: JSONValue]?

    /// A comment from a comments list; `ticketID` comes from the record or from the list's URL.
    public init(_ reader: RecordReader, ticketID fallbackTicketID: Int64?) throws(WireError) {
        id = try reader.id()
        ticketID = try reader.optionalID("ticket_id") ?? fallbackTicketID
        guard ticketID != nil else {
            throw reader.fail(
                "ticket_id",
                "is missing and the body's pagination URLs do not name the ticket; import the ticket's audits instead, or add \"ticket_id\" to each comment"
            )
        }
        auditID = try reader.optionalID("audit_id")
        authorID = try reader.optionalID("author_id")
        type = reader.string("type")
        isPublic = reader.bool("public")
        viaChannel = Ticket.channel(of: reader.members["via"])
        createdAt = try reader.timestamp("created_at")
        eventMembers = nil
    }

    init(event reader: RecordReader, audit: AuditStamp) throws(WireError) {
        id = try reader.id()
        ticketID = audit.ticketID
        auditID = audit.auditID
        authorID = try reader.optionalID("author_id")
        type = reader.string("type")
        isPublic = reader.bool("public")
        viaChannel = Ticket.channel(of: reader.members["via"]) ?? audit.viaChannel
        createdAt = try reader.timestamp("created_at") ?? audit.createdAt
        var members = reader.members
        members["ticket_id"] = .integer(audit.ticketID)
        members["created_at"] = .string(Timestamp.format(createdAt ?? audit.createdAt))
        eventMembers = members
    }
}

/// A ticket metric event (SLA and metric lifecycle: apply_sla, fulfill, breach, pause, …).
public struct TicketMetricEvent: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64?
    public var metric: String?
    public var instanceID: Int64?
    public var type: String?
    public var time: Int64?
    public var deleted: Bool?
    /// The target an `apply_sla` (`sla`) or `apply_group_sla` (`group_sla`) event applied.
    public var appliedTarget: MetricEventTarget?
    /// `update_status`: minutes the metric has been open, `{calendar, business}`.
    public var status: Duration?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        ticketID = try reader.optionalID("ticket_id")
        metric = reader.string("metric")
        instanceID = try reader.integer("instance_id")
        type = reader.string("type")
        time = try reader.timestamp("time")
        deleted = reader.bool("deleted")
        if let sla = reader.object("sla") {
            appliedTarget = try MetricEventTarget(reader.nested(sla), group: false)
        } else if let sla = reader.object("group_sla") {
            appliedTarget = try MetricEventTarget(reader.nested(sla), group: true)
        }
        if reader.object("status") != nil { status = try reader.duration("status") }
    }

    /// An event built field by field (tests, generated accounts).
    public init(
        id: Int64, ticketID: Int64?, metric: String?, instanceID: Int64?, type: String?, time: Int64?,
        deleted: Bool? = nil, appliedTarget: MetricEventTarget? = nil, status: Duration? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.metric = metric
        self.instanceID = instanceID
        self.type = type
        self.time = time
        self.deleted = deleted
        self.appliedTarget = appliedTarget
        self.status = status
    }
}

/// The SLA target a metric event applied: `{target, target_in_seconds, business_hours, policy{id, title}}`.
public struct MetricEventTarget: Sendable, Equatable {
    public var policyID: Int64?
    public var policyTitle: String?
    /// `target` in minutes.
    public var target: Double?
    /// `target_in_seconds` (newer payloads); takes precedence over `target`.
    public var targetInSeconds: Double?
    public var businessHours: Bool
    /// Applied by a group SLA policy (`apply_group_sla`).
    public var isGroupPolicy: Bool

    public init(
        policyID: Int64?, policyTitle: String?, target: Double?, targetInSeconds: Double? = nil,
        businessHours: Bool, isGroupPolicy: Bool = false
    ) {
        self.policyID = policyID
        self.policyTitle = policyTitle
        self.target = target
        self.targetInSeconds = targetInSeconds
        self.businessHours = businessHours
        self.isGroupPolicy = isGroupPolicy
    }

    init(_ reader: RecordReader, group: Bool) throws(WireError) {
        let policy = reader.object("policy").map(reader.nested)
        // Group SLA policy ids are strings in the API; numeric text is read as the id.
        var policyID: Int64?
        if case .string(let text)? = policy?.members["id"] {
            policyID = Int64(text)
        } else {
            policyID = try policy?.optionalID("id")
        }
        self.init(
            policyID: policyID, policyTitle: policy?.string("title"), target: try reader.number("target"),
            targetInSeconds: try reader.number("target_in_seconds"),
            businessHours: reader.bool("business_hours") ?? false,
            isGroupPolicy: group)
    }

    /// The target in minutes: `target_in_seconds` / 60 when present, else `target`.
    public var minutes: Double? {
        if let targetInSeconds { return targetInSeconds / 60 }
        return target
    }
}
