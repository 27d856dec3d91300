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
            var targets: [MetricEventTarget] = []
            var statuses: [Duration] = []
            let compact = stream.map { event in
                Event(event, targets: &targets, statuses: &statuses)
            }.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
            let built = compact.withUnsafeBufferPointer { buffer in
                instance(
                    ticket: key.ticket, metric: key.metric, instance: key.instance, stream: buffer, targets: targets,
                    statuses: statuses, asOf: asOf)
            }
            if let built { instances.append(built) }
        }
        return instances.sorted(by: order)
    }

    /// Zendesk's metric order, then the instance.
    static let metricOrder = [
        "first_reply_time", "next_reply_time", "periodic_update_time", "pausable_update_time", "requester_wait_time",
        "agent_work_time", "total_resolution_time", "group_ownership_time",
    ]

    public static func order(_ lhs: SLAInstance, _ rhs: SLAInstance) -> Bool {
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

    /// What the instance builder reads of one metric event: compact, so a report can hold the
    /// events of a million tickets without a string or an optional per event.
    public struct Event: Sendable, Equatable {
        public enum Kind: UInt8, Sendable {
            case apply, activate, pause, fulfill, breach, updateStatus, other

            /// The kind of a metric event `type` (`apply_sla` and `apply_group_sla` are both `apply`).
            public init(type: String?) {
                switch type {
                case "apply_sla", "apply_group_sla": self = .apply
                case "activate": self = .activate
                case "pause": self = .pause
                case "fulfill": self = .fulfill
                case "breach": self = .breach
                case "update_status": self = .updateStatus
                default: self = .other
                }
            }
        }

        public var id: Int64
        /// Epoch seconds (0 or later).
        public var time: Int64
        public var kind: Kind
        /// `deleted` is true.
        public var deleted: Bool
        /// `apply`: the index of its target in the stream's target list; `updateStatus`: of its
        /// status in the status list; -1 for none.
        public var payload: Int32

        public init(id: Int64, time: Int64, kind: Kind, deleted: Bool, payload: Int32 = -1) {
            self.id = id
            self.time = time
            self.kind = kind
            self.deleted = deleted
            self.payload = payload
        }

        /// `event` (with a time), its target or status appended to `targets` or `statuses`.
        init(_ event: TicketMetricEvent, targets: inout [MetricEventTarget], statuses: inout [Duration]) {
            let kind = Kind(type: event.type)
            var payload: Int32 = -1
            if kind == .apply, let target = event.appliedTarget {
                payload = Int32(targets.count)
                targets.append(target)
            } else if kind == .updateStatus, let status = event.status {
                payload = Int32(statuses.count)
                statuses.append(status)
            }
            self.init(id: event.id, time: event.time ?? 0, kind: kind, deleted: event.deleted == true, payload: payload)
        }
    }

    /// One (ticket, metric, instance) stream's outcome as of `asOf`: `stream` holds the stream's
    /// events with a time of 0 or later, sorted by time then id; `metric` is the event metric
    /// (`reply_time`, …). `nil` when no target was applied by as-of.
    public static func instance(
        ticket: Int64, metric: String, instance: Int64, stream: UnsafeBufferPointer<Event>,
        targets: [MetricEventTarget], statuses: [Duration], asOf: Int64
    ) -> SLAInstance? {
        var applied: (time: Int64, target: MetricEventTarget, minutes: Double)?
        var running = false
        var runningSince: Int64 = 0
        var counted: Int64 = 0
        var fulfilledAt: Int64?
        var firstBreach: Int64?
        var laterBreaches: [(time: Int64, deleted: Bool)] = []
        var laterStops: [Int64] = []
        var elapsed: Clocked?
        for event in stream {
            let time = event.time
            if time > asOf {
                if event.kind == .breach { laterBreaches.append((time, event.deleted)) }
                if event.kind == .fulfill || event.kind == .pause { laterStops.append(time) }
                continue
            }
            switch event.kind {
            case .apply:
                if event.payload >= 0, let minutes = targets[Int(event.payload)].minutes, minutes >= 0 {
                    applied = (time, targets[Int(event.payload)], minutes)
                }
            case .activate:
                if !running {
                    running = true
                    runningSince = time
                }
                fulfilledAt = nil
            case .pause:
                if running {
                    counted += time - runningSince
                    running = false
                }
            case .fulfill:
                if running {
                    counted += time - runningSince
                    running = false
                }
                fulfilledAt = time
            case .breach:
                if !event.deleted, firstBreach == nil { firstBreach = time }
            case .updateStatus:
                if event.payload >= 0 { elapsed = Clocked(statuses[Int(event.payload)]) }
            case .other:
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
            ticketID: ticket, metric: SLAInstance.slaMetric(eventMetric: metric, instance: instance),
            instance: instance, policyID: applied.target.policyID ?? 0, policyTitle: applied.target.policyTitle ?? "",
            isGroupPolicy: applied.target.isGroupPolicy, targetMinutes: applied.minutes,
            businessHours: applied.target.businessHours, appliedAt: applied.time, status: status,
            completedAt: completedAt, scheduledBreachAt: scheduled, elapsed: elapsed)
    }
}
