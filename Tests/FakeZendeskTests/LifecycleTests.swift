import FakeZendesk
import Testing

/// Starting and stopping the server.
@Suite struct LifecycleTests {
    @Test func concurrentStartsShareOnePort() async throws {
        let server = FakeZendeskServer(account: .generated(tickets: 2, seed: 1), credentials: testCredentials)
        async let first = server.start()
        async let second = server.start()
        let urls = try await [first, second]
        #expect(urls[0] == urls[1])
        #expect(urls[0].host == "127.0.0.1")
        #expect(try await server.start() == urls[0])
        await server.stop()
        await server.stop()
        #expect(await server.baseURL == nil)
    }

    @Test func restartsOnANewPortAfterStop() async throws {
        let server = FakeZendeskServer(account: .generated(tickets: 2, seed: 1), credentials: testCredentials)
        _ = try await server.start()
        await server.stop()
        let client = RawClient(baseURL: try await server.start())
        #expect(try await client.get("/api/v2/users/me.json").status == 200)
        await server.stop()
    }
}
