import DeskstatSLA
import DeskstatTime
import Foundation

/// What one report computes from one fact set, computed once and shared by every section:
/// the compact tickets, each rating's ticket, each status's class, filter masks, and — per
/// as-of — every ticket's SLA evaluation. Sections then cost one pass over the tickets each
/// (and nothing at all when an earlier section asked the same question).
///
/// Its caches are guarded by a lock, so calculators that share a session may be used from
/// several threads.
final class EngineSession: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    let facts: FactSet
    private(set) var store: TicketStore
    /// Per string code: the status is solved/closed, or new/open/pending/hold, or "deleted".
    private var solvedCodes: [Bool] = []
    private var unsolvedCodes: [Bool] = []
    private var deletedCodes: [Bool] = []
    /// Per rating: the index of its ticket, or -1.
    let ratingTickets: [Int32]
    private var masks: [String: [Bool]] = [:]
    private var slaByAsOf: [Int64: SLAEvaluations] = [:]
    private var results: [String: (kpis: [SliceKey: KPIValues], sla: [SliceKey: SLASummary])] = [:]
    let evaluator: SLAEvaluator
    let targetKeys: [SLATargetKey]
    /// Which duration KPIs each (filters, slice) result must have statistics for, when a report
    /// knows (`nil`: all of them). Keyed by `needsKey(filterKey:dimension:)`.
    var durationNeeds: [String: Set<KPI>]?

    static func needsKey(filterKey: String, dimension: Dimension?) -> String {
        "\(filterKey)\u{1F}\(dimension?.rawValue ?? "-")"
    }

    init(facts: FactSet) {
        self.facts = facts
        store = facts.store
        ratingTickets = facts.ratings.map { rating in
            rating.ticketID.flatMap { facts.store.index(of: $0) }.map { Int32($0) } ?? -1
        }
        evaluator = SLAEvaluator(policies: facts.policies.map(\.definition))
        var ranks: [Int64: Int] = [:]
        let order = evaluator.policyOrder
        for (rank, policy) in order.enumerated() { ranks[policy.id] = rank }
        targetKeys = evaluator.targetSlots.map { slot in
            let policy = order[slot.policyIndex]
            return SLATargetKey(
                policyID: policy.id, policyTitle: policy.title, policyRank: ranks[policy.id] ?? Int.max, metric: slot.metric,
                priority: slot.priority)
        }
        classifyStatuses()
    }

    /// Loads every tag when a question needs them (a tag slice or filter).
    func needTags() throws(EngineError) {
        lock.lock()
        defer { lock.unlock() }
        guard !store.tagsComplete else { return }
        store = try facts.storeWithAllTags()
        classifyStatuses()
    }

    private func classifyStatuses() {
        let strings = store.strings.strings
        solvedCodes = strings.map { $0 == "solved" || $0 == "closed" }
        unsolvedCodes = strings.map {
            switch $0 {
            case "new", "open", "pending", "hold": true
            default: false
            }
        }
        deletedCodes = strings.map { $0 == "deleted" }
    }

    @inline(__always) func isSolved(_ record: TicketRecord) -> Bool { record.status >= 0 && solvedCodes[Int(record.status)] }
    @inline(__always) func isUnsolved(_ record: TicketRecord) -> Bool {
        record.status >= 0 && unsolvedCodes[Int(record.status)]
    }

    // MARK: Filters

    /// Which tickets pass every filter (`nil` when there are none).
    func mask(_ filters: [ResolvedFilter], key: String) -> [Bool]? {
        guard !filters.isEmpty else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let cached = masks[key] { return cached }
        var mask = [Bool](repeating: true, count: store.count)
        for filter in filters {
            let matcher = FilterMatcher(filter, store: store)
            for index in 0..<store.count where mask[index] { mask[index] = matcher.matches(index) }
        }
        masks[key] = mask
        return mask
    }

    // MARK: SLA evaluations

    /// Every ticket's SLA evaluation as of `asOf` (tickets with a priority that are not deleted).
    func evaluations(asOf: Int64) -> SLAEvaluations {
        lock.lock()
        defer { lock.unlock() }
        if let cached = slaByAsOf[asOf] { return cached }
        let evaluations = SLAEvaluations(
            store: store, evaluator: evaluator, asOf: asOf, deletedCodes: deletedCodes, solvedCodes: solvedCodes)
        slaByAsOf[asOf] = evaluations
        return evaluations
    }

    // MARK: Passes

    /// KPIs and SLA counts for one window, filter set and slice, cached by all three.
    func window(
        _ window: Window, asOf: Int64, filters: [ResolvedFilter], filterKey: String, filtersGiven: Bool,
        dimension: Dimension?, current: Bool
    ) throws(EngineError) -> (kpis: [SliceKey: KPIValues], sla: [SliceKey: SLASummary]) {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(filterKey)\u{1F}\(dimension?.rawValue ?? "-")\u{1F}\(window.from)\u{1F}\(window.to)\u{1F}\(asOf)\u{1F}\(current)"
        if let cached = results[key] { return cached }
        if dimension == .tag || filters.contains(where: { $0.dimension == .tag }) { try needTags() }
        let mask = self.mask(filters, key: filterKey)
        let needs = durationNeeds.map { $0[Self.needsKey(filterKey: filterKey, dimension: dimension)] ?? [] }
        let kpis = computeKPIs(
            window: window, asOf: asOf, dimension: dimension, includeBacklog: current, mask: mask, filtersGiven: filtersGiven,
            durationKPIs: needs)
        let sla = computeSLA(window: window, asOf: asOf, dimension: dimension, includeActive: current, mask: mask)
        results[key] = (kpis, sla)
        return (kpis, sla)
    }

    /// How many parts a pass over the tickets is split into (one per core, for big fact sets).
    private var passParts: Int { store.count >= 100_000 ? 2 : 1 }

    /// Runs `body` for each part of the tickets (index ranges in order), on both cores when big.
    private func parts<Part: Sendable>(_ body: @escaping @Sendable (Int, Range<Int>) -> Part) -> [Part] {
        let count = store.count
        let parts = passParts
        let chunk = (count + parts - 1) / parts
        let box = ResultBox<Part>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            box.set(part, body(part, (part * chunk)..<min(count, (part + 1) * chunk)))
        }
        return box.values.map { $0! }
    }

    /// `KPICalculator.compute`: one pass over tickets, one over ratings.
    func computeKPIs(
        window: Window, asOf: Int64, dimension: Dimension?, includeBacklog: Bool, mask: [Bool]?, filtersGiven: Bool,
        durationKPIs: Set<KPI>? = nil
    ) -> [SliceKey: KPIValues] {
        var collecting: UInt8 = 0
        for (index, kpi) in KPI.durations.enumerated() where durationKPIs?.contains(kpi) ?? true { collecting |= 1 << UInt8(index) }
        let collect = collecting
        lock.lock()
        defer { lock.unlock() }
        let store = self.store
        let solvedCodes = self.solvedCodes
        let unsolvedCodes = self.unsolvedCodes
        let names = facts.names
        let ratings = facts.ratings
        let ratingTickets = self.ratingTickets
        let lastPart = passParts - 1
        // Each part: its tickets, and (the last part) the ratings; slices in first-seen order.
        let partials = parts { part, range -> KPIPartial in
            var slices = SliceMapper(dimension: dimension, names: names)
            var accumulators: [KPIAccumulator] = []
            var keys: [Int] = []
            let records = store.records
            store.durations.withUnsafeBufferPointer { durations in
                for index in range {
                    if let mask, !mask[index] { continue }
                    let record = records[index]
                    let created = window.contains(record.createdAt)
                    let status = Int(record.status)
                    let solved =
                        status >= 0 && solvedCodes[status] && record.hasMetrics && record.has(TicketRecord.solvedBit)
                        && window.contains(record.solvedAt)
                    let inBacklog = includeBacklog && status >= 0 && unsolvedCodes[status] && record.createdAt <= asOf
                    guard created || solved || inBacklog else { continue }
                    keys.removeAll(keepingCapacity: true)
                    slices.slots(of: index, in: store, into: &keys)
                    let base = index * DurationSlot.count
                    for slot in keys {
                        while accumulators.count <= slot { accumulators.append(KPIAccumulator(collect: collect)) }
                        accumulators[slot].add(
                            record, durations: durations, base: base, created: created, solved: solved, backlog: inBacklog)
                    }
                }
            }
            if part == lastPart {
                for (ratingIndex, rating) in ratings.enumerated() where window.contains(rating.updatedAt) {
                    let ticket = ratingTickets[ratingIndex]
                    if ticket >= 0 {
                        if let mask, !mask[Int(ticket)] { continue }
                    } else if filtersGiven {
                        continue
                    }
                    keys.removeAll(keepingCapacity: true)
                    slices.ratingSlots(of: rating, ticket: ticket >= 0 ? Int(ticket) : nil, in: store, into: &keys)
                    for slot in keys {
                        while accumulators.count <= slot { accumulators.append(KPIAccumulator(collect: collect)) }
                        accumulators[slot].add(rating)
                    }
                }
            }
            return KPIPartial(keys: slices.keys, accumulators: accumulators)
        }
        // Merge the parts in order: each slice's totals, samples and first-seen statuses as one pass would have them.
        var order: [SliceKey] = []
        var merged: [SliceKey: KPIAccumulator] = [:]
        for partial in partials {
            for (slot, accumulator) in partial.accumulators.enumerated() where accumulator.touched {
                let key = partial.keys[slot]
                if let index = merged.index(forKey: key) {
                    merged.values[index].merge(accumulator)
                } else {
                    merged[key] = accumulator
                    order.append(key)
                }
            }
        }
        var result: [SliceKey: KPIValues] = [:]
        for key in order {
            result[key] = merged[key]!.values(includeBacklog: includeBacklog, strings: store.strings)
        }
        if result.isEmpty && dimension == nil {
            result[.all] = KPIAccumulator(collect: collect).values(includeBacklog: includeBacklog, strings: store.strings)
        }
        return result
    }

    /// `SLACalculator.compute`: one pass over the cached evaluations.
    func computeSLA(window: Window, asOf: Int64, dimension: Dimension?, includeActive: Bool, mask: [Bool]?) -> [SliceKey: SLASummary] {
        lock.lock()
        defer { lock.unlock() }
        let evaluations = self.evaluations(asOf: asOf)
        let store = self.store
        let targetKeys = self.targetKeys
        let names = facts.names
        let targetCount = targetKeys.count
        let partials = parts { _, range -> SLAPartial in
            var slices = SliceMapper(dimension: dimension, names: names)
            var groups = SliceMapper(dimension: .group, names: names)
            var counts: [SLACounts] = []  // slot * targetCount + target
            var breaches: [[Int]] = []
            var touched: [Bool] = []
            var warnings: Set<String> = []
            var keys: [Int] = []
            var groupKeys: [Int] = []
            let records = store.records
            for index in range {
                let policy = evaluations.policy[index]
                if policy == SLAEvaluations.notEvaluated { continue }
                if let mask, !mask[index] { continue }
                if !evaluations.warnings.isEmpty, let ticketWarnings = evaluations.warnings[Int32(index)] {
                    warnings.formUnion(ticketWarnings)
                }
                guard policy >= 0 else { continue }
                let record = records[index]
                keys.removeAll(keepingCapacity: true)
                var keysReady = false
                var groupSlot = -1
                let range = evaluations.outcomeRanges[index]
                for outcomeIndex in Int(range.start)..<Int(range.start + range.count) {
                    let outcome = evaluations.outcomes[outcomeIndex]
                    let counted: Bool
                    switch outcome.status {
                    case .achieved, .breached: counted = outcome.attributedAt.map(window.contains) ?? false
                    case .active: counted = includeActive
                    case .unmeasured: counted = window.contains(record.createdAt)
                    }
                    guard counted else { continue }
                    if !keysReady {
                        slices.slots(of: index, in: store, into: &keys)
                        groupKeys.removeAll(keepingCapacity: true)
                        groups.slots(of: index, in: store, into: &groupKeys)
                        groupSlot = groupKeys[0]
                        keysReady = true
                    }
                    let target = Int(outcome.target)
                    for slot in keys {
                        while touched.count <= slot {
                            counts.append(contentsOf: repeatElement(SLACounts(), count: targetCount))
                            breaches.append([])
                            touched.append(false)
                        }
                        touched[slot] = true
                        counts[slot * targetCount + target].add(outcome.status)
                        if outcome.status == .breached {
                            while breaches[slot].count <= groupSlot { breaches[slot].append(0) }
                            breaches[slot][groupSlot] += 1
                        }
                    }
                }
            }
            var summaries: [(SliceKey, SLASummary)] = []
            for slot in touched.indices where touched[slot] {
                var summary = SLASummary()
                for target in 0..<targetCount where counts[slot * targetCount + target] != SLACounts() {
                    summary.byTarget[targetKeys[target], default: SLACounts()].add(counts[slot * targetCount + target])
                }
                for (group, count) in breaches[slot].enumerated() where count > 0 {
                    summary.breachesByGroup[groups.keys[group], default: 0] += count
                }
                summaries.append((slices.keys[slot], summary))
            }
            return SLAPartial(summaries: summaries, warnings: warnings)
        }
        var warnings: Set<String> = []
        var result: [SliceKey: SLASummary] = [:]
        for partial in partials {
            warnings.formUnion(partial.warnings)
            for (key, summary) in partial.summaries {
                if let index = result.index(forKey: key) {
                    for (target, counts) in summary.byTarget { result.values[index].byTarget[target, default: SLACounts()].add(counts) }
                    for (group, count) in summary.breachesByGroup { result.values[index].breachesByGroup[group, default: 0] += count }
                } else {
                    result[key] = summary
                }
            }
        }
        let sortedWarnings = warnings.sorted()
        for index in result.indices { result.values[index].warnings = sortedWarnings }
        if result.isEmpty && dimension == nil {
            var summary = SLASummary()
            summary.warnings = sortedWarnings
            result[.all] = summary
        }
        return result
    }
}

/// One part's KPI accumulators with their slice keys.
struct KPIPartial: Sendable {
    let keys: [SliceKey]
    let accumulators: [KPIAccumulator]
}

/// One part's SLA summaries (by slice, in first-seen order) and warnings.
struct SLAPartial: Sendable {
    let summaries: [(SliceKey, SLASummary)]
    let warnings: Set<String>
}

/// Results of parallel parts, collected under a lock.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}

/// Every ticket's SLA evaluation (counting form) as of one instant.
struct SLAEvaluations: Sendable {
    static let notEvaluated: Int32 = -2

    /// Per ticket: the applied policy's index, -1 for none, `notEvaluated` for tickets the SLA
    /// calculator leaves out (no priority, or status "deleted").
    var policy: [Int32]
    var outcomeRanges: [(start: Int32, count: Int32)]
    var outcomes: [SLACountedOutcome]
    /// The evaluation warnings of the (few) tickets that have any.
    var warnings: [Int32: [String]]

    init(store: TicketStore, evaluator: SLAEvaluator, asOf: Int64, deletedCodes: [Bool], solvedCodes: [Bool]) {
        let count = store.count
        let parts = count >= 20_000 ? 2 : 1
        let chunk = (count + parts - 1) / max(parts, 1)
        let box = ResultBox<SLAEvaluations>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * chunk)..<min(count, (part + 1) * chunk)
            box.set(
                part,
                Self.evaluate(
                    range, store: store, evaluator: evaluator, asOf: asOf, deletedCodes: deletedCodes, solvedCodes: solvedCodes))
        }
        policy = []
        outcomeRanges = []
        outcomes = []
        warnings = [:]
        policy.reserveCapacity(count)
        outcomeRanges.reserveCapacity(count)
        for part in box.values {
            guard let part else { continue }
            let offset = Int32(outcomes.count)
            policy += part.policy
            outcomeRanges += part.outcomeRanges.map { ($0.start + offset, $0.count) }
            outcomes += part.outcomes
            warnings.merge(part.warnings) { $1 }
        }
    }

    private init(policy: [Int32], outcomeRanges: [(start: Int32, count: Int32)], outcomes: [SLACountedOutcome], warnings: [Int32: [String]]) {
        self.policy = policy
        self.outcomeRanges = outcomeRanges
        self.outcomes = outcomes
        self.warnings = warnings
    }

    private static func evaluate(
        _ range: Range<Int>, store: TicketStore, evaluator: SLAEvaluator, asOf: Int64, deletedCodes: [Bool],
        solvedCodes: [Bool]
    ) -> SLAEvaluations {
        var policy: [Int32] = []
        var ranges: [(start: Int32, count: Int32)] = []
        var outcomes: [SLACountedOutcome] = []
        var warnings: [Int32: [String]] = [:]
        var ticketWarnings: [String] = []
        policy.reserveCapacity(range.count)
        ranges.reserveCapacity(range.count)
        outcomes.reserveCapacity(range.count * 4)
        // Which policy matches depends only on the fields the conditions test, so the answer is
        // remembered per combination of those fields (see `MatchKey`).
        var memo = MatchMemo(evaluator: evaluator, store: store)
        for index in range {
            let record = store.records[index]
            let start = Int32(outcomes.count)
            guard record.priority >= 0, record.status < 0 || !deletedCodes[Int(record.status)] else {
                policy.append(notEvaluated)
                ranges.append((start, 0))
                continue
            }
            ticketWarnings.removeAll(keepingCapacity: true)
            let priority = store.strings[record.priority]
            var applied: Int?
            if !priority.isEmpty {
                applied = memo.match(index, warnings: &ticketWarnings)
                if let applied {
                    evaluator.countOutcomes(
                        store.slaMeasures(index, solved: record.status >= 0 && solvedCodes[Int(record.status)]),
                        priority: priority, policy: applied, asOf: asOf, outcomes: &outcomes, warnings: &ticketWarnings)
                }
            }
            policy.append(applied.map { Int32($0) } ?? -1)
            ranges.append((start, Int32(outcomes.count) - start))
            if !ticketWarnings.isEmpty { warnings[Int32(index)] = ticketWarnings }
        }
        return SLAEvaluations(policy: policy, outcomeRanges: ranges, outcomes: outcomes, warnings: warnings)
    }
}

/// The fields a policy match depends on, as codes and ids (only the fields some condition tests).
private struct MatchKey: Hashable {
    var type: Int32 = 0, priority: Int32 = 0, status: Int32 = 0, channel: Int32 = 0
    var group: Int64 = 0, assignee: Int64 = 0, requester: Int64 = 0, organization: Int64 = 0, brand: Int64 = 0, form: Int64 = 0
    var present: UInt32 = 0
    var tags: UInt64 = 0
}

/// `SLAEvaluator.matchPolicy`, remembered per `MatchKey`.
private struct MatchMemo {
    let evaluator: SLAEvaluator
    let store: TicketStore
    let fields: SLATestedFields
    /// Per string code: the bit of the tested tag it equals, or -1.
    let tagBits: [Int8]
    let enabled: Bool
    var answers: [MatchKey: (policy: Int?, warnings: [String])] = [:]

    init(evaluator: SLAEvaluator, store: TicketStore) {
        self.evaluator = evaluator
        self.store = store
        fields = evaluator.testedFields
        let tested = evaluator.testedTags.sorted()
        tagBits = store.strings.strings.map { text in
            tested.firstIndex(of: text).map { Int8($0) } ?? -1
        }
        enabled = !fields.contains(.customFields) && tested.count <= 64
    }

    mutating func match(_ index: Int, warnings: inout [String]) -> Int? {
        guard enabled else { return evaluator.matchPolicy(store.slaTicket(index), warnings: &warnings) }
        let record = store.records[index]
        var key = MatchKey()
        if fields.contains(.type) { key.type = record.type }
        if fields.contains(.priority) { key.priority = record.priority }
        if fields.contains(.status) { key.status = record.status }
        if fields.contains(.via) { key.channel = record.channel }
        if fields.contains(.groupID), record.has(TicketRecord.group) {
            key.group = record.groupID
            key.present |= TicketRecord.group
        }
        if fields.contains(.assigneeID), record.has(TicketRecord.assignee) {
            key.assignee = record.assigneeID
            key.present |= TicketRecord.assignee
        }
        if fields.contains(.requesterID), record.has(TicketRecord.requester) {
            key.requester = record.requesterID
            key.present |= TicketRecord.requester
        }
        if fields.contains(.organizationID), record.has(TicketRecord.organization) {
            key.organization = record.organizationID
            key.present |= TicketRecord.organization
        }
        if fields.contains(.brandID), record.has(TicketRecord.brand) {
            key.brand = record.brandID
            key.present |= TicketRecord.brand
        }
        if fields.contains(.ticketFormID), record.has(TicketRecord.form) {
            key.form = record.ticketFormID
            key.present |= TicketRecord.form
        }
        if fields.contains(.tags), record.tagCount > 0 {
            for position in Int(record.tagStart)..<Int(record.tagStart + record.tagCount) {
                let bit = tagBits[Int(store.tagCodes[position])]
                if bit >= 0 { key.tags |= 1 << UInt64(bit) }
            }
        }
        if let known = answers[key] {
            warnings += known.warnings
            return known.policy
        }
        var found: [String] = []
        let policy = evaluator.matchPolicy(store.slaTicket(index), warnings: &found)
        answers[key] = (policy, found)
        warnings += found
        return policy
    }
}

/// Growable lists of doubles, appended to without copy-on-write or exclusivity checks (one
/// accumulator owns them).
final class SampleSet: @unchecked Sendable {
    let count: Int
    private let buffers: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
    private let counts: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>

    init(count: Int) {
        self.count = count
        buffers = .allocate(capacity: count)
        buffers.initialize(repeating: nil, count: count)
        counts = .allocate(capacity: count)
        counts.initialize(repeating: 0, count: count)
        capacities = .allocate(capacity: count)
        capacities.initialize(repeating: 0, count: count)
    }

    deinit {
        for index in 0..<count { buffers[index]?.deallocate() }
        buffers.deallocate()
        counts.deallocate()
        capacities.deallocate()
    }

    @inline(__always) func append(_ index: Int, _ value: Double) {
        if counts[index] == capacities[index] { grow(index) }
        buffers[index]![counts[index]] = value
        counts[index] += 1
    }

    private func grow(_ index: Int) {
        let capacity = max(64, capacities[index] * 2)
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
        if let old = buffers[index] {
            buffer.update(from: old, count: counts[index])
            old.deallocate()
        }
        buffers[index] = buffer
        capacities[index] = capacity
    }

    func count(of index: Int) -> Int { counts[index] }

    /// Appends list `index` of `other` to list `index`.
    func append(contentsOf other: SampleSet, _ index: Int) {
        guard let source = other.buffers[index] else { return }
        for offset in 0..<other.counts[index] { append(index, source[offset]) }
    }

    func array(_ index: Int) -> [Double] {
        guard let buffer = buffers[index] else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: counts[index]))
    }
}

/// Statistics worked out in parallel, collected under a lock.
final class StatsBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [DurationStats?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: DurationStats) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}


/// Running totals of one slice (`Accumulator` of the original calculator, on compact tickets).
struct KPIAccumulator: Sendable {
    /// Bit `i`: collect the samples of `KPI.durations[i]` (others are only counted: no report
    /// section reads their statistics).
    let collect: UInt8
    var touched = false
    var created = 0
    var solved = 0
    var reopen = Rate(numerator: 0, denominator: 0)
    var oneTouch = Rate(numerator: 0, denominator: 0)
    var backlog = 0
    /// Backlog per status code (-1: no status), in first-seen order.
    var backlogByStatus: [(code: Int32, count: Int)] = []
    var csat = CSATCounts()
    /// Samples per duration KPI (in `KPI.durations` order) and clock (calendar, business).
    let samples = SampleSet(count: KPI.durations.count * 2)
    /// Sample counts of the KPIs not collected.
    var uncollected = [Int](repeating: 0, count: KPI.durations.count * 2)

    init(collect: UInt8 = 0x7F) {
        self.collect = collect
    }

    mutating func add(
        _ record: TicketRecord, durations: UnsafeBufferPointer<Double>, base: Int, created isCreated: Bool,
        solved isSolved: Bool, backlog inBacklog: Bool
    ) {
        touched = true
        if isCreated {
            created += 1
            if record.hasMetrics { sample(0, record, durations, base) }
        }
        if isSolved && record.hasMetrics {
            solved += 1
            for kpi in 1..<KPI.durations.count { sample(kpi, record, durations, base) }
            reopen.denominator += 1
            oneTouch.denominator += 1
            if (record.optional(record.reopens, TicketRecord.reopensBit) ?? 0) > 0 { reopen.numerator += 1 }
            if (record.optional(record.replies, TicketRecord.repliesBit) ?? 0) < 2 { oneTouch.numerator += 1 }
        }
        if inBacklog {
            backlog += 1
            if let position = backlogByStatus.firstIndex(where: { $0.code == record.status }) {
                backlogByStatus[position].count += 1
            } else {
                backlogByStatus.append((record.status, 1))
            }
        }
    }

    /// Slots of `KPI.durations`: first reply, first resolution, full resolution, requester wait,
    /// agent wait, on hold; agent work time (requester wait − on hold) is derived.
    private static let slots: [Int] = [
        DurationSlot.reply, DurationSlot.firstResolution, DurationSlot.fullResolution, DurationSlot.requesterWait,
        DurationSlot.agentWait, DurationSlot.onHold, -1,
    ]

    @inline(__always) private mutating func sample(
        _ kpi: Int, _ record: TicketRecord, _ durations: UnsafeBufferPointer<Double>, _ base: Int
    ) {
        for clock in 0..<2 {
            let value: Double?
            let slot = Self.slots[kpi]
            if slot >= 0 {
                value = Self.value(record, durations, base, slot + clock)
            } else {
                let wait = Self.value(record, durations, base, DurationSlot.requesterWait + clock)
                let hold = Self.value(record, durations, base, DurationSlot.onHold + clock)
                value = MetricFact.difference(wait, hold)
            }
            if let value {
                if collect & (1 << UInt8(kpi)) != 0 {
                    samples.append(kpi * 2 + clock, value)
                } else {
                    uncollected[kpi * 2 + clock] += 1
                }
            }
        }
    }

    @inline(__always) private static func value(
        _ record: TicketRecord, _ durations: UnsafeBufferPointer<Double>, _ base: Int, _ slot: Int
    ) -> Double? {
        record.present & (1 << UInt32(TicketRecord.firstDurationBit + slot)) != 0 ? durations[base + slot] : nil
    }

    /// Adds another part's totals after this one's (as if its tickets had come after).
    mutating func merge(_ other: KPIAccumulator) {
        touched = touched || other.touched
        created += other.created
        solved += other.solved
        reopen.numerator += other.reopen.numerator
        reopen.denominator += other.reopen.denominator
        oneTouch.numerator += other.oneTouch.numerator
        oneTouch.denominator += other.oneTouch.denominator
        backlog += other.backlog
        for (code, count) in other.backlogByStatus {
            if let position = backlogByStatus.firstIndex(where: { $0.code == code }) {
                backlogByStatus[position].count += count
            } else {
                backlogByStatus.append((code, count))
            }
        }
        csat.good += other.csat.good
        csat.bad += other.csat.bad
        csat.offered += other.csat.offered
        for index in 0..<samples.count {
            samples.append(contentsOf: other.samples, index)
            uncollected[index] += other.uncollected[index]
        }
    }

    mutating func add(_ rating: RatingFact) {
        touched = true
        switch rating.score {
        case "good": csat.good += 1
        case "bad": csat.bad += 1
        case "offered": csat.offered += 1
        default: break
        }
    }

    func values(includeBacklog: Bool, strings: StringTable) -> KPIValues {
        var result = KPIValues()
        result.created = created
        result.solved = solved
        result.reopen = reopen
        result.oneTouch = oneTouch
        result.csat = csat
        result.backlog = includeBacklog ? backlog : nil
        for (code, count) in backlogByStatus {
            result.backlogByStatus[code >= 0 ? strings[code] : "unknown", default: 0] += count
        }
        // The statistics of each KPI and clock; big sample sets are worked out on both cores.
        let all = samples
        let stats = StatsBox(count: all.count)
        let work = (0..<all.count).filter { collect & (1 << UInt8($0 / 2)) != 0 }
        let total = work.reduce(0) { $0 + all.count(of: $1) }
        DispatchQueue.concurrentPerform(iterations: total > 100_000 ? 2 : 1) { part in
            for (position, index) in work.enumerated() where total <= 100_000 || position % 2 == part {
                var values = all.array(index)
                stats.set(index, DurationStats(selecting: &values))
            }
        }
        for (kpiIndex, kpi) in KPI.durations.enumerated() {
            for (clockIndex, clock) in Clock.allCases.enumerated() {
                let index = kpiIndex * 2 + clockIndex
                result.durations[kpi, default: [:]][clock] =
                    stats.values[index] ?? DurationStats(count: uncollected[index], median: nil, p90: nil, mean: nil)
            }
        }
        return result
    }
}

/// Maps tickets (and ratings) to slice slots for one dimension, making each slice's key once.
struct SliceMapper {
    let dimension: Dimension?
    let names: NameDirectory
    private(set) var keys: [SliceKey] = []
    private var slotByKey: [SliceKey: Int] = [:]
    private var slotByID: [Int64: Int] = [:]
    private var slotByCode: [Int32: Int] = [:]
    private var noneSlot = -1
    private var allSlot = -1

    init(dimension: Dimension?, names: NameDirectory) {
        self.dimension = dimension
        self.names = names
    }

    private mutating func slot(for key: SliceKey) -> Int {
        if let slot = slotByKey[key] { return slot }
        keys.append(key)
        slotByKey[key] = keys.count - 1
        return keys.count - 1
    }

    private mutating func none() -> Int {
        if noneSlot < 0 { noneSlot = slot(for: SliceKey(key: nil, label: "(none)")) }
        return noneSlot
    }

    /// `KPICalculator.label(for:in:)`.
    static func label(for key: String, in dimension: Dimension, names: NameDirectory) -> String {
        guard let id = Int64(key),
            !names.names(for: dimension).isEmpty || [.group, .assignee, .organization, .form, .brand].contains(dimension)
        else {
            return key
        }
        return names.label(id, in: dimension)
    }

    private mutating func idSlot(_ id: Int64, _ dimension: Dimension) -> Int {
        if let slot = slotByID[id] { return slot }
        let key = String(id)
        let slot = slot(
            for: SliceKey(
                key: key, label: Self.label(for: key, in: dimension, names: names), rank: SliceKey.rank(of: key, in: dimension)))
        slotByID[id] = slot
        return slot
    }

    private mutating func textSlot(_ code: Int32, _ store: TicketStore, _ dimension: Dimension) -> Int {
        if let slot = slotByCode[code] { return slot }
        let key = store.strings[code]
        let slot = slot(
            for: SliceKey(
                key: key, label: Self.label(for: key, in: dimension, names: names), rank: SliceKey.rank(of: key, in: dimension)))
        slotByCode[code] = slot
        return slot
    }

    /// `KPICalculator.sliceKeys`: the ticket's slices (a tag slice gives one per tag).
    mutating func slots(of index: Int, in store: TicketStore, into slots: inout [Int]) {
        guard let dimension else {
            if allSlot < 0 { allSlot = slot(for: .all) }
            slots.append(allSlot)
            return
        }
        let record = store.records[index]
        func id(_ value: Int64, _ bit: UInt32) {
            slots.append(record.has(bit) ? idSlot(value, dimension) : none())
        }
        func text(_ code: Int32) {
            slots.append(code >= 0 ? textSlot(code, store, dimension) : none())
        }
        switch dimension {
        case .group: id(record.groupID, TicketRecord.group)
        case .assignee: id(record.assigneeID, TicketRecord.assignee)
        case .brand: id(record.brandID, TicketRecord.brand)
        case .organization: id(record.organizationID, TicketRecord.organization)
        case .form: id(record.ticketFormID, TicketRecord.form)
        case .channel: text(record.channel)
        case .priority: text(record.priority)
        case .type: text(record.type)
        case .status: text(record.status)
        case .tag:
            if record.tagCount == 0 {
                slots.append(none())
            } else {
                for position in Int(record.tagStart)..<Int(record.tagStart + record.tagCount) {
                    slots.append(textSlot(store.tagCodes[position], store, .tag))
                }
            }
        }
    }

    /// `KPICalculator.ratingSliceKeys`: group and assignee at rating time, else the ticket's.
    mutating func ratingSlots(of rating: RatingFact, ticket: Int?, in store: TicketStore, into slots: inout [Int]) {
        guard let dimension else {
            if allSlot < 0 { allSlot = slot(for: .all) }
            slots.append(allSlot)
            return
        }
        switch dimension {
        case .group, .assignee:
            var id = dimension == .group ? rating.groupID : rating.assigneeID
            if id == nil, let ticket {
                let record = store.records[ticket]
                id =
                    dimension == .group
                    ? record.optional(record.groupID, TicketRecord.group)
                    : record.optional(record.assigneeID, TicketRecord.assignee)
            }
            guard let id else {
                slots.append(none())
                return
            }
            if let slot = slotByID[id] {
                slots.append(slot)
            } else {
                // Rating keys carry no rank (it is 0 for these dimensions either way).
                let key = String(id)
                let slot = slot(for: SliceKey(key: key, label: Self.label(for: key, in: dimension, names: names)))
                slotByID[id] = slot
                slots.append(slot)
            }
        default:
            guard let ticket else {
                slots.append(none())
                return
            }
            self.slots(of: ticket, in: store, into: &slots)
        }
    }
}

extension TicketStore {
    /// What target judgement reads (`SLAMeasures(slaTicket(index))`, without building the ticket).
    func slaMeasures(_ index: Int, solved: Bool) -> SLAMeasures {
        let record = records[index]
        let metrics = record.hasMetrics
        func clocked(_ slot: Int) -> Clocked {
            metrics ? Clocked(calendar: duration(index, slot), business: duration(index, slot + 1)) : Clocked()
        }
        return SLAMeasures(
            isSolved: solved, hasMetrics: metrics, createdAt: record.createdAt,
            solvedAt: metrics ? record.optional(record.solvedAt, TicketRecord.solvedBit) : nil,
            replies: metrics ? record.optional(record.replies, TicketRecord.repliesBit) : nil,
            replyTime: clocked(DurationSlot.reply), requesterWait: clocked(DurationSlot.requesterWait),
            onHold: clocked(DurationSlot.onHold), fullResolution: clocked(DurationSlot.fullResolution))
    }

    /// The ticket as the SLA evaluator sees it (`TicketFact.slaTicket`).
    func slaTicket(_ index: Int) -> SLATicket {
        let record = records[index]
        let metrics = record.hasMetrics
        func clocked(_ slot: Int) -> Clocked {
            metrics ? Clocked(calendar: duration(index, slot), business: duration(index, slot + 1)) : Clocked()
        }
        var tags: Set<String> = []
        if record.tagCount > 0 {
            for position in Int(record.tagStart)..<Int(record.tagStart + record.tagCount) { tags.insert(strings[tagCodes[position]]) }
        }
        return SLATicket(
            id: record.id, status: text(record.status), priority: text(record.priority), type: text(record.type),
            groupID: record.optional(record.groupID, TicketRecord.group),
            assigneeID: record.optional(record.assigneeID, TicketRecord.assignee),
            requesterID: record.optional(record.requesterID, TicketRecord.requester),
            organizationID: record.optional(record.organizationID, TicketRecord.organization),
            brandID: record.optional(record.brandID, TicketRecord.brand),
            ticketFormID: record.optional(record.ticketFormID, TicketRecord.form), viaChannel: text(record.channel),
            tags: tags, customFields: customFields[Int32(index)] ?? [:], createdAt: record.createdAt,
            replyTime: clocked(DurationSlot.reply), requesterWait: clocked(DurationSlot.requesterWait),
            onHold: clocked(DurationSlot.onHold), fullResolution: clocked(DurationSlot.fullResolution),
            solvedAt: metrics ? record.optional(record.solvedAt, TicketRecord.solvedBit) : nil,
            replies: metrics ? record.optional(record.replies, TicketRecord.repliesBit) : nil, hasMetrics: metrics)
    }
}
