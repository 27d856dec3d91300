public import DeskstatTime

/// One ticket's recorded SLA instances (Zendesk's metric events) beside the instances deskstat
/// evaluates from its timeline, for `deskstat reconcile --sla` (docs/metrics.md, "Recorded and
/// evaluated, reconciled").
public struct SLAReconciliation: Sendable, Equatable {
    /// Why a recorded and an evaluated instance differ.
    public enum Cause: String, Sendable, CaseIterable {
        /// The recorded policy no longer exists, or its target was edited since it was applied.
        case policyChanged = "policy changed"
        /// The recorded policy still exists, but the ticket's fields now match another one.
        case fieldsChanged = "fields changed"
        /// A pausable metric counted different time: Zendesk paused and resumed it differently.
        case pauseRules = "pause rules"
        /// The cycle started or ended at other instants, or the business hours counted differ.
        case clock
        /// The timeline has the cycle, Zendesk recorded no instance for it.
        case missingEvents = "missing events"
        /// Zendesk recorded the instance, the timeline has no such cycle (history incomplete?).
        case missingHistory = "missing history"
    }

    /// One (metric, instance) whose recorded and evaluated outcomes differ.
    public struct Difference: Sendable, Equatable {
        public var metric: String
        public var instance: Int64
        public var recorded: SLAInstance?
        public var evaluated: SLAInstance?
        public var cause: Cause
        /// One sentence saying what differs and why.
        public var reason: String
    }

    public var ticketID: Int64
    /// Instances compared: every (metric, instance) either side has (group SLA instances, which
    /// deskstat does not evaluate, left out).
    public var compared: Int
    public var differences: [Difference]

    /// Whether every compared instance agrees.
    public var agrees: Bool { differences.isEmpty }

    /// Compares a ticket's recorded instances with its evaluated ones. `evaluatedPolicy` is the
    /// policy that matches the ticket today (`nil`: none), `currentPolicyIDs` every current
    /// policy. A pair agrees when policy, target, clock and status are the same and the instants
    /// it settled at (achieved or breached) differ by less than a minute.
    public static func compare(
        ticketID: Int64, recorded: [SLAInstance], evaluated: [SLAInstance], evaluatedPolicy: SLAAppliedPolicy?,
        currentPolicyIDs: Set<Int64>
    ) -> SLAReconciliation {
        struct Key: Hashable {
            var metric: String
            var instance: Int64
        }
        var recordedByKey: [Key: SLAInstance] = [:]
        for instance in recorded where !instance.isGroupPolicy {
            recordedByKey[Key(metric: instance.metric, instance: instance.instance)] = instance
        }
        var evaluatedByKey: [Key: SLAInstance] = [:]
        for instance in evaluated {
            evaluatedByKey[Key(metric: instance.metric, instance: instance.instance)] = instance
        }
        let keys = Set(recordedByKey.keys).union(evaluatedByKey.keys).sorted {
            RecordedSLA.order(
                SLAInstance.placeholder(ticketID, $0.metric, $0.instance),
                SLAInstance.placeholder(ticketID, $1.metric, $1.instance))
        }
        let evaluatedMetrics = Set(evaluated.map(\.metric))
        var differences: [Difference] = []
        for key in keys {
            let found = difference(
                recorded: recordedByKey[key], evaluated: evaluatedByKey[key], evaluatedPolicy: evaluatedPolicy,
                evaluatedMetrics: evaluatedMetrics, currentPolicyIDs: currentPolicyIDs)
            if let (cause, reason) = found {
                differences.append(
                    Difference(
                        metric: key.metric, instance: key.instance, recorded: recordedByKey[key],
                        evaluated: evaluatedByKey[key], cause: cause, reason: reason))
            }
        }
        return SLAReconciliation(ticketID: ticketID, compared: keys.count, differences: differences)
    }

    private static func difference(
        recorded: SLAInstance?, evaluated: SLAInstance?, evaluatedPolicy: SLAAppliedPolicy?,
        evaluatedMetrics: Set<String>, currentPolicyIDs: Set<Int64>
    ) -> (Cause, String)? {
        switch (recorded, evaluated) {
        case (nil, nil):
            return nil
        case (nil, let evaluated?):
            return (
                .missingEvents,
                "Zendesk recorded no instance; the timeline has one (\(outcome(evaluated))) — metric events missing?"
            )
        case (let recorded?, nil):
            let now = evaluatedPolicy.map { "'\($0.title)'" } ?? "no policy"
            if evaluatedPolicy?.id != recorded.policyID {
                return policyCause(recorded, now: now, currentPolicyIDs: currentPolicyIDs)
            }
            if !evaluatedMetrics.contains(recorded.metric) {
                return (.policyChanged, "policy changed: \(now) has no \(recorded.metric) target for the ticket today")
            }
            return (
                .missingHistory,
                "the timeline has no such cycle (recorded \(outcome(recorded))) — ticket history incomplete?"
            )
        case (let recorded?, let evaluated?):
            if recorded.policyID != evaluated.policyID {
                let (cause, reason) = policyCause(
                    recorded, now: "'\(evaluated.policyTitle)'", currentPolicyIDs: currentPolicyIDs)
                return (cause, reason + "; recorded \(outcome(recorded)), evaluated \(outcome(evaluated))")
            }
            if recorded.targetMinutes != evaluated.targetMinutes || recorded.businessHours != evaluated.businessHours {
                return (
                    .policyChanged,
                    "policy changed: '\(recorded.policyTitle)' applied a \(targetText(recorded)) target, today's is "
                        + "\(targetText(evaluated)); recorded \(outcome(recorded)), evaluated \(outcome(evaluated))"
                )
            }
            guard !settleAlike(recorded, evaluated) else { return nil }
            let both = "recorded \(outcome(recorded)), evaluated \(outcome(evaluated))"
            if ["requester_wait_time", "agent_work_time", "pausable_update_time"].contains(recorded.metric) {
                let counted = recorded.elapsed.flatMap { $0.minutes(businessHours: recorded.businessHours) }
                let timeline = evaluated.elapsed.flatMap { $0.minutes(businessHours: evaluated.businessHours) }
                let minutes =
                    counted.map { "Zendesk counted \(Minutes.text($0)) min, " } ?? ""
                    + (timeline.map { "the timeline \(Minutes.text($0)) min; " } ?? "")
                return (.pauseRules, "pause rules: \(minutes)\(both)")
            }
            if recorded.appliedAt != evaluated.appliedAt {
                return (
                    .clock,
                    "clock: Zendesk's cycle started \(InstantFormat.iso(recorded.appliedAt)), the timeline's "
                        + "\(InstantFormat.iso(evaluated.appliedAt)); \(both)"
                )
            }
            return (
                .clock,
                recorded.businessHours ? "business hours counted differently: \(both)" : "clock: \(both)"
            )
        }
    }

    private static func policyCause(_ recorded: SLAInstance, now: String, currentPolicyIDs: Set<Int64>) -> (
        Cause, String
    ) {
        let then = "'\(recorded.policyTitle)' (applied \(InstantFormat.iso(recorded.appliedAt)))"
        if currentPolicyIDs.contains(recorded.policyID) {
            return (.fieldsChanged, "fields changed: the ticket was under \(then); its fields match \(now) today")
        }
        return (.policyChanged, "policy changed: \(then) no longer exists; \(now) applies today")
    }

    /// Same status, and for settled instances the same instant within a minute.
    private static func settleAlike(_ recorded: SLAInstance, _ evaluated: SLAInstance) -> Bool {
        guard recorded.status == evaluated.status else { return false }
        switch (recorded.completedAt, evaluated.completedAt) {
        case (nil, nil): return true
        case (let left?, let right?): return abs(left - right) < 60
        default: return false
        }
    }

    static func targetText(_ instance: SLAInstance) -> String {
        "\(Minutes.text(instance.targetMinutes)) \(instance.businessHours ? "business min" : "min")"
    }

    /// "achieved 2026-11-17T15:30:00Z", "breached …", "active".
    static func outcome(_ instance: SLAInstance) -> String {
        guard let at = instance.completedAt else { return instance.status.rawValue }
        return "\(instance.status.rawValue) \(InstantFormat.iso(at))"
    }
}

extension SLAInstance {
    /// An instance that only carries its sort key.
    static func placeholder(_ ticketID: Int64, _ metric: String, _ instance: Int64) -> SLAInstance {
        SLAInstance(
            ticketID: ticketID, metric: metric, instance: instance, policyID: 0, policyTitle: "", targetMinutes: 0,
            businessHours: false, appliedAt: 0, status: .active, completedAt: nil)
    }
}
