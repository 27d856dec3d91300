/// An organization as the time-based organization export sends it; deleted ones carry `deleted_at`.
public struct FakeOrganization: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var domainNames: [String]
    public var details: String?
    public var notes: String?
    public var groupID: Int64?
    public var tags: [String]
    public var organizationFields: FakeJSONObject
    public var createdAt: Int64
    public var updatedAt: Int64
    public var deletedAt: Int64?

    public init(
        id: Int64, name: String, domainNames: [String] = [], details: String? = nil, notes: String? = nil,
        groupID: Int64? = nil, tags: [String] = [], organizationFields: FakeJSONObject = [:], createdAt: Int64 = 0,
        updatedAt: Int64? = nil, deletedAt: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.domainNames = domainNames
        self.details = details
        self.notes = notes
        self.groupID = groupID
        self.tags = tags
        self.organizationFields = organizationFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
    }

    /// The organization as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "url": .string("\(baseURL)/api/v2/organizations/\(id).json"), "id": .int(id), "name": .string(name),
            "shared_tickets": false, "shared_comments": false, "external_id": nil, "created_at": .time(createdAt),
            "updated_at": .time(updatedAt), "domain_names": .strings(domainNames), "details": .maybe(details),
            "notes": .maybe(notes), "group_id": .maybe(groupID), "tags": .strings(tags),
            "organization_fields": .object(organizationFields), "deleted_at": .time(deletedAt),
        ]
    }
}
