public import ZendeskWire

/// Builds SLA instances from ticket metric events, the way Zendesk's SLA engine recorded them
/// (Zendesk's Ticket Metric Events API reference; docs/metrics.md, "Recorded SLA"). Pure: the
/// same events and as-of always give the same instances.
///
/// Per (ticket, metric, instance):
/// - the target is the latest `apply_sla` / `apply_group_sla` at or before as-of (no applied
///   target: no instance);
/// - **breached** at the first breach at or before as-of that is not `deleted` (Zendesk marks a
///   breach it had scheduled as deleted when the target was met first or changed);
/// - otherwise **achieved** at the latest fulfil at or before as-of, unless the metric was
///   activated again after it (a reopened ticket's requester wait runs again);
/// - otherwise **active**, with the scheduled breach: the first breach event after as-of that is
///   not deleted, or was deleted because the clock stopped (fulfil or pause) after as-of; else —
///   for a running calendar target — the last activation plus what is left of the target (the
///   clock counts only between activate and pause/fulfil).
///
/// Events after as-of are ignored, except to find the scheduled breach of active instances.
public enum RecordedSLA {
    /// The instances of `events` (any tickets, any order) as of `asOf`, sorted by ticket, metric
    /// (Zendesk's order) and instance.
    public static func instances(_ events: [TicketMetricEvent], asOf: Int64) -> [SLAInstance] {
        var streams: [StreamKey: [TicketMetricEvent]] = [:]
        for event in events {
            guard let ticket = event.ticketID, let metric = event.metric, let time = event.time, time >= 0 else {
                continue
            }
            streams[StreamKey(ticket: ticket, metric: metric, instance: event.instanceID ?? 0), default: []].append(
                event)
        }
        var instances: [SLAInstance] = []
        for (key, stream) in streams {
            if let instance = instance(key, stream, asOf: asOf) { instances.append(instance) }
        }
        return instances.sorted(by: order)
    }

    /// Zendesk's metric order, then the instance.
    static let metricOrder = [
        "first_reply_time", "next_reply_time", "periodic_update_time", "pausable_update_time", "requester_wait_time",
        "agent_work_time", "total_resolution_time", "group_ownership_time",
    ]

    static func order(_ lhs: SLAInstance, _ rhs: SLAInstance) -> Bool {
        if lhs.ticketID != rhs.ticketID { return lhs.ticketID < rhs.ticketID }
        if lhs.metric != rhs.metric {
            let left = metricOrder.firstIndex(of: lhs.metric) ?? metricOrder.count
            let right = metricOrder.firstIndex(of: rhs.metric) ?? metricOrder.count
            return left != right ? left < right : lhs.metric < rhs.metric
        }
        return lhs.instance < rhs.instance
    }

    struct StreamKey: Hashable {
        var ticket: Int64
        var metric: String
        var instance: Int64
    }

    /// One (ticket, metric, instance) stream's outcome.
    static func instance(_ key: StreamKey, _ unsorted: [TicketMetricEvent], asOf: Int64) -> SLAInstance? {
        let stream = unsorted.sorted { ($0.time ?? 0, $0.id) < ($1.time ?? 0, $1.id) }
        var applied: (event: TicketMetricEvent, target: MetricEventTarget, minutes: Double)?
        var running = false
        var runningSince: Int64 = 0
        var counted: Int64 = 0
        var fulfilledAt: Int64?
        var firstBreach: Int64?
        var laterBreaches: [(time: Int64, deleted: Bool)] = []
        var laterStops: [Int64] = []
        var elapsed: Clocked?
        for event in stream {
            let time = event.time ?? 0
            if time > asOf {
                if event.type == "breach" { laterBreaches.append((time, event.deleted == true)) }
                if event.type == "fulfill" || event.type == "pause" { laterStops.append(time) }
                continue
            }
            switch event.type {
            case "apply_sla", "apply_group_sla":
                if let target = event.appliedTarget, let minutes = target.minutes, minutes >= 0 {
                    applied = (event, target, minutes)
                }
            case "activate":
                if !running {
                    running = true
                    runningSince = time
                }
                fulfilledAt = nil
            case "pause":
                if running {
                    counted += time - runningSince
                    running = false
                }
            case "fulfill":
                if running {
                    counted += time - runningSince
                    running = false
                }
                fulfilledAt = time
            case "breach":
                if event.deleted != true, firstBreach == nil { firstBreach = time }
            case "update_status":
                if let status = event.status { elapsed = Clocked(status) }
            default:
                break
            }
        }
        guard let applied else { return nil }
        let status: SLAStatus
        var completedAt: Int64?
        var scheduled: Int64?
        if let firstBreach {
            status = .breached
            completedAt = firstBreach
        } else if let fulfilledAt {
            status = .achieved
            completedAt = fulfilledAt
        } else {
            status = .active
            // A breach Zendesk scheduled: one that stands, or one deleted because the clock
            // stopped after as-of (as of as-of it was still due).
            let due = laterBreaches.first { breach in
                !breach.deleted || laterStops.contains { $0 <= breach.time }
            }
            if let due {
                scheduled = due.time
            } else if running, !applied.target.businessHours {
                scheduled = runningSince + (Int64((applied.minutes * 60).rounded()) - counted)
            }
        }
        return SLAInstance(
            ticketID: key.ticket, metric: SLAInstance.slaMetric(eventMetric: key.metric, instance: key.instance),
            instance: key.instance, policyID: applied.target.policyID ?? 0,
            policyTitle: applied.target.policyTitle ?? "", isGroupPolicy: applied.target.isGroupPolicy,
            targetMinutes: applied.minutes, businessHours: applied.target.businessHours,
            appliedAt: applied.event.time ?? 0, status: status, completedAt: completedAt, scheduledBreachAt: scheduled,
            elapsed: elapsed)
    }
}
