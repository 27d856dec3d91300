import Testing

@testable import ZendeskWire

@Suite struct EnvelopeTests {
    func envelope(_ text: String) throws(WireError) -> Envelope { try Envelope.parse(Array(text.utf8)) }

    func tables(_ text: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for section in try envelope(text).sections {
            counts[section.table.rawValue, default: 0] += section.records.count
        }
        return counts
    }

    @Test func cursorIncrementalExportWithSideLoads() throws {
        let body = """
            {"tickets":[{"id":1},{"id":2}],"metric_sets":[{"id":9,"ticket_id":1}],"users":[{"id":5}],
             "after_cursor":"abc","after_url":"https://x.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=abc",
             "before_cursor":null,"before_url":null,"end_of_stream":false}
            """
        #expect(try tables(body) == ["tickets": 2, "ticket_metrics": 1, "users": 1])
        #expect(try envelope(body).unknownKeys.isEmpty)
    }

    @Test func timeBasedExport() throws {
        #expect(
            try tables(
                #"{"organizations":[{"id":1}],"count":1,"end_time":1763900000,"next_page":null,"end_of_stream":true}"#)
                == ["organizations": 1])
    }

    @Test func cursorListAndOffsetList() throws {
        #expect(
            try tables(#"{"groups":[{"id":1}],"meta":{"has_more":false,"after_cursor":null},"links":{"next":null}}"#)
                == ["groups": 1])
        #expect(
            try tables(#"{"sla_policies":[{"id":1}],"next_page":null,"previous_page":null,"count":1}"#) == [
                "sla_policies": 1
            ])
    }

    @Test func singleObjects() throws {
        #expect(try tables(#"{"ticket":{"id":1}}"#) == ["tickets": 1])
        #expect(try tables(#"{"ticket_metric":{"id":1,"ticket_id":2}}"#) == ["ticket_metrics": 1])
    }

    @Test func keepsRecordTextExactly() throws {
        let record = #"{ "id" : 7,  "zeta": [1, {"nested": "keep me"}], "alpha": null }"#
        let parsed = try envelope(#"{"tickets": ["# + record + #"]}"#)
        #expect(parsed.sections.first?.records.first?.text == record)
    }

    @Test func reportsUnknownKeysAndUnknownBodies() throws {
        #expect(try envelope(#"{"tickets":[],"facets":{"a":1}}"#).unknownKeys == ["facets"])
        #expect(throws: WireError.unknownBody(keys: ["results"])) { try envelope(#"{"results":[]}"#) }
        #expect(throws: WireError.bodyNotAnObject(found: "an array")) { try envelope("[1]") }
        #expect(throws: WireError.empty) { try envelope("  \n ") }
    }

    @Test func recordThatIsNotAnObject() {
        #expect(throws: WireError.recordNotAnObject(key: "tickets", index: 1, found: "a number")) {
            try envelope(#"{"tickets":[{"id":1}, 42]}"#)
        }
    }

    @Test func readsTicketIDFromCommentListURLs() throws {
        let body =
            #"{"comments":[{"id":1}],"next_page":"https://x.zendesk.com/api/v2/tickets/4242/comments.json?page=2"}"#
        #expect(try envelope(body).ticketIDFromURLs == 4242)
    }
}

@Suite struct ByteOrderMarkEnvelopeTests {
    @Test func aLeadingMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"groups": [{"id": 1, "name": "A"}]}"#.utf8)
        let envelope = try Envelope.parse(bytes)
        #expect(envelope.sections.first?.records.count == 1)
    }

    @Test func aMarkAloneIsAnEmptyBody() {
        #expect(throws: WireError.empty) { try Envelope.parse([0xEF, 0xBB, 0xBF]) }
    }

    @Test func aMarkAfterBlanksIsStillAnError() {
        #expect(throws: WireError.self) { try Envelope.parse([0x20, 0xEF, 0xBB, 0xBF] + Array("{}".utf8)) }
    }
}
