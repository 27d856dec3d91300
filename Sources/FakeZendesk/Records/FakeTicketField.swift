/// A ticket field (`/api/v2/ticket_fields.json`): system fields and custom fields alike.
public struct FakeTicketField: Sendable, Equatable {
    public var id: Int64
    /// `subject`, `description`, `status`, `tagger`, `checkbox`, `multiselect`, `text`, …
    public var type: String
    public var title: String
    public var description: String
    public var position: Int64
    public var active: Bool
    public var required: Bool
    public var tag: String?
    /// Options of dropdown (`tagger`) and multiselect fields.
    public var options: [FakeFieldOption]
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, type: String, title: String, description: String = "", position: Int64 = 0, active: Bool = true,
        required: Bool = false, tag: String? = nil, options: [FakeFieldOption] = [], createdAt: Int64 = 0,
        updatedAt: Int64? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.description = description
        self.position = position
        self.active = active
        self.required = required
        self.tag = tag
        self.options = options
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The field as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        var object: FakeJSONObject = [
            "url": .string("\(baseURL)/api/v2/ticket_fields/\(id).json"), "id": .int(id), "type": .string(type),
            "title": .string(title), "raw_title": .string(title), "description": .string(description),
            "raw_description": .string(description), "position": .int(position), "active": .bool(active),
            "required": .bool(required), "collapsed_for_agents": false, "regexp_for_validation": nil,
            "title_in_portal": .string(title), "raw_title_in_portal": .string(title), "visible_in_portal": true,
            "editable_in_portal": true, "required_in_portal": false, "tag": .maybe(tag), "created_at": .time(createdAt),
            "updated_at": .time(updatedAt), "removable": .bool(id >= 900_000), "key": nil, "agent_description": nil,
        ]
        if !options.isEmpty { object["custom_field_options"] = .array(options.map(\.json)) }
        return .object(object)
    }
}

/// One option of a dropdown or multiselect field.
public struct FakeFieldOption: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var value: String

    public init(id: Int64, name: String, value: String) {
        self.id = id
        self.name = name
        self.value = value
    }

    var json: FakeJSON {
        ["id": .int(id), "name": .string(name), "raw_name": .string(name), "value": .string(value), "default": false]
    }
}
