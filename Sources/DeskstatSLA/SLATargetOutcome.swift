/// The result of one SLA target for one ticket.
public struct SLATargetOutcome: Sendable, Equatable {
    /// The policy metric, e.g. `first_reply_time`.
    public var metric: String
    /// The ticket priority the target is for.
    public var priority: String
    /// The target in minutes (`target_in_seconds` / 60 when present).
    public var targetMinutes: Double
    /// Whether the target counts business minutes.
    public var businessHours: Bool
    /// The measured minutes on the target's clock, when there is a measurement.
    public var measuredMinutes: Double?
    public var status: SLAStatus
    /// The instant (epoch seconds) the outcome counts at in a report window; `nil` for active and
    /// unmeasured targets, and when the data lacks the instant.
    public var attributedAt: Int64?
    /// One short sentence, e.g. "first reply after 45 min ≤ 60 min target".
    public var reason: String

    /// An outcome.
    public init(
        metric: String, priority: String, targetMinutes: Double, businessHours: Bool,
        measuredMinutes: Double?, status: SLAStatus, attributedAt: Int64?, reason: String
    ) {
        self.metric = metric
        self.priority = priority
        self.targetMinutes = targetMinutes
        self.businessHours = businessHours
        self.measuredMinutes = measuredMinutes
        self.status = status
        self.attributedAt = attributedAt
        self.reason = reason
    }
}
