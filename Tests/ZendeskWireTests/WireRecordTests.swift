import Testing

@testable import ZendeskWire

@Suite struct WireRecordTests {
    func reader(_ text: String) throws -> RecordReader {
        let record = try Envelope.parseBareRecord(Array(text.utf8), table: .tickets, index: 0)
        return RecordReader(record)
    }

    @Test func messyTicketImports() throws {
        let ticket = try Ticket(
            reader(
                """
                {"id": 5, "status": "open", "priority": null, "type": null, "via": "-", "group_id": null,
                 "created_at": "2026-11-17T09:30:00Z", "updated_at": "2026-11-18T09:30:00Z",
                 "tags": ["vip", "vip", 3],
                 "custom_fields": [{"id": 1, "value": ["a", "b"]}, {"id": 2, "value": true}, {"id": 3, "value": null}],
                 "fields": [{"id": 1, "value": ["a", "b"]}]}
                """))
        #expect(ticket.viaChannel == nil)
        #expect(ticket.priority == nil && ticket.type == nil)
        #expect(ticket.tags == ["vip", "vip", "3"])
        #expect(ticket.customFields.map(\.storedText) == [#"["a","b"]"#, "true", nil])
        #expect(ticket.generatedTimestamp == nil)
    }

    @Test func viaChannelFromObject() throws {
        let ticket = try Ticket(
            reader(
                #"{"id":1,"created_at":"2026-11-17T09:30:00Z","via":{"channel":"web","source":{"from":{},"to":{},"rel":null}}}"#
            ))
        #expect(ticket.viaChannel == "web")
    }

    @Test func idThatIsNotAnIntegerIsAnError() {
        #expect(throws: WireError.self) { try Ticket(reader(#"{"id":"abc","created_at":"2026-11-17T09:30:00Z"}"#)) }
        #expect(throws: WireError.self) { try Ticket(reader(#"{"id":1.5,"created_at":"2026-11-17T09:30:00Z"}"#)) }
    }

    @Test func badTimestampNamesTheField() throws {
        do {
            _ = try Ticket(reader(#"{"id":1,"created_at":"last tuesday"}"#))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("\"created_at\""))
            #expect("\(error)".contains("(id 1)"))
        }
    }

    @Test func timestampsOutsideRangeAreRejected() {
        #expect(throws: WireError.self) { try Ticket(reader(#"{"id":1,"created_at":"1969-12-31T23:59:59Z"}"#)) }
    }

    @Test func slaPolicyValuesMayBeStringsNumbersOrArrays() throws {
        let policy = try SLAPolicy(
            reader(
                """
                {"id": 1, "title": "P", "position": 2, "filter": {"all": [
                  {"field": "type", "operator": "is", "value": "incident"},
                  {"field": "group_id", "operator": "is", "value": 360001},
                  {"field": "custom_status_id", "operator": "includes", "value": ["1", "2"]}],
                  "any": [{"field": "current_tags", "operator": "includes", "value": "vip gold"}]},
                 "policy_metrics": [{"priority": "high", "metric": "first_reply_time", "target": 60,
                                     "target_in_seconds": 3600, "business_hours": true}]}
                """))
        #expect(
            policy.conditions.map(\.value) == [
                .string("incident"), .integer(360001), .array([.string("1"), .string("2")]), .string("vip gold"),
            ])
        #expect(policy.conditions.map(\.kind) == [.all, .all, .all, .any])
        #expect(policy.metrics.first?.targetInSeconds == 3600)
        #expect(policy.metrics.first?.businessHours == true)
    }

    @Test func auditCarriesComments() throws {
        let audit = try TicketAudit(
            reader(
                """
                {"id": 10, "ticket_id": 5, "created_at": "2026-11-17T09:30:00Z", "author_id": 7, "via": {"channel": "web"},
                 "events": [{"id": 11, "type": "Comment", "body": "hi", "public": true, "author_id": 7},
                            {"id": 12, "type": "Change", "field_name": "status", "value": "open"}]}
                """))
        #expect(audit.comments.count == 1)
        #expect(audit.comments.first?.ticketID == 5)
        #expect(audit.comments.first?.createdAt == Timestamp.parse("2026-11-17T09:30:00Z"))
    }
}

@Suite struct TicketEventWireTests {
    func reader(_ text: String) throws -> RecordReader {
        try WireRecordTests().reader(text)
    }

    @Test func exportEventCarriesChangesAndComments() throws {
        let event = try TicketEvent(
            reader(
                """
                {"id": 900, "ticket_id": 5, "timestamp": 1794819600, "created_at": "2026-11-16T09:00:00Z",
                 "updater_id": 7, "via": "Web form", "event_type": "Audit",
                 "child_events": [
                   {"id": 901, "via": "Web form", "via_reference_id": null, "status": "open",
                    "previous_value": "new", "event_type": "Change"},
                   {"id": 902, "assignee_id": 7, "previous_value": null, "event_type": "Change"},
                   {"id": 903, "tags": ["vip", "billing"], "added_tags": ["billing"], "removed_tags": [],
                    "previous_value": ["vip"], "event_type": "Change"},
                   {"id": 904, "event_type": "Comment", "author_id": 7, "body": "Hello", "public": false},
                   {"id": 905, "event_type": "Notification", "subject": "ignored"},
                   {"id": 906, "event_type": "Change", "satisfaction_score": "good"}]}
                """))
        #expect(event.ticketID == 5 && event.createdAt == 1_794_819_600 && event.updaterID == 7)
        #expect(event.viaChannel == "Web form")
        #expect(event.changes.map(\.field) == ["status", "assignee_id", "tags"])
        #expect(event.changes.map(\.value) == ["open", "7", "vip billing"])
        #expect(event.changes.map(\.previousValue) == ["new", nil, "vip"])
        #expect(event.changes.allSatisfy { $0.auditID == 900 && $0.createdAt == 1_794_819_600 && !$0.isCreate })
        #expect(event.comments.count == 1)
        #expect(event.comments.first?.id == 904 && event.comments.first?.isPublic == false)
        #expect(event.comments.first?.createdAt == 1_794_819_600 && event.comments.first?.ticketID == 5)
    }

    @Test func auditStyleChildEventsAndCreatedAtFallback() throws {
        let event = try TicketEvent(
            reader(
                """
                {"id": 910, "ticket_id": 6, "created_at": "2026-11-16T08:00:00Z",
                 "child_events": [{"id": 911, "type": "Create", "field_name": "priority", "value": "normal"}]}
                """))
        #expect(event.createdAt == 1_794_816_000)
        #expect(
            event.changes == [
                TicketFieldChange(
                    id: 911, ticketID: 6, auditID: 910, createdAt: 1_794_816_000, field: "priority",
                    value: "normal", previousValue: nil, isCreate: true)
            ])
    }

    @Test func eventWithoutTimeIsRefused() throws {
        #expect(throws: WireError.self) {
            try TicketEvent(reader(#"{"id": 1, "ticket_id": 2, "child_events": []}"#))
        }
    }

    @Test func auditCarriesFieldChanges() throws {
        let audit = try TicketAudit(
            reader(
                """
                {"id": 10, "ticket_id": 5, "created_at": "2026-11-17T09:30:00Z", "author_id": 7,
                 "events": [{"id": 11, "type": "Comment", "body": "hi", "public": true, "author_id": 7},
                            {"id": 12, "type": "Change", "field_name": "status", "value": "open",
                             "previous_value": "new"},
                            {"id": 13, "type": "Change", "field_name": "group_id", "value": 360001,
                             "previous_value": null}]}
                """))
        #expect(audit.changes.map(\.id) == [12, 13])
        #expect(audit.changes.map(\.value) == ["open", "360001"])
        #expect(audit.changes.map(\.previousValue) == ["new", nil])
    }
}
