/// The policy applied to a ticket.
public struct SLAAppliedPolicy: Sendable, Equatable {
    public var id: Int64
    public var title: String

    /// An applied policy.
    public init(id: Int64, title: String) {
        self.id = id
        self.title = title
    }
}

/// One policy tried against a ticket, in evaluation order, with each condition's result.
public struct SLAPolicyTrial: Sendable, Equatable {
    public var policyID: Int64
    public var title: String
    /// The `all` conditions first, then the `any` conditions, each in policy order.
    public var conditions: [SLAConditionResult]
    public var matched: Bool

    /// A policy trial.
    public init(policyID: Int64, title: String, conditions: [SLAConditionResult], matched: Bool) {
        self.policyID = policyID
        self.title = title
        self.conditions = conditions
        self.matched = matched
    }
}

/// Everything the SLA evaluator decided about one ticket.
public struct SLAEvaluation: Sendable, Equatable {
    public var ticketID: Int64
    /// The applied policy; `nil` when the ticket has no priority or no policy matches.
    public var policy: SLAAppliedPolicy?
    /// Every policy tried, in order, up to and including the applied one; empty when conditions
    /// were not recorded or the ticket has no priority.
    public var conditionsByPolicy: [SLAPolicyTrial]
    /// One outcome per target of the applied policy for the ticket's priority, sorted by metric.
    public var outcomes: [SLATargetOutcome]
    /// Conditions and targets deskstat could not use, deduplicated and sorted.
    public var warnings: [String]
    /// Why the ticket has no outcomes, when it has none.
    public var noSLAReason: String?

    /// An evaluation.
    public init(
        ticketID: Int64, policy: SLAAppliedPolicy?, conditionsByPolicy: [SLAPolicyTrial],
        outcomes: [SLATargetOutcome], warnings: [String], noSLAReason: String?
    ) {
        self.ticketID = ticketID
        self.policy = policy
        self.conditionsByPolicy = conditionsByPolicy
        self.outcomes = outcomes
        self.warnings = warnings
        self.noSLAReason = noSLAReason
    }
}
