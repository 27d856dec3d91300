public import DeskstatSLA
public import DeskstatTime

/// Evaluates every relevant ticket's SLA targets and counts the outcomes of one window.
///
/// Window rules (see docs/metrics.md): achieved and breached targets count in the window that
/// holds their attribution time; active targets are counted as of as-of (current window only);
/// unmeasured targets count for tickets created in the window.
public struct SLACalculator: Sendable {
    let calculator: KPICalculator
    let evaluator: SLAEvaluator
    let policyRanks: [Int64: Int]

    public init(calculator: KPICalculator) {
        self.calculator = calculator
        evaluator = SLAEvaluator(policies: calculator.facts.policies.map(\.definition))
        var ranks: [Int64: Int] = [:]
        for (rank, policy) in evaluator.policyOrder.enumerated() { ranks[policy.id] = rank }
        policyRanks = ranks
    }

    /// Every evaluation, ticket by ticket (tickets with a priority that pass the filters).
    public func evaluations(asOf: Int64) -> [(TicketFact, SLAEvaluation)] {
        calculator.facts.tickets.compactMap { ticket in
            guard ticket.priority != nil, ticket.status != "deleted", calculator.includes(ticket) else { return nil }
            return (ticket, evaluator.evaluate(ticket.slaTicket, asOf: asOf, recordingConditions: false))
        }
    }

    /// Counts for `window`, split by `dimension` (or one `SliceKey.all` entry).
    public func compute(window: Window, asOf: Int64, by dimension: Dimension?, includeActive: Bool) -> [SliceKey: SLASummary] {
        var summaries: [SliceKey: SLASummary] = [:]
        var warnings: Set<String> = []
        for (ticket, evaluation) in evaluations(asOf: asOf) {
            warnings.formUnion(evaluation.warnings)
            guard let policy = evaluation.policy else { continue }
            let keys = calculator.sliceKeys(ticket, dimension)
            let groupKey = calculator.sliceKeys(ticket, .group)[0]
            for outcome in evaluation.outcomes where counts(outcome, ticket: ticket, window: window, includeActive: includeActive) {
                let target = SLATargetKey(
                    policyID: policy.id, policyTitle: policy.title, policyRank: policyRanks[policy.id] ?? Int.max,
                    metric: outcome.metric, priority: outcome.priority)
                for key in keys {
                    summaries[key, default: SLASummary()].byTarget[target, default: SLACounts()].add(outcome.status)
                    if outcome.status == .breached { summaries[key, default: SLASummary()].breachesByGroup[groupKey, default: 0] += 1 }
                }
            }
        }
        if summaries.isEmpty && dimension == nil { summaries[.all] = SLASummary() }
        let sortedWarnings = warnings.sorted()
        return summaries.mapValues { summary in
            var copy = summary
            copy.warnings = sortedWarnings
            return copy
        }
    }

    func counts(_ outcome: SLATargetOutcome, ticket: TicketFact, window: Window, includeActive: Bool) -> Bool {
        switch outcome.status {
        case .achieved, .breached: outcome.attributedAt.map(window.contains) ?? false
        case .active: includeActive
        case .unmeasured: window.contains(ticket.createdAt)
        }
    }
}
