import FakeZendesk
import Foundation
import Testing

/// Every endpoint needs credentials; 403 for tables the plan does not include.
@Suite struct AuthTests {
    @Test(arguments: [
        nil, "Basic " + Data("ana@deskstat-fake.example/token:wrong".utf8).base64EncodedString(),
        "Basic " + Data("ana@deskstat-fake.example:t0ken-s3cret".utf8).base64EncodedString(), "Bearer t0ken-s3cret",
    ])
    func missingOrWrongCredentialsAnswer401(header: String?) async throws {
        try await withServer { _, client async throws in
            for target in [
                "/api/v2/users/me.json", "/api/v2/incremental/tickets/cursor.json?start_time=0", "/api/v2/nope",
            ] {
                let response = try await client.get(target, authorization: .some(header))
                #expect(response.status == 401)
                #expect(response.text == #"{"error":"Couldn't authenticate you"}"#)
                #expect(response.headers["content-type"] == "application/json; charset=utf-8")
            }
        }
    }

    @Test func basicSchemeIsCaseInsensitive() async throws {
        try await withServer { _, client async throws in
            let header = goodAuthorization.replacingOccurrences(of: "Basic ", with: "basic ")
            #expect(try await client.get("/api/v2/users/me.json", authorization: .some(header)).status == 200)
        }
    }

    @Test func bearerTokensWork() async throws {
        let server = FakeZendeskServer(account: .generated(tickets: 3, seed: 1), credentials: .bearer("oauth-abc"))
        let client = RawClient(baseURL: try await server.start(), authorization: "Bearer oauth-abc")
        let me = try await client.get("/api/v2/users/me.json")
        let wrong = try await client.get("/api/v2/users/me.json", authorization: .some("Bearer other"))
        await server.stop()
        #expect(me.status == 200)
        #expect(wrong.status == 401)
    }

    @Test func revokedCredentialsAnswer401() async throws {
        try await withServer { server, client async throws in
            #expect(try await client.get("/api/v2/groups.json").status == 200)
            await server.setCredentials(.apiToken(email: "ana@deskstat-fake.example", token: "rotated"))
            #expect(try await client.get("/api/v2/groups.json").status == 401)
        }
    }

    @Test func forbiddenTablesAnswer403OnTheirEndpoints() async throws {
        try await withServer { server, client async throws in
            await server.setFaults(FaultPlan().forbidding(.slaPolicies, .ticketForms, .ticketAudits))
            for target in [
                "/api/v2/slas/policies.json", "/api/v2/ticket_forms.json", "/api/v2/tickets/1001/audits.json",
            ] {
                let response = try await client.get(target)
                #expect(response.status == 403)
                let error = try #require(response.json().object("error"))
                #expect(error.string("title") == "Forbidden")
            }
            #expect(try await client.get("/api/v2/groups.json").status == 200)
            #expect(try await client.get("/api/v2/tickets/1001/comments.json").status == 200)
            #expect(try await client.get("/api/v2/slas/policies.json", authorization: .some(nil)).status == 401)
        }
    }
}
