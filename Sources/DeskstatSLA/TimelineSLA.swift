public import DeskstatTime
public import DeskstatTimeline

/// One policy target to evaluate from a ticket's timeline: the metric, the target and its clock.
public struct TimelineTarget: Sendable, Equatable {
    /// The policy metric, e.g. `next_reply_time`.
    public var metric: String
    public var minutes: Double
    public var businessHours: Bool

    /// A target.
    public init(metric: String, minutes: Double, businessHours: Bool) {
        self.metric = metric
        self.minutes = minutes
        self.businessHours = businessHours
    }
}

/// Evaluated SLA instances from a ticket's timeline (docs/metrics.md, "Evaluated SLA from the
/// timeline"): what Zendesk's SLA engine would have recorded for the applied policy's targets,
/// replayed from status intervals, comments (with their author's role) and solves. Pure: the same
/// timeline, targets, schedule and as-of always give the same instances.
///
/// Each metric is a list of **cycles** (one per instance). A cycle starts, its clock runs during
/// some spans, and it may be fulfilled:
/// - `first_reply_time` (reply instance 1): from creation, always running, fulfilled by the first
///   public agent comment that did not open the ticket, or by the first solve;
/// - `next_reply_time` (reply instances 2, 3, …): after the first reply, each public end-user
///   comment that starts a wait (none running) starts one; always running; fulfilled by the next
///   public agent comment or a solve, whichever comes first;
/// - `periodic_update_time` (instances 1, 2, …): each public agent comment made while the ticket is
///   unsolved starts one; always running; fulfilled by the next public agent comment or a solve;
/// - `pausable_update_time`: the same cycles, but the clock runs only while the status is new,
///   open or on-hold (paused while pending);
/// - `requester_wait_time` (instance 1): from creation, running while new, open or on-hold;
/// - `agent_work_time` (instance 1): from creation, running while new or open;
/// - `total_resolution_time` (instance 1): from creation, running while unsolved (new, open,
///   pending, on-hold);
///
/// the last three are fulfilled by the ticket's final solve (solved or closed at as-of).
///
/// A cycle's outcome as of as-of: **breached** once its clock (calendar seconds, or business
/// seconds on `schedule`) exceeds the target, at the instant the clock reached the target; else
/// **achieved** at its fulfilment; else **active**, due (scheduled breach) when what is left of
/// the target has run out if the clock is running at as-of, and with no due instant while paused.
/// Cycles that start after as-of make no instance; comments and changes after as-of are ignored.
public enum TimelineSLA {
    /// The statuses each status-clocked metric counts.
    static let runningStatuses: [String: Set<String>] = [
        "requester_wait_time": ["new", "open", "hold"],
        "agent_work_time": ["new", "open"],
        "total_resolution_time": ["new", "open", "pending", "hold"],
        "pausable_update_time": ["new", "open", "hold"],
    ]

    /// The instances of `targets` (the applied policy's targets for the ticket's priority) on
    /// `timeline` as of `asOf`, in Zendesk's metric order, then by instance. A target whose metric
    /// deskstat does not know makes no instance.
    public static func instances(
        _ timeline: TicketTimeline, policy: SLAAppliedPolicy, targets: [TimelineTarget], schedule: BusinessSchedule,
        asOf: Int64
    ) -> [SLAInstance] {
        guard let created = timeline.createdAt, created <= asOf else { return [] }
        var result: [SLAInstance] = []
        for target in targets {
            for cycle in cycles(of: target.metric, timeline, created: created, asOf: asOf) where cycle.start <= asOf {
                result.append(
                    judge(cycle, timeline: timeline, policy: policy, target: target, schedule: schedule, asOf: asOf))
            }
        }
        return result.sorted(by: RecordedSLA.order)
    }

    /// One instance's clock: where it starts, when it is fulfilled (if ever), and which statuses
    /// it runs in (`nil`: always).
    struct Cycle {
        var metric: String
        var instance: Int64
        var start: Int64
        var fulfilledAt: Int64?
        var statuses: Set<String>?
    }

    static func cycles(of metric: String, _ timeline: TicketTimeline, created: Int64, asOf: Int64) -> [Cycle] {
        let comments = timeline.comments.filter { $0.isPublic && $0.createdAt <= asOf }
        let solves = timeline.solves.filter { $0 <= asOf }
        func firstSolve(after instant: Int64) -> Int64? { solves.first { $0 > instant } }
        switch metric {
        case "first_reply_time":
            let opening = timeline.comments.first?.id
            let reply = comments.first { $0.role == .agent && $0.id != opening }?.createdAt
            let solve = solves.first { $0 >= created }
            let fulfilled = [reply, solve].compactMap { $0 }.min()
            return [Cycle(metric: metric, instance: 1, start: created, fulfilledAt: fulfilled, statuses: nil)]
        case "next_reply_time":
            return nextReplyCycles(timeline, comments: comments, firstSolve: firstSolve)
        case "periodic_update_time", "pausable_update_time":
            let agentComments = comments.filter { $0.role == .agent }
            var cycles: [Cycle] = []
            for (position, comment) in agentComments.enumerated() where timeline.isUnsolved(at: comment.createdAt) {
                let next = agentComments[(position + 1)...].first { $0.createdAt > comment.createdAt }?.createdAt
                let fulfilled = [next, firstSolve(after: comment.createdAt)].compactMap { $0 }.min()
                cycles.append(
                    Cycle(
                        metric: metric, instance: Int64(cycles.count + 1), start: comment.createdAt,
                        fulfilledAt: fulfilled, statuses: runningStatuses[metric]))
            }
            return cycles
        case "requester_wait_time", "agent_work_time", "total_resolution_time":
            return [
                Cycle(
                    metric: metric, instance: 1, start: created,
                    fulfilledAt: HistoryKPIs.finalSolve(timeline, asOf: asOf), statuses: runningStatuses[metric])
            ]
        default:
            return []
        }
    }

    /// Next reply cycles: after the first reply, a public end-user comment with no wait running
    /// starts a wait; the next public agent comment or solve ends it.
    private static func nextReplyCycles(
        _ timeline: TicketTimeline, comments: [TimelineComment], firstSolve: (Int64) -> Int64?
    ) -> [Cycle] {
        let opening = timeline.comments.first?.id
        guard let firstReply = comments.firstIndex(where: { $0.role == .agent && $0.id != opening }) else { return [] }
        var cycles: [Cycle] = []
        var waitingSince: Int64?
        func close(at instant: Int64?) {
            guard let start = waitingSince else { return }
            let fulfilled = [instant, firstSolve(start)].compactMap { $0 }.min()
            cycles.append(
                Cycle(
                    metric: "next_reply_time", instance: Int64(cycles.count + 2), start: start, fulfilledAt: fulfilled,
                    statuses: nil))
            waitingSince = nil
        }
        for comment in comments[(firstReply + 1)...] {
            switch comment.role {
            case .endUser:
                // A solve since the wait started ended it; this comment starts a new one.
                if let start = waitingSince, let solve = firstSolve(start), solve <= comment.createdAt {
                    close(at: solve)
                }
                if waitingSince == nil { waitingSince = comment.createdAt }
            case .agent:
                close(at: comment.createdAt)
            case .unknown:
                continue
            }
        }
        close(at: nil)
        return cycles
    }

    /// The clock's running spans of a cycle, up to `end`: `[from, to)`; `to` is `end` when the
    /// clock was still running then.
    static func spans(_ cycle: Cycle, timeline: TicketTimeline, end: Int64) -> [(from: Int64, to: Int64)] {
        guard end > cycle.start else { return [] }
        guard let statuses = cycle.statuses else { return [(cycle.start, end)] }
        var spans: [(from: Int64, to: Int64)] = []
        for interval in timeline.status {
            guard let value = interval.value, statuses.contains(value),
                let overlap = interval.overlap(from: cycle.start, to: end)
            else { continue }
            spans.append(overlap)
        }
        return spans
    }

    static func judge(
        _ cycle: Cycle, timeline: TicketTimeline, policy: SLAAppliedPolicy, target: TimelineTarget,
        schedule: BusinessSchedule, asOf: Int64
    ) -> SLAInstance {
        let targetSeconds = Int64((target.minutes * 60).rounded())
        let fulfilled = cycle.fulfilledAt.flatMap { $0 <= asOf ? $0 : nil }
        let end = fulfilled ?? asOf
        var counted: Int64 = 0
        var calendar: Int64 = 0
        var business: Int64 = 0
        var reachedAt: Int64?
        for span in spans(cycle, timeline: timeline, end: end) {
            let businessLength = schedule.businessSeconds(from: span.from, to: span.to)
            let length = target.businessHours ? businessLength : span.to - span.from
            if reachedAt == nil, counted + length > targetSeconds {
                let left = targetSeconds - counted
                reachedAt =
                    target.businessHours
                    ? schedule.instant(afterBusinessSeconds: left, from: span.from) : span.from + left
            }
            counted += length
            calendar += span.to - span.from
            business += businessLength
        }
        // An unfulfilled clock runs at as-of unless its metric pauses in the status the ticket has then.
        let running =
            fulfilled == nil
            && (cycle.statuses.map { statuses in timeline.status(at: asOf).map(statuses.contains) ?? false } ?? true)
        let status: SLAStatus
        var completedAt: Int64?
        var scheduled: Int64?
        if counted > targetSeconds {
            status = .breached
            completedAt = reachedAt
        } else if let fulfilled {
            status = .achieved
            completedAt = fulfilled
        } else {
            status = .active
            if running {
                let left = targetSeconds - counted
                scheduled =
                    target.businessHours ? schedule.instant(afterBusinessSeconds: left, from: asOf) : asOf + left
            }
        }
        return SLAInstance(
            ticketID: timeline.ticketID, metric: cycle.metric, instance: cycle.instance, policyID: policy.id,
            policyTitle: policy.title, targetMinutes: target.minutes, businessHours: target.businessHours,
            appliedAt: cycle.start, status: status, completedAt: completedAt, scheduledBreachAt: scheduled,
            elapsed: Clocked(calendar: Double(calendar) / 60, business: Double(business) / 60))
    }
}
