import FakeZendesk
import Testing

/// Time-based exports: `start_time`, `end_time`, `next_page` and the inclusive boundary.
@Suite struct TimeExportTests {
    static func walk(_ client: RawClient, from target: String) async throws -> [JSONObject] {
        var pages: [JSONObject] = []
        var next: String? = target
        while let target = next, pages.count < 200 {
            let page = try await client.get(target).json()
            pages.append(page)
            next = page.bool("end_of_stream") == true ? nil : page.string("next_page")
        }
        return pages
    }

    @Test func metricEventsPageWithInclusiveBoundaries() async throws {
        let account = FakeAccount.generated(tickets: 12, seed: 5, start: testStart)
        try await withServer(account) { _, client async throws in
            let pages = try await Self.walk(
                client, from: "/api/v2/incremental/ticket_metric_events.json?start_time=0&per_page=5")
            #expect(pages.last?.bool("end_of_stream") == true)
            #expect(pages.last?.isNull("next_page") == true)
            let all = pages.flatMap { $0.ids("ticket_metric_events") }
            #expect(Set(all) == Set(account.ticketMetricEvents.map(\.id)))
            #expect(all.count > Set(all).count, "boundary records repeat on the next page")
            for (page, next) in zip(pages, pages.dropFirst()) {
                let endTime = try #require(page.int("end_time"))
                let lastTime = page.list("ticket_metric_events").last?.string("time").flatMap(FakeTime.epoch)
                #expect(endTime == lastTime)
                #expect(page.string("next_page")?.contains("start_time=\(endTime)") == true)
                let firstNext = next.list("ticket_metric_events").first?.string("time").flatMap(FakeTime.epoch)
                #expect(firstNext == endTime)
                #expect(page.int("count") == Int64(page.list("ticket_metric_events").count))
            }
        }
    }

    @Test func recordsSharingATimestampStayOnOnePage() async throws {
        let events = (1...6).map {
            FakeTicketMetricEvent(id: Int64($0), ticketID: 1001, metric: "reply_time", type: "activate", time: 5000)
        }
        let later = FakeTicketMetricEvent(id: 7, ticketID: 1001, metric: "reply_time", type: "fulfill", time: 6000)
        try await withServer(FakeAccount(ticketMetricEvents: events + [later])) { _, client async throws in
            let first = try await client.get("/api/v2/incremental/ticket_metric_events.json?start_time=0&per_page=2")
                .json()
            #expect(first.ids("ticket_metric_events") == [1, 2, 3, 4, 5, 6])
            #expect(first.int("end_time") == 5000)
            #expect(first.bool("end_of_stream") == false)
            let stuck = try await client.get("/api/v2/incremental/ticket_metric_events.json?start_time=5000&per_page=2")
                .json()
            #expect(stuck.ids("ticket_metric_events") == [1, 2, 3, 4, 5, 6])
            #expect(stuck.int("end_time") == 5001, "a page all at start_time moves on by a second")
            let last = try await client.get(try #require(stuck.string("next_page"))).json()
            #expect(last.ids("ticket_metric_events") == [7])
            #expect(last.bool("end_of_stream") == true)
        }
    }

    @Test func organizationsExportIncludesDeletedOnes() async throws {
        try await withServer { _, client async throws in
            let page = try await client.get("/api/v2/incremental/organizations.json?start_time=0").json()
            #expect(page.ids("organizations") == [7002, 7003, 7001])
            #expect(page.list("organizations")[1].string("deleted_at") != nil)
            #expect(page.bool("end_of_stream") == true)
            #expect(page.int("count") == 3)
            let recent = try await client.get("/api/v2/incremental/organizations.json?start_time=\(testStart)").json()
            #expect(recent.ids("organizations") == [7001])
            #expect(recent.int("end_time") == testStart + 43_200)
            let empty = try await client.get("/api/v2/incremental/organizations.json?start_time=\(testStart + 86_400)")
                .json()
            #expect(empty.ids("organizations").isEmpty)
            #expect(empty.int("end_time") == testStart + 86_400)
            #expect(empty.bool("end_of_stream") == true)
            #expect(empty.isNull("next_page"))
        }
    }
}
