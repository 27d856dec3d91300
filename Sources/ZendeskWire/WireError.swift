/// Everything that can be wrong with a Zendesk response body.
public enum WireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not valid JSON.
    case syntax(message: String, location: InputPosition)
    /// The input holds nothing but blanks.
    case empty
    /// The top-level value is not a JSON object.
    case bodyNotAnObject(found: String)
    /// No top-level key names a table deskstat knows.
    case unknownBody(keys: [String])
    /// An element of a record list is not a JSON object.
    case recordNotAnObject(key: String, index: Int, found: String)
    /// A field of a record has the wrong type or an invalid value.
    case invalidField(record: RecordContext, field: String, problem: String)
    /// A bare record was given without naming its table.
    case tableRequired
    /// `--table` named something that is not a cache table.
    case unknownTable(String)

    public var description: String {
        switch self {
        case .syntax(let message, let location):
            return "invalid JSON at \(location): \(message)"
        case .empty:
            return "the input is empty; expected a Zendesk API response body (a JSON object)"
        case .bodyNotAnObject(let found):
            return
                "the body is \(found), not a JSON object; expected a Zendesk API response such as {\"tickets\": [...]}"
        case .unknownBody(let keys):
            let shown = keys.isEmpty ? "no keys" : "keys " + keys.map { "\"\($0)\"" }.joined(separator: ", ")
            return "no known Zendesk table in this body (it has \(shown)); expected one of "
                + WireTable.envelopeKeysDescription
        case .recordNotAnObject(let key, let index, let found):
            return "\"\(key)\"[\(index)] is \(found), not a record object"
        case .invalidField(let record, let field, let problem):
            return "\(record): field \"\(field)\" \(problem)"
        case .tableRequired:
            return "these are bare records; name their table with --table NAME (one of \(WireTable.allNames))"
        case .unknownTable(let name):
            return "unknown table \"\(name)\"; expected one of \(WireTable.allNames)"
        }
    }
}

/// Identifies one record inside a body, for error messages.
public struct RecordContext: Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let index: Int?
    public let id: String?
    public let location: InputPosition?

    public init(key: String, index: Int?, id: String?, location: InputPosition? = nil) {
        self.key = key
        self.index = index
        self.id = id
        self.location = location
    }

    public var description: String {
        var text = "\"\(key)\""
        if let index { text += "[\(index)]" }
        if let id { text += " (id \(id))" }
        if let location { text += " at \(location)" }
        return text
    }
}
