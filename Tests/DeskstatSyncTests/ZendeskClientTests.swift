import DeskstatSync
import Foundation
import Testing

@Suite struct ZendeskClientTests {
    static let ok = #"{"groups":[{"id":1}]}"#

    func client(_ transport: ScriptedTransport, clock: VirtualClock, perMinute: Int = 6000) -> ZendeskClient {
        let settings = ZendeskClient.Settings(
            baseURL: URL(string: "http://127.0.0.1:9") ?? URL(filePath: "/"), authorization: "Basic c2VjcmV0",
            incrementalPerMinute: 10,
            standardPerMinute: perMinute, maxAttempts: 4, backoffBase: 1)
        return ZendeskClient(settings: settings, transport: transport, clock: clock, events: { _ in })
    }

    @Test func waitsRetryAfterOn429WholeAndDecimal() async throws {
        let transport = ScriptedTransport([
            .respond(429, headers: ["Retry-After": "2"], body: "Rate limit exceeded"),
            .respond(429, headers: ["retry-after": "0.5"], body: "{}"),
            .respond(200, body: Self.ok),
        ])
        let clock = VirtualClock()
        let envelope = try await client(transport, clock: clock).envelope(
            URL(string: "http://127.0.0.1:9/api/v2/groups.json")!, .standard)
        #expect(envelope.sections.first?.records.count == 1)
        #expect(transport.requestCount == 3)
        #expect(clock.totalSlept >= 2.5 && clock.totalSlept < 2.6)
    }

    @Test func waitsSixtySecondsWhen503HasNoRetryAfter() async throws {
        let transport = ScriptedTransport([.respond(503, body: "maintenance"), .respond(200, body: Self.ok)])
        let clock = VirtualClock()
        _ = try await client(transport, clock: clock).get(URL(string: "http://127.0.0.1:9/x")!, .standard)
        #expect(clock.totalSlept >= 60 && clock.totalSlept < 60.1)
    }

    @Test func retriesServerErrorsAndNetworkFailuresWithBackoffThenGivesUp() async throws {
        let transport = ScriptedTransport([
            .respond(500, body: "oops"), .fail(.connectionLost("reset")), .fail(.timedOut),
            .respond(200, body: Self.ok),
        ])
        let clock = VirtualClock()
        _ = try await client(transport, clock: clock).get(URL(string: "http://127.0.0.1:9/x")!, .standard)
        #expect(clock.recordedSleeps.filter { $0 >= 1 } == [1, 2, 4])

        let failing = ScriptedTransport(Array(repeating: .respond(502, body: "bad gateway"), count: 10))
        await #expect(throws: SyncError.self) {
            _ = try await client(failing, clock: VirtualClock()).get(URL(string: "http://127.0.0.1:9/x")!, .standard)
        }
        #expect(failing.requestCount == 4)
    }

    @Test func truncatedBodiesAreRetried() async throws {
        let transport = ScriptedTransport([.respond(200, body: #"{"groups":[{"id":1"#), .respond(200, body: Self.ok)])
        let envelope = try await client(transport, clock: VirtualClock()).envelope(
            URL(string: "http://127.0.0.1:9/x")!, .standard)
        #expect(envelope.sections.count == 1)
        #expect(transport.requestCount == 2)
    }

    @Test func statusesThatStopOrGoBackToTheCaller() async throws {
        func outcome(_ status: Int) async -> SyncError? {
            let transport = ScriptedTransport([.respond(status, body: "{\"error\":\"x\"}")])
            do {
                _ = try await client(transport, clock: VirtualClock()).get(
                    URL(string: "http://127.0.0.1:9/x")!, .standard)
                return nil
            } catch {
                return error
            }
        }
        if case .unauthorized? = await outcome(401) {} else { Issue.record("401") }
        if case .forbidden? = await outcome(403) {} else { Issue.record("403") }
        if case .notFound? = await outcome(404) {} else { Issue.record("404") }
        if case .gatewayTimeout? = await outcome(504) {} else { Issue.record("504") }
        if case .http(422, _, _)? = await outcome(422) {} else { Issue.record("422") }
    }

    @Test func pacesEachEndpointClass() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(200, body: Self.ok), count: 4))
        let clock = VirtualClock()
        let client = client(transport, clock: clock, perMinute: 6000)
        for _ in 0..<3 {
            _ = try await client.get(URL(string: "http://127.0.0.1:9/api/v2/incremental/x")!, .incremental)
        }
        // 10 a minute: the second and third requests each wait 6 s.
        #expect(clock.totalSlept >= 12 && clock.totalSlept < 12.1)
    }

    @Test func neverSendsTheTokenAnywhereButTheAuthorizationHeader() async throws {
        let transport = ScriptedTransport([.respond(200, body: Self.ok)])
        _ = try await client(transport, clock: VirtualClock()).get(
            URL(string: "http://127.0.0.1:9/api/v2/groups.json")!, .standard)
        let request = try #require(transport.requests.first)
        #expect(request.headers["Authorization"] == "Basic c2VjcmV0")
        #expect(!request.url.absoluteString.contains("c2VjcmV0"))
    }
}
