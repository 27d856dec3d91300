/// The SLA metrics Zendesk policies can target.
enum SLAMetric: Sendable, Equatable {
    case firstReplyTime, nextReplyTime, periodicUpdateTime, pausableUpdateTime
    case agentWorkTime, requesterWaitTime, totalResolutionTime
    /// A metric name deskstat does not know (e.g. a newer Zendesk metric).
    case unsupported

    init(name: String) {
        switch name {
        case "first_reply_time": self = .firstReplyTime
        case "next_reply_time": self = .nextReplyTime
        case "periodic_update_time": self = .periodicUpdateTime
        case "pausable_update_time": self = .pausableUpdateTime
        case "agent_work_time": self = .agentWorkTime
        case "requester_wait_time": self = .requesterWaitTime
        case "total_resolution_time": self = .totalResolutionTime
        default: self = .unsupported
        }
    }

    /// Rule: first reply and total resolution time run from creation and never pause, so a
    /// measured value settles them on any ticket, and a calendar target breaches by age alone.
    var isNonPausable: Bool { self == .firstReplyTime || self == .totalResolutionTime }

    /// Rule: next reply, periodic update and pausable update time need ticket audits, which
    /// deskstat does not evaluate; their targets are `unmeasured`.
    var needsAudits: Bool {
        self == .nextReplyTime || self == .periodicUpdateTime || self == .pausableUpdateTime
    }

    /// Rule: the measured value per metric, on the target's clock —
    /// first_reply_time ← reply time; requester_wait_time ← requester wait;
    /// agent_work_time ← requester wait − on-hold (both known on the same clock; a negative
    /// difference, which consistent data never gives, counts as unknown);
    /// total_resolution_time ← full resolution.
    func measured(_ ticket: SLAMeasures, businessHours: Bool) -> Double? {
        switch self {
        case .firstReplyTime: return ticket.replyTime.minutes(businessHours: businessHours)
        case .requesterWaitTime: return ticket.requesterWait.minutes(businessHours: businessHours)
        case .totalResolutionTime: return ticket.fullResolution.minutes(businessHours: businessHours)
        case .agentWorkTime:
            guard let wait = ticket.requesterWait.minutes(businessHours: businessHours),
                let hold = ticket.onHold.minutes(businessHours: businessHours), wait >= hold
            else { return nil }
            return wait - hold
        case .nextReplyTime, .periodicUpdateTime, .pausableUpdateTime, .unsupported:
            return nil
        }
    }

    /// How a measurement reads in a reason ("first reply after 45 min").
    var measuredPhrase: String {
        switch self {
        case .firstReplyTime: "first reply after"
        case .totalResolutionTime: "resolved after"
        case .requesterWaitTime: "requester waited"
        case .agentWorkTime: "agent work time"
        default: "measured"
        }
    }

    /// How an unfulfilled target reads in a reason.
    var pendingPhrase: String {
        switch self {
        case .firstReplyTime: "no first reply yet"
        case .totalResolutionTime: "not resolved yet"
        default: "not solved yet"
        }
    }

    /// The measurement's name for "no … recorded" reasons.
    var measurementName: String {
        switch self {
        case .firstReplyTime: "reply time"
        case .totalResolutionTime: "full resolution time"
        case .requesterWaitTime: "requester wait time"
        case .agentWorkTime: "requester wait or on-hold time"
        default: "value"
        }
    }
}
