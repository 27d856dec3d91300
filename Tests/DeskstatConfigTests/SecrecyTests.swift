import DeskstatConfig
import Foundation
import Testing

@Suite("The token never shows")
struct SecrecyTests {
    private let token = Fixture.token

    /// Every way the token could leak: itself, the Basic payload, and a prefix long enough to matter.
    private func leaks(_ text: String) -> Bool {
        text.contains(token) || text.contains(Fixture.basicPayload) || text.contains(String(token.prefix(12)))
    }

    /// Configurations with the token from each source.
    private func configurations() throws -> [DeskstatConfiguration] {
        var fromEnvironment = Fixture()
        fromEnvironment.environment["ZENDESK_API_TOKEN"] = token
        fromEnvironment.config("subdomain: acme\nemail: admin@acme.com\nstart_date: 2017-01-25\n")

        let fromTokenFile = Fixture()
        fromTokenFile.file("token", token + "\n")
        fromTokenFile.config("subdomain: acme\nemail: admin@acme.com\ntoken_file: token\n")

        let fromConfig = Fixture()
        fromConfig.config("subdomain: acme\nemail: admin@acme.com\napi_token: \(token)\n")

        var oauth = Fixture()
        oauth.environment["ZENDESK_OAUTH_TOKEN"] = token
        return [try fromEnvironment.load(), try fromTokenFile.load(), try fromConfig.load(), try oauth.load()]
    }

    @Test("config show, text and JSON, reports the token only as set")
    func report() throws {
        for configuration in try configurations() {
            let text = ConfigReport.render(configuration)
            let json = ConfigReport.renderJSON(configuration)
            #expect(!leaks(text))
            #expect(!leaks(json))
            let tokenLine = text.split(separator: "\n").last.map(String.init) ?? ""
            #expect(tokenLine.hasPrefix("token"))
            #expect(tokenLine.contains("set ("))
        }
    }

    @Test("String(describing:), String(reflecting:), interpolation and dump hide the token")
    func describing() throws {
        for configuration in try configurations() {
            #expect(!leaks(String(describing: configuration)))
            #expect(!leaks(String(reflecting: configuration)))
            #expect(!leaks("\(configuration)"))
            #expect(!leaks(dumped(configuration)))
            #expect(!leaks(dumped(configuration.redactor)))
            #expect(!leaks(String(describing: configuration.redactor)))
            let settings = try? configuration.syncSettings()
            #expect(!leaks(String(describing: settings)))
            #expect(!leaks(dumped(settings)))
            #expect(dumped(configuration).contains(Secret.placeholder))
        }
    }

    @Test("a Secret prints as the placeholder everywhere")
    func secret() {
        let secret = Secret(token)
        #expect(secret.description == "••••(redacted)")
        #expect(String(describing: secret) == "••••(redacted)")
        #expect(String(reflecting: secret) == "••••(redacted)")
        #expect("\(secret)" == "••••(redacted)")
        #expect(!dumped(secret).contains(token))
        #expect(Mirror(reflecting: secret).children.isEmpty)
        #expect(secret.reveal() == token)
    }

    @Test("no error message quotes the token")
    func errors() {
        var errors: [ConfigError?] = []
        func collect(_ yaml: String, environment: [String: String] = [:], flags: ConfigFlags = ConfigFlags()) {
            var fixture = Fixture()
            fixture.environment.merge(environment) { $1 }
            fixture.config(yaml)
            fixture.file("spaced-token", "\(token) \(token)\n")
            fixture.file("open-token", token, permissions: 0o644)
            errors.append(fixture.error(flags))
        }
        collect("api_token: [\(token)]\n")
        collect("api_token:\n  value: \(token)\n")
        collect("api_token: \"\(token) \(token)\"\n")
        collect("api_tokn: \(token)\n")
        collect("api_token: \(token)\napi_token: \(token)\n")
        collect("api_token: \"\(token)\n")
        collect("subdomain: acme\n", environment: ["ZENDESK_API_TOKEN": "\(token) x"])
        collect("", environment: ["ZENDESK_API_TOKEN": token, "ZENDESK_OAUTH_TOKEN": token])
        collect("", flags: ConfigFlags(tokenFile: "spaced-token"))
        collect("", flags: ConfigFlags(tokenFile: "open-token"))
        collect("api_token: \(token)\nstart_date: \(token)\n")
        #expect(errors.allSatisfy { $0 != nil })
        for error in errors.compactMap({ $0 }) {
            #expect(!leaks(error.description), "leaked in: \(error.description)")
            #expect(!leaks(String(reflecting: error)))
        }
    }

    @Test("redact replaces the token and its Base64 header forms")
    func redact() throws {
        var fixture = Fixture()
        fixture.environment["ZENDESK_API_TOKEN"] = token
        let configuration = try fixture.load(ConfigFlags(email: "admin@acme.com"))
        let unpadded = Fixture.basicPayload.replacingOccurrences(of: "=", with: "")
        let text = """
            GET /api/v2/tickets.json token=\(token)
            Authorization: Basic \(Fixture.basicPayload)
            header without padding \(unpadded).
            url-encoded: \(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            nothing secret here
            """
        let redacted = configuration.redact(text)
        #expect(!leaks(redacted))
        #expect(!redacted.contains(unpadded))
        #expect(redacted.contains("token=[redacted]"))
        #expect(redacted.contains("Authorization: Basic [redacted]"))
        #expect(redacted.contains("nothing secret here"))
    }

    @Test("redact also knows overridden tokens, and the bearer form")
    func redactOverridden() throws {
        var fixture = Fixture()
        fixture.environment["ZENDESK_OAUTH_TOKEN"] = "oauth-secret-value"
        fixture.config("api_token: \(token)\n")
        let configuration = try fixture.load()
        #expect(configuration.credentials?.kind == .oauthToken)
        let redacted = configuration.redact("Bearer oauth-secret-value and \(token)")
        #expect(redacted == "Bearer [redacted] and [redacted]")
    }

    @Test("a redactor without secrets changes nothing")
    func noSecrets() throws {
        #expect(Redactor.none.redact("abc") == "abc")
        #expect(try Fixture().load().redact("plain text") == "plain text")
    }
}
