/// A user: agent, admin or end-user. `active == false` means Zendesk deleted the user.
public struct User: Sendable, Equatable {
    public var id: Int64
    public var name: String?
    public var email: String?
    public var role: String?
    public var roleType: Int64?
    public var active: Bool?
    public var suspended: Bool?
    public var organizationID: Int64?
    public var defaultGroupID: Int64?
    public var timeZone: String?
    public var createdAt: Int64?
    public var updatedAt: Int64?
    public var lastLoginAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        name = reader.string("name")
        email = reader.string("email")
        role = reader.string("role")
        roleType = try reader.integer("role_type")
        active = reader.bool("active")
        suspended = reader.bool("suspended")
        organizationID = try reader.optionalID("organization_id")
        defaultGroupID = try reader.optionalID("default_group_id")
        timeZone = reader.string("iana_time_zone") ?? reader.string("time_zone")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
        lastLoginAt = try reader.timestamp("last_login_at")
    }
}

/// An organization; `deletedAt` is set on deleted organizations in the export.
public struct Organization: Sendable, Equatable {
    public var id: Int64
    public var name: String?
    public var groupID: Int64?
    public var createdAt: Int64?
    public var updatedAt: Int64?
    public var deletedAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        name = reader.string("name")
        groupID = try reader.optionalID("group_id")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
        deletedAt = try reader.timestamp("deleted_at")
    }
}

/// A group of agents.
public struct Group: Sendable, Equatable {
    public var id: Int64
    public var name: String?
    public var description: String?
    public var isDefault: Bool?
    public var deleted: Bool?
    public var isPublic: Bool?
    public var createdAt: Int64?
    public var updatedAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        name = reader.string("name")
        description = reader.string("description")
        isDefault = reader.bool("default")
        deleted = reader.bool("deleted")
        isPublic = reader.bool("is_public")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
    }
}

/// An agent's membership of a group.
public struct GroupMembership: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64?
    public var groupID: Int64?
    public var isDefault: Bool?
    public var createdAt: Int64?
    public var updatedAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        userID = try reader.optionalID("user_id")
        groupID = try reader.optionalID("group_id")
        isDefault = reader.bool("default")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
    }
}
