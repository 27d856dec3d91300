/// A ticket field a policy condition can test.
enum ConditionField: Sendable, Equatable {
    case type, priority, status
    case groupID, assigneeID, requesterID, organizationID, brandID, ticketFormID
    case viaID
    case currentTags
    /// A custom ticket field, written `custom_fields_<id>` (or `ticket_fields_<id>`).
    case customField(Int64)

    /// The field a condition names; `nil` for a field deskstat does not support.
    init?(name: String) {
        switch name {
        case "type": self = .type
        case "priority": self = .priority
        case "status": self = .status
        case "group_id": self = .groupID
        case "assignee_id": self = .assigneeID
        case "requester_id": self = .requesterID
        case "organization_id": self = .organizationID
        case "brand_id": self = .brandID
        case "ticket_form_id": self = .ticketFormID
        case "via_id": self = .viaID
        case "current_tags": self = .currentTags
        default:
            guard let id = Self.customFieldID(name) else { return nil }
            self = .customField(id)
        }
    }

    private static func customFieldID(_ name: String) -> Int64? {
        for prefix in ["custom_fields_", "ticket_fields_"] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int64(digits)
        }
        return nil
    }

    /// The ticket's id for an id field; `nil` for other fields or when the ticket has none.
    func id(of ticket: SLATicket) -> Int64? {
        switch self {
        case .groupID: ticket.groupID
        case .assigneeID: ticket.assigneeID
        case .requesterID: ticket.requesterID
        case .organizationID: ticket.organizationID
        case .brandID: ticket.brandID
        case .ticketFormID: ticket.ticketFormID
        default: nil
        }
    }

    /// The ticket's text for a text field (empty text counts as none).
    func text(of ticket: SLATicket) -> String? {
        let value: String? =
            switch self {
            case .type: ticket.type
            case .priority: ticket.priority
            case .status: ticket.status
            default: nil
            }
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
