/// The metric set, audits and metric events that follow from a ticket's timeline.
extension GeneratedTickets {
    /// Durations in whole minutes; business time equals calendar time (the schedule is 24/7).
    static func metricSet(ticket: FakeTicket, timeline: TicketTimeline) -> FakeTicketMetric {
        let minutes: (Int64?) -> FakeMinutes = { end in end.map { .minutes(($0 - timeline.created) / 60) } ?? .pending }
        return FakeTicketMetric(
            id: 3_500_000 + ticket.id, ticketID: ticket.id, createdAt: timeline.created, updatedAt: ticket.updatedAt,
            assigneeStations: timeline.assigned == nil ? 0 : 1, replies: timeline.firstReply == nil ? 0 : 1,
            assigneeUpdatedAt: timeline.firstReply, requesterUpdatedAt: timeline.created,
            statusUpdatedAt: ticket.updatedAt, initiallyAssignedAt: timeline.assigned, assignedAt: timeline.assigned,
            solvedAt: timeline.solved, latestCommentAddedAt: timeline.firstReply ?? timeline.created,
            customStatusUpdatedAt: ticket.updatedAt, replyTime: minutes(timeline.firstReply),
            firstResolutionTime: minutes(timeline.solved), fullResolutionTime: minutes(timeline.solved),
            agentWaitTime: .zero, requesterWaitTime: timeline.solved == nil ? .pending : minutes(timeline.solved))
    }

    /// Creation (with the requester's comment), assignment, first reply, solve and close.
    static func audits(ticket: FakeTicket, timeline: TicketTimeline) -> [FakeAudit] {
        var builder = AuditBuilder(ticket: ticket)
        builder.add(at: timeline.created, author: ticket.requesterID, via: ticket.viaChannel) { next in
            [
                .comment(id: next(), authorID: ticket.requesterID, body: ticket.description),
                .create(id: next(), field: "subject", value: .string(ticket.subject)),
                .create(id: next(), field: "status", value: "new"),
                .create(id: next(), field: "priority", value: .maybe(ticket.priority)),
                .create(id: next(), field: "group_id", value: .string(String(ticket.groupID ?? 0))),
            ]
        }
        let agent = ticket.assigneeID ?? -1
        if let assigned = timeline.assigned {
            builder.add(at: assigned, author: agent) { next in
                [
                    .change(id: next(), field: "assignee_id", value: .string(String(agent)), previous: nil),
                    .change(id: next(), field: "status", value: "open", previous: "new"),
                ]
            }
        }
        if let reply = timeline.firstReply {
            builder.add(at: reply, author: agent) { next in
                [.comment(id: next(), authorID: agent, body: "Thanks for writing in, we're on it.")]
            }
        }
        if let waiting = timeline.waiting {
            builder.add(at: waiting, author: agent) { next in
                [.change(id: next(), field: "status", value: .string(ticket.status), previous: "open")]
            }
        }
        if let solved = timeline.solved {
            builder.add(at: solved, author: agent) { next in
                [.change(id: next(), field: "status", value: "solved", previous: "open")]
            }
        }
        if let closed = timeline.closed {
            builder.add(at: closed, author: -1, via: "rule") { next in
                [.change(id: next(), field: "status", value: "closed", previous: "solved")]
            }
        }
        return builder.audits
    }

    /// SLA applied and reply/requester-wait metrics activated at creation; fulfilled on reply and solve.
    static func metricEvents(ticket: FakeTicket, timeline: TicketTimeline) -> [FakeTicketMetricEvent] {
        let vip = ticket.tags.contains("vip")
        let policy: FakeJSON = [
            "id": vip ? 8102 : 8101, "title": vip ? "VIP customers" : "Standard support", "description": nil,
        ]
        let target: Int64 = vip ? 60 : 480
        var events: [(String, String, Int64, FakeJSONObject)] = [
            (
                "reply_time", "apply_sla", timeline.created,
                ["sla": ["target": .int(target), "business_hours": false, "policy": policy]]
            ),
            ("reply_time", "activate", timeline.created, [:]),
            ("requester_wait_time", "activate", timeline.created, [:]),
        ]
        if let reply = timeline.firstReply { events.append(("reply_time", "fulfill", reply, [:])) }
        if let solved = timeline.solved { events.append(("requester_wait_time", "fulfill", solved, [:])) }
        return events.enumerated().map { index, event in
            FakeTicketMetricEvent(
                id: 6_000_000 + ticket.id * 10 + Int64(index), ticketID: ticket.id, metric: event.0, type: event.1,
                time: event.2, extra: event.3)
        }
    }
}

/// Numbers a ticket's audits and events: audit ids 700000000 + ticket·10 + n, event ids
/// 800000000 + ticket·100 + n.
struct AuditBuilder {
    let ticket: FakeTicket
    var audits: [FakeAudit] = []
    var eventCount: Int64 = 0

    mutating func add(
        at time: Int64, author: Int64, via: String = "web", events: (() -> Int64) -> [FakeAuditEvent]
    ) {
        var count = eventCount
        let base = 800_000_000 + ticket.id * 100
        let made = events {
            count += 1
            return base + count
        }
        eventCount = count
        let id = 700_000_000 + ticket.id * 10 + Int64(audits.count)
        audits.append(
            FakeAudit(id: id, ticketID: ticket.id, createdAt: time, authorID: author, viaChannel: via, events: made))
    }
}
