/// The incremental ticket event export's view of the account
/// (`/api/v2/incremental/ticket_events.json`): one ticket event per audit, with the audit's
/// events as `child_events`, plus a `status → deleted` event for each deleted ticket.
///
/// As in Zendesk, a ticket event's id is its audit's id and each child event keeps the audit
/// event's id; `Create`/`Change` children name the field as their own key (`"status": "open"`)
/// with `previous_value`, and `Comment` children appear only with `include=comment_events`.
struct FakeTicketEvent {
    let id: Int64
    let ticketID: Int64
    let time: Int64
    let updaterID: Int64
    let viaChannel: String
    let children: [FakeAuditEvent]

    /// Every ticket event of the account, in no particular order.
    static func all(in account: FakeAccount) -> [FakeTicketEvent] {
        var events: [FakeTicketEvent] = []
        for audits in account.audits.values {
            for audit in audits {
                events.append(
                    FakeTicketEvent(
                        id: audit.id, ticketID: audit.ticketID, time: audit.createdAt, updaterID: audit.authorID,
                        viaChannel: audit.viaChannel, children: audit.events))
            }
        }
        for ticket in account.tickets where ticket.isDeleted {
            // Deletion is the ticket's last update; its event ids sit far above any audit's.
            let id = deletionEventBase + ticket.id * 2
            let change = FakeAuditEvent.change(id: id + 1, field: "status", value: "deleted", previous: nil)
            events.append(
                FakeTicketEvent(
                    id: id, ticketID: ticket.id, time: ticket.updatedAt, updaterID: -1, viaChannel: "web",
                    children: [change]))
        }
        return events
    }

    /// Ids of synthesized deletion events start here.
    static let deletionEventBase: Int64 = 9_000_000_000_000

    /// The event as the export writes it.
    func json(includeComments: Bool) -> FakeJSON {
        var children: [FakeJSON] = []
        for event in self.children {
            if event.isComment && !includeComments { continue }
            children.append(Self.child(event))
        }
        return [
            "id": .int(id), "ticket_id": .int(ticketID), "timestamp": .int(time), "created_at": .time(time),
            "updater_id": .int(updaterID), "via": .string(viaChannel),
            "system": ["client": "deskstat-fake", "location": "Oslo, Norway"], "event_type": "Audit",
            "child_events": .array(children),
        ]
    }

    /// One child event: comments keep their members; field events name the field as a key.
    private static func child(_ event: FakeAuditEvent) -> FakeJSON {
        var object: FakeJSONObject = ["id": .int(event.id), "via_reference_id": FakeJSON.null]
        if event.type == "Create" || event.type == "Change", case .string(let field)? = event.members["field_name"] {
            object[field] = event.members["value"] ?? FakeJSON.null
            if event.type == "Change" { object["previous_value"] = event.members["previous_value"] ?? FakeJSON.null }
        } else {
            object = object.merging(event.members)
        }
        object["event_type"] = .string(event.type)
        return .object(object)
    }
}
