public import ZendeskWire

/// One SLA target as Zendesk's SLA engine recorded it in ticket metric events: one per
/// (ticket, metric, instance) that had a target applied (`apply_sla` or `apply_group_sla`).
///
/// A ticket with five next replies has five `next_reply_time` instances, as in Explore's SLA
/// dataset. See docs/metrics.md, "Recorded SLA".
public struct SLAInstance: Sendable, Equatable {
    public var ticketID: Int64
    /// The SLA metric: `first_reply_time` (reply_time instance 1), `next_reply_time` (reply_time
    /// instance 2 and later), `total_resolution_time` (resolution_time), `group_ownership_time`,
    /// or the event's metric name for the others.
    public var metric: String
    /// Zendesk's `instance_id`.
    public var instance: Int64
    /// The policy the target was applied by, as it was at the time (id 0 and an empty title when
    /// the event did not name one).
    public var policyID: Int64
    public var policyTitle: String
    /// Applied by a group SLA policy.
    public var isGroupPolicy: Bool
    /// The target in minutes (`target_in_seconds` / 60 when present).
    public var targetMinutes: Double
    public var businessHours: Bool
    /// When the (latest, at or before as-of) target was applied.
    public var appliedAt: Int64
    /// Achieved, breached or active as of as-of (never unmeasured: Zendesk measured it).
    public var status: SLAStatus
    /// Achieved: the fulfil; breached: the breach; active: `nil`. The instant the instance counts
    /// at in a report window.
    public var completedAt: Int64?
    /// Active only: when the target will breach if nothing happens — Zendesk's scheduled breach
    /// event, or for a running calendar target the activation plus the target minus the time
    /// already counted. `nil` while paused, and for a business-hours target without a breach event.
    public var scheduledBreachAt: Int64?
    /// Minutes the metric was open, from the last `update_status` at or before as-of.
    public var elapsed: Clocked?

    public init(
        ticketID: Int64, metric: String, instance: Int64, policyID: Int64, policyTitle: String,
        isGroupPolicy: Bool = false, targetMinutes: Double, businessHours: Bool, appliedAt: Int64, status: SLAStatus,
        completedAt: Int64?, scheduledBreachAt: Int64? = nil, elapsed: Clocked? = nil
    ) {
        self.ticketID = ticketID
        self.metric = metric
        self.instance = instance
        self.policyID = policyID
        self.policyTitle = policyTitle
        self.isGroupPolicy = isGroupPolicy
        self.targetMinutes = targetMinutes
        self.businessHours = businessHours
        self.appliedAt = appliedAt
        self.status = status
        self.completedAt = completedAt
        self.scheduledBreachAt = scheduledBreachAt
        self.elapsed = elapsed
    }

    /// The SLA metric name of a metric event's `metric` and `instance_id`.
    public static func slaMetric(eventMetric: String, instance: Int64) -> String {
        switch eventMetric {
        case "reply_time": instance <= 1 ? "first_reply_time" : "next_reply_time"
        case "resolution_time": "total_resolution_time"
        default: eventMetric
        }
    }
}
