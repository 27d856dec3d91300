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
        .ticketMetricEvents,
    ]
}

/// Where the decoder finds a value (the slot of its JSON member) and where it stores it (its
/// column), both by name: the JSON member is the one the column's declaration in `CacheSchema`
/// names (`via_channel` ← `via`, `is_default` ← `default`).
private struct Field: Sendable {
    let slot: Int
    let column: CacheRowBatch.Column
}

/// The JSON members the decoder reads for one table: every member the table's columns come from
/// (`CacheTableSchema.jsonKeys`) plus `extra` ones, each in a slot of `fields`.
private struct RecordLayout: Sendable {
    let table: CacheTable
    let fields: FieldTable
    private let slots: [String: Int]

    init(_ table: CacheTable, extra: [String] = []) {
        self.table = table
        let keys = table.schema.jsonKeys
        let names = keys + extra.filter { !keys.contains($0) }
        precondition(names.count <= BodyDecoder.slotCount, "\(table) reads more members than the decoder has slots")
        fields = FieldTable(names)
        slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    /// The slot of the JSON member `key`.
    func slot(_ key: String) -> Int {
        guard let slot = slots[key] else { preconditionFailure("\(table) reads no member \(key)") }
        return slot
    }

    /// The column called `name` and the slot of the member it is declared to come from.
    func field(_ name: String) -> Field {
        let schema = table.schema
        guard let key = schema.columns[schema.index(name)].jsonKey else {
            preconditionFailure("\(table).\(name) is not read from the JSON")
        }
        return Field(slot: slot(key), column: table.column(name))
    }

    /// `field(_:)` for several columns.
    func fields(_ names: [String]) -> [Field] { names.map(field) }
}

private final class TicketLayout: Sendable {
    static let shared = TicketLayout()
    let record = RecordLayout(.tickets, extra: ["tags", "custom_fields", "fields", "metric_set"])
    let id, status, priority, type, subject, via, createdAt, updatedAt, generated: Field
    /// The optional ids, each read from the member named like its column.
    let ids: [Field]
    let deleted: CacheRowBatch.Column
    let tags, customFields, fields, metricSet: Int

    init() {
        (id, status, priority, type, subject, via) = (
            record.field("id"), record.field("status"), record.field("priority"), record.field("type"),
            record.field("subject"), record.field("via_channel")
        )
        (createdAt, updatedAt, generated) = (
            record.field("created_at"), record.field("updated_at"), record.field("generated_timestamp")
        )
        ids = record.fields([
            "group_id", "assignee_id", "requester_id", "submitter_id", "organization_id", "brand_id", "ticket_form_id",
            "problem_id",
        ])
        deleted = CacheTable.tickets.column("deleted")
        (tags, customFields, fields, metricSet) = (
            record.slot("tags"), record.slot("custom_fields"), record.slot("fields"), record.slot("metric_set")
        )
    }
}

private final class MetricLayout: Sendable {
    static let shared = MetricLayout()
    let record = RecordLayout(.ticketMetrics)
    let id, ticketID, createdAt, updatedAt, replySeconds: Field
    /// Per duration (`CacheSchema.durationNames`): its member's slot and its two columns.
    let durations: [(slot: Int, calendar: CacheRowBatch.Column, business: CacheRowBatch.Column)]
    let counters: [Field]
    let timestamps: [Field]

    init() {
        (id, ticketID, createdAt, updatedAt) = (
            record.field("id"), record.field("ticket_id"), record.field("created_at"), record.field("updated_at")
        )
        replySeconds = record.field("reply_time_in_seconds_calendar")
        durations = CacheSchema.durationNames.map { [record] name in
            let calendar = record.field("\(name)_in_minutes_calendar")
            let business = record.field("\(name)_in_minutes_business")
            precondition(calendar.slot == business.slot, "both clocks of \(name) come from one member")
            return (calendar.slot, calendar.column, business.column)
        }
        counters = record.fields(["reopens", "replies", "assignee_stations", "group_stations"])
        timestamps = record.fields(CacheSchema.metricTimestampNames)
    }
}

private final class RatingLayout: Sendable {
    static let shared = RatingLayout()
    let record = RecordLayout(.satisfactionRatings)
    let id, score, reason, createdAt, updatedAt: Field
    let ids: [Field]

    init() {
        (id, score, reason, createdAt, updatedAt) = (
            record.field("id"), record.field("score"), record.field("reason"), record.field("created_at"),
            record.field("updated_at")
        )
        ids = record.fields(["ticket_id", "group_id", "assignee_id", "requester_id", "reason_id"])
    }
}

private final class UserLayout: Sendable {
    static let shared = UserLayout()
    let record = RecordLayout(.users, extra: ["iana_time_zone"])
    let id, roleType, timeZone: Field
    let texts, flags, ids, timestamps: [Field]
    let ianaTimeZone: Int

    init() {
        (id, roleType, timeZone) = (record.field("id"), record.field("role_type"), record.field("time_zone"))
        texts = record.fields(["name", "email", "role"])
        flags = record.fields(["active", "suspended"])
        ids = record.fields(["organization_id", "default_group_id"])
        timestamps = record.fields(["created_at", "updated_at", "last_login_at"])
        ianaTimeZone = record.slot("iana_time_zone")
    }
}

private final class OrganizationLayout: Sendable {
    static let shared = OrganizationLayout()
    let record = RecordLayout(.organizations)
    let id, name, groupID: Field
    let timestamps: [Field]

    init() {
        (id, name, groupID) = (record.field("id"), record.field("name"), record.field("group_id"))
        timestamps = record.fields(["created_at", "updated_at", "deleted_at"])
    }
}

private final class GroupLayout: Sendable {
    static let shared = GroupLayout()
    let record = RecordLayout(.groups)
    let id: Field
    let texts, flags, timestamps: [Field]

    init() {
        id = record.field("id")
        texts = record.fields(["name", "description"])
        flags = record.fields(["is_default", "deleted", "is_public"])
        timestamps = record.fields(["created_at", "updated_at"])
    }
}

private final class MembershipLayout: Sendable {
    static let shared = MembershipLayout()
    let record = RecordLayout(.groupMemberships)
    let id, isDefault: Field
    let ids, timestamps: [Field]

    init() {
        (id, isDefault) = (record.field("id"), record.field("is_default"))
        ids = record.fields(["user_id", "group_id"])
        timestamps = record.fields(["created_at", "updated_at"])
    }
}

/// Ticket metric events: the plain ones (activate, fulfill, breach, pause, `update_status` with
/// its `status` duration checked as `RecordReader.duration` checks it) are decoded here; one
/// carrying an object in `sla` or `group_sla` (an applied target) is handed, alone, to the
/// reference mapper (`RecordMapper`), which owns every column read from those objects.
private final class MetricEventLayout: Sendable {
    static let shared = MetricEventLayout()
    let record = RecordLayout(.ticketMetricEvents, extra: ["sla", "group_sla", "status"])
    let id, ticketID, metric, instanceID, type, time, deleted: Field
    /// Members whose object sends the record to the reference mapper.
    let referenceSlots: [Int]
    let status: Int

    init() {
        (id, ticketID, metric, instanceID) = (
            record.field("id"), record.field("ticket_id"), record.field("metric"), record.field("instance_id")
        )
        (type, time, deleted) = (record.field("type"), record.field("time"), record.field("deleted"))
        referenceSlots = ["sla", "group_sla"].map(record.slot)
        status = record.slot("status")
    }
}

/// The layouts of every table the decoder reads, resolved once per process.
private struct Layouts: Sendable {
    static let shared = Layouts()
    let ticket = TicketLayout.shared
    let metric = MetricLayout.shared
    let rating = RatingLayout.shared
    let user = UserLayout.shared
    let organization = OrganizationLayout.shared
    let group = GroupLayout.shared
    let membership = MembershipLayout.shared
    let metricEvent = MetricEventLayout.shared
}

/// One body being decoded.
private struct BodyDecoder {
    typealias Value = CacheRowBatch.Value

    var scanner: JSONScanner
    static let slotCount = 32
    var slots = [ScannedValue](repeating: .absent, count: BodyDecoder.slotCount)
    let layouts = Layouts.shared
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
            let raw = try scanner.scanRecord(layouts.ticket.record.fields, into: &slots)
            try ticket(raw, &batch)
        case .ticketMetrics:
            let raw = try scanner.scanRecord(layouts.metric.record.fields, into: &slots)
            try metric(raw, &batch)
        case .satisfactionRatings:
            let raw = try scanner.scanRecord(layouts.rating.record.fields, into: &slots)
            try rating(raw, &batch)
        case .users:
            let raw = try scanner.scanRecord(layouts.user.record.fields, into: &slots)
            try user(raw, &batch)
        case .organizations:
            let raw = try scanner.scanRecord(layouts.organization.record.fields, into: &slots)
            try organization(raw, &batch)
        case .groups:
            let raw = try scanner.scanRecord(layouts.group.record.fields, into: &slots)
            try group(raw, &batch)
        case .groupMemberships:
            let raw = try scanner.scanRecord(layouts.membership.record.fields, into: &slots)
            try membership(raw, &batch)
        case .ticketMetricEvents:
            let raw = try scanner.scanRecord(layouts.metricEvent.record.fields, into: &slots)
            try metricEvent(raw, &batch)
        default:
            throw FastPathDeclined()
        }
    }

    static func raw(_ range: (start: Int, end: Int)) -> Value {
        .bodyText(offset: Int32(range.start), count: Int32(range.end - range.start))
    }

    // MARK: Records (each mirrors its wire struct's init and its `RecordMapper` row)
    //
    // A record starts its row before its values are decoded: a value the fast path declines
    // discards the whole batch (`FastBody.decode` returns nil), so a row is never left half set.

    mutating func ticket(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.ticket
        // An embedded metric set becomes a second row; the reference path handles that.
        if slots[L.metricSet].kind == .object { throw FastPathDeclined() }
        batch.beginRow(.tickets, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        batch.set(L.deleted, .integer(try isDeleted(slots[L.status.slot]) ? 1 : 0))
        let status = try text(L.status.slot, &batch)
        batch.set(L.status.column, status)
        let priority = try text(L.priority.slot, &batch)
        batch.set(L.priority.column, priority)
        let type = try text(L.type.slot, &batch)
        batch.set(L.type.column, type)
        let subject = try text(L.subject.slot, &batch)
        batch.set(L.subject.column, subject)
        let channel = try viaChannel(slots[L.via.slot], &batch)
        batch.set(L.via.column, channel)
        for field in L.ids { batch.set(field.column, try optionalID(field.slot)) }
        guard let createdAt = try timestamp(L.createdAt.slot) else { throw FastPathDeclined() }
        let updatedAt = try timestamp(L.updatedAt.slot) ?? createdAt
        batch.set(L.createdAt.column, .integer(createdAt))
        batch.set(L.updatedAt.column, .integer(updatedAt))
        batch.set(L.generated.column, .integer(try integer(L.generated.slot) ?? updatedAt))
        try tags(slots[L.tags], &batch)
        let source = slots[L.customFields].kind != .absent ? slots[L.customFields] : slots[L.fields]
        try customFields(source, &batch)
    }

    mutating func metric(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.metric
        batch.beginRow(.ticketMetrics, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        batch.set(L.ticketID.column, .integer(try requiredID(L.ticketID.slot)))
        batch.set(L.createdAt.column, .integer(try timestamp(L.createdAt.slot)))
        batch.set(L.updatedAt.column, .integer(try timestamp(L.updatedAt.slot)))
        for duration in L.durations {
            let value = try self.duration(slots[duration.slot])
            batch.set(duration.calendar, .real(value.calendar))
            batch.set(duration.business, .real(value.business))
        }
        batch.set(L.replySeconds.column, .real(try duration(slots[L.replySeconds.slot]).calendar))
        for field in L.counters { batch.set(field.column, .integer(try integer(field.slot))) }
        for field in L.timestamps { batch.set(field.column, .integer(try timestamp(field.slot))) }
    }

    mutating func rating(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.rating
        batch.beginRow(.satisfactionRatings, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        for field in L.ids { batch.set(field.column, try optionalID(field.slot)) }
        let score = try text(L.score.slot, &batch)
        batch.set(L.score.column, score)
        let reason = try text(L.reason.slot, &batch)
        batch.set(L.reason.column, reason)
        let createdAt = try timestamp(L.createdAt.slot)
        batch.set(L.createdAt.column, .integer(createdAt))
        batch.set(L.updatedAt.column, .integer(try timestamp(L.updatedAt.slot) ?? createdAt))
    }

    mutating func user(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.user
        batch.beginRow(.users, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        for field in L.texts {
            let value = try text(field.slot, &batch)
            batch.set(field.column, value)
        }
        batch.set(L.roleType.column, .integer(try integer(L.roleType.slot)))
        for field in L.flags { batch.set(field.column, .bool(try bool(field.slot))) }
        for field in L.ids { batch.set(field.column, try optionalID(field.slot)) }
        var timeZone = try text(L.ianaTimeZone, &batch)
        if timeZone == .null { timeZone = try text(L.timeZone.slot, &batch) }
        batch.set(L.timeZone.column, timeZone)
        for field in L.timestamps { batch.set(field.column, .integer(try timestamp(field.slot))) }
    }

    mutating func organization(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.organization
        batch.beginRow(.organizations, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        let name = try text(L.name.slot, &batch)
        batch.set(L.name.column, name)
        batch.set(L.groupID.column, try optionalID(L.groupID.slot))
        for field in L.timestamps { batch.set(field.column, .integer(try timestamp(field.slot))) }
    }

    mutating func group(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.group
        batch.beginRow(.groups, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        for field in L.texts {
            let value = try text(field.slot, &batch)
            batch.set(field.column, value)
        }
        for field in L.flags { batch.set(field.column, .bool(try bool(field.slot))) }
        for field in L.timestamps { batch.set(field.column, .integer(try timestamp(field.slot))) }
    }

    mutating func membership(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.membership
        batch.beginRow(.groupMemberships, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        for field in L.ids { batch.set(field.column, try optionalID(field.slot)) }
        batch.set(L.isDefault.column, .bool(try bool(L.isDefault.slot)))
        for field in L.timestamps { batch.set(field.column, .integer(try timestamp(field.slot))) }
    }

    mutating func metricEvent(_ range: (start: Int, end: Int), _ batch: inout CacheRowBatch) throws(FastPathDeclined) {
        let L = layouts.metricEvent
        if L.referenceSlots.contains(where: { slots[$0].kind == .object }) {
            try referenceRecord(.ticketMetricEvents, range, &batch)
            return
        }
        // Not stored, but the reference path rejects a malformed one (and so must this path).
        _ = try duration(slots[L.status])
        batch.beginRow(.ticketMetricEvents, raw: Self.raw(range))
        batch.set(L.id.column, .integer(try requiredID(L.id.slot)))
        batch.set(L.ticketID.column, try optionalID(L.ticketID.slot))
        let metric = try text(L.metric.slot, &batch)
        batch.set(L.metric.column, metric)
        batch.set(L.instanceID.column, .integer(try integer(L.instanceID.slot)))
        let type = try text(L.type.slot, &batch)
        batch.set(L.type.column, type)
        batch.set(L.time.column, .integer(try timestamp(L.time.slot)))
        batch.set(L.deleted.column, .bool(try bool(L.deleted.slot)))
    }

    /// One record decoded by the reference parser and mapper, as the reference path would (any
    /// error declines the whole body, so the reference path reports it).
    func referenceRecord(
        _ table: WireTable, _ range: (start: Int, end: Int), _ batch: inout CacheRowBatch
    ) throws(FastPathDeclined) {
        let bytes = Array(UnsafeBufferPointer(start: base + range.start, count: range.end - range.start))
        let rows: [CacheRow]
        do {
            rows = try RecordMapper.rows(for: try Envelope.parseBareRecord(bytes, table: table, index: 0), table: table)
        } catch {
            throw FastPathDeclined()
        }
        for row in rows {
            guard batch.append(row, raw: Self.raw(range)) else { throw FastPathDeclined() }
        }
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
