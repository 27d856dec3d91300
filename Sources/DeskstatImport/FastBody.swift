import DeskstatCache
import ZendeskWire

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes API bodies of the bulk tables (tickets, metric sets, ratings, users, organizations,
/// groups, memberships) in one pass, straight into a `CacheRowBatch`: no `[String: JSONValue]`
/// per record, no wire struct, no `CacheRow` — just the typed columns, the record's byte range
/// (its raw JSON), and its tags and custom fields.
///
/// It reproduces `RecordReader` and the wire records field by field. Whenever a body holds
/// anything else — another table, a value of an unusual type (a float id, a numeric string), an
/// escaped key, an embedded `metric_set`, or anything malformed — `decode` returns `nil` and the
/// importer runs the reference path, which imports the body or names exactly what is wrong. So
/// the fast path changes speed, never results or messages.
enum FastBody {
    struct Decoded: Sendable {
        var batch: CacheRowBatch
        /// Top-level keys that are neither tables nor pagination, sorted.
        var unknownKeys: [String]
    }

    /// The rows of `bytes`, or `nil` when the reference path must handle the body.
    static func decode(_ bytes: [UInt8]) -> Decoded? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        var batch = CacheRowBatch(body: bytes)
        do {
            let unknown = try bytes.withUnsafeBufferPointer { buffer throws(FastPathDeclined) -> [String] in
                guard let base = buffer.baseAddress else { throw FastPathDeclined() }
                var scanner = JSONScanner(base: base, count: buffer.count)
                scanner.position = ByteOrderMark.length(in: buffer)  // a leading BOM is not part of the JSON
                var decoder = BodyDecoder(scanner: scanner)
                return try decoder.body(&batch)
            }
            return Decoded(batch: batch, unknownKeys: unknown)
        } catch {
            return nil
        }
    }

    static let supportedTables: Set<WireTable> = [
        .tickets, .ticketMetrics, .satisfactionRatings, .users, .organizations, .groups, .groupMemberships,
    ]
}

/// Slot numbers of the fields each table reads (the order of `names`).
private enum TicketField {
    static let names = [
        "id", "status", "priority", "type", "subject", "via", "group_id", "assignee_id", "requester_id", "submitter_id",
        "organization_id", "brand_id", "ticket_form_id", "problem_id", "created_at", "updated_at",
        "generated_timestamp",
        "tags", "custom_fields", "fields", "metric_set",
    ]
    static let id = 0, status = 1, priority = 2, type = 3, subject = 4, via = 5, groupID = 6
    static let createdAt = 14, updatedAt = 15, generated = 16, tags = 17, customFields = 18, fields = 19, metricSet = 20
    static let table = FieldTable(names)
}

private enum MetricField {
    static let names = [
        "id", "ticket_id", "created_at", "updated_at", "reply_time_in_minutes", "first_resolution_time_in_minutes",
        "full_resolution_time_in_minutes", "agent_wait_time_in_minutes", "requester_wait_time_in_minutes",
        "on_hold_time_in_minutes", "reply_time_in_seconds", "reopens", "replies", "assignee_stations", "group_stations",
        "assigned_at", "initially_assigned_at", "solved_at", "status_updated_at", "latest_comment_added_at",
        "requester_updated_at", "assignee_updated_at", "custom_status_updated_at",
    ]
    static let table = FieldTable(names)
}

private enum RatingField {
    static let names = [
        "id", "ticket_id", "group_id", "assignee_id", "requester_id", "score", "reason", "reason_id", "created_at",
        "updated_at",
    ]
    static let table = FieldTable(names)
}

private enum UserField {
    static let names = [
        "id", "name", "email", "role", "role_type", "active", "suspended", "organization_id", "default_group_id",
        "iana_time_zone", "time_zone", "created_at", "updated_at", "last_login_at",
    ]
    static let table = FieldTable(names)
}

private enum OrganizationField {
    static let names = ["id", "name", "group_id", "created_at", "updated_at", "deleted_at"]
    static let table = FieldTable(names)
}

private enum GroupField {
    static let names = ["id", "name", "description", "default", "deleted", "is_public", "created_at", "updated_at"]
    static let table = FieldTable(names)
}

private enum MembershipField {
    static let names = ["id", "user_id", "group_id", "default", "created_at", "updated_at"]
    static let table = FieldTable(names)
}

/// One body being decoded.
private struct BodyDecoder {
    typealias Value = CacheRowBatch.Value

    var scanner: JSONScanner
    var slots = [ScannedValue](repeating: .absent, count: 32)
    /// Scratch for a ticket's tags and custom field ids.
    var tagRanges: [(start: Int, length: Int)] = []
    var seenFields: [Int64] = []

    init(scanner: JSONScanner) {
        self.scanner = scanner
    }

    var base: UnsafePointer<UInt8> { scanner.base }

    // MARK: Envelope

    mutating func body(_ batch: inout CacheRowBatch) throws(FastPathDeclined) -> [String] {
        try scanner.expect(UInt8(ascii: "{"))
        let keyBase = scanner.keyStackTop
        var unknown: [String] = []
        var sections = 0
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.scanKey(keyBase: keyBase)
                let name = String(
                    decoding: UnsafeBufferPointer(start: base + key.start, count: key.length), as: UTF8.self)
                if let (table, isList) = WireTable.forBodyKey(name) {
                    guard FastBody.supportedTables.contains(table) else { throw FastPathDeclined() }
                    sections += 1
                    try section(table, isList: isList, &batch)
                } else {
                    _ = try scanner.scanValue()
                    if !WireTable.paginationKeys.contains(name) { unknown.append(name) }
                }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        scanner.skipWhitespace()
        guard scanner.position == scanner.count, sections > 0 else { throw FastPathDeclined() }
        return unknown.sorted()
    }

    mutating func section(_ table: WireTable, isList: Bool, _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        if scanner.peek() == UInt8(ascii: "n") {  // a null list or object: nothing to import
            guard try scanner.scanValue().kind == .null else { throw FastPathDeclined() }
            return
        }
        guard isList else {
            try record(table, &batch)
            return
        }
        try scanner.expect(UInt8(ascii: "["))
        if scanner.consume(UInt8(ascii: "]")) { return }
        repeat {
            try record(table, &batch)
        } while scanner.consume(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "]"))
    }

    mutating func record(_ table: WireTable, _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        switch table {
        case .tickets:
            let raw = try scanner.scanRecord(TicketField.table, into: &slots)
            try ticket(raw, &batch)
        case .ticketMetrics:
            let raw = try scanner.scanRecord(MetricField.table, into: &slots)
            try metric(raw, &batch)
        case .satisfactionRatings:
            let raw = try scanner.scanRecord(RatingField.table, into: &slots)
            try rating(raw, &batch)
        case .users:
            let raw = try scanner.scanRecord(UserField.table, into: &slots)
            try user(raw, &batch)
        case .organizations:
            let raw = try scanner.scanRecord(OrganizationField.table, into: &slots)
            try organization(raw, &batch)
        case .groups:
            let raw = try scanner.scanRecord(GroupField.table, into: &slots)
            try group(raw, &batch)
        case .groupMemberships:
            let raw = try scanner.scanRecord(MembershipField.table, into: &slots)
            try membership(raw, &batch)
        default:
            throw FastPathDeclined()
        }
    }

    static func raw(_ range: (start: Int, end: Int)) -> Value {
        .bodyText(offset: Int32(range.start), count: Int32(range.end - range.start))
    }

    // MARK: Records (each mirrors its wire struct's init and its `RecordMapper` row)

    mutating func ticket(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        typealias F = TicketField
        // An embedded metric set becomes a second row; the reference path handles that.
        if slots[F.metricSet].kind == .object { throw FastPathDeclined() }
        let id = try requiredID(F.id)
        let deleted = try isDeleted(slots[F.status])
        let status = try text(F.status, &batch)
        let priority = try text(F.priority, &batch)
        let type = try text(F.type, &batch)
        let subject = try text(F.subject, &batch)
        let channel = try viaChannel(slots[F.via], &batch)
        var ids: (Value, Value, Value, Value, Value, Value, Value, Value) = (
            .null, .null, .null, .null, .null, .null, .null, .null
        )
        ids.0 = try optionalID(F.groupID)
        ids.1 = try optionalID(F.groupID + 1)
        ids.2 = try optionalID(F.groupID + 2)
        ids.3 = try optionalID(F.groupID + 3)
        ids.4 = try optionalID(F.groupID + 4)
        ids.5 = try optionalID(F.groupID + 5)
        ids.6 = try optionalID(F.groupID + 6)
        ids.7 = try optionalID(F.groupID + 7)
        guard let createdAt = try timestamp(F.createdAt) else { throw FastPathDeclined() }
        let updatedAt = try timestamp(F.updatedAt) ?? createdAt
        let generated = try integer(F.generated) ?? updatedAt
        batch.beginRow(.tickets, raw: Self.raw(range))
        batch.append(.integer(id))
        batch.append(status)
        batch.append(priority)
        batch.append(type)
        batch.append(subject)
        batch.append(channel)
        batch.append(ids.0)
        batch.append(ids.1)
        batch.append(ids.2)
        batch.append(ids.3)
        batch.append(ids.4)
        batch.append(ids.5)
        batch.append(ids.6)
        batch.append(ids.7)
        batch.append(.integer(createdAt))
        batch.append(.integer(updatedAt))
        batch.append(.integer(generated))
        batch.append(.integer(deleted ? 1 : 0))
        try tags(slots[F.tags], &batch)
        let source = slots[F.customFields].kind != .absent ? slots[F.customFields] : slots[F.fields]
        try customFields(source, &batch)
        batch.endRow()
    }

    mutating func metric(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let id = try requiredID(0)
        let ticketID = try requiredID(1)
        let createdAt = try timestamp(2)
        let updatedAt = try timestamp(3)
        var durations: [Double?] = []
        durations.reserveCapacity(12)
        for slot in 4...9 {
            let (calendar, business) = try duration(slots[slot])
            durations.append(calendar)
            durations.append(business)
        }
        let seconds = try duration(slots[10]).calendar
        let counters = (try integer(11), try integer(12), try integer(13), try integer(14))
        var stamps: [Int64?] = []
        stamps.reserveCapacity(8)
        for slot in 15...22 { stamps.append(try timestamp(slot)) }
        batch.beginRow(.ticketMetrics, raw: Self.raw(range))
        batch.append(.integer(id))
        batch.append(.integer(ticketID))
        batch.append(.integer(createdAt))
        batch.append(.integer(updatedAt))
        for value in durations { batch.append(.real(value)) }
        batch.append(.real(seconds))
        batch.append(.integer(counters.0))
        batch.append(.integer(counters.1))
        batch.append(.integer(counters.2))
        batch.append(.integer(counters.3))
        for stamp in stamps { batch.append(.integer(stamp)) }
        batch.endRow()
    }

    mutating func rating(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let id = try requiredID(0)
        let ticketID = try optionalID(1), groupID = try optionalID(2), assigneeID = try optionalID(3)
        let requesterID = try optionalID(4)
        let score = try text(5, &batch), reason = try text(6, &batch)
        let reasonID = try optionalID(7)
        let createdAt = try timestamp(8)
        let updatedAt = try timestamp(9) ?? createdAt
        batch.beginRow(.satisfactionRatings, raw: Self.raw(range))
        for value in [Value.integer(id), ticketID, groupID, assigneeID, requesterID, score, reason, reasonID] {
            batch.append(value)
        }
        batch.append(.integer(createdAt))
        batch.append(.integer(updatedAt))
        batch.endRow()
    }

    mutating func user(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let id = try requiredID(0)
        let name = try text(1, &batch), email = try text(2, &batch), role = try text(3, &batch)
        let roleType = try integer(4)
        let active = try bool(5), suspended = try bool(6)
        let organizationID = try optionalID(7), defaultGroupID = try optionalID(8)
        var timeZone = try text(9, &batch)
        if timeZone == .null { timeZone = try text(10, &batch) }
        let createdAt = try timestamp(11), updatedAt = try timestamp(12), lastLoginAt = try timestamp(13)
        batch.beginRow(.users, raw: Self.raw(range))
        for value in [
            Value.integer(id), name, email, role, .integer(roleType), .bool(active), .bool(suspended), organizationID,
            defaultGroupID, timeZone, .integer(createdAt), .integer(updatedAt), .integer(lastLoginAt),
        ] {
            batch.append(value)
        }
        batch.endRow()
    }

    mutating func organization(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let id = try requiredID(0)
        let name = try text(1, &batch)
        let groupID = try optionalID(2)
        let createdAt = try timestamp(3), updatedAt = try timestamp(4), deletedAt = try timestamp(5)
        batch.beginRow(.organizations, raw: Self.raw(range))
        for value in [Value.integer(id), name, groupID, .integer(createdAt), .integer(updatedAt), .integer(deletedAt)] {
            batch.append(value)
        }
        batch.endRow()
    }

    mutating func group(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let id = try requiredID(0)
        let name = try text(1, &batch), description = try text(2, &batch)
        let isDefault = try bool(3), deleted = try bool(4), isPublic = try bool(5)
        let createdAt = try timestamp(6), updatedAt = try timestamp(7)
        batch.beginRow(.groups, raw: Self.raw(range))
        for value in [
            Value.integer(id), name, description, .bool(isDefault), .bool(deleted), .bool(isPublic),
            .integer(createdAt),
            .integer(updatedAt),
        ] {
            batch.append(value)
        }
        batch.endRow()
    }

    mutating func membership(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let id = try requiredID(0)
        let userID = try optionalID(1), groupID = try optionalID(2)
        let isDefault = try bool(3)
        let createdAt = try timestamp(4), updatedAt = try timestamp(5)
        batch.beginRow(.groupMemberships, raw: Self.raw(range))
        for value in [Value.integer(id), userID, groupID, .bool(isDefault), .integer(createdAt), .integer(updatedAt)] {
            batch.append(value)
        }
        batch.endRow()
    }

    // MARK: Fields (each mirrors a `RecordReader` accessor; anything it would reject is declined)

    /// `RecordReader.id`: an integer, required.
    func requiredID(_ slot: Int) throws(FastPathDeclined) -> Int64 {
        let value = slots[slot]
        guard value.kind == .integer else { throw FastPathDeclined() }
        return value.integer
    }

    /// `RecordReader.optionalID`: absent or null is nil; an integer is the id.
    func optionalID(_ slot: Int) throws(FastPathDeclined) -> Value {
        let value = slots[slot]
        switch value.kind {
        case .absent, .null: return .null
        case .integer: return .integer(value.integer)
        default: throw FastPathDeclined()
        }
    }

    /// `RecordReader.integer`: a whole number below 9e15 in magnitude.
    func integer(_ slot: Int) throws(FastPathDeclined) -> Int64? {
        let value = slots[slot]
        switch value.kind {
        case .absent, .null: return nil
        case .integer:
            guard value.integer > -9_000_000_000_000_000 && value.integer < 9_000_000_000_000_000 else {
                throw FastPathDeclined()
            }
            return value.integer
        default: throw FastPathDeclined()
        }
    }

    /// `RecordReader.string`: text; numbers and booleans written out; objects and arrays nil.
    mutating func text(_ slot: Int, _ batch: inout CacheRowBatch) throws(FastPathDeclined) -> Value {
        try text(of: slots[slot], &batch)
    }

    func text(of value: ScannedValue, _ batch: inout CacheRowBatch) throws(FastPathDeclined) -> Value {
        switch value.kind {
        case .absent, .null, .object, .array: return .null
        case .string:
            if value.escaped { return batch.own(try unescaped(value)) }
            return .bodyText(offset: Int32(value.start), count: Int32(value.end - value.start))
        case .integer: return batch.own(String(value.integer))
        case .trueValue: return batch.own("true")
        case .falseValue: return batch.own("false")
        case .float: throw FastPathDeclined()
        }
    }

    /// A string's text with its escapes resolved, by the reference parser.
    func unescaped(_ value: ScannedValue) throws(FastPathDeclined) -> String {
        let quoted = Array(UnsafeBufferPointer(start: base + value.start - 1, count: value.end - value.start + 2))
        guard case .string(let text)? = try? Envelope.parseValue(quoted) else { throw FastPathDeclined() }
        return text
    }

    /// `Ticket.isDeleted`: the status is the text `deleted`.
    func isDeleted(_ value: ScannedValue) throws(FastPathDeclined) -> Bool {
        guard value.kind == .string else { return false }
        if value.escaped { return try unescaped(value) == "deleted" }
        return JSONScanner.equals(base + value.start, value.end - value.start, "deleted")
    }

    /// `RecordReader.bool`: true/false, an integer (non-zero is true), or the strings "true"/"false".
    func bool(_ slot: Int) throws(FastPathDeclined) -> Bool? {
        let value = slots[slot]
        switch value.kind {
        case .trueValue: return true
        case .falseValue: return false
        case .integer: return value.integer != 0
        case .string:
            if value.escaped { throw FastPathDeclined() }
            let length = value.end - value.start
            if JSONScanner.equals(base + value.start, length, "true") { return true }
            if JSONScanner.equals(base + value.start, length, "false") { return false }
            return nil
        default: return nil
        }
    }

    /// `RecordReader.timestamp`: an ISO-8601 string or epoch seconds, within 1970…9999.
    func timestamp(_ slot: Int) throws(FastPathDeclined) -> Int64? {
        let value = slots[slot]
        let epoch: Int64
        switch value.kind {
        case .absent, .null: return nil
        case .string:
            guard !value.escaped else { throw FastPathDeclined() }
            let length = value.end - value.start
            if length == 0 { return nil }
            guard let parsed = Timestamp.parse(UnsafeBufferPointer(start: base + value.start, count: length)) else {
                throw FastPathDeclined()
            }
            epoch = parsed
        case .integer:
            epoch = value.integer
        default:
            throw FastPathDeclined()
        }
        guard epoch >= 0, epoch <= 253_402_300_799 else { throw FastPathDeclined() }
        return epoch
    }

    /// `RecordReader.number` for one member of a duration object.
    func number(_ value: ScannedValue) throws(FastPathDeclined) -> Double? {
        switch value.kind {
        case .absent, .null: return nil
        case .integer: return Double(value.integer)
        case .float:
            guard let number = JSONScanner.double(base, value.start, value.end) else { throw FastPathDeclined() }
            return number
        default: throw FastPathDeclined()
        }
    }

    /// `RecordReader.duration`: `{calendar, business}` when an object, else both nil.
    mutating func duration(_ value: ScannedValue) throws(FastPathDeclined) -> (calendar: Double?, business: Double?) {
        guard value.kind == .object else { return (nil, nil) }
        var calendar = ScannedValue.absent
        var business = ScannedValue.absent
        try scanner.forEachMember(of: value) { key, length, member throws(FastPathDeclined) in
            if JSONScanner.equals(key, length, "calendar") {
                calendar = member
            } else if JSONScanner.equals(key, length, "business") {
                business = member
            }
        }
        return (try number(calendar), try number(business))
    }

    /// `Ticket.channel(of:)`: `via.channel` when `via` is an object; a bare non-empty string other than "-".
    mutating func viaChannel(_ via: ScannedValue, _ batch: inout CacheRowBatch) throws(FastPathDeclined) -> Value {
        switch via.kind {
        case .object:
            var channel = ScannedValue.absent
            try scanner.forEachMember(of: via) { key, length, member throws(FastPathDeclined) in
                if JSONScanner.equals(key, length, "channel") { channel = member }
            }
            return try text(of: channel, &batch)
        case .string:
            if via.escaped { throw FastPathDeclined() }
            let length = via.end - via.start
            if length == 0 || JSONScanner.equals(base + via.start, length, "-") { return .null }
            return .bodyText(offset: Int32(via.start), count: Int32(length))
        default:
            return .null
        }
    }

    /// `RecordReader.strings("tags")`, then `CacheRow.ticket`'s de-duplication.
    mutating func tags(_ list: ScannedValue, _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        guard list.kind == .array else { return }
        var ranges: [(start: Int, length: Int)] = []
        swap(&ranges, &tagRanges)
        defer { swap(&ranges, &tagRanges) }
        ranges.removeAll(keepingCapacity: true)
        var plainASCII = true
        var texts: [String] = []
        let base = self.base
        try scanner.forEachElement(of: list) { element throws(FastPathDeclined) in
            switch element.kind {
            case .string where !element.escaped:
                for index in element.start..<element.end where base[index] >= 0x80 { plainASCII = false }
                ranges.append((element.start, element.end - element.start))
            case .string, .integer, .trueValue, .falseValue:
                plainASCII = false
                ranges.append((-1, texts.count))
                switch element.kind {
                case .string: texts.append(try unescaped(element))
                case .integer: texts.append(String(element.integer))
                default: texts.append(element.kind == .trueValue ? "true" : "false")
                }
            case .float:
                throw FastPathDeclined()
            default:
                break  // null, objects and arrays are dropped
            }
        }
        if plainASCII {
            // ASCII text: byte order and byte equality are exactly String's.
            if ranges.count > 1 {
                ranges.sort { lhs, rhs in
                    let order = memcmp(base + lhs.start, base + rhs.start, min(lhs.length, rhs.length))
                    return order != 0 ? order < 0 : lhs.length < rhs.length
                }
            }
            var previous: (start: Int, length: Int)?
            for range in ranges {
                if let previous, previous.length == range.length,
                    memcmp(base + previous.start, base + range.start, range.length) == 0
                {
                    continue
                }
                batch.appendTag(.bodyText(offset: Int32(range.start), count: Int32(range.length)))
                previous = range
            }
            return
        }
        let strings = ranges.map { range in
            range.start < 0
                ? texts[range.length]
                : String(decoding: UnsafeBufferPointer(start: base + range.start, count: range.length), as: UTF8.self)
        }
        for tag in Array(Set(strings)).sorted() { batch.appendTag(batch.own(tag)) }
    }

    /// `Ticket.customFields`: objects of the list with an integer `id`, the first value per id,
    /// stored as `CustomFieldValue.storedText`.
    mutating func customFields(_ list: ScannedValue, _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        guard list.kind == .array else { return }
        var seenFields = self.seenFields
        seenFields.removeAll(keepingCapacity: true)
        defer { self.seenFields = seenFields }
        let scanner = self.scanner
        var entries: [(id: Int64, value: ScannedValue)] = []
        try scanner.forEachElement(of: list) { element throws(FastPathDeclined) in
            guard element.kind == .object else { return }
            var id = ScannedValue.absent
            var value = ScannedValue.absent
            try scanner.forEachMember(of: element) { key, length, member throws(FastPathDeclined) in
                if JSONScanner.equals(key, length, "id") {
                    id = member
                } else if JSONScanner.equals(key, length, "value") {
                    value = member
                }
            }
            switch id.kind {
            case .absent, .null: return
            case .integer: break
            default: throw FastPathDeclined()
            }
            guard !seenFields.contains(id.integer) else { return }
            seenFields.append(id.integer)
            entries.append((id.integer, value))
        }
        for entry in entries {
            batch.appendCustomField(entry.id, try storedText(entry.value, &batch))
        }
    }

    /// `CustomFieldValue.storedText`: strings bare, null as nil, anything else as compact JSON.
    func storedText(_ value: ScannedValue, _ batch: inout CacheRowBatch) throws(FastPathDeclined) -> Value {
        switch value.kind {
        case .absent, .null: return .null
        case .string, .integer, .trueValue, .falseValue: return try text(of: value, &batch)
        case .float:
            guard let number = JSONScanner.double(base, value.start, value.end) else { throw FastPathDeclined() }
            return batch.own(JSONValue.double(number).canonicalText)
        case .array:
            if let text = plainStringArray(value) { return batch.own(text) }
            return batch.own(try canonical(value))
        case .object:
            return batch.own(try canonical(value))
        }
    }

    /// The canonical text of an array of plain (unescaped) strings: `["a","b"]`, built from the
    /// bytes; `nil` for any other array.
    func plainStringArray(_ array: ScannedValue) -> [UInt8]? {
        var output: [UInt8] = [UInt8(ascii: "[")]
        var plain = true
        do {
            try scanner.forEachElement(of: array) { element throws(FastPathDeclined) in
                guard element.kind == .string, !element.escaped else {
                    plain = false
                    return
                }
                if output.count > 1 { output.append(UInt8(ascii: ",")) }
                output.append(UInt8(ascii: "\""))
                output.append(
                    contentsOf: UnsafeBufferPointer(start: base + element.start, count: element.end - element.start))
                output.append(UInt8(ascii: "\""))
            }
        } catch {
            return nil
        }
        guard plain else { return nil }
        output.append(UInt8(ascii: "]"))
        return output
    }

    /// A value's canonical JSON text, by the reference parser and writer.
    func canonical(_ value: ScannedValue) throws(FastPathDeclined) -> String {
        let bytes = Array(UnsafeBufferPointer(start: base + value.start, count: value.end - value.start))
        guard let parsed = try? Envelope.parseValue(bytes) else { throw FastPathDeclined() }
        return parsed.canonicalText
    }
}
