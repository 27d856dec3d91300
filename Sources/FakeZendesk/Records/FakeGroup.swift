/// A group (`/api/v2/groups.json`). Deleted groups are marked `deleted: true`.
public struct FakeGroup: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var description: String?
    public var isDefault: Bool
    public var deleted: Bool
    public var isPublic: Bool
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, name: String, description: String? = nil, isDefault: Bool = false, deleted: Bool = false,
        isPublic: Bool = true, createdAt: Int64 = 0, updatedAt: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.isDefault = isDefault
        self.deleted = deleted
        self.isPublic = isPublic
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The group as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "url": .string("\(baseURL)/api/v2/groups/\(id).json"), "id": .int(id), "is_public": .bool(isPublic),
            "name": .string(name), "description": .maybe(description), "default": .bool(isDefault),
            "deleted": .bool(deleted), "created_at": .time(createdAt), "updated_at": .time(updatedAt),
        ]
    }
}

/// A group membership (`/api/v2/group_memberships.json`). Some real memberships have no
/// `updated_at`; `nil` leaves the key out.
public struct FakeGroupMembership: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64
    public var groupID: Int64
    public var isDefault: Bool
    public var createdAt: Int64
    public var updatedAt: Int64?

    public init(
        id: Int64, userID: Int64, groupID: Int64, isDefault: Bool = false, createdAt: Int64 = 0, updatedAt: Int64? = nil
    ) {
        self.id = id
        self.userID = userID
        self.groupID = groupID
        self.isDefault = isDefault
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The membership as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        var object: FakeJSONObject = [
            "url": .string("\(baseURL)/api/v2/group_memberships/\(id).json"), "id": .int(id), "user_id": .int(userID),
            "group_id": .int(groupID), "default": .bool(isDefault), "created_at": .time(createdAt),
        ]
        if let updatedAt { object["updated_at"] = .time(updatedAt) }
        return .object(object)
    }
}
