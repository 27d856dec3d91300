import FakeZendesk
import Foundation
import Testing

/// The request log and the rate-limit headers.
@Suite struct RequestLogTests {
    @Test func recordsWhatWasReceivedAndAnswered() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().adding(.rateLimited(retryAfter: "1"), on: "groups", .first(1)))
            _ = try await client.get("/api/v2/groups.json?page%5Bsize%5D=2")
            _ = try await client.get("/api/v2/incremental/tickets/cursor.json?start_time=0&include=metric_sets%2Cusers")
            _ = try await client.get("/api/v2/users/me.json", authorization: .some(nil))
            let log = await server.requests
            #expect(log.map(\.method) == ["GET", "GET", "GET"])
            #expect(
                log.map(\.path) == [
                    "/api/v2/groups.json", "/api/v2/incremental/tickets/cursor.json", "/api/v2/users/me.json",
                ])
            #expect(log.map(\.status) == [429, 200, 401])
            #expect(log[0].faults == [.rateLimited(retryAfter: "1")])
            #expect(log[0].queryValue("page[size]") == "2")
            #expect(log[0].rawQuery == "page%5Bsize%5D=2")
            #expect(log[1].queryValue("include") == "metric_sets,users")
            #expect(log[1].authorization == goodAuthorization)
            #expect(log[2].authorization == nil)
            #expect(log.map(\.receivedAt) == log.map(\.receivedAt).sorted())
            #expect(await server.requests(matching: "incremental/").count == 1)
        }
    }

    @Test func plusInAQueryIsASpaceAsZendeskReadsIt() async throws {
        try await withServer { server, client async throws in
            let first = try await client.get("/api/v2/incremental/users/cursor.json?start_time=0&per_page=1").json()
            let cursor = try #require(first.string("after_cursor"))
            _ = try await client.get("/api/v2/incremental/users/cursor.json?cursor=a+b%2Bc")
            let log = await server.requests
            #expect(log.last?.queryValue("cursor") == "a b+c")
            #expect(log.last?.status == 400)
            let good = try await client.get("/api/v2/incremental/users/cursor.json?cursor=\(encoded(cursor))")
            #expect(good.status == 200)
        }
    }

    @Test func rateLimitHeadersCountDown() async throws {
        // A day-long window: a starved test process may take over a minute for these requests.
        try await withServer(options: FakeServerOptions(rateLimit: 200, rateWindow: .seconds(86_400))) {
            _, client async throws in
            var remaining: [String?] = []
            for _ in 0..<3 {
                remaining.append(try await client.get("/api/v2/groups.json").headers["x-rate-limit-remaining"])
            }
            let unauthorized = try await client.get("/api/v2/groups.json", authorization: .some(nil))
            #expect(remaining == ["199", "198", "197"])
            #expect(unauthorized.headers["x-rate-limit"] == "200")
            #expect(unauthorized.headers["x-rate-limit-remaining"] == "196")
        }
    }

    @Test func rateLimitCountStartsAgainInANewWindow() async throws {
        // A zero-length window has passed by every request, so each one is the first of its own.
        try await withServer(options: FakeServerOptions(rateLimit: 200, rateWindow: .zero)) { _, client async throws in
            var remaining: [String?] = []
            for _ in 0..<3 {
                remaining.append(try await client.get("/api/v2/groups.json").headers["x-rate-limit-remaining"])
            }
            #expect(remaining == ["199", "199", "199"])
        }
    }

    @Test func theTokenTravelsOnlyInTheAuthorizationHeader() async throws {
        try await withServer { server, client async throws in
            _ = try await client.get("/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=3")
            for request in await server.requests {
                #expect(!request.target.contains("t0ken"))
                #expect(
                    request.headers.filter { $0.key != "authorization" }.values.allSatisfy { !$0.contains("t0ken") })
            }
        }
    }
}
