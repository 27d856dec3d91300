/// A ticket's status, as Zendesk spells it, in Zendesk's order (new < open < pending < hold <
/// solved < closed); `deleted` is what the incremental export sends for a deleted ticket.
///
/// The one place that says which statuses are unsolved (the backlog) and which are solved.
public enum TicketStatus: String, Sendable, CaseIterable, Comparable {
    case new, open, pending, hold, solved, closed, deleted

    /// New, open, pending and hold: the backlog, in Zendesk's order.
    public static let unsolved: [TicketStatus] = [.new, .open, .pending, .hold]

    /// Solved and closed.
    public static let solvedOrClosed: [TicketStatus] = [.solved, .closed]

    /// New, open, pending or hold.
    public var isUnsolved: Bool { Self.unsolved.contains(self) }

    /// Solved or closed.
    public var isSolved: Bool { self == .solved || self == .closed }

    /// The status's rank in Zendesk's order (`deleted` last).
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    public static func < (lhs: TicketStatus, rhs: TicketStatus) -> Bool { lhs.rank < rhs.rank }

    /// Whether `text` is an unsolved status (`nil` and unknown texts are not).
    public static func isUnsolved(_ text: String?) -> Bool {
        text.flatMap(TicketStatus.init(rawValue:))?.isUnsolved ?? false
    }

    /// Whether `text` is solved or closed.
    public static func isSolved(_ text: String?) -> Bool {
        text.flatMap(TicketStatus.init(rawValue:))?.isSolved ?? false
    }
}
