/// Reads typed fields out of one record, liberal where real payloads are messy (nulls, numbers
/// as strings) and strict where a wrong value would silently corrupt the cache (ids, timestamps).
public struct RecordReader: Sendable {
    public let members: [String: JSONValue]
    public let context: RecordContext

    public init(_ record: RawRecord) {
        self.init(members: record.members, context: record.context)
    }

    public init(members: [String: JSONValue], context: RecordContext) {
        self.members = members
        self.context = context
    }

    func fail(_ field: String, _ problem: String) -> WireError {
        .invalidField(record: context, field: field, problem: problem)
    }

    /// A required integer id.
    public func id(_ field: String = "id") throws(WireError) -> Int64 {
        guard let value = try optionalID(field) else {
            throw fail(field, "is missing; every record needs an integer id")
        }
        return value
    }

    /// An optional integer id: absent or null gives `nil`; anything but an integer is an error.
    public func optionalID(_ field: String) throws(WireError) -> Int64? {
        switch members[field] {
        case nil, .null?: return nil
        case .integer(let number)?: return number
        case .double(let number)? where number.rounded() == number && abs(number) < 9e15: return Int64(number)
        case let other?: throw fail(field, "is \(other.kindDescription); expected an integer id")
        }
    }

    /// An optional count or number of minutes; strings holding numbers are accepted.
    public func number(_ field: String) throws(WireError) -> Double? {
        try Self.number(members[field], field: field, reader: self)
    }

    static func number(_ value: JSONValue?, field: String, reader: RecordReader) throws(WireError) -> Double? {
        switch value {
        case nil, .null?: return nil
        case .integer(let number)?: return Double(number)
        case .double(let number)?: return number
        case .string(let text)?:
            if text.isEmpty { return nil }
            guard let number = Double(text), number.isFinite else {
                throw reader.fail(field, "is the string \"\(text.prefix(40))\"; expected a number")
            }
            return number
        case let other?: throw reader.fail(field, "is \(other.kindDescription); expected a number")
        }
    }

    /// An optional integer count (reopens, replies, stations).
    public func integer(_ field: String) throws(WireError) -> Int64? {
        guard let value = try number(field) else { return nil }
        guard value.rounded() == value, abs(value) < 9e15 else {
            throw fail(field, "is \(value); expected a whole number")
        }
        return Int64(value)
    }

    /// An optional string; numbers and booleans are turned into their text, objects and arrays give `nil`.
    public func string(_ field: String) -> String? {
        Self.text(members[field])
    }

    /// A value as text: strings as they are, numbers and booleans written out, anything else `nil`.
    public static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .integer(let number)?: String(number)
        case .double(let number)?: String(number)
        case .bool(let flag)?: flag ? "true" : "false"
        default: nil
        }
    }

    /// An optional boolean; `"true"`/`"false"` strings and 0/1 are accepted.
    public func bool(_ field: String) -> Bool? {
        switch members[field] {
        case .bool(let flag)?: flag
        case .integer(let number)?: number != 0
        case .string("true")?: true
        case .string("false")?: false
        default: nil
        }
    }

    /// An optional timestamp as UTC epoch seconds, from an ISO-8601 string or an epoch number.
    public func timestamp(_ field: String) throws(WireError) -> Int64? {
        switch members[field] {
        case nil, .null?: return nil
        case .string(let text)?:
            if text.isEmpty { return nil }
            guard let epoch = Timestamp.parse(text) else {
                throw fail(field, "is \"\(text.prefix(40))\", not an ISO-8601 timestamp like 2026-11-17T09:30:00Z")
            }
            return try checkedRange(epoch, field)
        case .integer(let number)?: return try checkedRange(number, field)
        case let other?: throw fail(field, "is \(other.kindDescription); expected an ISO-8601 timestamp")
        }
    }

    /// A timestamp that must be present.
    public func requiredTimestamp(_ field: String) throws(WireError) -> Int64 {
        guard let value = try timestamp(field) else { throw fail(field, "is missing; expected an ISO-8601 timestamp") }
        return value
    }

    private func checkedRange(_ epoch: Int64, _ field: String) throws(WireError) -> Int64 {
        // 1970-01-01 … 9999-12-31: anything outside is a broken export, not a real event.
        guard epoch >= 0, epoch <= 253_402_300_799 else {
            throw fail(field, "is \(Timestamp.format(epoch)), outside 1970–9999")
        }
        return epoch
    }

    /// A `{calendar, business}` duration object in minutes (either part may be null).
    public func duration(_ field: String) throws(WireError) -> Duration {
        guard case .object(let parts)? = members[field] else { return Duration(calendar: nil, business: nil) }
        return Duration(
            calendar: try Self.number(parts["calendar"], field: field + ".calendar", reader: self),
            business: try Self.number(parts["business"], field: field + ".business", reader: self))
    }

    /// A list of strings (tags); non-string elements are turned into text or dropped.
    public func strings(_ field: String) -> [String] {
        guard case .array(let items)? = members[field] else { return [] }
        return items.compactMap { Self.text($0) }
    }

    /// A nested object, or `nil`.
    public func object(_ field: String) -> [String: JSONValue]? {
        members[field]?.objectValue
    }

    /// A list of nested objects (non-objects are ignored).
    public func objects(_ field: String) -> [[String: JSONValue]] {
        guard case .array(let items)? = members[field] else { return [] }
        return items.compactMap(\.objectValue)
    }

    /// A reader for a nested object, reporting errors against the same record.
    public func nested(_ members: [String: JSONValue]) -> RecordReader {
        RecordReader(members: members, context: context)
    }
}

/// A Zendesk duration in minutes, measured on the calendar clock and on business hours.
public struct Duration: Sendable, Equatable {
    public let calendar: Double?
    public let business: Double?

    public init(calendar: Double?, business: Double?) {
        self.calendar = calendar
        self.business = business
    }
}
