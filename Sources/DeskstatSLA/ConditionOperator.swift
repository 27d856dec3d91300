/// A comparison a policy condition applies.
enum ConditionOperator: String, Sendable {
    case equals = "is"
    case notEquals = "is_not"
    case includes
    case notIncludes = "not_includes"
    case lessThan = "less_than"
    case greaterThan = "greater_than"
    case lessThanOrEqual = "less_than_equal"
    case greaterThanOrEqual = "greater_than_equal"

    /// For `is`/`includes` (`true`) and `is_not`/`not_includes` (`false`); `nil` for orderings.
    ///
    /// Rule: with a list value, `is`/`includes` hold when any element matches and
    /// `is_not`/`not_includes` hold when none does.
    var membershipPolarity: Bool? {
        switch self {
        case .equals, .includes: true
        case .notEquals, .notIncludes: false
        default: nil
        }
    }

    /// The ordering, for `less_than` and friends.
    var comparison: Comparison? {
        switch self {
        case .lessThan: .less
        case .greaterThan: .greater
        case .lessThanOrEqual: .lessOrEqual
        case .greaterThanOrEqual: .greaterOrEqual
        default: nil
        }
    }
}

/// An ordering test: the ticket's value compared with the condition's value.
enum Comparison: Sendable {
    case less, greater, lessOrEqual, greaterOrEqual

    /// Whether `ticketValue <op> conditionValue` holds.
    func holds<T: Comparable>(_ ticketValue: T, _ conditionValue: T) -> Bool {
        switch self {
        case .less: ticketValue < conditionValue
        case .greater: ticketValue > conditionValue
        case .lessOrEqual: ticketValue <= conditionValue
        case .greaterOrEqual: ticketValue >= conditionValue
        }
    }
}
