/// One cell or metric value.
///
/// Literals build values directly: `"Billing"`, `42` and `0.875` are `.text`, `.integer` and
/// `.number`.
public enum ReportValue: Sendable, Equatable, Hashable {
    /// Text, e.g. a slice label.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A real number; NaN and infinities render as `null`.
    case number(Double)
    /// No value: nothing was measured, or the value is undefined (e.g. a rate over zero tickets).
    case null

    /// The numeric value of an `.integer` or a finite `.number`; `nil` otherwise.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value.isFinite ? value : nil
        case .text, .null: nil
        }
    }

    /// Whether the value is undefined: `.null`, or a `.number` that is NaN or infinite.
    public var isUndefined: Bool {
        switch self {
        case .null: true
        case .number(let value): !value.isFinite
        case .text, .integer: false
        }
    }
}

extension ReportValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// A `.text` value.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An `.integer` value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A `.number` value.
    public init(floatLiteral value: Double) { self = .number(value) }
}
