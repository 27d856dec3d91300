import FakeZendesk
import Testing

/// The cursor-based ticket export: a full walk, resuming after changes, side-loads and filters.
@Suite struct TicketExportTests {
    /// Walks the export from `firstTarget` to `end_of_stream`; returns each page's body.
    static func walk(_ client: RawClient, from firstTarget: String) async throws -> [JSONObject] {
        var pages: [JSONObject] = []
        var target = firstTarget
        while pages.count < 100 {
            let response = try await client.get(target)
            #expect(response.status == 200)
            let page = try response.json()
            pages.append(page)
            if page.bool("end_of_stream") == true { break }
            target = try #require(page.string("after_url"))
        }
        return pages
    }

    @Test func fullWalkReturnsEveryTicketOnceWithMetricSets() async throws {
        let account = FakeAccount.generated(tickets: 24, seed: 7, start: testStart)
        try await withServer(account) { _, client async throws in
            let target = "/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=7&include=metric_sets"
            let pages = try await Self.walk(client, from: target)
            #expect(pages.count == 4)
            #expect(pages.map { $0.bool("end_of_stream") } == [false, false, false, true])
            let ids = pages.flatMap { $0.ids("tickets") }
            #expect(ids.count == 24)
            #expect(Set(ids) == Set(account.tickets.map(\.id)))
            for page in pages {
                let live = page.list("tickets").filter { $0.string("status") != "deleted" }.compactMap { $0.int("id") }
                #expect(page.list("metric_sets").compactMap { $0.int("ticket_id") } == live)
                #expect(page.string("after_cursor") != nil)
                #expect(page.isNull("before_cursor"))
            }
            let generated = pages.flatMap { $0.list("tickets") }.compactMap { $0.int("generated_timestamp") }
            #expect(generated == generated.sorted())
            #expect(pages.flatMap { $0.list("tickets") }.filter { $0.string("status") == "deleted" }.count == 2)
        }
    }

    @Test func afterURLKeepsIncludeAndPageSizeButDropsStartTime() async throws {
        try await withServer { _, client async throws in
            let page = try await client.get(
                "/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=5&include=metric_sets"
            )
            .json()
            let afterURL = try #require(page.string("after_url"))
            #expect(afterURL.hasPrefix(client.baseURL.absoluteString + "/api/v2/incremental/tickets/cursor.json?"))
            #expect(afterURL.contains("per_page=5"))
            #expect(afterURL.contains("include=metric_sets"))
            #expect(!afterURL.contains("start_time"))
            #expect(afterURL.contains("cursor=" + encoded(try #require(page.string("after_cursor")))))
        }
    }

    @Test func resumingFromTheFinalCursorSeesOnlyChangedTickets() async throws {
        try await withServer { server, client async throws in
            let first = try await Self.walk(client, from: "/api/v2/incremental/tickets/cursor.json?start_time=0")
            let cursor = try #require(first.last?.string("after_cursor"))
            let resume = "/api/v2/incremental/tickets/cursor.json?cursor=\(encoded(cursor))&include=metric_sets"
            let unchanged = try await client.get(resume).json()
            #expect(unchanged.ids("tickets").isEmpty)
            #expect(unchanged.bool("end_of_stream") == true)
            #expect(unchanged.string("after_cursor") == cursor)

            let before = await server.account
            await server.mutate { account in
                account.updateTicket(1004) { $0.status = "solved" }
                account.deleteTicket(1010)
            }
            let after = await server.account
            let changed = try await client.get(resume).json()
            #expect(changed.ids("tickets") == [1004, 1010])
            let tickets = changed.list("tickets")
            #expect(tickets.map { $0.string("status") } == ["solved", "deleted"])
            #expect(changed.list("metric_sets").compactMap { $0.int("ticket_id") } == [1004])
            let bumped = try #require(after.ticket(1004))
            #expect(bumped.generatedTimestamp > (before.ticket(1004)?.generatedTimestamp ?? .max))
            #expect(tickets.first?.int("generated_timestamp") == bumped.generatedTimestamp)
            #expect(tickets.first?.string("updated_at") == FakeTime.iso8601(bumped.updatedAt))
        }
    }

    @Test func startTimeSelectsByGeneratedTimestamp() async throws {
        let account = FakeAccount.generated(tickets: 24, seed: 7, start: testStart)
        let sorted = account.tickets.sorted { ($0.generatedTimestamp, $0.id) < ($1.generatedTimestamp, $1.id) }
        let pivot = sorted[10].generatedTimestamp
        try await withServer(account) { _, client async throws in
            let page = try await client.get("/api/v2/incremental/tickets/cursor.json?start_time=\(pivot)").json()
            #expect(page.ids("tickets") == sorted.filter { $0.generatedTimestamp >= pivot }.map(\.id))
            #expect(page.bool("end_of_stream") == true)
        }
    }

    @Test func excludeDeletedDropsDeletedTickets() async throws {
        try await withServer { _, client async throws in
            let page = try await client.get("/api/v2/incremental/tickets/cursor.json?start_time=0&exclude_deleted=true")
                .json()
            #expect(page.ids("tickets").count == 22)
            #expect(!page.list("tickets").contains { $0.string("status") == "deleted" })
        }
    }

    @Test(arguments: [
        "/api/v2/incremental/tickets/cursor.json", "/api/v2/incremental/tickets/cursor.json?cursor=bm9wZQ%3D%3D",
        "/api/v2/incremental/tickets/cursor.json?start_time=yesterday",
    ])
    func badPaginationParametersAnswer400(target: String) async throws {
        try await withServer { _, client async throws in
            let response = try await client.get(target)
            #expect(response.status == 400)
            #expect(try response.json().string("error") == "InvalidPaginationParameter")
        }
    }

    @Test func usersExportByUpdatedAt() async throws {
        let account = FakeAccount.generated(tickets: 10, seed: 3, start: testStart)
        try await withServer(account) { _, client async throws in
            let pages = try await Self.walk(
                client, from: "/api/v2/incremental/users/cursor.json?start_time=0&per_page=4")
            let users = pages.flatMap { $0.list("users") }
            #expect(users.compactMap { $0.int("id") }.sorted() == account.users.map(\.id).sorted())
            let updated = users.compactMap { $0.string("updated_at").flatMap(FakeTime.epoch) }
            #expect(updated == updated.sorted())
            #expect(users.contains { $0.bool("active") == false })
        }
    }
}
