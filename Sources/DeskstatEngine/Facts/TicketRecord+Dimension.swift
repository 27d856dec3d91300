/// What a ticket holds for one dimension: an id, a text (a `StringTable` code), or its tags.
enum DimensionField {
    /// An id dimension; `nil` when the ticket has none.
    case id(Int64?)
    /// A text dimension; -1 when the ticket has none.
    case text(Int32)
    /// The tag dimension (read the ticket's tag codes).
    case tags
}

extension TicketRecord {
    /// The ticket's value for `dimension`: the one place that maps dimensions to columns, for
    /// slicing (`DimensionIndex`) and filtering (`TicketFilter`).
    @inline(__always) func field(_ dimension: Dimension) -> DimensionField {
        switch dimension {
        case .group: .id(optional(groupID, Self.group))
        case .assignee: .id(optional(assigneeID, Self.assignee))
        case .brand: .id(optional(brandID, Self.brand))
        case .organization: .id(optional(organizationID, Self.organization))
        case .form: .id(optional(ticketFormID, Self.form))
        case .channel: .text(channel)
        case .priority: .text(priority)
        case .type: .text(type)
        case .status: .text(status)
        case .tag: .tags
        }
    }
}
