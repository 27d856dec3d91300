/// Applies SLA policies to tickets and judges their targets (the KPI contract v1).
///
/// Build one evaluator per policy set and reuse it: policies are sorted and their conditions
/// parsed once, in `init`. Evaluation is pure — the as-of instant is a parameter — and the
/// evaluator is `Sendable`, so tickets can be evaluated concurrently.
public struct SLAEvaluator: Sendable {
    private let policies: [CompiledPolicy]
    private let testsVia: Bool
    /// Per policy (in `policies` order), the index in `targetSlots` of each priority's first target.
    private let targetBases: [[String: Int]]
    /// Every usable target of every policy, numbered for `count(_:asOf:outcomes:warnings:)`.
    public let targetSlots: [SLATargetSlot]

    /// An evaluator for a set of policies, in any order.
    public init(policies: [SLAPolicyDefinition]) {
        self.policies = policies.enumerated()
            .map { CompiledPolicy($0.element, inputIndex: $0.offset) }
            .sorted(by: CompiledPolicy.precedes)
        testsVia = self.policies.contains { $0.testsVia }
        var bases: [[String: Int]] = []
        var slots: [SLATargetSlot] = []
        for (policyIndex, policy) in self.policies.enumerated() {
            var base: [String: Int] = [:]
            for priority in policy.targetsByPriority.keys.sorted() {
                base[priority] = slots.count
                for target in policy.targetsByPriority[priority] ?? [] {
                    slots.append(
                        SLATargetSlot(
                            policyIndex: policyIndex, metric: target.metricName, priority: target.priority,
                            targetMinutes: target.minutes, businessHours: target.businessHours))
                }
            }
            bases.append(base)
        }
        targetBases = bases
        targetSlots = slots
    }

    /// The policies in the order they are tried.
    public var policyOrder: [SLAAppliedPolicy] {
        policies.map { SLAAppliedPolicy(id: $0.id, title: $0.title) }
    }

    /// Evaluates a ticket as of an instant (epoch seconds), recording every condition tried.
    public func evaluate(_ ticket: SLATicket, asOf: Int64) -> SLAEvaluation {
        evaluate(ticket, asOf: asOf, recordingConditions: true)
    }

    /// Evaluates a ticket as of an instant; with `recordingConditions` false, `conditionsByPolicy`
    /// stays empty (cheaper for bulk reports; everything else is identical).
    public func evaluate(_ ticket: SLATicket, asOf: Int64, recordingConditions: Bool) -> SLAEvaluation {
        // Rule: only tickets with a priority get SLAs.
        guard let priority = ticket.priority, !priority.isEmpty else {
            return SLAEvaluation(
                ticketID: ticket.id, policy: nil, conditionsByPolicy: [], outcomes: [], warnings: [],
                noSLAReason: "the ticket has no priority; only tickets with a priority get SLAs")
        }
        var warnings: [String] = []
        var trials: [SLAPolicyTrial] = []
        guard let applied = firstMatch(ticket, recording: recordingConditions, trials: &trials, warnings: &warnings)
        else {
            return SLAEvaluation(
                ticketID: ticket.id, policy: nil, conditionsByPolicy: trials, outcomes: [],
                warnings: Self.tidy(warnings), noSLAReason: "no SLA policy matches the ticket")
        }
        warnings += applied.generalWarnings
        warnings += applied.targetWarningsByPriority[priority] ?? []
        // Rule: the targets are the applied policy's targets for the ticket's priority.
        let targets = applied.targetsByPriority[priority] ?? []
        let outcomes = targets.map { $0.outcome(for: ticket, asOf: asOf) }
        return SLAEvaluation(
            ticketID: ticket.id, policy: SLAAppliedPolicy(id: applied.id, title: applied.title),
            conditionsByPolicy: trials, outcomes: outcomes, warnings: Self.tidy(warnings),
            noSLAReason: outcomes.isEmpty ? "policy '\(applied.title)' has no targets for priority \(priority)" : nil)
    }

    /// Rule: the applied policy is the first, in (position, id) order, whose filter matches the
    /// ticket's current fields.
    private func firstMatch(
        _ ticket: SLATicket, recording: Bool, trials: inout [SLAPolicyTrial], warnings: inout [String]
    ) -> CompiledPolicy? {
        // The via id is resolved once per ticket, and only when some condition needs it.
        let via = testsVia ? ViaTypes.resolve(ticket) : .unknown
        for policy in policies {
            var results: [SLAConditionResult] = []
            let matched = policy.matches(
                ticket, via: via, recording: recording, results: &results, warnings: &warnings)
            if recording {
                trials.append(
                    SLAPolicyTrial(policyID: policy.id, title: policy.title, conditions: results, matched: matched))
            }
            if matched { return policy }
        }
        return nil
    }

    /// Evaluates a ticket for counting: the same policy, outcome statuses, attribution times and
    /// warnings as `evaluate(_:asOf:recordingConditions:)` with `recordingConditions` false, without
    /// the reason texts. Appends the outcomes (targets numbered as in `targetSlots`) and the
    /// warnings (not de-duplicated); returns the applied policy's index in `policyOrder`, or `nil`.
    public func count(
        _ ticket: SLATicket, asOf: Int64, outcomes: inout [SLACountedOutcome], warnings: inout [String]
    ) -> Int? {
        guard let priority = ticket.priority, !priority.isEmpty else { return nil }
        guard let applied = matchPolicy(ticket, warnings: &warnings) else { return nil }
        countOutcomes(ticket, policy: applied, asOf: asOf, outcomes: &outcomes, warnings: &warnings)
        return applied
    }

    /// The first policy matching the ticket (its index in `policyOrder`), with the warnings its
    /// conditions raised. The answer depends only on the fields in `testedFields` (and on the
    /// tags in `testedTags` and custom fields in `testedCustomFields`), so callers may reuse it
    /// for tickets that agree on those.
    public func matchPolicy(_ ticket: SLATicket, warnings: inout [String]) -> Int? {
        let via = testsVia ? ViaTypes.resolve(ticket) : .unknown
        var results: [SLAConditionResult] = []
        for (index, policy) in policies.enumerated()
        where policy.matches(ticket, via: via, recording: false, results: &results, warnings: &warnings) {
            return index
        }
        return nil
    }

    /// The outcomes of the applied policy's targets for the ticket's priority (see `count`).
    public func countOutcomes(
        _ ticket: SLATicket, policy appliedIndex: Int, asOf: Int64, outcomes: inout [SLACountedOutcome],
        warnings: inout [String]
    ) {
        guard let priority = ticket.priority else { return }
        countOutcomes(
            SLAMeasures(ticket), priority: priority, policy: appliedIndex, asOf: asOf, outcomes: &outcomes,
            warnings: &warnings)
    }

    /// `countOutcomes` for a ticket given by its priority and measures (no `SLATicket` to build).
    public func countOutcomes(
        _ ticket: SLAMeasures, priority: String, policy appliedIndex: Int, asOf: Int64,
        outcomes: inout [SLACountedOutcome],
        warnings: inout [String]
    ) {
        let applied = policies[appliedIndex]
        warnings += applied.generalWarnings
        warnings += applied.targetWarningsByPriority[priority] ?? []
        guard let targets = applied.targetsByPriority[priority], let base = targetBases[appliedIndex][priority] else {
            return
        }
        for (offset, target) in targets.enumerated() {
            let decision = target.decide(ticket, asOf: asOf)
            outcomes.append(
                SLACountedOutcome(
                    target: Int32(base + offset), status: decision.status, attributedAt: decision.attributedAt))
        }
    }

    /// What `countOutcomes` does for one policy and priority, worked out once: the targets to
    /// judge (numbered from `firstTarget`) and the warnings every such ticket carries.
    public struct TargetPlan: Sendable {
        let targets: [CompiledTarget]
        let firstTarget: Int
        public let warnings: [String]
    }

    /// The plan for tickets of `priority` under policy `appliedIndex` (see `countOutcomes`).
    public func targetPlan(policy appliedIndex: Int, priority: String) -> TargetPlan {
        let applied = policies[appliedIndex]
        let warnings = applied.generalWarnings + (applied.targetWarningsByPriority[priority] ?? [])
        guard let targets = applied.targetsByPriority[priority], let base = targetBases[appliedIndex][priority] else {
            return TargetPlan(targets: [], firstTarget: 0, warnings: warnings)
        }
        return TargetPlan(targets: targets, firstTarget: base, warnings: warnings)
    }

    /// `countOutcomes` with a plan from `targetPlan` (the caller adds `plan.warnings`).
    public func countOutcomes(_ ticket: SLAMeasures, plan: TargetPlan, asOf: Int64, outcomes: inout [SLACountedOutcome])
    {
        for (offset, target) in plan.targets.enumerated() {
            let decision = target.decide(ticket, asOf: asOf)
            outcomes.append(
                SLACountedOutcome(
                    target: Int32(plan.firstTarget + offset), status: decision.status,
                    attributedAt: decision.attributedAt))
        }
    }

    /// The ticket fields policy conditions test.
    public var testedFields: SLATestedFields {
        var fields: SLATestedFields = []
        for policy in policies {
            for condition in policy.conditions {
                switch condition.test {
                case .unusable: break
                case .text(let field, _), .rank(let field, _, _), .id(let field, _):
                    fields.insert(SLATestedFields(field))
                case .via: fields.insert(.via)
                case .tags: fields.insert(.tags)
                case .customText, .customNumber: fields.insert(.customFields)
                }
            }
        }
        return fields
    }

    /// Every tag a `current_tags` condition tests: a ticket's other tags never change an evaluation.
    public var testedTags: Set<String> {
        var tags: Set<String> = []
        for policy in policies {
            for condition in policy.conditions {
                if case .tags(_, let tested) = condition.test { tags.formUnion(tested) }
            }
        }
        return tags
    }

    /// Every custom field a condition tests: a ticket's other custom fields never change an evaluation.
    public var testedCustomFields: Set<Int64> {
        var fields: Set<Int64> = []
        for policy in policies {
            for condition in policy.conditions {
                switch condition.test {
                case .customText(let id, _), .customNumber(let id, _, _): fields.insert(id)
                default: break
                }
            }
        }
        return fields
    }

    /// Rule: warnings are deduplicated and sorted.
    private static func tidy(_ warnings: [String]) -> [String] {
        warnings.count < 2 ? warnings : Set(warnings).sorted()
    }
}

/// One target the evaluator can apply: its policy (an index in `policyOrder`), metric and priority.
public struct SLATargetSlot: Sendable, Equatable {
    public let policyIndex: Int
    public let metric: String
    public let priority: String
    /// The target in minutes and its clock.
    public let targetMinutes: Double
    public let businessHours: Bool
}

/// One target outcome of a counting evaluation.
public struct SLACountedOutcome: Sendable, Equatable {
    /// The target, an index in `SLAEvaluator.targetSlots`.
    public let target: Int32
    public let status: SLAStatus
    public let attributedAt: Int64?
}

/// Ticket fields SLA policy conditions can test.
public struct SLATestedFields: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let type = SLATestedFields(rawValue: 1 << 0)
    public static let priority = SLATestedFields(rawValue: 1 << 1)
    public static let status = SLATestedFields(rawValue: 1 << 2)
    public static let groupID = SLATestedFields(rawValue: 1 << 3)
    public static let assigneeID = SLATestedFields(rawValue: 1 << 4)
    public static let requesterID = SLATestedFields(rawValue: 1 << 5)
    public static let organizationID = SLATestedFields(rawValue: 1 << 6)
    public static let brandID = SLATestedFields(rawValue: 1 << 7)
    public static let ticketFormID = SLATestedFields(rawValue: 1 << 8)
    /// `via_id`: the ticket's via id or channel.
    public static let via = SLATestedFields(rawValue: 1 << 9)
    public static let tags = SLATestedFields(rawValue: 1 << 10)
    public static let customFields = SLATestedFields(rawValue: 1 << 11)

    init(_ field: ConditionField) {
        switch field {
        case .type: self = .type
        case .priority: self = .priority
        case .status: self = .status
        case .groupID: self = .groupID
        case .assigneeID: self = .assigneeID
        case .requesterID: self = .requesterID
        case .organizationID: self = .organizationID
        case .brandID: self = .brandID
        case .ticketFormID: self = .ticketFormID
        case .viaID: self = .via
        case .currentTags: self = .tags
        case .customField: self = .customFields
        }
    }
}

/// What judging a target reads from a ticket: whether it is solved, its metric set's values and
/// its dates (`SLATicket` without the fields only policy conditions read).
public struct SLAMeasures: Sendable {
    public var isSolved: Bool
    public var hasMetrics: Bool
    public var createdAt: Int64
    public var solvedAt: Int64?
    public var replies: Int64?
    public var replyTime: Clocked
    public var requesterWait: Clocked
    public var onHold: Clocked
    public var fullResolution: Clocked

    public init(
        isSolved: Bool, hasMetrics: Bool, createdAt: Int64, solvedAt: Int64?, replies: Int64?, replyTime: Clocked,
        requesterWait: Clocked, onHold: Clocked, fullResolution: Clocked
    ) {
        self.isSolved = isSolved
        self.hasMetrics = hasMetrics
        self.createdAt = createdAt
        self.solvedAt = solvedAt
        self.replies = replies
        self.replyTime = replyTime
        self.requesterWait = requesterWait
        self.onHold = onHold
        self.fullResolution = fullResolution
    }

    public init(_ ticket: SLATicket) {
        self.init(
            isSolved: ticket.isSolved, hasMetrics: ticket.hasMetrics, createdAt: ticket.createdAt,
            solvedAt: ticket.solvedAt,
            replies: ticket.replies, replyTime: ticket.replyTime, requesterWait: ticket.requesterWait,
            onHold: ticket.onHold,
            fullResolution: ticket.fullResolution)
    }
}
