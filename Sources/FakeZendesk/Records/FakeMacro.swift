/// A macro (`/api/v2/macros.json`). Action values are strings or lists, as in the API.
public struct FakeMacro: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var active: Bool
    public var description: String?
    public var position: Int64
    public var actions: [FakeMacroAction]
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, title: String, active: Bool = true, description: String? = nil, position: Int64 = 1,
        actions: [FakeMacroAction] = [], createdAt: Int64 = 0, updatedAt: Int64? = nil
    ) {
        self.id = id
        self.title = title
        self.active = active
        self.description = description
        self.position = position
        self.actions = actions
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The macro as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "url": .string("\(baseURL)/api/v2/macros/\(id).json"), "id": .int(id), "title": .string(title),
            "raw_title": .string(title), "active": .bool(active), "default": false, "description": .maybe(description),
            "position": .int(position), "restriction": nil, "actions": .array(actions.map(\.json)),
            "created_at": .time(createdAt), "updated_at": .time(updatedAt),
        ]
    }
}

/// One macro action: `{field, value}`.
public struct FakeMacroAction: Sendable, Equatable {
    public var field: String
    public var value: FakeJSON

    public init(field: String, value: FakeJSON) {
        self.field = field
        self.value = value
    }

    var json: FakeJSON { ["field": .string(field), "value": value] }
}
