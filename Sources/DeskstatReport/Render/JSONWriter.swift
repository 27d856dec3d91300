import DeskstatBasics

/// A JSON value whose objects keep their keys in the order they were built.
indirect enum JSONTree: Sendable, Equatable {
    case object([(String, JSONTree)])
    case array([JSONTree])
    case string(String)
    /// A number already formatted as JSON number text.
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool {
        JSONWriter.write(lhs) == JSONWriter.write(rhs)
    }

    /// An integer.
    static func integer(_ value: Int64) -> JSONTree { .number(String(value)) }

    /// A real number with up to four decimals, trimmed, never in exponent notation; NaN and
    /// infinities become `null`.
    static func double(_ value: Double) -> JSONTree {
        NumberText.trimmed(value).map(JSONTree.number) ?? .null
    }

    /// A string, or `null` for `nil`.
    static func optional(_ value: String?) -> JSONTree {
        value.map(JSONTree.string) ?? .null
    }
}

/// Writes JSON with two-space indentation, one member per line, keys in their given order,
/// `[]`/`{}` for empty containers and a final newline left to the caller. Strings escape `"`,
/// `\`, control characters and U+2028/U+2029; other characters are written as UTF-8.
enum JSONWriter {
    /// The JSON text of `value`.
    static func write(_ value: JSONTree) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out
    }

    private static func write(_ value: JSONTree, indent: Int, to out: inout String) {
        switch value {
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, (key, member)) in members.enumerated() {
                out += spaces(indent + 1) + quoted(key) + ": "
                write(member, indent: indent + 1, to: &out)
                out += index < members.count - 1 ? ",\n" : "\n"
            }
            out += spaces(indent) + "}"
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += spaces(indent + 1)
                write(element, indent: indent + 1, to: &out)
                out += index < elements.count - 1 ? ",\n" : "\n"
            }
            out += spaces(indent) + "]"
        case .string(let text):
            out += quoted(text)
        case .number(let text):
            out += text
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .null:
            out += "null"
        }
    }

    private static func spaces(_ level: Int) -> String {
        String(repeating: "  ", count: level)
    }

    /// `text` as a JSON string literal, also safe inside JavaScript and HTML script blocks
    /// (`JSONString.Escaping.report`).
    static func quoted(_ text: String) -> String {
        JSONString.quoted(text, escaping: .report)
    }
}
