import FakeZendesk
import Testing

/// Per-ticket audits, comments and metrics, and the 404s of deleted tickets.
@Suite struct TicketChildrenTests {
    @Test func auditsCarryCommentEvents() async throws {
        let account = FakeAccount.generated(tickets: 24, seed: 7, start: testStart)
        let ticket = try #require(account.tickets.first { !$0.isDeleted })
        try await withServer(account) { _, client async throws in
            let page = try await client.get("/api/v2/tickets/\(ticket.id)/audits.json?page%5Bsize%5D=100").json()
            let audits = page.list("audits")
            #expect(audits.count == account.audits[ticket.id]?.count)
            #expect(audits.allSatisfy { $0.int("ticket_id") == ticket.id })
            let comment = try #require(audits.first?.list("events").first { $0.string("type") == "Comment" })
            #expect(comment.string("body") == ticket.description)
            #expect(comment.int("audit_id") == audits.first?.int("id"))
            #expect(page.object("meta")?.bool("has_more") == false)
        }
    }

    @Test func commentsComeFromTheAudits() async throws {
        let account = FakeAccount.generated(tickets: 24, seed: 7, start: testStart)
        let ticket = try #require(account.tickets.first { !$0.isDeleted && $0.metricSet?.replies == 1 })
        try await withServer(account) { _, client async throws in
            let page = try await client.get("/api/v2/tickets/\(ticket.id)/comments.json?page%5Bsize%5D=1").json()
            #expect(page.list("comments").count == 1)
            #expect(page.object("meta")?.bool("has_more") == true)
            let comment = try #require(page.list("comments").first)
            #expect(comment.string("type") == "Comment")
            #expect(comment.string("created_at") == FakeTime.iso8601(ticket.createdAt))
            #expect(comment.object("via")?.string("channel") == ticket.viaChannel)
        }
    }

    @Test(arguments: ["audits", "comments", "metrics"])
    func deletedAndUnknownTicketsAnswer404(child: String) async throws {
        let account = FakeAccount.generated(tickets: 24, seed: 7, start: testStart)
        let deleted = try #require(account.tickets.first { $0.isDeleted })
        try await withServer(account) { _, client async throws in
            for id in [deleted.id, 99_999] {
                let response = try await client.get("/api/v2/tickets/\(id)/\(child).json")
                #expect(response.status == 404)
                #expect(response.text == #"{"error":"RecordNotFound","description":"Not found"}"#)
            }
        }
    }

    @Test func deletedTicketChildrenCanAnswerWhenTheSwitchIsOff() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan(deletedTicketChildrenReturn404: false))
            let response = try await client.get("/api/v2/tickets/1002/audits.json")
            #expect(response.status == 200)
            #expect(try response.json().list("audits").isEmpty)
        }
    }

    @Test func singleTicketAndMetric() async throws {
        try await withServer { _, client async throws in
            let ticket = try await client.get("/api/v2/tickets/1001.json").json()
            #expect(ticket.object("ticket")?.int("id") == 1001)
            let metric = try await client.get("/api/v2/tickets/1001/metrics.json").json()
            #expect(metric.object("ticket_metric")?.int("ticket_id") == 1001)
            #expect(try await client.get("/api/v2/tickets/1002.json").status == 404)
        }
    }
}
