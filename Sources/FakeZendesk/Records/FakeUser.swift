/// A user as the incremental user export sends it. `active: false` means the user was deleted.
public struct FakeUser: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var email: String?
    /// `end-user`, `agent` or `admin`.
    public var role: String
    /// 0 custom agent, 1 light agent, 2 chat agent, 4 admin, …; `nil` for most users.
    public var roleType: Int64?
    public var active: Bool
    public var suspended: Bool
    public var verified: Bool
    public var organizationID: Int64?
    public var defaultGroupID: Int64?
    /// The Rails time zone name (`"UTC"`, `"Berlin"`).
    public var timeZone: String
    public var ianaTimeZone: String
    public var tags: [String]
    public var userFields: FakeJSONObject
    public var createdAt: Int64
    public var updatedAt: Int64
    public var lastLoginAt: Int64?

    public init(
        id: Int64, name: String, email: String? = nil, role: String = "end-user", roleType: Int64? = nil,
        active: Bool = true, suspended: Bool = false, verified: Bool = true, organizationID: Int64? = nil,
        defaultGroupID: Int64? = nil, timeZone: String = "UTC", ianaTimeZone: String = "Etc/UTC", tags: [String] = [],
        userFields: FakeJSONObject = [:], createdAt: Int64 = 0, updatedAt: Int64? = nil, lastLoginAt: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.roleType = roleType
        self.active = active
        self.suspended = suspended
        self.verified = verified
        self.organizationID = organizationID
        self.defaultGroupID = defaultGroupID
        self.timeZone = timeZone
        self.ianaTimeZone = ianaTimeZone
        self.tags = tags
        self.userFields = userFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.lastLoginAt = lastLoginAt
    }

    /// The user as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        let identity: FakeJSONObject = [
            "id": .int(id), "url": .string("\(baseURL)/api/v2/users/\(id).json"), "name": .string(name),
            "email": .maybe(email), "created_at": .time(createdAt), "updated_at": .time(updatedAt),
            "time_zone": .string(timeZone), "iana_time_zone": .string(ianaTimeZone), "phone": nil,
            "shared_phone_number": nil, "photo": nil, "locale_id": 1, "locale": "en-US",
            "organization_id": .maybe(organizationID), "role": .string(role), "verified": .bool(verified),
            "external_id": nil, "tags": .strings(tags), "alias": "", "active": .bool(active),
        ]
        let rest: FakeJSONObject = [
            "shared": false, "shared_agent": false, "last_login_at": .time(lastLoginAt), "two_factor_auth_enabled": nil,
            "signature": nil, "details": nil, "notes": nil, "role_type": .maybe(roleType), "custom_role_id": nil,
            "moderator": .bool(role != "end-user"), "ticket_restriction": role == "end-user" ? "requested" : nil,
            "only_private_comments": false, "restricted_agent": .bool(role == "end-user"),
            "suspended": .bool(suspended),
            "default_group_id": .maybe(defaultGroupID), "report_csv": false, "user_fields": .object(userFields),
        ]
        return .object(identity.merging(rest))
    }
}
