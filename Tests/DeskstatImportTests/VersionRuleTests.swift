import DeskstatCache
import DeskstatImport
import Foundation
import Testing

@Suite struct VersionRuleTests {
    func ticketsBody(_ tickets: String...) -> String { #"{"tickets": ["# + tickets.joined(separator: ",") + "]}" }

    @Test func newerVersionReplacesOlderIsSkippedEqualIsNoOp() throws {
        let fixture = try ImportFixture()
        try fixture.importText(ticketsBody(ticketJSON(id: 1, status: "open", generated: 200)), name: "a.json")

        let newer = try fixture.importText(
            ticketsBody(ticketJSON(id: 1, status: "pending", generated: 300)), name: "b.json")
        #expect(newer.tables[.tickets] == TableCounts(updated: 1))
        #expect(try fixture.scalar("SELECT status FROM tickets WHERE id = 1") == "pending")

        let older = try fixture.importText(
            ticketsBody(ticketJSON(id: 1, status: "new", generated: 100)), name: "c.json")
        #expect(older.tables[.tickets] == TableCounts(skipped: 1))
        #expect(try fixture.scalar("SELECT status FROM tickets WHERE id = 1") == "pending")

        let before = try fixture.scalar("SELECT raw_json FROM tickets") as String?
        let equal = try fixture.importText(
            ticketsBody(ticketJSON(id: 1, status: "solved", generated: 300)), name: "d.json")
        #expect(equal.tables[.tickets] == TableCounts(unchanged: 1))
        #expect(try fixture.scalar("SELECT raw_json FROM tickets") == before)
    }

    @Test func ticketsCompareGeneratedTimestampThenUpdatedAt() throws {
        let fixture = try ImportFixture()
        try fixture.importText(
            ticketsBody(ticketJSON(id: 1, status: "open", generated: 300, updatedAt: "2026-11-17T10:00:00Z")),
            name: "a.json")
        // Same generated_timestamp, later updated_at: newer.
        let report = try fixture.importText(
            ticketsBody(ticketJSON(id: 1, status: "hold", generated: 300, updatedAt: "2026-11-17T11:00:00Z")),
            name: "b.json")
        #expect(report.tables[.tickets] == TableCounts(updated: 1))
        // A system update moved generated_timestamp but not updated_at: still newer.
        let system = try fixture.importText(
            ticketsBody(ticketJSON(id: 1, status: "closed", generated: 400, updatedAt: "2026-11-17T10:00:00Z")),
            name: "c.json")
        #expect(system.tables[.tickets] == TableCounts(updated: 1))
    }

    @Test func otherTablesCompareUpdatedAt() throws {
        let fixture = try ImportFixture()
        func rating(_ score: String, _ updated: String) -> String {
            #"{"satisfaction_ratings":[{"id":1,"ticket_id":1,"score":"\#(score)","updated_at":"\#(updated)"}]}"#
        }
        try fixture.importText(rating("offered", "2026-11-17T10:00:00Z"), name: "a.json")
        #expect(
            try fixture.importText(rating("good", "2026-11-18T10:00:00Z"), name: "b.json").tables[.satisfactionRatings]
                == TableCounts(updated: 1))
        #expect(
            try fixture.importText(rating("offered", "2026-11-17T10:00:00Z"), name: "c.json").tables[
                .satisfactionRatings] == TableCounts(skipped: 1))
        #expect(try fixture.scalar("SELECT score FROM satisfaction_ratings") == "good")
    }

    @Test func replacingATicketReplacesItsTagsAndCustomFields() throws {
        let fixture = try ImportFixture()
        try fixture.importText(
            ticketsBody(ticketJSON(id: 1, generated: 1, extra: #", "custom_fields": [{"id": 9, "value": "x"}]"#)),
            name: "a.json")
        try fixture.importText(
            ticketsBody(
                ticketJSON(id: 1, generated: 2, extra: #", "custom_fields": []"#).replacingOccurrences(
                    of: #""tags": ["a"]"#, with: #""tags": ["b", "c"]"#)), name: "b.json")
        #expect(try fixture.count("ticket_tags") == 2)
        #expect(try fixture.count("ticket_custom_fields") == 0)
    }

    @Test func deletedTicketsStayAsTombstones() throws {
        let fixture = try ImportFixture()
        try fixture.importText(ticketsBody(ticketJSON(id: 1, status: "open", generated: 100)), name: "a.json")
        try fixture.importText(ticketsBody(ticketJSON(id: 1, status: "deleted", generated: 200)), name: "b.json")
        // A stale copy from an older page must not resurrect it.
        try fixture.importText(ticketsBody(ticketJSON(id: 1, status: "open", generated: 150)), name: "c.json")
        #expect(try fixture.scalar("SELECT deleted FROM tickets WHERE id = 1") == 1)
        #expect(try fixture.scalar("SELECT status FROM tickets WHERE id = 1") == "deleted")
    }

    @Test func tagsWithoutVersionUpdateWhenTheirCountChanges() throws {
        let fixture = try ImportFixture()
        try fixture.importText(#"{"tags":[{"name":"vip","count":3}]}"#, name: "a.json")
        #expect(
            try fixture.importText(#"{"tags":[{"name":"vip","count":3}]}"#, name: "b.json").tables[.tags]
                == TableCounts(unchanged: 1))
        #expect(
            try fixture.importText(#"{"tags":[{"name":"vip","count":4}]}"#, name: "c.json").tables[.tags]
                == TableCounts(updated: 1))
    }

    @Test func rawJSONIsKeptExactly() throws {
        let fixture = try ImportFixture()
        let ticket =
            #"{"id":1, "created_at":"2026-11-17T09:00:00Z", "unknown_field": {"deep": [1, 2]}, "status":"new"}"#
        try fixture.importText(#"{"tickets":["# + ticket + "]}")
        #expect(try fixture.scalar("SELECT raw_json FROM tickets") == ticket)
    }
}
