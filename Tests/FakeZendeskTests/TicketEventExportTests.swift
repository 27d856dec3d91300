import FakeZendesk
import Testing

/// `/incremental/ticket_events.json`: one event per audit, field children keyed by field name,
/// comments only with `include=comment_events`, deletions as `status → deleted`.
@Suite struct TicketEventExportTests {
    @Test func everyAuditOnceWithDeletionsAndInclusiveBoundaries() async throws {
        let account = FakeAccount.generated(tickets: 12, seed: 5, start: testStart)
        try await withServer(account) { _, client async throws in
            let pages = try await TimeExportTests.walk(
                client, from: "/api/v2/incremental/ticket_events.json?start_time=0&per_page=7&include=comment_events")
            #expect(pages.last?.bool("end_of_stream") == true)
            let events = pages.flatMap { $0.list("ticket_events") }
            let ids = events.compactMap { $0.int("id") }
            let auditIDs = account.audits.values.flatMap { $0.map(\.id) }
            let deleted = account.tickets.filter(\.isDeleted)
            #expect(Set(ids).count == auditIDs.count + deleted.count)
            #expect(Set(auditIDs).isSubset(of: Set(ids)))
            #expect(ids.count > Set(ids).count, "boundary events repeat on the next page")
            for (page, next) in zip(pages, pages.dropFirst()) {
                let endTime = try #require(page.int("end_time"))
                #expect(page.list("ticket_events").last?.int("timestamp") == endTime)
                #expect(next.list("ticket_events").first?.int("timestamp") == endTime)
            }
            for ticket in deleted {
                let deletion = events.filter { $0.int("ticket_id") == ticket.id }.last
                let child = deletion?.list("child_events").first
                #expect(child?.string("status") == "deleted" && child?.string("event_type") == "Change")
                #expect(deletion?.int("timestamp") == ticket.updatedAt)
            }
        }
    }

    @Test func childEventsNameTheirFieldAndCommentsNeedTheInclude() async throws {
        let audit = FakeAudit(
            id: 50, ticketID: 1001, createdAt: 5_000, authorID: 7,
            events: [
                .change(id: 51, field: "status", value: "open", previous: "new"),
                .comment(id: 52, authorID: 7, body: "Hello", public: false),
            ])
        try await withServer(FakeAccount(audits: [1001: [audit]])) { _, client async throws in
            let bare = try await client.get("/api/v2/incremental/ticket_events.json?start_time=0").json()
            let event = try #require(bare.list("ticket_events").first)
            #expect(event.int("ticket_id") == 1001 && event.int("timestamp") == 5_000 && event.int("updater_id") == 7)
            #expect(event.string("event_type") == "Audit")
            #expect(event.list("child_events").compactMap { $0.int("id") } == [51])
            let change = try #require(event.list("child_events").first)
            #expect(change.string("status") == "open" && change.string("previous_value") == "new")
            #expect(change.string("field_name") == nil && change.string("event_type") == "Change")
            let full = try await client.get(
                "/api/v2/incremental/ticket_events.json?start_time=0&include=comment_events"
            )
            .json()
            let children = try #require(full.list("ticket_events").first).list("child_events")
            #expect(children.compactMap { $0.int("id") } == [51, 52])
            #expect(children.last?.string("event_type") == "Comment" && children.last?.bool("public") == false)
            #expect(full.int("end_time") == 5_000 && full.bool("end_of_stream") == true)
        }
    }

    @Test func gatewayTimeoutFaultApplies() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.gatewayTimeout, on: "incremental/ticket_events", .first(1)))
            let first = try await client.get("/api/v2/incremental/ticket_events.json?start_time=0")
            #expect(first.status == 504)
            let second = try await client.get("/api/v2/incremental/ticket_events.json?start_time=0")
            #expect(second.status == 200)
        }
    }
}
