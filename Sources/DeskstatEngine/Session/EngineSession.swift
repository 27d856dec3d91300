import DeskstatSLA
import DeskstatTime
import Foundation
import ZendeskWire

/// What one report computes from one fact set, computed once and shared by every section:
/// the compact tickets, each rating's ticket, each status's class, filter masks, and — per
/// as-of — every ticket's SLA evaluation. Sections then cost one pass over the tickets each
/// (and nothing at all when an earlier section asked the same question).
///
/// Its caches are guarded by a lock, so calculators that share a session may be used from
/// several threads.
final class EngineSession: @unchecked Sendable {
    let lock = NSRecursiveLock()
    let facts: FactSet
    private(set) var store: TicketStore
    /// Per string code: the status is solved/closed, or new/open/pending/hold, or "deleted".
    private var solvedCodes: [Bool] = []
    private var unsolvedCodes: [Bool] = []
    private var deletedCodes: [Bool] = []
    /// Per rating: the index of its ticket, or -1.
    let ratingTickets: [Int32]
    private var masks: [FilterKey: [Bool]] = [:]
    private var slaByAsOf: [Int64: SLAEvaluations] = [:]
    private var kpiResults: [WindowKey: [SliceKey: KPIValues]] = [:]
    private var slaResults: [WindowKey: [SliceKey: SLASummary]] = [:]
    let evaluator: SLAEvaluator
    let targetKeys: [SLATargetKey]
    /// Where SLA outcomes come from (`RecordedSLAs.swift`); recorded instances per as-of.
    var slaSource: SLASource = .evaluated
    var recordedByAsOf: [Int64: RecordedSLAs] = [:]
    /// Which duration KPIs each (filters, slice) result must have statistics for, when a report
    /// knows (`nil`: all of them).
    var durationNeeds: [NeedsKey: Set<KPI>]?
    /// Ticket timelines, loaded when a report needs history (`EngineSession+History.swift`).
    var history: HistoryFacts?
    /// Ticket timelines the evaluated SLA source reads (`TimelineSLAs.swift`), and its instances per as-of.
    var slaHistory: HistoryFacts?
    var timelineByAsOf: [Int64: TimelineSLAs] = [:]
    /// Percentiles, `within:` thresholds and histograms every collected duration list gets
    /// (set before anything is computed; see `ReportBuilder.distributionNeeds`).
    var distributionNeeds = DistributionNeeds()

    /// A session over `facts`, evaluating `policies` (the cache's policies when `nil`).
    init(facts: FactSet, policies: [SLAPolicyDefinition]? = nil) {
        self.facts = facts
        store = facts.store
        ratingTickets = facts.ratings.map { rating in
            rating.ticketID.flatMap { facts.store.index(of: $0) }.map { Int32($0) } ?? -1
        }
        evaluator = SLAEvaluator(policies: policies ?? facts.policies.map(\.definition))
        var ranks: [Int64: Int] = [:]
        let order = evaluator.policyOrder
        for (rank, policy) in order.enumerated() { ranks[policy.id] = rank }
        targetKeys = evaluator.targetSlots.map { slot in
            let policy = order[slot.policyIndex]
            return SLATargetKey(
                policyID: policy.id, policyTitle: policy.title, policyRank: ranks[policy.id] ?? Int.max,
                metric: slot.metric,
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

    /// Loads every value of custom field `id` (a `field:` slice or filter).
    func needCustomField(_ id: Int64) throws(EngineError) {
        lock.lock()
        defer { lock.unlock() }
        store = try facts.storeWithCustomField(id)
        classifyStatuses()
    }

    private func classifyStatuses() {
        let strings = store.strings.strings
        solvedCodes = strings.map(TicketStatus.isSolved)
        unsolvedCodes = strings.map(TicketStatus.isUnsolved)
        deletedCodes = strings.map { $0 == TicketStatus.deleted.rawValue }
    }

    @inline(__always) func isSolved(_ record: TicketRecord) -> Bool {
        record.status >= 0 && solvedCodes[Int(record.status)]
    }
    @inline(__always) func isUnsolved(_ record: TicketRecord) -> Bool {
        record.status >= 0 && unsolvedCodes[Int(record.status)]
    }

    // MARK: Filters

    /// Which tickets pass every filter (`nil` when there are none).
    func mask(_ filters: [ResolvedFilter], key: FilterKey) -> [Bool]? {
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
        _ window: Window, asOf: Int64, filters: [ResolvedFilter], filterKey: FilterKey, filtersGiven: Bool,
        dimension: Dimension?, field: CustomFieldDefinition? = nil, current: Bool
    ) throws(EngineError) -> (kpis: [SliceKey: KPIValues], sla: [SliceKey: SLASummary]) {
        if dimension == .tag || filters.contains(where: { $0.dimension == .tag }) { try needTags() }
        return (
            kpis(
                window, asOf: asOf, filters: filters, filterKey: filterKey, filtersGiven: filtersGiven,
                dimension: dimension, field: field,
                current: current),
            slaSummaries(
                window, asOf: asOf, filters: filters, filterKey: filterKey, dimension: dimension, field: field,
                current: current)
        )
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
        return box.values.compactMap { $0 }  // every part was set by concurrentPerform
    }

    /// One dimension's slices (built once per session).
    private var dimensionIndexes: [Dimension?: DimensionIndex] = [:]

    func dimensionIndex(_ dimension: Dimension?) -> DimensionIndex {
        if let index = dimensionIndexes[dimension] { return index }
        let index = DimensionIndex(
            dimension: dimension, store: store, ratings: facts.ratings, ratingTickets: ratingTickets, names: facts.names
        )
        dimensionIndexes[dimension] = index
        return index
    }

    /// One custom field's slices (built once per session, after its values are loaded).
    private var fieldIndexes: [Int64: DimensionIndex] = [:]

    func fieldIndex(_ field: CustomFieldDefinition) -> DimensionIndex {
        if let index = fieldIndexes[field.id] { return index }
        let index = DimensionIndex(field: field, store: store)
        fieldIndexes[field.id] = index
        return index
    }

    /// The KPIs of one window, filter set and slice, computed once (tags must be loaded when needed).
    func kpis(
        _ window: Window, asOf: Int64, filters: [ResolvedFilter], filterKey: FilterKey, filtersGiven: Bool,
        dimension: Dimension?, field: CustomFieldDefinition? = nil,
        current: Bool
    ) -> [SliceKey: KPIValues] {
        lock.lock()
        defer { lock.unlock() }
        let key = WindowKey(filterKey, dimension, field: field?.id, window, asOf: asOf, current: current)
        if let cached = kpiResults[key] { return cached }
        // A custom-field slice collects every duration KPI (its needs are not keyed in advance).
        let needs =
            field == nil ? durationNeeds.map { $0[NeedsKey(filters: filterKey, dimension: dimension)] ?? [] } : nil
        var result = computeKPIs(
            window: window, asOf: asOf, dimension: dimension, field: field, includeBacklog: current,
            mask: mask(filters, key: filterKey),
            filtersGiven: filtersGiven, durationKPIs: needs)
        if let history {
            addHistory(
                history, to: &result, window: window, asOf: asOf, current: current, mask: mask(filters, key: filterKey),
                dimension: dimension, field: field)
        }
        kpiResults[key] = result
        return result
    }

    /// The SLA counts of one window, filter set and slice, computed once.
    func slaSummaries(
        _ window: Window, asOf: Int64, filters: [ResolvedFilter], filterKey: FilterKey, dimension: Dimension?,
        field: CustomFieldDefinition? = nil, current: Bool
    ) -> [SliceKey: SLASummary] {
        lock.lock()
        defer { lock.unlock() }
        let key = WindowKey(filterKey, dimension, field: field?.id, window, asOf: asOf, current: current)
        if let cached = slaResults[key] { return cached }
        let result = computeSLAForSource(
            window: window, asOf: asOf, dimension: dimension, field: field, includeActive: current,
            mask: mask(filters, key: filterKey))
        slaResults[key] = result
        return result
    }

    /// The KPIs of one window, filter mask and slice: one pass over tickets, one over ratings.
    func computeKPIs(
        window: Window, asOf: Int64, dimension: Dimension?, field: CustomFieldDefinition? = nil, includeBacklog: Bool,
        mask: [Bool]?, filtersGiven: Bool, durationKPIs: Set<KPI>? = nil
    ) -> [SliceKey: KPIValues] {
        var collecting: UInt8 = 0
        for (index, kpi) in KPI.durations.enumerated() where durationKPIs?.contains(kpi) ?? true {
            collecting |= 1 << UInt8(index)
        }
        let collect = collecting
        lock.lock()
        defer { lock.unlock() }
        let store = self.store
        let solvedCodes = self.solvedCodes
        let unsolvedCodes = self.unsolvedCodes
        let ratings = facts.ratings
        let ratingTickets = self.ratingTickets
        let slices = field.map(fieldIndex) ?? dimensionIndex(dimension)
        let slotCount = slices.keys.count
        let lastPart = passParts - 1
        let ticketCount = store.count
        // Each part: its tickets and (the last part) the ratings, into raw slots.
        let single = slices.isSingle
        let ticketSlots = slices.ticketSlots
        let partials = parts { part, range -> KPIPartial in
            var partial = KPIPartial(slotCount: slotCount, collect: collect)
            partial.expected = range.count
            var keys: [Int32] = []
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
                    let base = index * DurationSlot.count
                    if single {
                        let slot = ticketSlots.isEmpty ? 0 : Int(ticketSlots[index])
                        partial.touch(slot, at: index)
                        partial.accumulators[slot]?.add(
                            record, durations: durations, base: base, created: created, solved: solved,
                            backlog: inBacklog)
                        continue
                    }
                    keys.removeAll(keepingCapacity: true)
                    slices.slots(ofTicket: index, store: store, into: &keys)
                    for slot in keys {
                        partial.touch(Int(slot), at: index)
                        partial.accumulators[Int(slot)]?.add(
                            record, durations: durations, base: base, created: created, solved: solved,
                            backlog: inBacklog)
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
                    slices.slots(ofRating: ratingIndex, ticket: ticket, store: store, into: &keys)
                    for slot in keys {
                        partial.touch(Int(slot), at: ticketCount + ratingIndex)
                        partial.accumulators[Int(slot)]?.add(rating)
                    }
                }
            }
            return partial
        }
        // Merge the parts slot by slot, then the raw slots into slices in the order they were first counted.
        var merged = partials[0]
        for partial in partials.dropFirst() { merged.merge(partial) }
        var result: [SliceKey: KPIAccumulator] = [:]
        var order: [SliceKey] = []
        for slot in merged.firstCounted.indices.sorted(by: { merged.firstCounted[$0] < merged.firstCounted[$1] })
        where merged.firstCounted[slot] < Int.max {
            guard let accumulator = merged.accumulators[slot] else { continue }
            let key = slices.keys[slot]
            if let index = result.index(forKey: key) {
                result.values[index].merge(accumulator)
            } else {
                result[key] = accumulator
                order.append(key)
            }
        }
        var values: [SliceKey: KPIValues] = [:]
        for key in order {
            values[key] = result[key]?.values(
                includeBacklog: includeBacklog, strings: store.strings, distribution: distributionNeeds)
        }
        if values.isEmpty && dimension == nil && field == nil {
            values[.all] = KPIAccumulator(collect: collect).values(
                includeBacklog: includeBacklog, strings: store.strings)
        }
        return values
    }

    /// The SLA counts of one window, filter mask and slice: one pass over the cached evaluations.
    func computeSLA(
        window: Window, asOf: Int64, dimension: Dimension?, field: CustomFieldDefinition? = nil, includeActive: Bool,
        mask: [Bool]?
    )
        -> [SliceKey: SLASummary]
    {
        lock.lock()
        defer { lock.unlock() }
        let evaluations = self.evaluations(asOf: asOf)
        let store = self.store
        let targetKeys = self.targetKeys
        let targetCount = targetKeys.count
        let slices = field.map(fieldIndex) ?? dimensionIndex(dimension)
        let groups = dimensionIndex(.group)
        let slotCount = slices.keys.count
        let groupCount = groups.keys.count
        let single = slices.isSingle
        let ticketSlots = slices.ticketSlots
        let groupSlots = groups.ticketSlots
        let partials = parts { _, range -> SLAPartial in
            var partial = SLAPartial(slotCount: slotCount, targetCount: targetCount, groupCount: groupCount)
            var keys: [Int32] = []
            let records = store.records
            let outcomes = evaluations.outcomes
            for index in range {
                let policy = evaluations.policy[index]
                if policy == SLAEvaluations.notEvaluated { continue }
                if let mask, !mask[index] { continue }
                if !evaluations.warnings.isEmpty, let ticketWarnings = evaluations.warnings[Int32(index)] {
                    partial.warnings.formUnion(ticketWarnings)
                }
                guard policy >= 0 else { continue }
                let record = records[index]
                var keysReady = false
                var groupSlot = 0
                let range = evaluations.outcomeRanges[index]
                for outcomeIndex in Int(range.start)..<Int(range.start + range.count) {
                    let outcome = outcomes[outcomeIndex]
                    let counted: Bool
                    switch outcome.status {
                    case .achieved, .breached: counted = outcome.attributedAt.map(window.contains) ?? false
                    case .active: counted = includeActive
                    case .unmeasured: counted = window.contains(record.createdAt)
                    }
                    guard counted else { continue }
                    if !keysReady {
                        groupSlot = Int(groupSlots[index])
                        keysReady = true
                        if !single {
                            keys.removeAll(keepingCapacity: true)
                            slices.slots(ofTicket: index, store: store, into: &keys)
                        }
                    }
                    let target = Int(outcome.target)
                    if single {
                        let slot = ticketSlots.isEmpty ? 0 : Int(ticketSlots[index])
                        partial.count(slot, target: target, status: outcome.status, group: groupSlot, at: index)
                        continue
                    }
                    for slot in keys {
                        partial.count(Int(slot), target: target, status: outcome.status, group: groupSlot, at: index)
                    }
                }
            }
            return partial
        }
        var merged = partials[0]
        for partial in partials.dropFirst() { merged.merge(partial) }
        let sortedWarnings = merged.warnings.sorted()
        var result: [SliceKey: SLASummary] = [:]
        for slot in merged.firstCounted.indices.sorted(by: { merged.firstCounted[$0] < merged.firstCounted[$1] })
        where merged.firstCounted[slot] < Int.max {
            var summary = result[slices.keys[slot]] ?? SLASummary()
            for target in 0..<targetCount where merged.counts[slot * targetCount + target] != SLACounts() {
                summary.byTarget[targetKeys[target], default: SLACounts()].add(
                    merged.counts[slot * targetCount + target])
            }
            for group in 0..<groupCount where merged.breaches[slot * groupCount + group] > 0 {
                summary.breachesByGroup[groups.keys[group], default: 0] += merged.breaches[slot * groupCount + group]
            }
            summary.warnings = sortedWarnings
            result[slices.keys[slot]] = summary
        }
        if result.isEmpty && dimension == nil && field == nil {
            var summary = SLASummary()
            summary.warnings = sortedWarnings
            result[.all] = summary
        }
        return result
    }
}
