import CSQLite
import Foundation
import GRDB

/// The packed form of one ticket's metric events, `ticket_sla_events.events` (schema v8): what
/// `CacheReader.forEachMetricEvent` delivers for the ticket, in the same (time, id) order, in one
/// blob, so recorded SLA reads one row per ticket instead of one index entry per event.
///
/// Layout (little-endian): a format byte (1), then per event:
/// - a flags byte: 1 time present, 2 instance present, 4 `deleted` present, 8 `deleted` true,
///   16 policy id present, 32 target present, 64 target in seconds present, 128 business hours;
/// - the event id (8 bytes), then the time and the instance id (8 bytes each) when present;
/// - the metric and the type: a code byte (0 NULL, 1… a name of `metrics` or `types`, 255 the
///   text follows as a 4-byte length and its UTF-8 bytes);
/// - `sla_kind`: 255 NULL, else 0 (`sla`), 1 (`group_sla`) or 2 (untyped, read from `raw_json`);
/// - for kinds 0 and 1: the policy id (8 bytes, when present), the title (code byte 0 NULL or 255
///   with its text), the target and the target in seconds (8-byte doubles, when present).
///
/// A blob that does not decode (another format byte, a truncated event) is read as stale: the
/// reader takes the ticket's events from `ticket_metric_events`.
enum PackedSLAEvents {
    static let format: UInt8 = 1

    /// The metric names Zendesk sends, coded 1… (any other name is stored as text).
    static let metrics: [StaticString] = [
        "agent_work_time", "pausable_update_time", "periodic_update_time", "reply_time", "requester_wait_time",
        "resolution_time", "group_ownership_time",
    ]

    /// The event types Zendesk sends, coded 1… (any other type is stored as text).
    static let types: [StaticString] = [
        "measure", "activate", "pause", "fulfill", "apply_sla", "apply_group_sla", "breach", "update_status",
    ]

    enum Flag {
        static let time: UInt8 = 1
        static let instance: UInt8 = 2
        static let deletedKnown: UInt8 = 4
        static let deleted: UInt8 = 8
        static let policyID: UInt8 = 16
        static let target: UInt8 = 32
        static let seconds: UInt8 = 64
        static let businessHours: UInt8 = 128
    }

    /// One event as the reader delivers it and a pack holds it: its typed row (texts point into
    /// the blob or the statement's row, or into `metrics` and `types`), and whether its target is
    /// untyped (`sla_kind` 2: the reader adds the JSON).
    struct Event {
        var row: CacheReader.MetricEventRow
        var untyped: Bool
    }

    // MARK: Encoding

    /// Appends `event` (as `CacheReader.forEachIndexedMetricEvent` reads it) to `bytes`.
    static func append(_ event: Event, to bytes: inout [UInt8]) {
        let row = event.row
        let target = row.target
        var flags: UInt8 = 0
        if row.time != nil { flags |= Flag.time }
        if row.instanceID != nil { flags |= Flag.instance }
        if let deleted = row.deleted {
            flags |= Flag.deletedKnown
            if deleted { flags |= Flag.deleted }
        }
        if target?.policyID != nil { flags |= Flag.policyID }
        if target?.target != nil { flags |= Flag.target }
        if target?.targetInSeconds != nil { flags |= Flag.seconds }
        if target?.businessHours == true { flags |= Flag.businessHours }
        bytes.append(flags)
        appendInteger(row.id, to: &bytes)
        if let time = row.time { appendInteger(time, to: &bytes) }
        if let instance = row.instanceID { appendInteger(instance, to: &bytes) }
        appendText(row.metric, names: metrics, to: &bytes)
        appendText(row.type, names: types, to: &bytes)
        guard let target else {
            bytes.append(event.untyped ? 2 : 255)
            return
        }
        bytes.append(target.isGroupPolicy ? 1 : 0)
        if let policyID = target.policyID { appendInteger(policyID, to: &bytes) }
        appendText(target.policyTitle, names: [], to: &bytes)
        if let value = target.target { appendInteger(Int64(bitPattern: value.bitPattern), to: &bytes) }
        if let seconds = target.targetInSeconds { appendInteger(Int64(bitPattern: seconds.bitPattern), to: &bytes) }
    }

    private static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func appendText(_ text: UnsafeRawBufferPointer?, names: [StaticString], to bytes: inout [UInt8]) {
        guard let text else {
            bytes.append(0)
            return
        }
        if let code = names.firstIndex(where: { text.holdsUTF8(of: $0) }) {
            bytes.append(UInt8(code + 1))
            return
        }
        bytes.append(255)
        withUnsafeBytes(of: UInt32(text.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: text)
    }

    // MARK: Decoding

    /// Decodes `blob` (the pack of ticket `ticketID`) into `events` (emptied first). Returns
    /// `false`, with `events` in no particular state, when the blob is not a pack this version
    /// reads; the rows are valid while `blob` is.
    static func decode(_ blob: UnsafeRawBufferPointer, ticketID: Int64, into events: inout [Event]) -> Bool {
        events.removeAll(keepingCapacity: true)
        var cursor = Cursor(blob: blob)
        guard cursor.byte() == format else { return false }
        while !cursor.atEnd {
            guard let flags = cursor.byte(), let id = cursor.integer() else { return false }
            var time: Int64?
            var instance: Int64?
            if flags & Flag.time != 0 {
                guard let value = cursor.integer() else { return false }
                time = value
            }
            if flags & Flag.instance != 0 {
                guard let value = cursor.integer() else { return false }
                instance = value
            }
            guard let metric = cursor.text(names: metrics), let type = cursor.text(names: types),
                let kind = cursor.byte()
            else { return false }
            var target: CacheReader.MetricEventRow.Target?
            if kind == 0 || kind == 1 {
                var policyID: Int64?
                var value: Double?
                var seconds: Double?
                if flags & Flag.policyID != 0 {
                    guard let read = cursor.integer() else { return false }
                    policyID = read
                }
                guard let title = cursor.text(names: []) else { return false }
                if flags & Flag.target != 0 {
                    guard let read = cursor.integer() else { return false }
                    value = Double(bitPattern: UInt64(bitPattern: read))
                }
                if flags & Flag.seconds != 0 {
                    guard let read = cursor.integer() else { return false }
                    seconds = Double(bitPattern: UInt64(bitPattern: read))
                }
                target = CacheReader.MetricEventRow.Target(
                    isGroupPolicy: kind == 1, policyID: policyID, policyTitle: title.bytes, target: value,
                    targetInSeconds: seconds, businessHours: flags & Flag.businessHours != 0)
            } else if kind != 2 && kind != 255 {
                return false
            }
            let row = CacheReader.MetricEventRow(
                ticketID: ticketID, id: id, metric: metric.bytes, instanceID: instance, type: type.bytes, time: time,
                deleted: flags & Flag.deletedKnown != 0 ? flags & Flag.deleted != 0 : nil, target: target,
                untypedJSON: nil)
            events.append(Event(row: row, untyped: kind == 2))
        }
        return true
    }

    /// Reads a blob front to back; every read returns `nil` past its end.
    private struct Cursor {
        let blob: UnsafeRawBufferPointer
        var offset = 0

        /// A decoded text: `bytes` `nil` for NULL.
        struct Text {
            var bytes: UnsafeRawBufferPointer?
        }

        var atEnd: Bool { offset >= blob.count }

        mutating func byte() -> UInt8? {
            guard offset < blob.count else { return nil }
            defer { offset += 1 }
            return blob[offset]
        }

        mutating func integer() -> Int64? {
            guard blob.count - offset >= 8 else { return nil }
            defer { offset += 8 }
            return Int64(littleEndian: blob.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        }

        mutating func text(names: [StaticString]) -> Text? {
            guard let code = byte() else { return nil }
            switch code {
            case 0: return Text(bytes: nil)
            case 255:
                guard blob.count - offset >= 4 else { return nil }
                let count = Int(UInt32(littleEndian: blob.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                guard blob.count - offset >= count else { return nil }
                defer { offset += count }
                return Text(bytes: UnsafeRawBufferPointer(rebasing: blob[offset..<(offset + count)]))
            default:
                let index = Int(code) - 1
                guard index < names.count else { return nil }
                let name = names[index]
                return Text(bytes: UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            }
        }
    }
}

/// Packs the stale rows of `ticket_sla_events` (those with `events` NULL) from
/// `ticket_metric_events`, inside the caller's write transaction.
struct SLAEventPacker {
    let db: Database

    /// Packs every stale ticket, reading the covering index once per run of consecutive stale
    /// ids (after a bulk load, one pass over every event); returns how many tickets it packed.
    @discardableResult
    func packStale() throws -> Int {
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT ticket_id FROM ticket_sla_events INDEXED BY ticket_sla_events_stale
                WHERE events IS NULL ORDER BY ticket_id
                """)
        guard !ids.isEmpty, let connection = db.sqliteConnection else { return 0 }
        let reader = try CacheReader(db: db)
        let update = try db.cachedStatement(sql: "UPDATE ticket_sla_events SET events = ?2 WHERE ticket_id = ?1")
            .sqliteStatement
        var bytes: [UInt8] = [PackedSLAEvents.format]
        var next = 0  // ids[next] is the ticket whose events `bytes` collects
        func finish() throws {
            // Cleared first, and checked: a failed bind must not leave the previous ticket's pack
            // bound to this one.
            sqlite3_reset(update)
            sqlite3_clear_bindings(update)
            var code = sqlite3_bind_int64(update, 1, ids[next])
            if code == SQLITE_OK {
                code = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(update, 2, buffer.baseAddress, Int32(buffer.count), sqliteTransient)
                }
            }
            guard code == SQLITE_OK else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                    sql: String(cString: sqlite3_sql(update)))
            }
            try runStatement(update, on: connection)
            bytes.removeAll(keepingCapacity: true)
            bytes.append(PackedSLAEvents.format)
            next += 1
        }
        // The runs hold only stale ids, and the events come in ticket order, so an event's
        // ticket is `ids[next]` or a later one: the tickets before it are complete.
        try reader.forEachIndexedMetricEvent(ofTicketsIn: Self.runs(of: ids)) { event in
            while ids[next] != event.row.ticketID { try finish() }
            PackedSLAEvents.append(event, to: &bytes)
        }
        while next < ids.count { try finish() }  // the last one, and any without events left
        return ids.count
    }

    /// Voids every pack and adds a row for every ticket with events, then packs them all: after
    /// a bulk load, which writes without the triggers (`Cache.beginBulkLoad`).
    func repackAll() throws {
        try db.execute(
            sql: """
                UPDATE ticket_sla_events SET events = NULL WHERE events IS NOT NULL;
                INSERT OR IGNORE INTO ticket_sla_events (ticket_id)
                    SELECT DISTINCT ticket_id FROM ticket_metric_events WHERE ticket_id IS NOT NULL;
                """)
        try packStale()
    }

    /// The runs of consecutive ids in `ids` (ascending) as closed ranges.
    static func runs(of ids: [Int64]) -> [(Int64, Int64)] {
        var runs: [(Int64, Int64)] = []
        for id in ids {
            if let last = runs.last, id != Int64.min, last.1 == id - 1 {
                runs[runs.count - 1].1 = id
            } else {
                runs.append((id, id))
            }
        }
        return runs
    }
}

extension UnsafeRawBufferPointer {
    /// Whether these bytes are exactly `name`'s UTF-8 (a row's text compared with a known name
    /// without making a `String`).
    package func holdsUTF8(of name: StaticString) -> Bool {
        count == name.utf8CodeUnitCount
            && elementsEqual(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
}
