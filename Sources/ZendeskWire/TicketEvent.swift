/// One ticket update from the incremental ticket event export
/// (`/api/v2/incremental/ticket_events.json?include=comment_events`): its field changes and comments.
///
/// A ticket event is the export's view of an audit: the event's `id` is the audit's id and its
/// child events carry the audit events' ids, so the same update read from either source yields
/// the same ``TicketFieldChange`` and ``TicketComment`` ids.
public struct TicketEvent: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    /// When the update happened (`timestamp`, else `created_at`).
    public var createdAt: Int64
    public var updaterID: Int64?
    public var viaChannel: String?
    /// The parent's `event_type` (normally `Audit`).
    public var eventType: String?
    /// `Create`/`Change` child events of the ticket fields deskstat follows (see ``TicketFieldChange/fields``),
    /// and schedule assignments (``TicketFieldChange/scheduleField``).
    public var changes: [TicketFieldChange]
    /// `Comment`/`VoiceComment` child events (present with `include=comment_events`).
    public var comments: [TicketComment]

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        ticketID = try reader.id("ticket_id")
        let stamped = try reader.timestamp("timestamp")
        let created = try reader.timestamp("created_at")
        guard let at = stamped ?? created else {
            throw reader.fail("timestamp", "is missing (and so is created_at); a ticket event needs its time")
        }
        createdAt = at
        updaterID = try reader.optionalID("updater_id")
        viaChannel = Ticket.channel(of: reader.members["via"])
        eventType = reader.string("event_type")
        let stamp = AuditStamp(ticketID: ticketID, auditID: id, createdAt: at, viaChannel: viaChannel)
        var changes: [TicketFieldChange] = []
        var comments: [TicketComment] = []
        for child in reader.objects("child_events") {
            let childReader = reader.nested(child)
            let type = childReader.string("event_type") ?? childReader.string("type")
            switch type {
            case "Comment", "VoiceComment":
                comments.append(try TicketComment(event: childReader, audit: stamp))
            case "Create", "Change":
                if let change = try TicketFieldChange(child: childReader, isCreate: type == "Create", stamp: stamp) {
                    changes.append(change)
                } else if let change = try TicketFieldChange.scheduleAssignment(childReader, stamp: stamp) {
                    changes.append(change)
                }
            default:
                if let change = try TicketFieldChange.scheduleAssignment(childReader, stamp: stamp) {
                    changes.append(change)
                }
            }
        }
        self.changes = changes
        self.comments = comments
    }
}

/// One change of one ticket field: a `Create` (the value the ticket was created with) or a
/// `Change` (with the value before), from a ticket event or a ticket audit.
public struct TicketFieldChange: Sendable, Equatable, Hashable {
    /// The child/audit event id (the same in both sources).
    public var id: Int64
    public var ticketID: Int64
    /// The audit (ticket event) the change belongs to.
    public var auditID: Int64
    public var createdAt: Int64
    /// `status`, `priority`, `type`, `group_id`, `assignee_id`, `tags`, …
    public var field: String
    /// The new value as text (ids written out, tags space-separated); `nil` when cleared.
    public var value: String?
    /// The value before a `Change`; `nil` for a `Create` or when it was empty.
    public var previousValue: String?
    public var isCreate: Bool

    /// The fields deskstat follows, in the order a child event without `field_name` is searched for them.
    public static let fields = [
        "status", "priority", "type", "group_id", "assignee_id", "tags", "custom_status_id", "brand_id",
        "organization_id", "requester_id", "ticket_form_id",
    ]

    /// A change made in code or a test.
    public init(
        id: Int64, ticketID: Int64, auditID: Int64, createdAt: Int64, field: String, value: String?,
        previousValue: String?, isCreate: Bool
    ) {
        self.id = id
        self.ticketID = ticketID
        self.auditID = auditID
        self.createdAt = createdAt
        self.field = field
        self.value = value
        self.previousValue = previousValue
        self.isCreate = isCreate
    }

    /// A child event: `field_name` + `value` (audit style) or the field as its own key
    /// (`"status": "open"`, export style). `nil` for a field deskstat does not follow.
    init?(child reader: RecordReader, isCreate: Bool, stamp: AuditStamp) throws(WireError) {
        let field: String
        let value: JSONValue?
        if let name = reader.string("field_name") {
            // Zendesk names the ticket's business-hours schedule either way; deskstat keeps one name.
            field = name == "schedule" ? Self.scheduleField : name
            value = reader.members["value"]
        } else if let name = Self.fields.first(where: { reader.members[$0] != nil }) {
            field = name
            value = reader.members[name]
        } else {
            return nil
        }
        self.init(
            id: try reader.id(), ticketID: stamp.ticketID, auditID: stamp.auditID, createdAt: stamp.createdAt,
            field: field, value: Self.text(value), previousValue: Self.text(reader.members["previous_value"]),
            isCreate: isCreate)
    }

    /// The field name of a ticket's schedule assignment: a `Create`/`Change` with `field_name`
    /// `schedule_id` or `schedule`, or an event carrying `new_schedule_id`
    /// (``scheduleAssignment(_:stamp:)``), becomes a change of this field.
    public static let scheduleField = "schedule_id"

    /// A schedule assignment written as an event of its own (Zendesk's `ScheduleAssignment`, or any
    /// event type) carrying `new_schedule_id` and optionally `previous_schedule_id`: a `Change` of
    /// ``scheduleField``. `nil` when the event has no `new_schedule_id` member.
    static func scheduleAssignment(_ reader: RecordReader, stamp: AuditStamp) throws(WireError) -> TicketFieldChange? {
        guard reader.members["new_schedule_id"] != nil else { return nil }
        return TicketFieldChange(
            id: try reader.id(), ticketID: stamp.ticketID, auditID: stamp.auditID, createdAt: stamp.createdAt,
            field: scheduleField, value: text(reader.members["new_schedule_id"]),
            previousValue: text(reader.members["previous_schedule_id"]), isCreate: false)
    }

    /// A value as text: scalars written out, lists (tags) joined with single spaces, empty as `nil`.
    static func text(_ value: JSONValue?) -> String? {
        if case .array(let items)? = value {
            let words = items.compactMap { RecordReader.text($0) }
            return words.isEmpty ? nil : words.joined(separator: " ")
        }
        guard let text = RecordReader.text(value), !text.isEmpty else { return nil }
        return text
    }
}
