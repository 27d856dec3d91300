import ZendeskWire

/// The orders Zendesk uses for `less_than` / `greater_than` on priority and status.
enum TicketRank {
    /// Rule: priorities rank low < normal < high < urgent.
    static func priority(_ name: String) -> Int? {
        switch name {
        case "low": 0
        case "normal": 1
        case "high": 2
        case "urgent": 3
        default: nil
        }
    }

    /// Rule: statuses rank new < open < pending < hold < solved < closed.
    static func status(_ name: String) -> Int? {
        guard let status = TicketStatus(rawValue: name), status != .deleted else { return nil }
        return status.rank
    }
}
