public import DeskstatReport

/// The KPIs deskstat computes. Each is defined here once (the one-line definition shown by
/// `deskstat kpi --list`) and in full in `docs/metrics.md`.
public enum KPI: String, Sendable, CaseIterable, Codable {
    case created, solved, backlog
    case firstReplyTime = "first_reply_time"
    case firstResolutionTime = "first_resolution_time"
    case fullResolutionTime = "full_resolution_time"
    case requesterWaitTime = "requester_wait_time"
    case agentWaitTime = "agent_wait_time"
    case onHoldTime = "on_hold_time"
    case agentWorkTime = "agent_work_time"
    case reopenRate = "reopen_rate"
    case oneTouchRate = "one_touch_rate"
    case csat
    case csatResponseRate = "csat_response_rate"
    case sla
    // The KPIs only a ticket's history gives (docs/metrics.md § history KPIs).
    case reopenEvents = "reopen_events"
    case replyTime = "reply_time"
    case nextReplyTime = "next_reply_time"
    case agentReplies = "agent_replies"
    case timeInNew = "time_in_new"
    case timeInOpen = "time_in_open"
    case timeInPending = "time_in_pending"
    case timeInHold = "time_in_hold"

    /// How the KPI's value is shaped.
    public enum Kind: Sendable { case count, duration, rate, slaCounts }

    public var kind: Kind {
        switch self {
        case .created, .solved, .backlog, .reopenEvents: .count
        case .reopenRate, .oneTouchRate, .csat, .csatResponseRate: .rate
        case .sla: .slaCounts
        default: .duration
        }
    }

    /// Which way the KPI should move: lower for durations and the reopen rate, higher for CSAT,
    /// its response rate, one-touch and SLA achievement; created, solved and backlog are neutral.
    public var goodDirection: GoodDirection {
        switch self {
        case .created, .solved, .backlog: .neutral
        case .reopenRate: .lower
        case .oneTouchRate, .csat, .csatResponseRate, .sla: .higher
        default: .lower
        }
    }

    /// The duration KPIs in report order.
    public static let durations: [KPI] = [
        .firstReplyTime, .firstResolutionTime, .fullResolutionTime, .requesterWaitTime, .agentWaitTime, .onHoldTime,
        .agentWorkTime,
    ]

    /// A human title.
    public var title: String {
        switch self {
        case .created: "Created"
        case .solved: "Solved"
        case .backlog: "Backlog"
        case .firstReplyTime: "First reply time"
        case .firstResolutionTime: "First resolution time"
        case .fullResolutionTime: "Full resolution time"
        case .requesterWaitTime: "Requester wait time"
        case .agentWaitTime: "Agent wait time"
        case .onHoldTime: "On-hold time"
        case .agentWorkTime: "Agent work time"
        case .reopenRate: "Reopen rate"
        case .oneTouchRate: "One-touch rate"
        case .csat: "CSAT"
        case .csatResponseRate: "CSAT response rate"
        case .sla: "SLA"
        case .reopenEvents: "Reopen events"
        case .replyTime: "Reply time"
        case .nextReplyTime: "Next reply time"
        case .agentReplies: "Agent replies per solved ticket"
        case .timeInNew: "Time in new"
        case .timeInOpen: "Time in open"
        case .timeInPending: "Time in pending"
        case .timeInHold: "Time in hold"
        }
    }

    /// The one-line definition (`deskstat kpi --list`).
    public var definition: String {
        switch self {
        case .created: "tickets whose created_at is in the window"
        case .solved: "tickets now solved or closed whose ticket_metrics.solved_at is in the window"
        case .backlog:
            "tickets now new, open, pending or hold, created by as-of; a past window or --by bucket: unsolved at its end (history)"
        case .firstReplyTime: "reply_time_in_minutes of tickets created in the window (nulls skipped)"
        case .firstResolutionTime: "first_resolution_time_in_minutes of tickets solved in the window"
        case .fullResolutionTime: "full_resolution_time_in_minutes of tickets solved in the window"
        case .requesterWaitTime: "requester_wait_time_in_minutes of tickets solved in the window"
        case .agentWaitTime: "agent_wait_time_in_minutes of tickets solved in the window"
        case .onHoldTime: "on_hold_time_in_minutes of tickets solved in the window"
        case .agentWorkTime: "requester wait − on-hold (both known) of tickets solved in the window"
        case .reopenRate: "solved tickets with reopens > 0 / solved tickets"
        case .oneTouchRate: "solved tickets with replies < 2 / solved tickets (zero replies counts)"
        case .csat: "good / (good + bad) of ratings whose updated_at is in the window"
        case .csatResponseRate: "(good + bad) / (good + bad + offered) of ratings updated in the window"
        case .sla: "SLA targets achieved, breached, active, unmeasured: as Zendesk recorded them, else evaluated"
        case .reopenEvents: "solved → new/open/pending/hold transitions in the window (timeline)"
        case .replyTime: "minutes from the end user's comment to each agent public reply in the window (timeline)"
        case .nextReplyTime: "reply_time of agent public replies after a ticket's first reply (timeline)"
        case .agentReplies: "agent public replies of tickets solved in the window, per ticket (timeline)"
        case .timeInNew, .timeInOpen, .timeInPending, .timeInHold:
            "minutes in status \(measuredStatus ?? "") until the final solve, tickets solved in the window (timeline)"
        }
    }

    /// The date that places a ticket or rating in a window.
    public var anchor: String {
        switch self {
        case .created, .firstReplyTime: "tickets.created_at"
        case .backlog: "as-of (current status); a past window's end"
        case .csat, .csatResponseRate: "satisfaction_ratings.updated_at"
        case .sla: "the target's completion or breach time"
        case .reopenEvents: "the reopen's time"
        case .replyTime, .nextReplyTime: "the reply's time"
        default: "ticket_metrics.solved_at"
        }
    }

    /// The history KPIs: computed from ticket timelines, only when a report asks for one.
    public static let history: [KPI] = [
        .reopenEvents, .replyTime, .nextReplyTime, .agentReplies, .timeInNew, .timeInOpen, .timeInPending,
        .timeInHold,
    ]

    /// Whether the KPI is computed from ticket timelines.
    public var needsHistory: Bool { Self.history.contains(self) }

    /// The status a time-in-status KPI measures.
    public var measuredStatus: String? {
        switch self {
        case .timeInNew: "new"
        case .timeInOpen: "open"
        case .timeInPending: "pending"
        case .timeInHold: "hold"
        default: nil
        }
    }

    /// The metric-set duration for a duration KPI.
    func duration(of metrics: MetricFact) -> ClockPair? {
        switch self {
        case .firstReplyTime: metrics.replyTime
        case .firstResolutionTime: metrics.firstResolutionTime
        case .fullResolutionTime: metrics.fullResolutionTime
        case .requesterWaitTime: metrics.requesterWaitTime
        case .agentWaitTime: metrics.agentWaitTime
        case .onHoldTime: metrics.onHoldTime
        case .agentWorkTime: metrics.agentWorkTime
        default: nil
        }
    }
}
