import DeskstatCache
import DeskstatSLA
import ZendeskWire

/// The reads of one load, on one snapshot of the cache, turned into the engine's compact form.
/// Every query is `CacheReader`'s; this decides what to read and builds `TicketStore`s.
struct FactReader {
    let cache: CacheReader

    init(_ cache: CacheReader) {
        self.cache = cache
    }

    func dataVersion() throws -> Int64 { try cache.dataVersion() }

    // MARK: Tickets

    /// Whether `since` is at or before the oldest ticket (so every ticket created before
    /// `until` qualifies by its creation date); `false` when there are no tickets.
    func everyTicketQualifies(since: Int64) throws -> Bool {
        try cache.oldestTicketCreatedAt().map { since <= $0 } ?? false
    }

    /// The smallest and largest ticket id in `ticket_facts` ((0, -1) when empty).
    func factIDRange() throws -> (Int64, Int64) { try cache.ticketFactsIDRange() }

    /// The most tickets a read reserves room for up front (the rest grow the arrays as needed):
    /// an id range is only an estimate of the row count, and ids can be sparse.
    static let maxReservation: Int64 = 2_000_000

    /// Reads `ticket_facts` rows in id ranges (only the ids of `wanted` when given), keeping the
    /// tickets not deleted and created before `until`. Parts that are unknown are listed in the
    /// store for `resolveUnknownParts`. `capacity`: how many tickets the store will end up
    /// holding, when the caller will append more to it (by default the rows the ranges can hold).
    /// Runs on any reader (the side connection reads the upper part of the ids).
    static func readFacts(
        _ cache: CacheReader, ranges: [(Int64, Int64)], wanted: [Int64]?, until: Int64, capacity: Int64? = nil
    ) throws -> TicketStore {
        var store = TicketStore()
        if wanted == nil, let (low, high) = ranges.first, ranges.count == 1, high >= low {
            store.reserve(Int(min(max(capacity ?? 0, high - low + 1), maxReservation)))
        } else if let wanted {
            store.reserve(wanted.count)
        }
        var durations = [Double](repeating: 0, count: DurationSlot.count)
        try cache.forEachTicketFacts(in: ranges, wanted: wanted) { row in
            let id = row.ticketID
            guard let ticket = row.ticket() else {
                store.unknownTickets.append(id)  // changed outside deskstat's writer: read the tables
                return
            }
            guard !ticket.deleted, ticket.createdAt < until else { return }
            var record = TicketRecord(id: id, createdAt: ticket.createdAt)
            record.present = UInt32(ticket.presence & 0x7F)
            (
                record.groupID, record.assigneeID, record.requesterID, record.submitterID, record.organizationID,
                record.brandID, record.ticketFormID
            ) = ticket.ids
            if let text = ticket.texts.0 { record.status = store.strings.code(utf8: text.bindMemory(to: UInt8.self)) }
            if let text = ticket.texts.1 {
                record.priority = store.strings.code(utf8: text.bindMemory(to: UInt8.self))
            }
            if let text = ticket.texts.2 { record.type = store.strings.code(utf8: text.bindMemory(to: UInt8.self)) }
            if let text = ticket.texts.3 { record.channel = store.strings.code(utf8: text.bindMemory(to: UInt8.self)) }
            switch row.metric() {
            case .noMetricSet:
                store.append(record, durations: nil)
            case .known(let metric):
                record.present |= TicketRecord.metricsBit
                if metric.presence & 1 != 0 {
                    record.reopens = metric.reopens
                    record.present |= TicketRecord.reopensBit
                }
                if metric.presence & 2 != 0 {
                    record.replies = metric.replies
                    record.present |= TicketRecord.repliesBit
                }
                if metric.presence & 4 != 0 {
                    record.solvedAt = metric.solvedAt
                    record.present |= TicketRecord.solvedBit
                }
                record.present |= UInt32(metric.presence >> 3) << UInt32(TicketRecord.firstDurationBit)
                withUnsafeBytes(of: metric.durations) { raw in
                    let values = raw.bindMemory(to: Double.self)
                    for slot in 0..<DurationSlot.count { durations[slot] = values[slot] }
                }
                durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
            case .unknown:
                store.unknownMetrics.append(Int32(store.count))  // read from ticket_metrics
                store.append(record, durations: nil)
            }
        }
        return store
    }

    func readFacts(ranges: [(Int64, Int64)], wanted: [Int64]?, until: Int64, capacity: Int64? = nil) throws
        -> TicketStore
    {
        try Self.readFacts(cache, ranges: ranges, wanted: wanted, until: until, capacity: capacity)
    }

    /// Reads from the tables the parts `readFacts` found unknown (rows changed outside
    /// `CacheWriter`).
    func resolveUnknownParts(_ store: inout TicketStore, until: Int64) throws {
        for index in store.unknownMetrics {
            guard let row = try cache.ticketRow(id: store.records[Int(index)].id), row.hasMetricSet else { continue }
            var strings = StringTable()
            let record = BaseRecord(row).record(&strings)
            store.records[Int(index)].present |= record.present & ~UInt32(0x7F)
            store.records[Int(index)].reopens = record.reopens
            store.records[Int(index)].replies = record.replies
            store.records[Int(index)].solvedAt = record.solvedAt
            for slot in 0..<DurationSlot.count {
                store.durations[Int(index) * DurationSlot.count + slot] = row.durations[slot] ?? 0
            }
        }
        store.unknownMetrics = []
        guard !store.unknownTickets.isEmpty else { return }
        for id in store.unknownTickets {
            guard let row = try cache.ticketRow(id: id), !row.deleted, row.createdAt < until else { continue }
            let base = BaseRecord(row)
            let record = base.record(&store.strings)
            base.durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
        }
        store.unknownTickets = []
        store.sortByID()
    }

    /// One ticket with its metric set, read from the tables.
    func baseRecord(id: Int64) throws -> BaseRecord? {
        try cache.ticketRow(id: id).map(BaseRecord.init)
    }

    /// The relevant tickets in id order, without tags.
    func loadTickets(since: Int64, until: Int64, ratedTicketIDs: [Int64]) throws -> TicketStore {
        var candidates: [Int64] = []
        try cache.ticketIDs(createdFrom: since, before: until, into: &candidates)
        try cache.ticketIDs(withStatusIn: TicketStatus.unsolved.map(\.rawValue), into: &candidates)
        try cache.ticketIDs(solvedSince: since, into: &candidates)
        candidates += ratedTicketIDs
        candidates.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(candidates.count)
        for id in candidates where unique.last != id { unique.append(id) }
        var store = try readFacts(ranges: Self.runs(of: unique), wanted: unique, until: until)
        try resolveUnknownParts(&store, until: until)
        // The exact relevance rule, on the loaded values.
        let rated = Set(ratedTicketIDs)
        var kept = TicketStore()
        kept.strings = store.strings
        kept.reserve(store.count)
        for (index, record) in store.records.enumerated() {
            let status = record.status >= 0 ? store.strings[record.status] : nil
            let relevant =
                record.createdAt >= since || TicketStatus.isUnsolved(status)
                || (record.hasMetrics && record.has(TicketRecord.solvedBit) && record.solvedAt >= since)
                || rated.contains(record.id)
            guard relevant else { continue }
            store.durations.withUnsafeBufferPointer { all in
                kept.append(
                    record,
                    durations: UnsafeBufferPointer(
                        rebasing: all[index * DurationSlot.count..<(index + 1) * DurationSlot.count]))
            }
        }
        return kept
    }

    /// Sorted ids grouped into ranges worth one range read each: a gap of fewer than 12 ids is
    /// cheaper to read through than to start a new statement for.
    static func runs(of sortedIDs: [Int64]) -> [(Int64, Int64)] {
        var runs: [(Int64, Int64)] = []
        for id in sortedIDs {
            if let last = runs.last, id &- last.1 < 12, id >= last.1 {
                runs[runs.count - 1].1 = id
            } else {
                runs.append((id, id))
            }
        }
        return runs
    }

    // MARK: Tags and custom fields

    /// The tags and custom fields SLA policies test, for the loaded tickets.
    func loadTestedAttributes(into store: inout TicketStore, policies: [PolicyFact]) throws {
        store.finish()
        let evaluator = SLAEvaluator(policies: policies.map(\.definition))
        let testedTags = evaluator.testedTags
        var tags: [(index: Int32, code: Int32)] = []
        if !testedTags.isEmpty && store.count > 0 {
            // Every distinct tag in the cache, one index probe each; those equal to a tested tag
            // (by Swift's comparison, as the evaluator compares) are read by the tag index.
            for tag in try cache.distinctTags() where testedTags.contains(tag) {
                let code = store.strings.code(tag)
                try cache.forEachTicket(withTag: tag) { id in
                    if let index = store.index(of: id) { tags.append((Int32(index), code)) }
                }
            }
        }
        store.setTags(pairs: tags)
        store.tagsComplete = false
        for field in evaluator.testedCustomFields.sorted() { try loadCustomField(field, into: &store) }
    }

    /// Every tag of the loaded tickets.
    func loadAllTags(into store: inout TicketStore) throws {
        var tags = [[Int32]](repeating: [], count: store.count)
        try cache.forEachTag(ofTicketsIn: Self.runs(of: store.records.map(\.id))) { id, tag in
            guard let index = store.index(of: id) else { return }
            tags[index].append(store.strings.code(tag))
        }
        store.setTags(tags)
        store.tagsComplete = true
    }

    /// Every custom field value of the loaded tickets.
    func loadAllCustomFields(into store: inout TicketStore) throws {
        try cache.forEachCustomField(ofTicketsIn: Self.runs(of: store.records.map(\.id))) { id, field, value in
            guard let index = store.index(of: id) else { return }
            store.customFields[Int32(index), default: [:]][field] = value
        }
    }

    // MARK: Ratings, names, policies

    func loadRatings(since: Int64, until: Int64) throws -> [RatingFact] {
        try Self.loadRatings(cache, since: since, until: until)
    }

    /// The ratings updated in [since, until), in id order.
    static func loadRatings(_ cache: CacheReader, since: Int64, until: Int64) throws -> [RatingFact] {
        var ratings: [RatingFact] = []
        try cache.forEachRating(updatedFrom: since, before: until) { row in
            ratings.append(
                RatingFact(
                    id: row.id, ticketID: row.ticketID, groupID: row.groupID, assigneeID: row.assigneeID,
                    score: row.score, updatedAt: row.updatedAt))
        }
        ratings.sort { $0.id < $1.id }
        return ratings
    }

    /// Names of groups, organizations and forms, and of the users that can appear in a report:
    /// agents and admins, and anyone who is a ticket's assignee.
    func loadNames() throws -> NameDirectory {
        var users = try cache.agentNames()
        for id in try cache.distinctAssigneeIDs() where users[id] == nil {
            if let name = try cache.userName(id: id) { users[id] = name }
        }
        var directory = NameDirectory(
            groups: try cache.groupNames(), users: users, organizations: try cache.organizationNames(),
            forms: try cache.ticketFormNames())
        directory.customFields = try loadCustomFieldCatalog()
        directory.defaultGroups = try loadDefaultGroups()
        return directory
    }

    func loadPolicies() throws -> [PolicyFact] {
        try cache.slaPolicies().map { policy in
            PolicyFact(
                id: policy.id, title: policy.title ?? "policy \(policy.id)", position: policy.position,
                conditions: policy.conditions.map { ($0.kind, $0.field, $0.operatorName, $0.value) },
                targets: policy.targets)
        }
    }
}
