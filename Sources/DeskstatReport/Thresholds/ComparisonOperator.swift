/// The comparison of a `--fail-on` threshold.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
    case equal = "=="
    case notEqual = "!="

    /// The relative tolerance under which two numbers count as equal (so `0.1 + 0.2 == 0.3`).
    public static let tolerance = 1e-9

    /// Whether `actual OP threshold` holds, with equality up to `tolerance` (relative to the
    /// larger magnitude, at least 1): `>` means greater and not equal, `>=` greater or equal.
    public func holds(_ actual: Double, _ threshold: Double) -> Bool {
        let scale = max(1, abs(actual), abs(threshold))
        let equal = abs(actual - threshold) <= Self.tolerance * scale
        switch self {
        case .greater: return !equal && actual > threshold
        case .greaterOrEqual: return equal || actual > threshold
        case .less: return !equal && actual < threshold
        case .lessOrEqual: return equal || actual < threshold
        case .equal: return equal
        case .notEqual: return !equal
        }
    }
}
