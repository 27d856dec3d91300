/// Applies SLA policies to tickets and judges their targets (the KPI contract v1).
///
/// Build one evaluator per policy set and reuse it: policies are sorted and their conditions
/// parsed once, in `init`. Evaluation is pure — the as-of instant is a parameter — and the
/// evaluator is `Sendable`, so tickets can be evaluated concurrently.
public struct SLAEvaluator: Sendable {
    private let policies: [CompiledPolicy]
    private let testsVia: Bool

    /// An evaluator for a set of policies, in any order.
    public init(policies: [SLAPolicyDefinition]) {
        self.policies = policies.enumerated()
            .map { CompiledPolicy($0.element, inputIndex: $0.offset) }
            .sorted(by: CompiledPolicy.precedes)
        testsVia = self.policies.contains { $0.testsVia }
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

    /// Rule: warnings are deduplicated and sorted.
    private static func tidy(_ warnings: [String]) -> [String] {
        warnings.count < 2 ? warnings : Set(warnings).sorted()
    }
}
