import DeskstatBasics

/// A parsed JSON value, as the Zendesk API sent it.
///
/// Objects keep their keys in a dictionary: the importer stores each record's original text
/// beside its typed columns, so key order never needs to survive parsing.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A short name of the value's kind, for error messages ("a string", "an array").
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The object's members, or `nil` when the value is not an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = ""
        JSONTextWriter.writeString(text, into: &out)
        return out
    }

    /// The value as compact JSON text with sorted keys; used to store condition values and custom
    /// field values in a stable, queryable form.
    public var canonicalText: String {
        var out = ""
        JSONTextWriter.write(self, into: &out)
        return out
    }
}

/// Writes `JSONValue`s as compact JSON with sorted keys.
enum JSONTextWriter {
    static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let number): out += String(number)
        case .double(let number): out += number.isFinite ? String(number) : "null"
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                writeString(key, into: &out)
                out += ":"
                if let member = members[key] { write(member, into: &out) }
            }
            out += "}"
        }
    }

    /// The cache's canonical string escaping (`JSONString.Escaping.minimal`): stored values
    /// must keep their bytes.
    static func writeString(_ text: String, into out: inout String) {
        JSONString.append(text, to: &out, escaping: .minimal)
    }
}
