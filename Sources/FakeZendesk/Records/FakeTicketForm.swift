/// A ticket form (`/api/v2/ticket_forms.json`, one offset-style page).
public struct FakeTicketForm: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var position: Int64
    public var active: Bool
    public var isDefault: Bool
    public var ticketFieldIDs: [Int64]
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, name: String, position: Int64 = 1, active: Bool = true, isDefault: Bool = false,
        ticketFieldIDs: [Int64] = [], createdAt: Int64 = 0, updatedAt: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.position = position
        self.active = active
        self.isDefault = isDefault
        self.ticketFieldIDs = ticketFieldIDs
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The form as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "url": .string("\(baseURL)/api/v2/ticket_forms/\(id).json"), "id": .int(id), "name": .string(name),
            "raw_name": .string(name), "display_name": .string(name), "raw_display_name": .string(name),
            "end_user_visible": true, "position": .int(position), "ticket_field_ids": .ints(ticketFieldIDs),
            "active": .bool(active), "default": .bool(isDefault), "in_all_brands": true, "restricted_brand_ids": [],
            "end_user_conditions": [], "agent_conditions": [], "created_at": .time(createdAt),
            "updated_at": .time(updatedAt),
        ]
    }
}
