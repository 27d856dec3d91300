public import ZendeskWire

/// One target of a policy: a metric's goal for one priority.
public struct SLATargetDefinition: Sendable, Equatable {
    /// `low`, `normal`, `high` or `urgent`.
    public var priority: String?
    /// `first_reply_time`, `next_reply_time`, `agent_work_time`, `requester_wait_time`,
    /// `total_resolution_time`, `periodic_update_time` or `pausable_update_time`.
    public var metric: String?
    /// Minutes.
    public var target: Double?
    /// Seconds; preferred over `target` when present.
    public var targetInSeconds: Double?
    /// Whether the target counts business minutes rather than calendar minutes.
    public var businessHours: Bool

    /// A target definition.
    public init(
        priority: String?, metric: String?, target: Double? = nil, targetInSeconds: Double? = nil,
        businessHours: Bool = false
    ) {
        self.priority = priority
        self.metric = metric
        self.target = target
        self.targetInSeconds = targetInSeconds
        self.businessHours = businessHours
    }

    /// A policy metric as the API sent it.
    public init(_ metric: SLAPolicyMetric) {
        self.init(
            priority: metric.priority, metric: metric.metric, target: metric.target,
            targetInSeconds: metric.targetInSeconds, businessHours: metric.businessHours)
    }

    /// Rule: target minutes = `target_in_seconds` / 60 when present, else `target`.
    /// `nil` when neither is a finite, non-negative number.
    public var targetMinutes: Double? {
        let minutes = targetInSeconds.map { $0 / 60 } ?? target
        guard let minutes, minutes.isFinite, minutes >= 0 else { return nil }
        return minutes
    }
}
