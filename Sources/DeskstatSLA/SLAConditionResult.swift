/// How one policy condition evaluated for one ticket (for `deskstat explain`).
public struct SLAConditionResult: Sendable, Equatable {
    /// Which list of the filter the condition is in.
    public enum Kind: String, Sendable {
        /// Every `all` condition must hold.
        case all
        /// At least one `any` condition must hold.
        case any
    }

    public var kind: Kind
    /// The field as written in the policy (`(none)` when missing).
    public var field: String
    /// The operator as written in the policy (`(none)` when missing).
    public var operatorName: String
    /// The value: bare text for a string, JSON otherwise.
    public var valueText: String
    public var matched: Bool
    /// `false` when deskstat could not evaluate the condition; it then never matches.
    public var understood: Bool
    /// Why the condition was not understood, or other detail worth showing.
    public var note: String?

    /// A condition result.
    public init(
        kind: Kind, field: String, operatorName: String, valueText: String, matched: Bool,
        understood: Bool, note: String?
    ) {
        self.kind = kind
        self.field = field
        self.operatorName = operatorName
        self.valueText = valueText
        self.matched = matched
        self.understood = understood
        self.note = note
    }
}
