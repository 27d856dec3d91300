import DeskstatBasics

/// A JSON value as the fake API sends it: object members keep the order they were written in.
///
/// Records render themselves to `FakeJSON`; ``text`` writes compact JSON text, the same bytes
/// every time for the same value.
///
/// ```swift
/// let value: FakeJSON = ["id": 1001, "status": "open", "tags": ["vip"], "assignee_id": nil]
/// value.text  // {"id":1001,"status":"open","tags":["vip"],"assignee_id":null}
/// ```
public indirect enum FakeJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([FakeJSON])
    case object(FakeJSONObject)

    /// Compact JSON text.
    public var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    /// Appends compact JSON text to `output`.
    public func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += Self.numberText(value)
        case .string(let value): Self.writeString(value, into: &output)
        case .array(let values): Self.writeArray(values, into: &output)
        case .object(let object): object.write(into: &output)
        }
    }

    /// A timestamp as the API writes it (`"2026-11-16T09:00:00Z"`), or `null`.
    public static func time(_ epoch: Int64?) -> FakeJSON {
        epoch.map { .string(FakeTime.iso8601($0)) } ?? .null
    }

    /// An optional integer, `null` when absent.
    public static func maybe(_ value: Int64?) -> FakeJSON {
        value.map { .int($0) } ?? .null
    }

    /// An optional string, `null` when absent.
    public static func maybe(_ value: String?) -> FakeJSON {
        value.map { .string($0) } ?? .null
    }

    /// A list of integers.
    public static func ints(_ values: [Int64]) -> FakeJSON {
        .array(values.map { .int($0) })
    }

    /// A list of strings.
    public static func strings(_ values: [String]) -> FakeJSON {
        .array(values.map { .string($0) })
    }

    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return String(value)
    }

    static func writeArray(_ values: [FakeJSON], into output: inout String) {
        output += "["
        for (index, value) in values.enumerated() {
            if index > 0 { output += "," }
            value.write(into: &output)
        }
        output += "]"
    }

    /// Writes a JSON string literal, escaped as API-shaped JSON is (`JSONString.Escaping.standard`).
    static func writeString(_ value: String, into output: inout String) {
        JSONString.append(value, to: &output, escaping: .standard)
    }
}

extension FakeJSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: FakeJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, FakeJSON)...) {
        self = .object(FakeJSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
