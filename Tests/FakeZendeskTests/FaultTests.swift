import FakeZendesk
import Foundation
import Testing

/// Each fault, as a raw URLSession client sees it.
@Suite struct FaultTests {
    static let ticketsPath = "/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=5"

    @Test func rateLimitWithRetryAfterAndPlainTextBody() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.rateLimited(retryAfter: "0.5"), on: "incremental/", .first(2)))
            for _ in 0..<2 {
                let limited = try await client.get(Self.ticketsPath)
                #expect(limited.status == 429)
                #expect(limited.headers["retry-after"] == "0.5")
                #expect(limited.headers["content-type"] == "text/plain; charset=utf-8")
                #expect(limited.text == "Rate limit exceeded")
            }
            #expect(try await client.get(Self.ticketsPath).status == 200)
            #expect(try await client.get("/api/v2/groups.json").status == 200)
        }
    }

    @Test(arguments: [
        (Fault.serviceUnavailable(retryAfter: "2"), 503, "2"), (Fault.internalServerError, 500, nil),
        (Fault.gatewayTimeout, 504, nil), (Fault.badGateway, 502, nil), (Fault.unauthorized, 401, nil),
        (Fault.forbidden, 403, nil), (Fault.notFound, 404, nil),
        (Fault.status(409, retryAfter: "1", body: "{}", contentType: FakeContentType.json), 409, "1"),
    ])
    func statusFaults(fault: Fault, status: Int, retryAfter: String?) async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(fault, on: "groups"))
            let response = try await client.get("/api/v2/groups.json")
            #expect(response.status == status)
            #expect(response.headers["retry-after"] == retryAfter)
            #expect(response.headers["x-rate-limit"] == "700")
            if case .status(_, _, let body, _) = fault { #expect(response.text == body) }
        }
    }

    @Test func triggersCountMatchingRequests() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(
                FaultPlan()
                    .adding(.internalServerError, on: "groups", .nth(2))
                    .adding(.gatewayTimeout, on: "macros", .every(3))
                    .adding(.badGateway, on: "tags", .after(1)))
            var statuses: [String: [Int]] = [:]
            for _ in 0..<6 {
                for name in ["groups", "macros", "tags"] {
                    statuses[name, default: []].append(try await client.get("/api/v2/\(name).json").status)
                }
            }
            #expect(statuses["groups"] == [200, 500, 200, 200, 200, 200])
            #expect(statuses["macros"] == [200, 200, 504, 200, 200, 504])
            #expect(statuses["tags"] == [200, 502, 502, 502, 502, 502])
        }
    }

    @Test func truncatedBodyFailsToParse() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.truncatedBody, on: "incremental/tickets", .first(1)))
            let truncated = try await client.get(Self.ticketsPath)
            #expect(truncated.status == 200)
            #expect(truncated.headers["content-length"] == String(truncated.body.count))
            #expect(throws: (any Error).self) { try truncated.json() }
            let whole = try await client.get(Self.ticketsPath)
            #expect(truncated.body.count == whole.body.count / 2)
            #expect(whole.body.starts(with: truncated.body))
        }
    }

    @Test func droppedConnectionIsATransportError() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.dropConnection, on: "incremental/tickets", .first(1)))
            await #expect(throws: (any Error).self) { _ = try await client.get(Self.ticketsPath) }
            #expect(try await client.get(Self.ticketsPath).status == 200)
            let log = await server.requests
            #expect(log.count == 2)
            #expect(log.first?.faults == [.dropConnection])
        }
    }

    @Test func slowResponsesWaitTheScaledDelay() async throws {
        try await withServer(options: FakeServerOptions(delayScale: 0.01)) { server, client async throws in
            await server.setFaults(FaultPlan().adding(.slow(seconds: 20), on: "groups"))
            let clock = ContinuousClock()
            let started = clock.now
            #expect(try await client.get("/api/v2/groups.json").status == 200)
            // Only the lower bound is checked: a loaded CI machine can make any request slow.
            #expect(clock.now - started >= .milliseconds(200))
            #expect(try await client.get("/api/v2/macros.json").status == 200)
        }
    }

    @Test func emptyPageDoesNotAdvance() async throws {
        try await withServer { server, client async throws in
            let first = try await client.get(Self.ticketsPath).json()
            let cursor = try #require(first.string("after_cursor"))
            await server.setFaults(FaultPlan().adding(.emptyPage, on: "incremental/tickets", .first(1)))
            let target = "/api/v2/incremental/tickets/cursor.json?per_page=5&cursor=\(encoded(cursor))"
            let empty = try await client.get(target).json()
            #expect(empty.ids("tickets").isEmpty)
            #expect(empty.bool("end_of_stream") == false)
            #expect(empty.string("after_cursor") == cursor)
            let real = try await client.get(try #require(empty.string("after_url"))).json()
            #expect(real.ids("tickets").count == 5)
            #expect(Set(real.ids("tickets")).isDisjoint(with: first.ids("tickets")))
        }
    }

    @Test func emptyListPageSaysHasMore() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.emptyPage, on: "groups", .first(1)))
            let empty = try await client.get("/api/v2/groups.json?page%5Bsize%5D=2").json()
            #expect(empty.ids("groups").isEmpty)
            #expect(empty.object("meta")?.bool("has_more") == true)
            let next = try await client.get(try #require(empty.object("links")?.string("next"))).json()
            #expect(next.ids("groups") == [360_001, 360_002])
        }
    }

    @Test func duplicateBoundaryRepeatsThePreviousPagesLastRecord() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.duplicateBoundary, on: "incremental/tickets"))
            let first = try await client.get(Self.ticketsPath).json()
            let second = try await client.get(try #require(first.string("after_url"))).json()
            #expect(first.ids("tickets").count == 5)
            #expect(second.ids("tickets").first == first.ids("tickets").last)
            await server.setFaults(FaultPlan().adding(.duplicateBoundary, on: "group_memberships"))
            let listFirst = try await client.get("/api/v2/group_memberships.json?page%5Bsize%5D=2").json()
            let listSecond = try await client.get(try #require(listFirst.object("links")?.string("next"))).json()
            #expect(listSecond.ids("group_memberships") == [361_002, 361_003])
        }
    }

    @Test func nullFinalCursor() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.nullFinalCursor, on: "incremental/"))
            let page = try await client.get("/api/v2/incremental/tickets/cursor.json?start_time=0").json()
            #expect(page.bool("end_of_stream") == true)
            #expect(page.isNull("after_cursor"))
            #expect(page.isNull("after_url"))
            let notFinal = try await client.get(Self.ticketsPath).json()
            #expect(notFinal.string("after_cursor") != nil)
            let users = try await client.get("/api/v2/incremental/users/cursor.json?start_time=0").json()
            #expect(users.isNull("after_cursor"))
        }
    }

    @Test func stoppingAnswersPendingSlowRequestsAtOnce() async throws {
        let server = FakeZendeskServer(account: .generated(tickets: 3, seed: 1), credentials: testCredentials)
        let client = RawClient(baseURL: try await server.start())
        await server.setFaults(FaultPlan().adding(.slow(seconds: 60), on: "groups"))
        let pending = Task { try? await client.get("/api/v2/groups.json") }
        while await server.requests.isEmpty { try await Task.sleep(nanoseconds: 5_000_000) }
        let clock = ContinuousClock()
        let started = clock.now
        await server.stop()
        _ = await pending.value
        // Far below the 60 s the fault asks for; generous because CI machines can be loaded.
        #expect(clock.now - started < .seconds(30))
    }
}
