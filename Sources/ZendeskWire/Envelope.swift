/// One record as it appeared in a body: its parsed members and its exact original text.
public struct RawRecord: Sendable {
    public let members: [String: JSONValue]
    /// The record's JSON text exactly as the API sent it.
    public let text: String
    public let context: RecordContext
}

/// The records of one table found in a body.
public struct EnvelopeSection: Sendable {
    public let key: String
    public let table: WireTable
    public let records: [RawRecord]
}

/// A parsed Zendesk response body: record lists by table, plus keys deskstat did not recognise.
///
/// Any of the API's response shapes is accepted: cursor and time-based incremental exports,
/// cursor and offset lists, single objects (`{"ticket": {...}}`) and side-loads in the same body.
/// Pagination keys are read past; an unrecognised key is reported in `unknownKeys`.
public struct Envelope: Sendable {
    public let sections: [EnvelopeSection]
    public let unknownKeys: [String]
    /// Pagination URLs found in the body (`next_page`, `links.next`, `after_url`, …).
    public let paginationURLs: [String]
    /// The pagination members of the body (`after_cursor`, `end_of_stream`, `end_time`, `meta`, …).
    public let pagination: [String: JSONValue]

    /// A pagination member as text (`after_cursor`, `next_page`), `nil` when absent or null.
    public func paginationText(_ key: String) -> String? {
        if case .string(let text)? = pagination[key] { return text }
        return nil
    }

    /// A nested pagination member, e.g. `meta.after_cursor`, `links.next`, `meta.has_more`.
    public func paginationValue(_ key: String, _ member: String) -> JSONValue? {
        pagination[key]?.objectValue?[member]
    }

    /// The ticket a per-ticket list belongs to, read from its pagination URLs
    /// (`…/tickets/123/comments.json?…` → 123), or `nil`.
    public var ticketIDFromURLs: Int64? {
        for url in paginationURLs {
            let parts = url.split(separator: "/", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated().dropLast() where part == "tickets" {
                if let id = Int64(parts[index + 1].prefix { $0.isASCII && $0.isNumber }) { return id }
            }
        }
        return nil
    }

    /// Parses a whole body.
    public static func parse(_ bytes: [UInt8]) throws(WireError) -> Envelope {
        try bytes.withUnsafeBufferPointer { buffer throws(WireError) in try parse(buffer) }
    }

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(WireError) -> Envelope {
        var parser = JSONParser(body: buffer)
        guard let first = parser.peek() else { throw .empty }
        guard first == UInt8(ascii: "{") else {
            let value = try parser.parseValue()
            throw .bodyNotAnObject(found: value.kindDescription)
        }
        var lines = LineTracker()
        let envelope = try parseTopObject(&parser, lines: &lines)
        if !parser.isAtEnd, parser.peek() != nil {
            throw parser.error("unexpected \(parser.describeByte(at: parser.position)) after the end of the body")
        }
        return envelope
    }

    private static func parseTopObject(_ parser: inout JSONParser, lines: inout LineTracker) throws(WireError)
        -> Envelope
    {
        try parser.expect(UInt8(ascii: "{"), "'{'")
        var sections: [EnvelopeSection] = []
        var unknown: [String] = []
        var urls: [String] = []
        var pagination: [String: JSONValue] = [:]
        var seen: Set<String> = []
        if !parser.consume(UInt8(ascii: "}")) {
            repeat {
                let (key, keyOffset) = try parser.parseKey()
                guard seen.insert(key).inserted else {
                    throw parser.error("duplicate key \"\(key)\" in one object", at: keyOffset)
                }
                if let (table, isList) = WireTable.forBodyKey(key) {
                    let records = try parseRecords(&parser, key: key, isList: isList, lines: &lines)
                    sections.append(EnvelopeSection(key: key, table: table, records: records))
                } else {
                    let value = try parser.parseValue()
                    if WireTable.paginationKeys.contains(key) {
                        urls += Self.urls(in: value)
                        pagination[key] = value
                    } else {
                        unknown.append(key)
                    }
                }
            } while parser.consume(UInt8(ascii: ","))
            try parser.expect(UInt8(ascii: "}"), "',' or '}'")
        }
        if sections.isEmpty { throw .unknownBody(keys: seen.sorted()) }
        return Envelope(sections: sections, unknownKeys: unknown.sorted(), paginationURLs: urls, pagination: pagination)
    }

    private static func parseRecords(
        _ parser: inout JSONParser, key: String, isList: Bool, lines: inout LineTracker
    ) throws(WireError) -> [RawRecord] {
        guard isList else {
            if parser.peek() == UInt8(ascii: "n") {
                _ = try parser.parseValue()
                return []
            }
            return [try parseRecord(&parser, key: key, index: nil, lines: &lines)]
        }
        if parser.peek() == UInt8(ascii: "n") {  // a null list: nothing to import
            _ = try parser.parseValue()
            return []
        }
        guard parser.peek() == UInt8(ascii: "[") else {
            let value = try parser.parseValue()
            throw .invalidField(
                record: RecordContext(key: key, index: nil, id: nil), field: key,
                problem: "is \(value.kindDescription); expected a list of records")
        }
        try parser.expect(UInt8(ascii: "["), "'['")
        var records: [RawRecord] = []
        if parser.consume(UInt8(ascii: "]")) { return records }
        repeat {
            records.append(try parseRecord(&parser, key: key, index: records.count, lines: &lines))
        } while parser.consume(UInt8(ascii: ","))
        try parser.expect(UInt8(ascii: "]"), "',' or ']'")
        return records
    }

    private static func parseRecord(
        _ parser: inout JSONParser, key: String, index: Int?, lines: inout LineTracker
    ) throws(WireError) -> RawRecord {
        parser.skipWhitespace()
        let start = parser.position
        let location = lines.location(of: start, in: parser.bytes)
        guard parser.peek() == UInt8(ascii: "{") else {
            let value = try parser.parseValue()
            throw .recordNotAnObject(key: key, index: index ?? 0, found: value.kindDescription)
        }
        let members = try parser.parseObject()
        let text = String(decoding: UnsafeBufferPointer(rebasing: parser.bytes[start..<parser.position]), as: UTF8.self)
        let id = members["id"].flatMap(Self.idText) ?? members["name"].flatMap(Self.idText)
        return RawRecord(
            members: members, text: text, context: RecordContext(key: key, index: index, id: id, location: location))
    }

    /// Parses one bare record (a line of NDJSON named with `--table`).
    public static func parseBareRecord(_ bytes: [UInt8], table: WireTable, index: Int) throws(WireError) -> RawRecord {
        try bytes.withUnsafeBufferPointer { buffer throws(WireError) in
            var parser = JSONParser(body: buffer)
            guard parser.peek() != nil else { throw .empty }
            var lines = LineTracker()
            let record = try parseRecord(&parser, key: table.rawValue, index: index, lines: &lines)
            if parser.peek() != nil {
                throw parser.error("unexpected \(parser.describeByte(at: parser.position)) after the record")
            }
            return record
        }
    }

    /// Parses any JSON value (used for small inputs such as nested objects in tests and tools).
    public static func parseValue(_ bytes: [UInt8]) throws(WireError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(WireError) in
            var parser = JSONParser(body: buffer)
            guard parser.peek() != nil else { throw .empty }
            let value = try parser.parseValue()
            if parser.peek() != nil {
                throw parser.error("unexpected \(parser.describeByte(at: parser.position)) after the value")
            }
            return value
        }
    }

    static func urls(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text) where text.hasPrefix("http"): [text]
        case .object(let members): members.keys.sorted().flatMap { urls(in: members[$0] ?? .null) }
        default: []
        }
    }

    static func idText(_ value: JSONValue) -> String? {
        switch value {
        case .integer(let number): String(number)
        case .string(let text): text.count <= 40 ? text : String(text.prefix(40)) + "…"
        default: nil
        }
    }
}

/// Turns increasing byte offsets into line and column numbers in one pass over the input.
struct LineTracker {
    private var scanned = 0
    private var line = 1
    private var lineStart = 0

    mutating func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> InputPosition {
        if offset < scanned { return InputPosition(offset: offset, in: bytes) }
        let end = min(offset, bytes.count)
        var index = scanned
        while index < end {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        scanned = end
        return InputPosition(offset: offset, line: line, column: offset - lineStart + 1)
    }
}
