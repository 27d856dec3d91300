/// A generated ticket's metric events (`ticket_metric_events-NNNN.json`), as Zendesk's SLA engine
/// would write them for its story: the policy that matched the ticket when it was created
/// (`SLAPolicies.policyIndex`) applies a target to every metric instance, and each clock runs,
/// pauses and is fulfilled with the story's status changes and replies.
///
/// - reply_time 1 (first reply): created → first public agent reply, or the first solve.
/// - reply_time 2, 3, …: each requester comment after an agent reply → the next public agent
///   reply (or a solve).
/// - requester_wait_time runs in new, open and hold; agent_work_time in new and open; both pause
///   in the other unsolved statuses and are fulfilled at a solve, a paused one too (activated
///   again by a reopen).
/// - resolution_time runs from creation until each solve, again after a reopen.
///
/// Every activation schedules a breach at the instant the remaining target runs out (business
/// targets on the account's schedule); Zendesk writes it ahead of time and marks it `deleted` when
/// the clock stops first. Nothing after the story's end is written except those scheduled breaches.
struct MetricEvents {
    struct Event {
        var metric: StaticString
        /// The metric's index in `SLAPolicies.metrics` (first and next reply apart).
        var metricIndex: Int
        var instance: Int
        var type: StaticString
        var time: Int64
        var deleted: Bool?
        var applies: Bool = false
        var status: (calendar: Int64, business: Int64)?
    }

    let policy: Int
    let priority: TicketPriority
    let created: Int64
    let end: Int64
    let schedule: BusinessCalendar
    private(set) var events: [Event] = []

    /// The events of a generated ticket; empty for deleted tickets and tickets without an SLA.
    static func of(_ record: FinishedTicket, schedule: BusinessCalendar) -> MetricEvents? {
        let draft = record.draft
        guard !record.isDeleted, let priority = draft.priority,
            let policy = SLAPolicies.policyIndex(
                vip: draft.isVIP, group: draft.routedGroup, type: draft.type, priority: priority)
        else { return nil }
        var events = MetricEvents(
            policy: policy, priority: priority, created: draft.created, end: record.story.asOf, schedule: schedule)
        events.build(record.story.log)
        events.events = events.events.enumerated().sorted {
            ($0.element.time, $0.offset) < ($1.element.time, $1.offset)
        }
        .map(\.element)
        return events
    }

    private mutating func build(_ log: [StoryMark]) {
        replies(log)
        statusClock(log, metric: "requester_wait_time", metricIndex: 2) { [.new, .open, .hold].contains($0) }
        statusClock(log, metric: "agent_work_time", metricIndex: 3) { [.new, .open].contains($0) }
        statusClock(log, metric: "resolution_time", metricIndex: 4) { ![.solved, .closed].contains($0) }
    }

    /// First and next reply instances.
    private mutating func replies(_ log: [StoryMark]) {
        var open: (instance: Int, start: Int64)? = (1, created)
        var next = 2
        var replied = false
        for mark in log {
            switch mark {
            case .agentReply(let time):
                if let running = open {
                    clock(
                        "reply_time", running.instance, metricIndex: running.instance == 1 ? 0 : 1,
                        [Run(start: running.start, stop: time, fulfils: true)])
                }
                open = nil
                replied = true
            case .requesterComment(let time):
                if open == nil, replied {
                    open = (next, time)
                    next += 1
                }
            case .status(let time, let status):
                if status == .solved || status == .closed, let running = open {
                    clock(
                        "reply_time", running.instance, metricIndex: running.instance == 1 ? 0 : 1,
                        [Run(start: running.start, stop: time, fulfils: true)])
                    open = nil
                }
            case .assigned, .agentUpdate, .escalated, .ticketOnly:
                continue
            }
        }
        if let running = open {
            clock(
                "reply_time", running.instance, metricIndex: running.instance == 1 ? 0 : 1,
                [Run(start: running.start, stop: nil, fulfils: false)])
        }
    }

    /// A clock that runs while `running(status)`, is fulfilled at a solve and runs again after.
    /// A solve while the clock is paused (pending, say) fulfils it too, as Zendesk does.
    private mutating func statusClock(
        _ log: [StoryMark], metric: StaticString, metricIndex: Int, running: (StoryStatus) -> Bool
    ) {
        var runs: [Run] = []
        var since: Int64? = created
        for mark in log {
            guard case .status(let time, let status) = mark else { continue }
            let solved = status == .solved || status == .closed
            if let start = since, !running(status) {
                runs.append(Run(start: start, stop: time, fulfils: solved))
                since = nil
            } else if since == nil, running(status) {
                since = time
            } else if since == nil, solved, let last = runs.indices.last, !runs[last].isFulfilled {
                runs[last].fulfilledAfterPause = time
            }
        }
        if let start = since { runs.append(Run(start: start, stop: nil, fulfils: false)) }
        clock(metric, 1, metricIndex: metricIndex, runs)
    }

    /// One stretch of a clock running: from `start` to `stop` (nil: still running), ending in a
    /// fulfil or a pause — and a paused clock can be fulfilled later by a solve.
    struct Run {
        var start: Int64
        var stop: Int64?
        var fulfils: Bool
        var fulfilledAfterPause: Int64?

        /// Whether the run ended in a fulfil, at its stop or later by a solve while paused.
        var isFulfilled: Bool { fulfils || fulfilledAfterPause != nil }
    }

    /// One instance: applied at its first activation; each run activates, schedules its breach and
    /// ends in a pause or a fulfil; the first breach that is not headed off ends the scheduling.
    private mutating func clock(
        _ metric: StaticString, _ instance: Int, metricIndex: Int, _ runs: [Run]
    ) {
        guard let first = runs.first, first.start <= end else { return }
        let target = SLAPolicies.target(policy, metric: metricIndex, priority: priority)
        var remaining = target.minutes * 60
        events.append(
            Event(
                metric: metric, metricIndex: metricIndex, instance: instance, type: "apply_sla", time: first.start,
                applies: true))
        var breached = false
        var calendar: Int64 = 0
        var business: Int64 = 0
        for run in runs where run.start <= end {
            events.append(
                Event(metric: metric, metricIndex: metricIndex, instance: instance, type: "activate", time: run.start))
            let stop = run.stop.map { min($0, end) }
            if !breached {
                let due =
                    target.business
                    ? schedule.advance(from: run.start, by: remaining) : run.start + remaining
                let headedOff = run.stop.map { $0 <= due && $0 <= end } ?? false
                events.append(
                    Event(
                        metric: metric, metricIndex: metricIndex, instance: instance, type: "breach", time: due,
                        deleted: headedOff))
                breached = !headedOff
                if headedOff, let stop {
                    remaining -=
                        target.business ? schedule.seconds(from: run.start, to: stop) : stop - run.start
                }
            }
            guard let stop, let runStop = run.stop, runStop <= end else { break }
            calendar += stop - run.start
            business += schedule.seconds(from: run.start, to: stop)
            events.append(
                Event(
                    metric: metric, metricIndex: metricIndex, instance: instance,
                    type: run.fulfils ? "fulfill" : "pause", time: stop))
            let fulfilledAt = run.fulfils ? stop : run.fulfilledAfterPause.flatMap { $0 <= end ? $0 : nil }
            if let fulfilledAt {
                if !run.fulfils {
                    events.append(
                        Event(
                            metric: metric, metricIndex: metricIndex, instance: instance, type: "fulfill",
                            time: fulfilledAt))
                }
                events.append(
                    Event(
                        metric: metric, metricIndex: metricIndex, instance: instance, type: "update_status",
                        time: fulfilledAt, status: (calendar / 60, business / 60)))
            }
        }
    }

    /// Writes the events (ids `base + n`) into a `ticket_metric_events` array.
    func write(ticketID: Int64, base: Int64, into writer: inout JSONByteWriter) {
        let identity = SLAPolicies.identity(policy)
        for (index, event) in events.enumerated() {
            writer.beginRecord()
            writer.key("id")
            writer.int(base + Int64(index))
            writer.key("ticket_id")
            writer.int(ticketID)
            writer.key("metric")
            writer.string(event.metric)
            writer.key("instance_id")
            writer.int(event.instance)
            writer.key("type")
            writer.string(event.type)
            writer.key("time")
            writer.timestamp(event.time)
            if let deleted = event.deleted {
                writer.key("deleted")
                writer.bool(deleted)
            }
            if event.applies {
                let target = SLAPolicies.target(policy, metric: event.metricIndex, priority: priority)
                writer.key("sla")
                writer.beginObject()
                writer.key("target")
                writer.int(target.minutes)
                writer.key("target_in_seconds")
                writer.int(target.minutes * 60)
                writer.key("business_hours")
                writer.bool(target.business)
                writer.key("policy")
                writer.beginObject()
                writer.key("id")
                writer.int(identity.id)
                writer.key("title")
                writer.string(identity.title)
                writer.key("description")
                writer.null()
                writer.endObject()
                writer.endObject()
            }
            if let status = event.status {
                writer.key("status")
                writer.beginObject()
                writer.key("calendar")
                writer.int(status.calendar)
                writer.key("business")
                writer.int(status.business)
                writer.endObject()
            }
            writer.endObject()
        }
    }
}
