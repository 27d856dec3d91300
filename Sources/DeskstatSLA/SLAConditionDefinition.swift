public import ZendeskWire

/// One condition of a policy filter, as stored: `{field, operator, value}`.
public struct SLAConditionDefinition: Sendable, Equatable {
    /// The ticket field, e.g. `priority`, `group_id`, `current_tags`, `custom_fields_360001`.
    public var field: String?
    /// The comparison, e.g. `is`, `is_not`, `includes`, `less_than`.
    public var operatorName: String?
    /// The value as Zendesk sent it: a string, a number or a list of them.
    public var value: JSONValue

    /// A condition definition.
    public init(field: String?, operatorName: String?, value: JSONValue) {
        self.field = field
        self.operatorName = operatorName
        self.value = value
    }

    /// A condition as the API sent it.
    public init(_ condition: SLACondition) {
        self.init(field: condition.field, operatorName: condition.operatorName, value: condition.value)
    }

    /// A condition whose value is the cache's stored JSON text (`"incident"`, `360001`,
    /// `["1","2"]`). `nil` is JSON null; text that is not JSON is taken as a bare string.
    public init(field: String?, operatorName: String?, storedValue: String?) {
        let value: JSONValue
        if let storedValue {
            value = (try? Envelope.parseValue(Array(storedValue.utf8))) ?? .string(storedValue)
        } else {
            value = .null
        }
        self.init(field: field, operatorName: operatorName, value: value)
    }
}
