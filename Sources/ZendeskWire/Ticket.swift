/// A ticket as the API sends it (the fields deskstat types; everything else stays in the raw JSON).
public struct Ticket: Sendable, Equatable {
    public var id: Int64
    public var status: String?
    public var priority: String?
    public var type: String?
    public var subject: String?
    /// `via.channel`; `nil` when `via` is missing or not an object with a channel.
    public var viaChannel: String?
    public var groupID: Int64?
    public var assigneeID: Int64?
    public var requesterID: Int64?
    public var submitterID: Int64?
    public var organizationID: Int64?
    public var brandID: Int64?
    public var ticketFormID: Int64?
    public var problemID: Int64?
    public var createdAt: Int64
    public var updatedAt: Int64
    /// The export's version key; `nil` outside the incremental export.
    public var generatedTimestamp: Int64?
    public var tags: [String]
    public var customFields: [CustomFieldValue]
    /// A metric set embedded in the ticket (`metric_set`), as some exports send it.
    public var metricSet: [String: JSONValue]?

    /// Whether the export marks the ticket deleted (`status: "deleted"`).
    public var isDeleted: Bool { status == "deleted" }

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        status = reader.string("status")
        priority = reader.string("priority")
        type = reader.string("type")
        subject = reader.string("subject")
        viaChannel = Self.channel(of: reader.members["via"])
        groupID = try reader.optionalID("group_id")
        assigneeID = try reader.optionalID("assignee_id")
        requesterID = try reader.optionalID("requester_id")
        submitterID = try reader.optionalID("submitter_id")
        organizationID = try reader.optionalID("organization_id")
        brandID = try reader.optionalID("brand_id")
        ticketFormID = try reader.optionalID("ticket_form_id")
        problemID = try reader.optionalID("problem_id")
        createdAt = try reader.requiredTimestamp("created_at")
        updatedAt = try reader.timestamp("updated_at") ?? createdAt
        generatedTimestamp = try reader.integer("generated_timestamp")
        tags = reader.strings("tags")
        customFields = try Self.customFields(reader)
        metricSet = reader.object("metric_set")
    }

    /// `via.channel` when `via` is an object; a bare string `via` is taken as the channel itself.
    static func channel(of via: JSONValue?) -> String? {
        switch via {
        case .object(let members)?: RecordReader.text(members["channel"])
        case .string(let text)? where !text.isEmpty && text != "-": text
        default: nil
        }
    }

    /// `custom_fields`, falling back to its duplicate `fields`; the first value per field id wins.
    static func customFields(_ reader: RecordReader) throws(WireError) -> [CustomFieldValue] {
        let source = reader.members["custom_fields"] != nil ? "custom_fields" : "fields"
        var seen: Set<Int64> = []
        var values: [CustomFieldValue] = []
        for entry in reader.objects(source) {
            guard let fieldID = try reader.nested(entry).optionalID("id"), seen.insert(fieldID).inserted else {
                continue
            }
            values.append(CustomFieldValue(fieldID: fieldID, value: entry["value"] ?? .null))
        }
        return values
    }
}

/// One custom field's value on a ticket; the value may be a string, number, boolean, list or null.
public struct CustomFieldValue: Sendable, Equatable {
    public let fieldID: Int64
    public let value: JSONValue

    /// The value as the cache stores it: strings bare, everything else as compact JSON, null as `nil`.
    public var storedText: String? {
        switch value {
        case .null: nil
        case .string(let text): text
        default: value.canonicalText
        }
    }
}
