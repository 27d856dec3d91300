public import ZendeskWire

/// A duration Zendesk measured on both clocks, in minutes; `nil` where it measured nothing.
public struct Clocked: Sendable, Equatable {
    /// Wall-clock minutes.
    public var calendar: Double?
    /// Minutes inside the ticket's business hours.
    public var business: Double?

    /// A duration with the given calendar and business minutes.
    public init(calendar: Double? = nil, business: Double? = nil) {
        self.calendar = calendar
        self.business = business
    }

    /// A metric set's duration, e.g. `TicketMetric.replyTime`.
    public init(_ duration: ZendeskWire.Duration) {
        self.init(calendar: duration.calendar, business: duration.business)
    }

    /// Nothing measured on either clock.
    public static let unmeasured = Clocked()

    /// The minutes on the business clock when `businessHours` is true, else on the calendar clock.
    public func minutes(businessHours: Bool) -> Double? {
        businessHours ? business : calendar
    }
}
