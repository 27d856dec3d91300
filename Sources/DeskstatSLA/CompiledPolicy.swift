/// A policy prepared once: conditions compiled, targets grouped by priority and sorted. A class
/// for the same reason as `CompiledCondition`.
final class CompiledPolicy: Sendable {
    let id: Int64
    let title: String
    let position: Int64?
    /// Index in the caller's list; the last tiebreak, so the order is total.
    let inputIndex: Int
    /// The `all` conditions, then the `any` conditions.
    let conditions: [CompiledCondition]
    let hasAnyConditions: Bool
    /// Whether any condition tests `via_id`.
    let testsVia: Bool
    let targetsByPriority: [String: [CompiledTarget]]
    /// Warnings about unusable targets, by the priority they were for.
    let targetWarningsByPriority: [String: [String]]
    /// Warnings about targets without a priority (they apply to no ticket).
    let generalWarnings: [String]

    init(_ definition: SLAPolicyDefinition, inputIndex: Int) {
        id = definition.id
        title = definition.title
        position = definition.position
        self.inputIndex = inputIndex
        let label = "policy '\(definition.title)' (id \(definition.id))"
        conditions =
            definition.all.map { CompiledCondition($0, kind: .all, policyLabel: label) }
            + definition.any.map { CompiledCondition($0, kind: .any, policyLabel: label) }
        hasAnyConditions = !definition.any.isEmpty
        testsVia = conditions.contains { $0.testsVia }
        var targets: [String: [CompiledTarget]] = [:]
        var warnings: [String: [String]] = [:]
        var general: [String] = []
        for target in definition.targets {
            guard let priority = target.priority, !priority.isEmpty else {
                general.append("\(label): a \(target.metric ?? "") target has no priority; it is ignored")
                continue
            }
            guard let metric = target.metric, !metric.isEmpty else {
                warnings[priority, default: []].append(
                    "\(label): a target for \(priority) names no metric; it is ignored")
                continue
            }
            guard let minutes = target.targetMinutes else {
                warnings[priority, default: []].append(
                    "\(label): the \(metric) target for \(priority) has no usable target time; it is ignored")
                continue
            }
            targets[priority, default: []].append(
                CompiledTarget(
                    metricName: metric, metric: SLAMetric(name: metric), priority: priority, minutes: minutes,
                    businessHours: target.businessHours))
        }
        targetsByPriority = targets.mapValues { $0.sorted(by: CompiledTarget.precedes) }
        targetWarningsByPriority = warnings
        generalWarnings = general
    }

    /// Rule: policies are tried by (position, id); policies without a position come last.
    static func precedes(_ lhs: CompiledPolicy, _ rhs: CompiledPolicy) -> Bool {
        switch (lhs.position, rhs.position) {
        case (let left?, let right?) where left != right: return left < right
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.inputIndex < rhs.inputIndex
    }

    /// Rule: a policy matches when every `all` condition holds and, when `any` is non-empty, at
    /// least one `any` condition holds. Every condition is evaluated (no short cut), so the
    /// warnings and the `explain` listing do not depend on condition order.
    func matches(
        _ ticket: SLATicket, via: ViaTypes.Resolution, recording: Bool, results: inout [SLAConditionResult],
        warnings: inout [String]
    ) -> Bool {
        var allHold = true
        var anyHolds = false
        for condition in conditions {
            let verdict = condition.evaluate(ticket, via: via)
            if let problem = verdict.problem { warnings.append(condition.warning(problem)) }
            if recording { results.append(condition.result(verdict)) }
            switch condition.kind {
            case .all: allHold = allHold && verdict.matched
            case .any: anyHolds = anyHolds || verdict.matched
            }
        }
        return allHold && (!hasAnyConditions || anyHolds)
    }
}
