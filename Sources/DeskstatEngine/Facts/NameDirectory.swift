/// Display names for ids (groups, users, organizations, forms), read from the cache.
/// Ids without a name fall back to the id itself.
public struct NameDirectory: Sendable, Equatable {
    public var groups: [Int64: String] = [:]
    public var users: [Int64: String] = [:]
    public var organizations: [Int64: String] = [:]
    public var forms: [Int64: String] = [:]
    /// The account's custom ticket fields, for `field:` slices and filters.
    public var customFields = CustomFieldCatalog()
    /// Each agent's default group (for scorecards).
    public var defaultGroups: [Int64: Int64] = [:]

    public init(
        groups: [Int64: String] = [:], users: [Int64: String] = [:], organizations: [Int64: String] = [:],
        forms: [Int64: String] = [:]
    ) {
        self.groups = groups
        self.users = users
        self.organizations = organizations
        self.forms = forms
    }

    /// The names known for a dimension's ids (empty for dimensions without names).
    func names(for dimension: Dimension) -> [Int64: String] {
        switch dimension {
        case .group: groups
        case .assignee: users
        case .organization: organizations
        case .form: forms
        default: [:]
        }
    }

    /// The label of an id in a dimension: its name, else `#id`.
    func label(_ id: Int64?, in dimension: Dimension) -> String {
        guard let id else { return "(none)" }
        return names(for: dimension)[id] ?? "#\(id)"
    }
}
