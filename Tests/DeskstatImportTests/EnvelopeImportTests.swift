import DeskstatCache
import DeskstatImport
import Foundation
import Testing

@Suite struct EnvelopeImportTests {
    @Test func cursorExportWithSideLoadedMetricsAndUsers() throws {
        let fixture = try ImportFixture()
        let report = try fixture.importText(
            """
            {"tickets": [\(ticketJSON(id: 1)), \(ticketJSON(id: 2, extra: #", "metric_set": {"id": 20, "ticket_id": 2, "replies": 1}"#))],
             "metric_sets": [{"id": 10, "ticket_id": 1, "reopens": 0, "replies": 2,
                              "reply_time_in_minutes": {"calendar": 30, "business": 12},
                              "solved_at": null, "updated_at": "2026-11-17T10:00:00Z"}],
             "users": [{"id": 5, "role": "agent", "active": true, "updated_at": "2026-11-01T00:00:00Z"}],
             "after_cursor": "x", "after_url": null, "before_cursor": null, "before_url": null, "end_of_stream": true}
            """)
        #expect(report.tables[.tickets] == TableCounts(inserted: 2))
        #expect(report.tables[.ticketMetrics] == TableCounts(inserted: 2))
        #expect(report.tables[.users] == TableCounts(inserted: 1))
        #expect(
            try fixture.scalar("SELECT reply_time_in_minutes_business FROM ticket_metrics WHERE ticket_id = 1") == 12.0)
        #expect(try fixture.count("ticket_tags") == 2)
    }

    @Test func everyTableFromItsListKey() throws {
        let fixture = try ImportFixture()
        let bodies: [(String, String)] = [
            (
                "satisfaction_ratings",
                #"{"satisfaction_ratings":[{"id":1,"ticket_id":1,"group_id":2,"score":"good","updated_at":"2026-11-17T10:00:00Z"}],"meta":{"has_more":false},"links":{"next":null}}"#
            ),
            (
                "sla_policies",
                #"{"sla_policies":[{"id":1,"title":"P","position":1,"filter":{"all":[{"field":"type","operator":"is","value":"incident"}],"any":[]},"policy_metrics":[{"priority":"high","metric":"first_reply_time","target":60,"business_hours":false}]}],"next_page":null,"previous_page":null,"count":1}"#
            ),
            ("groups", #"{"groups":[{"id":1,"name":"Support","deleted":false}]}"#),
            ("group_memberships", #"{"group_memberships":[{"id":1,"user_id":5,"group_id":1}]}"#),
            (
                "organizations",
                #"{"organizations":[{"id":1,"name":"Acme","deleted_at":null}],"count":1,"end_time":1,"next_page":null,"end_of_stream":true}"#
            ),
            (
                "ticket_audits",
                #"{"audits":[{"id":1,"ticket_id":1,"created_at":"2026-11-17T09:00:00Z","events":[{"id":2,"type":"Comment","public":true,"author_id":5}]}]}"#
            ),
            ("ticket_fields", #"{"ticket_fields":[{"id":1,"type":"tagger","title":"Product"}]}"#),
            ("ticket_forms", #"{"ticket_forms":[{"id":1,"name":"Default","default":true}]}"#),
            ("macros", #"{"macros":[{"id":1,"title":"Close","actions":[{"field":"status","value":"solved"}]}]}"#),
            ("tags", #"{"tags":[{"name":"vip","count":3}]}"#),
            (
                "ticket_metric_events",
                #"{"ticket_metric_events":[{"id":1,"ticket_id":1,"metric":"reply_time","instance_id":1,"type":"measure","time":"2026-11-17T09:00:00Z"}],"count":1,"end_time":1,"end_of_stream":true}"#
            ),
            (
                "schedules",
                #"{"schedules":[{"id":1,"name":"Hours","time_zone":"UTC","intervals":[{"start_time":1980,"end_time":2460}],"holidays":[{"id":3,"name":"New Year","start_date":"2027-01-01","end_date":"2027-01-01"}]}]}"#
            ),
        ]
        for (index, (table, body)) in bodies.enumerated() {
            let report = try fixture.importText(body, name: "b\(index).json")
            #expect(report.tables.keys.contains { $0.rawValue == table }, "\(table)")
            #expect(try fixture.count(table) == 1, "\(table)")
        }
        #expect(try fixture.count("ticket_comments") == 1)
        #expect(try fixture.count("sla_policy_conditions") == 1)
        #expect(try fixture.count("sla_policy_metrics") == 1)
        #expect(try fixture.count("schedule_intervals") == 1)
        #expect(try fixture.count("schedule_holidays") == 1)
    }

    @Test func singleObjectBodies() throws {
        let fixture = try ImportFixture()
        try fixture.importText(#"{"ticket": \#(ticketJSON(id: 3))}"#)
        try fixture.importText(#"{"ticket_metric": {"id": 30, "ticket_id": 3, "replies": 0}}"#, name: "m.json")
        #expect(try fixture.count("tickets") == 1)
        #expect(try fixture.count("ticket_metrics") == 1)
    }

    @Test func commentListTakesTicketIDFromItsURLs() throws {
        let fixture = try ImportFixture()
        try fixture.importText(
            #"{"comments":[{"id":1,"public":true,"created_at":"2026-11-17T09:00:00Z"}],"next_page":null,"previous_page":"https://acme.zendesk.com/api/v2/tickets/77/comments.json?page=1"}"#
        )
        #expect(try fixture.scalar("SELECT ticket_id FROM ticket_comments") == 77)
    }

    @Test func ndjsonOfBareRecordsWithTable() throws {
        let fixture = try ImportFixture()
        let report = try fixture.importText(
            "\(ticketJSON(id: 1).replacingOccurrences(of: "\n", with: " "))\n\n\(ticketJSON(id: 2).replacingOccurrences(of: "\n", with: " "))\n",
            name: "t.ndjson", table: "tickets")
        #expect(report.tables[.tickets]?.inserted == 2)
    }

    @Test func ndjsonOfEnvelopesWithoutTable() throws {
        let fixture = try ImportFixture()
        let report = try fixture.importText(
            #"{"groups":[{"id":1}]}"# + "\n" + #"{"groups":[{"id":2}]}"# + "\n", name: "pages.jsonl")
        #expect(report.tables[.groups]?.inserted == 2)
    }

    @Test func unknownSideLoadIsAWarningNotAGuess() throws {
        let fixture = try ImportFixture()
        let report = try fixture.importText(#"{"groups":[{"id":1}],"brands":[{"id":9}]}"#)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("\"brands\"") == true)
    }

    @Test func directoriesAreSearchedRecursivelyInPathOrder() throws {
        let fixture = try ImportFixture()
        try fixture.write("in/b/2.json", #"{"groups":[{"id":2}]}"#)
        try fixture.write("in/a/1.json", #"{"groups":[{"id":1}]}"#)
        try fixture.write("in/notes.txt", "not json")
        let sources = try ImportSource.resolve([fixture.directory + "/in"])
        #expect(sources.map { ($0.path as NSString).lastPathComponent } == ["1.json", "2.json"])
    }
}

/// `deskstat import` of the incremental ticket event export's bodies.
@Suite struct TicketEventImportTests {
    static let body = #"""
        {"ticket_events": [
          {"id": 500, "ticket_id": 9, "timestamp": 1794816000, "created_at": "2026-11-16T08:00:00Z", "updater_id": 5,
           "via": "Mail", "event_type": "Audit",
           "child_events": [
             {"id": 501, "via": "Mail", "via_reference_id": null, "status": "new", "event_type": "Create"},
             {"id": 502, "event_type": "Comment", "author_id": 5, "body": "Help", "public": true}]},
          {"id": 510, "ticket_id": 9, "timestamp": 1794819600, "created_at": "2026-11-16T09:00:00Z", "updater_id": 6,
           "via": "Web form", "event_type": "Audit",
           "child_events": [
             {"id": 511, "status": "open", "previous_value": "new", "event_type": "Change"},
             {"id": 512, "event_type": "Comment", "author_id": 6, "body": "On it", "public": false}]}],
         "count": 2, "end_time": 1794819600, "next_page": null, "end_of_stream": true}
        """#

    @Test func eventsLandAsAuditsAndComments() throws {
        let fixture = try ImportFixture()
        let report = try fixture.importText(Self.body, name: "ticket_events.json")
        #expect(report.tables.keys.contains { $0.rawValue == "ticket_audits" })
        #expect(try fixture.count("ticket_audits") == 2)
        #expect(try fixture.count("ticket_comments") == 2)
        #expect(try fixture.scalar("SELECT author_id FROM ticket_audits WHERE id = 510") == 6)
        #expect(try fixture.scalar("SELECT created_at FROM ticket_audits WHERE id = 510") == 1_794_819_600)
        #expect(try fixture.scalar("SELECT public FROM ticket_comments WHERE id = 512") == 0)
        #expect(try fixture.scalar("SELECT ticket_id FROM ticket_comments WHERE id = 512") == 9)
        let raw: String? = try fixture.scalar("SELECT raw_json FROM ticket_audits WHERE id = 500")
        #expect(raw?.contains("child_events") == true)
    }

    @Test func theSameUpdateFromAnAuditIsNotADuplicate() throws {
        let fixture = try ImportFixture()
        try fixture.importText(Self.body, name: "ticket_events.json")
        try fixture.importText(
            #"{"audits":[{"id":510,"ticket_id":9,"created_at":"2026-11-16T09:00:00Z","author_id":6,"events":[{"id":511,"type":"Change","field_name":"status","value":"open","previous_value":"new"},{"id":512,"type":"Comment","public":false,"author_id":6}]}]}"#,
            name: "audits.json")
        #expect(try fixture.count("ticket_audits") == 2)
        #expect(try fixture.count("ticket_comments") == 2)
    }
}
