import DeskstatConfig
import Foundation
import Testing

@Suite("config show")
struct ReportTests {
    private func configuration() throws -> DeskstatConfiguration {
        var fixture = Fixture()
        fixture.environment["ZENDESK_EMAIL"] = "admin@acme.com"
        fixture.environment["ZENDESK_API_TOKEN"] = Fixture.token
        fixture.config("# deskstat\nsubdomain: acme\nstart_date: 2017-01-25\ntables: [tickets, users]\n")
        return try fixture.load(ConfigFlags(requestsPerMinute: 400))
    }

    @Test("one line per key with value and source")
    func text() throws {
        let expected = """
            config_file                      ./deskstat.yaml           default
            subdomain                        acme                      file ./deskstat.yaml:2
            email                            admin@acme.com            env ZENDESK_EMAIL
            start_date                       2017-01-25T00:00:00Z      file ./deskstat.yaml:3
            tables                           tickets, users            file ./deskstat.yaml:4
            cache                            deskstat.sqlite           default
            base_url                         https://acme.zendesk.com  default
            incremental_requests_per_minute  10                        default
            requests_per_minute              400                       flag --requests-per-minute
            audit_concurrency                4                         default
            token_file                       not set
            token                            set (env ZENDESK_API_TOKEN)

            """
        #expect(ConfigReport.render(try configuration()) == expected)
    }

    @Test("an empty configuration shows what is not set")
    func unset() throws {
        let rows = ConfigReport.rows(try Fixture(environment: [:]).load())
        let byKey = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0) })
        #expect(byKey["subdomain"]?.value == "not set")
        #expect(byKey["base_url"]?.value == "not set")
        #expect(byKey["token"]?.value == "not set")
        #expect(byKey["tables"]?.value == "default (all but ticket_audits)")
        #expect(byKey["config_file"]?.value == "not set")
        #expect(rows.map(\.key).count == 12)
    }

    @Test("the JSON form has sorted keys, numbers as numbers and the token only as set")
    func json() throws {
        let text = ConfigReport.renderJSON(try configuration())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            object.keys.sorted() == [
                "audit_concurrency", "base_url", "cache", "config_file", "email", "incremental_requests_per_minute",
                "requests_per_minute", "start_date", "subdomain", "tables", "token", "token_file", "warnings",
            ])
        let requests = try #require(object["requests_per_minute"] as? [String: Any])
        #expect(requests["value"] as? Int == 400)
        #expect(requests["source"] as? String == "flag --requests-per-minute")
        let tables = try #require(object["tables"] as? [String: Any])
        #expect(tables["value"] as? [String] == ["tickets", "users"])
        let token = try #require(object["token"] as? [String: Any])
        #expect(token["set"] as? Bool == true)
        #expect(token["kind"] as? String == "api_token")
        #expect(token["source"] as? String == "env ZENDESK_API_TOKEN")
        #expect(token.count == 3)
        // Keys appear in sorted order in the text itself.
        let keyOrder = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keyOrder == keyOrder.sorted())
        #expect(text.hasSuffix("}\n"))
    }

    @Test("a token from a token file says which file and who named it")
    func tokenFileSource() throws {
        let fixture = Fixture()
        fixture.file("token", "abc\n")
        let configuration = try fixture.load(ConfigFlags(tokenFile: "token"))
        let row = try #require(ConfigReport.rows(configuration).last)
        #expect(row.value == "set (token file token via flag --token-file)")
    }
}
