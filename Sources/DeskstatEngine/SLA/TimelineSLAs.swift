import DeskstatSLA
import DeskstatTime
import DeskstatTimeline

/// Every loaded ticket's SLA instances evaluated from its timeline as of one instant
/// (`TimelineSLA`; docs/metrics.md, "Evaluated SLA from the timeline").
struct TimelineSLAs: Sendable {
    /// Per ticket index: the ticket has a timeline with status history and a policy applies, so
    /// its evaluated targets come from the timeline instead of the metric set.
    var covered: [Bool]
    /// Per covered ticket index with instances: the instances.
    var instances: [Int32: [SLAInstance]]

    /// Tickets whose index is set in `skipping` are left out (not covered): under `--sla-source
    /// auto`, those with recorded events, whose timeline instances nothing would read.
    init(
        store: TicketStore, history: HistoryFacts, evaluator: SLAEvaluator, evaluations: SLAEvaluations, asOf: Int64,
        skipping: [Bool]? = nil
    ) {
        covered = [Bool](repeating: false, count: store.count)
        instances = [:]
        let order = evaluator.policyOrder
        for (ticketID, timeline) in history.timelines where !timeline.status.isEmpty {
            guard let index = store.index(of: ticketID), skipping?[index] != true, evaluations.policy[index] >= 0,
                let priority = store.text(store.records[index].priority)
            else { continue }
            let policyIndex = Int(evaluations.policy[index])
            let targets = evaluator.targetSlots.filter { $0.policyIndex == policyIndex && $0.priority == priority }
                .map { TimelineTarget(metric: $0.metric, minutes: $0.targetMinutes, businessHours: $0.businessHours) }
            covered[index] = true
            let built = TimelineSLA.instances(
                timeline, policy: order[policyIndex], targets: targets,
                schedule: history.schedule(for: timeline, asOf: asOf), asOf: asOf)
            if !built.isEmpty { instances[Int32(index)] = built }
        }
    }
}

extension EngineSession {
    /// The timeline instances as of `asOf` (computed once per as-of); `nil` when no timelines
    /// were loaded for SLA (`slaHistory`).
    func timelineSLAs(asOf: Int64) -> TimelineSLAs? {
        lock.lock()
        defer { lock.unlock() }
        guard let slaHistory else { return nil }
        if let cached = timelineByAsOf[asOf] { return cached }
        // Under auto, a ticket with recorded events takes its instances from them (`usesRecord`).
        let built = TimelineSLAs(
            store: store, history: slaHistory, evaluator: evaluator, evaluations: evaluations(asOf: asOf), asOf: asOf,
            skipping: slaSource == .auto ? recorded(asOf: asOf).covered : nil)
        timelineByAsOf[asOf] = built
        return built
    }

    /// The evaluated SLA counts: deskstat's evaluation from the metric set for tickets without a
    /// timeline, timeline instances for the others (both passing `mask`).
    func computeEvaluatedSLA(
        window: Window, asOf: Int64, dimension: Dimension?, field: CustomFieldDefinition?, includeActive: Bool,
        mask: [Bool]?
    ) -> [SliceKey: SLASummary] {
        guard let timeline = timelineSLAs(asOf: asOf) else {
            return computeSLA(
                window: window, asOf: asOf, dimension: dimension, field: field, includeActive: includeActive,
                mask: mask)
        }
        var rest = mask ?? [Bool](repeating: true, count: store.count)
        for index in rest.indices where timeline.covered[index] { rest[index] = false }
        var result = computeSLA(
            window: window, asOf: asOf, dimension: dimension, field: field, includeActive: includeActive, mask: rest)
        let fromTimeline = computeInstanceSLA(
            timeline.instances, window: window, dimension: dimension, field: field, includeActive: includeActive,
            mask: mask
        ) { timeline.covered[$0] }
        for (key, summary) in fromTimeline { result[key, default: SLASummary()].merge(summary) }
        return result
    }
}
