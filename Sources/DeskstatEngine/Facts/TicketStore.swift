#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Texts interned by their exact bytes (two spellings that Swift's `==` would call equal keep
/// separate codes, so nothing is ever shown in a spelling the data did not use). Looking up a
/// known text allocates nothing.
struct StringTable: Sendable {
    private(set) var strings: [String] = []
    private var utf8: [[UInt8]] = []
    private var hashes: [UInt64] = []
    /// Open addressing: code + 1, or 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 64)

    /// The code of `text`, adding it when new.
    mutating func code(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { code(utf8: $0, text: nil) }
    }

    /// Codes of texts of at most 8 bytes, by length and bytes (the common short values:
    /// statuses, priorities, types, channels) — one integer probe, no hashing of bytes.
    private var short = [IntSlotMap](repeating: IntSlotMap(), count: 9)

    /// The code of the UTF-8 text in `bytes`, adding it when new.
    @inline(__always) mutating func code(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let count = bytes.count
        guard count <= 8 else { return code(utf8: bytes, text: nil) }
        var key: UInt64 = 0
        for index in 0..<count { key |= UInt64(bytes[index]) << UInt64(8 * index) }
        if let code = short[count][Int64(bitPattern: key)] { return code }
        let code = code(utf8: bytes, text: nil)
        short[count][Int64(bitPattern: key)] = code
        return code
    }

    private mutating func code(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String?) -> Int32 {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 {
            let code = Int(slots[index] - 1)
            if hashes[code] == hash, utf8[code].count == bytes.count,
                bytes.isEmpty
                    || utf8[code].withUnsafeBufferPointer({
                        guard let stored = $0.baseAddress, let probe = bytes.baseAddress else { return false }
                        return memcmp(stored, probe, bytes.count) == 0
                    })
            {
                return Int32(code)
            }
            index = (index + 1) & mask
        }
        let code = Int32(strings.count)
        strings.append(text ?? String(decoding: bytes, as: UTF8.self))
        utf8.append(Array(bytes))
        hashes.append(hash)
        slots[index] = code + 1
        if strings.count * 2 > slots.count { grow() }
        return code
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (code, hash) in hashes.enumerated() {
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = Int32(code + 1)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash ^ (hash >> 29)
    }

    subscript(code: Int32) -> String { strings[Int(code)] }
}

/// One ticket as the engine keeps it: fixed-size, no per-ticket allocation. Optional values
/// are marked in `present`; texts are codes in the store's `StringTable` (-1 for none).
struct TicketRecord: Sendable {
    var id: Int64
    var createdAt: Int64
    var solvedAt: Int64 = 0
    var groupID: Int64 = 0
    var assigneeID: Int64 = 0
    var requesterID: Int64 = 0
    var submitterID: Int64 = 0
    var organizationID: Int64 = 0
    var brandID: Int64 = 0
    var ticketFormID: Int64 = 0
    var reopens: Int64 = 0
    var replies: Int64 = 0
    var present: UInt32 = 0
    var status: Int32 = -1
    var priority: Int32 = -1
    var type: Int32 = -1
    var channel: Int32 = -1
    var tagStart: Int32 = 0
    var tagCount: Int32 = 0

    init(id: Int64, createdAt: Int64) {
        self.id = id
        self.createdAt = createdAt
    }

    // Bits of `present`.
    static let group: UInt32 = 1 << 0, assignee: UInt32 = 1 << 1, requester: UInt32 = 1 << 2
    static let submitter: UInt32 = 1 << 3, organization: UInt32 = 1 << 4, brand: UInt32 = 1 << 5
    static let form: UInt32 = 1 << 6, reopensBit: UInt32 = 1 << 7, repliesBit: UInt32 = 1 << 8
    static let solvedBit: UInt32 = 1 << 9, metricsBit: UInt32 = 1 << 10
    /// Durations occupy bits 11…22 (see `DurationSlot`).
    static let firstDurationBit = 11

    @inline(__always) func has(_ bit: UInt32) -> Bool { present & bit != 0 }
    @inline(__always) var hasMetrics: Bool { present & Self.metricsBit != 0 }

    @inline(__always) func optional(_ value: Int64, _ bit: UInt32) -> Int64? { present & bit != 0 ? value : nil }

    @inline(__always) mutating func set(_ keyPath: WritableKeyPath<TicketRecord, Int64>, _ value: Int64?, _ bit: UInt32)
    {
        guard let value else { return }
        self[keyPath: keyPath] = value
        present |= bit
    }
}

/// The twelve duration columns of a metric set, in `CacheSchema.durationNames` order, each
/// on the calendar then the business clock.
enum DurationSlot {
    static let count = 12
    static let reply = 0, firstResolution = 2, fullResolution = 4, agentWait = 6, requesterWait = 8, onHold = 10

    /// The slot of a duration KPI's metric-set value (agent work time has none: it is derived).
    static func slot(of kpi: KPI) -> Int? {
        switch kpi {
        case .firstReplyTime: reply
        case .firstResolutionTime: firstResolution
        case .fullResolutionTime: fullResolution
        case .agentWaitTime: agentWait
        case .requesterWaitTime: requesterWait
        case .onHoldTime: onHold
        default: nil
        }
    }
}

/// The tickets of a fact set in compact form, in id order, with their texts interned and an
/// index by id.
struct TicketStore: Sendable {
    var records: [TicketRecord] = []
    /// `DurationSlot.count` values per record.
    var durations: [Double] = []
    /// Tag codes; each record owns `tagStart ..< tagStart + tagCount`.
    var tagCodes: [Int32] = []
    var strings = StringTable()
    /// Custom field values of the records that have any (only the fields that were loaded).
    var customFields: [Int32: [Int64: String]] = [:]
    /// Whether every tag of every ticket is loaded (otherwise only the tags SLA policies test).
    var tagsComplete = true
    private var lookup = IDLookup()

    var count: Int { records.count }

    /// Makes room for `count` more tickets.
    mutating func reserve(_ count: Int) {
        records.reserveCapacity(records.count + count)
        durations.reserveCapacity(durations.count + count * DurationSlot.count)
    }

    /// Tickets whose `ticket_facts` ticket part was unknown (read from the tables later).
    var unknownTickets: [Int64] = []
    /// Records whose metric part was unknown (read from `ticket_metrics` later).
    var unknownMetrics: [Int32] = []

    /// Appends the records of `other` (tickets with larger ids, no tags or custom fields loaded yet).
    mutating func append(contentsOf other: TicketStore) {
        let remap = other.strings.strings.map { strings.code($0) }
        let offset = Int32(records.count)
        reserve(other.count)
        for var record in other.records {
            if record.status >= 0 { record.status = remap[Int(record.status)] }
            if record.priority >= 0 { record.priority = remap[Int(record.priority)] }
            if record.type >= 0 { record.type = remap[Int(record.type)] }
            if record.channel >= 0 { record.channel = remap[Int(record.channel)] }
            record.tagStart = 0
            record.tagCount = 0
            records.append(record)
        }
        durations.append(contentsOf: other.durations)
        unknownTickets += other.unknownTickets
        unknownMetrics += other.unknownMetrics.map { $0 + offset }
    }

    /// Appends a record with its durations (`nil` for every duration when it has no metric set).
    mutating func append(_ record: TicketRecord, durations values: UnsafeBufferPointer<Double>?) {
        records.append(record)
        if let values {
            durations.append(contentsOf: values)
        } else {
            durations.append(contentsOf: repeatElement(0, count: DurationSlot.count))
        }
    }

    /// Puts the records in id order (after rows were appended out of order).
    mutating func sortByID() {
        let order = records.indices.sorted { records[$0].id < records[$1].id }
        guard order != Array(records.indices) else { return }
        let hasDurations = durations.count == records.count * DurationSlot.count
        records = order.map { records[$0] }
        if hasDurations {
            durations = order.flatMap { durations[($0 * DurationSlot.count)..<(($0 + 1) * DurationSlot.count)] }
        }
        var fields: [Int32: [Int64: String]] = [:]
        for (new, old) in order.enumerated() { if let value = customFields[Int32(old)] { fields[Int32(new)] = value } }
        customFields = fields
    }

    /// Builds the id index and drops negative durations; call once every record is appended.
    mutating func finish() {
        lookup = IDLookup(records.map(\.id))
        dropNegativeDurations()
    }

    /// A negative duration in a metric set (Zendesk sends a few) counts as not measured, for
    /// every KPI and SLA target (docs/metrics.md, "Null handling").
    private mutating func dropNegativeDurations() {
        guard durations.count == records.count * DurationSlot.count else { return }
        durations.withUnsafeBufferPointer { values in
            for index in records.indices {
                let base = index * DurationSlot.count
                for slot in 0..<DurationSlot.count where values[base + slot] < 0 {
                    records[index].present &= ~(1 << UInt32(TicketRecord.firstDurationBit + slot))
                }
            }
        }
    }

    /// The index of the ticket with this id.
    @inline(__always) func index(of id: Int64) -> Int? { lookup.index(of: id) }

    @inline(__always) func duration(_ record: Int, _ slot: Int) -> Double? {
        records[record].present & (1 << UInt32(TicketRecord.firstDurationBit + slot)) != 0
            ? durations[record * DurationSlot.count + slot] : nil
    }

    @inline(__always) func text(_ code: Int32) -> String? { code < 0 ? nil : strings[code] }

    /// The ticket's tags, in the cache's order.
    func tags(of index: Int) -> [String] {
        let record = records[index]
        return (Int(record.tagStart)..<Int(record.tagStart + record.tagCount)).map { strings[tagCodes[$0]] }
    }

    /// Replaces every record's tags with `pairs` (record index, tag code), each record's sorted
    /// by their bytes as the cache sorts them.
    mutating func setTags(pairs: [(index: Int32, code: Int32)]) {
        for index in records.indices {
            records[index].tagStart = 0
            records[index].tagCount = 0
        }
        tagCodes.removeAll(keepingCapacity: true)
        guard !pairs.isEmpty else { return }
        let rank = byteOrderRanks()
        let sorted = pairs.sorted {
            $0.index != $1.index ? $0.index < $1.index : rank[Int($0.code)] < rank[Int($1.code)]
        }
        tagCodes.reserveCapacity(sorted.count)
        for (index, code) in sorted {
            if records[Int(index)].tagCount == 0 { records[Int(index)].tagStart = Int32(tagCodes.count) }
            records[Int(index)].tagCount += 1
            tagCodes.append(code)
        }
    }

    /// Each code's rank in byte order.
    private func byteOrderRanks() -> [Int32] {
        let byBytes = strings.strings.indices.sorted {
            Array(strings.strings[$0].utf8).lexicographicallyPrecedes(Array(strings.strings[$1].utf8))
        }
        var rank = [Int32](repeating: 0, count: strings.strings.count)
        for (position, code) in byBytes.enumerated() { rank[code] = Int32(position) }
        return rank
    }

    /// Replaces every record's tags (`tagsByIndex[i]` for record `i`), sorted by their bytes as the cache sorts them.
    mutating func setTags(_ tagsByIndex: [[Int32]]) {
        // Each code's rank in byte order, computed once.
        let byBytes = strings.strings.indices.sorted {
            Array(strings.strings[$0].utf8).lexicographicallyPrecedes(Array(strings.strings[$1].utf8))
        }
        var rank = [Int32](repeating: 0, count: strings.strings.count)
        for (position, code) in byBytes.enumerated() { rank[code] = Int32(position) }
        tagCodes.removeAll(keepingCapacity: true)
        for index in records.indices {
            let codes = tagsByIndex[index]
            records[index].tagStart = Int32(tagCodes.count)
            records[index].tagCount = Int32(codes.count)
            if codes.count > 1 {
                tagCodes.append(contentsOf: codes.sorted { rank[Int($0)] < rank[Int($1)] })
            } else {
                tagCodes.append(contentsOf: codes)
            }
        }
    }

    init() {}

    // MARK: Converting to `TicketFact`

    /// The ticket at `index` as a `TicketFact`.
    func fact(_ index: Int) -> TicketFact {
        let record = records[index]
        var metrics: MetricFact?
        if record.hasMetrics {
            func pair(_ slot: Int) -> ClockPair {
                ClockPair(calendar: duration(index, slot), business: duration(index, slot + 1))
            }
            metrics = MetricFact(
                replyTime: pair(DurationSlot.reply), firstResolutionTime: pair(DurationSlot.firstResolution),
                fullResolutionTime: pair(DurationSlot.fullResolution), agentWaitTime: pair(DurationSlot.agentWait),
                requesterWaitTime: pair(DurationSlot.requesterWait), onHoldTime: pair(DurationSlot.onHold),
                reopens: record.optional(record.reopens, TicketRecord.reopensBit),
                replies: record.optional(record.replies, TicketRecord.repliesBit),
                solvedAt: record.optional(record.solvedAt, TicketRecord.solvedBit))
        }
        return TicketFact(
            id: record.id, status: text(record.status), priority: text(record.priority), type: text(record.type),
            viaChannel: text(record.channel), groupID: record.optional(record.groupID, TicketRecord.group),
            assigneeID: record.optional(record.assigneeID, TicketRecord.assignee),
            requesterID: record.optional(record.requesterID, TicketRecord.requester),
            submitterID: record.optional(record.submitterID, TicketRecord.submitter),
            organizationID: record.optional(record.organizationID, TicketRecord.organization),
            brandID: record.optional(record.brandID, TicketRecord.brand),
            ticketFormID: record.optional(record.ticketFormID, TicketRecord.form), createdAt: record.createdAt,
            tags: tags(of: index), customFields: customFields[Int32(index)] ?? [:], metrics: metrics)
    }
}

/// Ticket id → index: a direct table when ids are dense (they are, in Zendesk), else a dictionary.
struct IDLookup: Sendable {
    private var base: Int64 = 0
    private var dense: [Int32] = []
    private var sparse: [Int64: Int32] = [:]
    private var isDense = true

    init() {}

    init(_ ids: [Int64]) {
        guard let low = ids.min(), let high = ids.max() else { return }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span < Int64(ids.count) * 4 + 1024 {
            base = low
            dense = [Int32](repeating: -1, count: Int(span) + 1)
            for (index, id) in ids.enumerated() { dense[Int(id - low)] = Int32(index) }
        } else {
            isDense = false
            sparse.reserveCapacity(ids.count)
            for (index, id) in ids.enumerated() { sparse[id] = Int32(index) }
        }
    }

    @inline(__always) func index(of id: Int64) -> Int? {
        if isDense {
            let (offset, overflow) = id.subtractingReportingOverflow(base)
            guard !overflow, offset >= 0, offset < Int64(dense.count) else { return nil }
            let index = dense[Int(offset)]
            return index < 0 ? nil : Int(index)
        }
        return sparse[id].map(Int.init)
    }
}
