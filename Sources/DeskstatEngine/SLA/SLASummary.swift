import DeskstatSLA

/// Which target a count is about: policy × metric × priority.
public struct SLATargetKey: Sendable, Hashable, Comparable {
    public let policyID: Int64
    public let policyTitle: String
    /// The policy's place in the evaluation order (for sorting).
    public let policyRank: Int
    public let metric: String
    public let priority: String

    static let metricOrder = [
        "first_reply_time", "next_reply_time", "periodic_update_time", "pausable_update_time", "requester_wait_time",
        "agent_work_time", "total_resolution_time", "group_ownership_time",
    ]
    static let priorityOrder = ["urgent", "high", "normal", "low"]

    /// Policy order, then the metric order Zendesk lists, then urgent → low.
    public static func < (lhs: SLATargetKey, rhs: SLATargetKey) -> Bool {
        func rank(_ list: [String], _ value: String) -> Int { list.firstIndex(of: value) ?? list.count }
        if lhs.policyRank != rhs.policyRank { return lhs.policyRank < rhs.policyRank }
        if lhs.metric != rhs.metric {
            let (l, r) = (rank(metricOrder, lhs.metric), rank(metricOrder, rhs.metric))
            return l != r ? l < r : lhs.metric < rhs.metric
        }
        let (l, r) = (rank(priorityOrder, lhs.priority), rank(priorityOrder, rhs.priority))
        return l != r ? l < r : lhs.priority < rhs.priority
    }
}

/// Counts of target outcomes.
public struct SLACounts: Sendable, Equatable {
    public var achieved = 0
    public var breached = 0
    public var active = 0
    public var unmeasured = 0

    public init(achieved: Int = 0, breached: Int = 0, active: Int = 0, unmeasured: Int = 0) {
        self.achieved = achieved
        self.breached = breached
        self.active = active
        self.unmeasured = unmeasured
    }

    /// achieved / (achieved + breached).
    public var achievementRate: Rate { Rate(numerator: achieved, denominator: achieved + breached) }

    mutating func add(_ status: SLAStatus) {
        switch status {
        case .achieved: achieved += 1
        case .breached: breached += 1
        case .active: active += 1
        case .unmeasured: unmeasured += 1
        }
    }

    mutating func add(_ other: SLACounts) {
        achieved += other.achieved
        breached += other.breached
        active += other.active
        unmeasured += other.unmeasured
    }
}

/// SLA outcomes for one window: counts per target, totals, breaches by group, and warnings about
/// policy conditions deskstat could not evaluate.
public struct SLASummary: Sendable, Equatable {
    public var byTarget: [SLATargetKey: SLACounts] = [:]
    public var breachesByGroup: [SliceKey: Int] = [:]
    public var warnings: [String] = []

    public init() {}

    /// All targets together.
    public var totals: SLACounts {
        byTarget.values.reduce(into: SLACounts()) { $0.add($1) }
    }
}
