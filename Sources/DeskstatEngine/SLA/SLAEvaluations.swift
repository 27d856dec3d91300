import DeskstatSLA
import DeskstatTime
import Foundation

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
                    range, store: store, evaluator: evaluator, asOf: asOf, deletedCodes: deletedCodes,
                    solvedCodes: solvedCodes))
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

    private init(
        policy: [Int32], outcomeRanges: [(start: Int32, count: Int32)], outcomes: [SLACountedOutcome],
        warnings: [Int32: [String]]
    ) {
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
        // The targets and warnings per (policy, priority code), worked out on first use.
        let codeCount = store.strings.strings.count
        var plans = [SLAEvaluator.TargetPlan?](repeating: nil, count: codeCount * max(1, evaluator.policyOrder.count))
        let emptyPriority = store.strings.strings.map(\.isEmpty)
        for index in range {
            let record = store.records[index]
            let start = Int32(outcomes.count)
            guard record.priority >= 0, record.status < 0 || !deletedCodes[Int(record.status)] else {
                policy.append(notEvaluated)
                ranges.append((start, 0))
                continue
            }
            ticketWarnings.removeAll(keepingCapacity: true)
            var applied: Int?
            if !emptyPriority[Int(record.priority)] {
                applied = memo.match(index, warnings: &ticketWarnings)
                if let applied {
                    let planKey = applied * codeCount + Int(record.priority)
                    let plan: SLAEvaluator.TargetPlan
                    if let known = plans[planKey] {
                        plan = known
                    } else {
                        plan = evaluator.targetPlan(policy: applied, priority: store.strings[record.priority])
                        plans[planKey] = plan
                    }
                    if !plan.warnings.isEmpty { ticketWarnings += plan.warnings }
                    evaluator.countOutcomes(
                        store.slaMeasures(index, solved: record.status >= 0 && solvedCodes[Int(record.status)]),
                        plan: plan,
                        asOf: asOf, outcomes: &outcomes)
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
    var group: Int64 = 0, assignee: Int64 = 0, requester: Int64 = 0, organization: Int64 = 0, brand: Int64 = 0,
        form: Int64 = 0
    var present: UInt32 = 0
    var tags: UInt64 = 0

    /// One cheap mix of every field, fed to the hasher once.
    func hash(into hasher: inout Hasher) {
        hasher.combine(mixed)
    }

    /// A cheap mix of every field.
    @inline(__always) var mixed: UInt64 {
        var mix = UInt64(UInt32(bitPattern: type)) | UInt64(UInt32(bitPattern: priority)) << 32
        mix =
            (mix ^ (UInt64(UInt32(bitPattern: status)) | UInt64(UInt32(bitPattern: channel)) << 32))
            &* 0x9E37_79B9_7F4A_7C15
        mix = (mix ^ UInt64(bitPattern: group)) &* 0xBF58_476D_1CE4_E5B9
        mix = (mix ^ UInt64(bitPattern: assignee)) &* 0xBF58_476D_1CE4_E5B9
        mix = (mix ^ UInt64(bitPattern: requester)) &* 0xBF58_476D_1CE4_E5B9
        mix = (mix ^ UInt64(bitPattern: organization)) &* 0xBF58_476D_1CE4_E5B9
        mix = (mix ^ UInt64(bitPattern: brand)) &* 0xBF58_476D_1CE4_E5B9
        mix = (mix ^ UInt64(bitPattern: form)) &* 0xBF58_476D_1CE4_E5B9
        mix = (mix ^ UInt64(present) ^ tags) &* 0x94D0_49BB_1331_11EB
        return mix ^ (mix >> 29)
    }
}

/// `SLAEvaluator.matchPolicy`, remembered per `MatchKey`.
private struct MatchMemo {
    let evaluator: SLAEvaluator
    let store: TicketStore
    let fields: SLATestedFields
    /// Per string code: the bit of the tested tag it equals, or -1.
    let tagBits: [Int8]
    let enabled: Bool
    /// Remembered answers, open addressing on `MatchKey.mixed`: slot → answer index + 1.
    var slots = [Int32](repeating: 0, count: 256)
    var keys: [MatchKey] = []
    var policies: [Int?] = []
    var answerWarnings: [[String]] = []

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
        let hash = key.mixed
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let answer = Int(slots[slot] - 1)
            if keys[answer] == key {
                if !answerWarnings[answer].isEmpty { warnings += answerWarnings[answer] }
                return policies[answer]
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        var found: [String] = []
        let policy = evaluator.matchPolicy(store.slaTicket(index), warnings: &found)
        keys.append(key)
        policies.append(policy)
        answerWarnings.append(found)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for (answer, known) in keys.enumerated() {
                var position = Int(truncatingIfNeeded: known.mixed) & (slots.count - 1)
                while slots[position] != 0 { position = (position + 1) & (slots.count - 1) }
                slots[position] = Int32(answer + 1)
            }
        }
        warnings += found
        return policy
    }
}
