import ZendeskWire

/// What the engine knows about one ticket: its current fields and Zendesk's metrics for it.
public struct TicketFact: Sendable, Equatable {
    public var id: Int64
    public var status: String?
    public var priority: String?
    public var type: String?
    public var viaChannel: String?
    public var groupID: Int64?
    public var assigneeID: Int64?
    public var requesterID: Int64?
    public var submitterID: Int64?
    public var organizationID: Int64?
    public var brandID: Int64?
    public var ticketFormID: Int64?
    public var createdAt: Int64
    public var tags: [String]
    /// Custom field values as the cache stores them (lists as JSON text).
    public var customFields: [Int64: String]
    /// `nil` when the cache has no metric set for the ticket.
    public var metrics: MetricFact?

    /// Solved or closed.
    public var isSolved: Bool { TicketStatus.isSolved(status) }

    /// New, open, pending or hold.
    public var isUnsolved: Bool { TicketStatus.isUnsolved(status) }
}

/// Zendesk's metric set for a ticket (minutes on both clocks, counters, milestones).
public struct MetricFact: Sendable, Equatable {
    public var replyTime: ClockPair
    public var firstResolutionTime: ClockPair
    public var fullResolutionTime: ClockPair
    public var agentWaitTime: ClockPair
    public var requesterWaitTime: ClockPair
    public var onHoldTime: ClockPair
    public var reopens: Int64?
    public var replies: Int64?
    public var solvedAt: Int64?

    /// Requester wait minus on-hold, on each clock where both are known.
    public var agentWorkTime: ClockPair {
        ClockPair(
            calendar: Self.difference(requesterWaitTime.calendar, onHoldTime.calendar),
            business: Self.difference(requesterWaitTime.business, onHoldTime.business))
    }

    static func difference(_ minuend: Double?, _ subtrahend: Double?) -> Double? {
        guard let minuend, let subtrahend else { return nil }
        return minuend - subtrahend
    }
}

/// A duration in minutes on the calendar clock and on business hours.
public struct ClockPair: Sendable, Equatable {
    public var calendar: Double?
    public var business: Double?

    public init(calendar: Double?, business: Double?) {
        self.calendar = calendar
        self.business = business
    }

    /// The value on `clock`.
    public func value(on clock: Clock) -> Double? {
        clock == .calendar ? calendar : business
    }
}

/// Which clock a duration is measured on.
public enum Clock: String, Sendable, CaseIterable, Codable {
    case calendar, business
}

/// A satisfaction rating, with the group and assignee at rating time.
public struct RatingFact: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64?
    public var groupID: Int64?
    public var assigneeID: Int64?
    public var score: String?
    public var updatedAt: Int64
}
