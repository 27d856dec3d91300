import ZendeskWire

/// Reading a condition's stored value into the operands a test compares against.
///
/// A value is a string, a number or a list of them; a list means "any of these". Each reader
/// returns the operands or the reason the value is unusable.
enum ConditionOperand {
    /// One scalar of a value: text or a number as written.
    enum Scalar {
        case text(String)
        case integer(Int64)
        case double(Double)
    }

    /// The scalars of a value (a list's elements, or the value itself).
    static func scalars(_ value: JSONValue) -> Result<[Scalar], Problem> {
        switch value {
        case .array(let items):
            var out: [Scalar] = []
            for item in items {
                guard let scalar = scalar(item) else {
                    return .failure(Problem("a list element is \(item.kindDescription), not a text or a number"))
                }
                out.append(scalar)
            }
            return .success(out)
        default:
            guard let scalar = scalar(value) else {
                return .failure(Problem("the value is \(value.kindDescription), not a text, a number or a list"))
            }
            return .success([scalar])
        }
    }

    private static func scalar(_ value: JSONValue) -> Scalar? {
        switch value {
        case .string(let text): .text(text)
        case .integer(let number): .integer(number)
        case .double(let number): .double(number)
        case .bool(let flag): .text(flag ? "true" : "false")
        case .null, .array, .object: nil
        }
    }

    /// Ids for an id field. Rule: ids compare numerically whether written `"123"` or `123`;
    /// `""` means "no value".
    static func ids(_ value: JSONValue) -> Result<(ids: Set<Int64>, none: Bool), Problem> {
        scalars(value).flatMap { scalars in
            var ids: Set<Int64> = []
            var none = false
            for scalar in scalars {
                switch scalar {
                case .text(""): none = true
                case .text("current_user"):
                    return .failure(
                        Problem("'current_user' means the agent looking at a view; it has no meaning for an SLA"))
                case .text(let text):
                    guard let id = Int64(text) else { return .failure(Problem("'\(text)' is not an id")) }
                    ids.insert(id)
                case .integer(let number): ids.insert(number)
                case .double(let number):
                    guard let id = exactInteger(number) else { return .failure(Problem("\(number) is not an id")) }
                    ids.insert(id)
                }
            }
            return .success((ids, none))
        }
    }

    /// Via ids: numbers, numeric text or via type names (`mail`, `web_form`).
    static func viaIDs(_ value: JSONValue) -> Result<Set<Int64>, Problem> {
        scalars(value).flatMap { scalars in
            var ids: Set<Int64> = []
            for scalar in scalars {
                switch scalar {
                case .text(let text):
                    guard let id = Int64(text) ?? ViaTypes.idsByType[text] else {
                        return .failure(Problem("'\(text)' is not a known via id or via type"))
                    }
                    ids.insert(id)
                case .integer(let number): ids.insert(number)
                case .double(let number):
                    guard let id = exactInteger(number) else { return .failure(Problem("\(number) is not a via id")) }
                    ids.insert(id)
                }
            }
            return .success(ids)
        }
    }

    /// Texts compared exactly; numbers compare as their JSON text; `""` means "no value".
    static func texts(_ value: JSONValue) -> Result<(texts: Set<String>, none: Bool), Problem> {
        scalars(value).map { scalars in
            var texts: Set<String> = []
            var none = false
            for scalar in scalars {
                let text = Self.text(scalar)
                if text.isEmpty { none = true } else { texts.insert(text) }
            }
            return (texts, none)
        }
    }

    /// Tag names. Rule: a tag value is a space-separated list (a list value joins its elements).
    static func tags(_ value: JSONValue) -> Result<Set<String>, Problem> {
        scalars(value).flatMap { scalars in
            var tags: Set<String> = []
            for scalar in scalars {
                for tag in text(scalar).split(whereSeparator: \.isWhitespace) { tags.insert(String(tag)) }
            }
            return tags.isEmpty ? .failure(Problem("no tags listed")) : .success(tags)
        }
    }

    /// The single value of an ordering condition.
    static func single(_ value: JSONValue) -> Result<Scalar, Problem> {
        scalars(value).flatMap { scalars in
            scalars.count == 1 ? .success(scalars[0]) : .failure(Problem("an ordering needs exactly one value"))
        }
    }

    /// A scalar's text: strings as they are, numbers as JSON writes them.
    static func text(_ scalar: Scalar) -> String {
        switch scalar {
        case .text(let text): text
        case .integer(let number): String(number)
        case .double(let number): JSONValue.double(number).canonicalText
        }
    }

    /// A scalar as a number, when it is one or is numeric text.
    static func number(_ scalar: Scalar) -> Double? {
        switch scalar {
        case .text(let text): Double(text).flatMap { $0.isFinite ? $0 : nil }
        case .integer(let number): Double(number)
        case .double(let number): number.isFinite ? number : nil
        }
    }

    private static func exactInteger(_ number: Double) -> Int64? {
        Int64(exactly: number)
    }
}
