import DeskstatConfig
import Foundation
import Testing

@Suite("Credentials: where the token comes from and how it is sent")
struct CredentialTests {
    private let token = Fixture.token

    @Test("ZENDESK_API_TOKEN gives Basic auth as EMAIL/token")
    func apiTokenFromEnvironment() throws {
        var fixture = Fixture()
        fixture.environment["ZENDESK_API_TOKEN"] = token
        fixture.config("subdomain: acme\nemail: admin@acme.com\nstart_date: 2017-01-25\n")
        let configuration = try fixture.load()
        let credentials = try #require(configuration.credentials)
        #expect(credentials.kind == .apiToken)
        #expect(credentials.source == .environment("ZENDESK_API_TOKEN"))
        #expect(try configuration.authorizationHeader().reveal() == "Basic " + Fixture.basicPayload)
    }

    @Test("the Basic header is base64 of EMAIL/token:TOKEN")
    func basicHeader() throws {
        let credentials = Credentials(kind: .apiToken, token: Secret("abc123"), source: .default)
        let header = try credentials.authorizationHeader(email: "jdoe@example.com")
        #expect(header.reveal() == "Basic amRvZUBleGFtcGxlLmNvbS90b2tlbjphYmMxMjM=")
        let decoded = Data(base64Encoded: String(header.reveal().dropFirst("Basic ".count)))
        #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == "jdoe@example.com/token:abc123")
    }

    @Test("an API token without an email cannot make a header")
    func basicNeedsEmail() {
        let credentials = Credentials(kind: .apiToken, token: Secret("abc123"), source: .default)
        #expect(throws: ConfigError.missingSettings([.email])) { try credentials.authorizationHeader(email: nil) }
    }

    @Test("ZENDESK_OAUTH_TOKEN gives a Bearer header and needs no email")
    func oauthToken() throws {
        var fixture = Fixture()
        fixture.environment["ZENDESK_OAUTH_TOKEN"] = "oauth-access-token"
        fixture.config("subdomain: acme\nstart_date: 2017-01-25\n")
        let configuration = try fixture.load()
        #expect(configuration.credentials?.kind == .oauthToken)
        #expect(try configuration.authorizationHeader().reveal() == "Bearer oauth-access-token")
        let settings = try configuration.syncSettings()
        #expect(settings.authorization.reveal() == "Bearer oauth-access-token")
    }

    @Test("both token variables set is an error, not a guess")
    func conflictingTokens() {
        var fixture = Fixture()
        fixture.environment["ZENDESK_API_TOKEN"] = token
        fixture.environment["ZENDESK_OAUTH_TOKEN"] = "other"
        #expect(fixture.error() == .conflictingCredentials(first: "ZENDESK_API_TOKEN", second: "ZENDESK_OAUTH_TOKEN"))
    }

    @Test("token_file in the config is read relative to the config file")
    func tokenFileFromConfig() throws {
        let fixture = Fixture()
        fixture.file("/etc/deskstat/deskstat.yaml", "token_file: zendesk-token\n")
        fixture.file("/etc/deskstat/zendesk-token", token + "\n")
        let configuration = try fixture.load(ConfigFlags(configPath: "/etc/deskstat/deskstat.yaml"))
        #expect(configuration.tokenFile?.value == "/etc/deskstat/zendesk-token")
        #expect(
            configuration.credentials?.source
                == .tokenFile(
                    path: "/etc/deskstat/zendesk-token",
                    namedBy: .file(path: "/etc/deskstat/deskstat.yaml", line: 1)))
        #expect(configuration.credentials?.token.reveal() == token)
    }

    @Test("the environment token beats token_file in the config, which is then not read")
    func environmentBeatsConfigTokenFile() throws {
        var fixture = Fixture()
        fixture.environment["ZENDESK_API_TOKEN"] = token
        fixture.config("token_file: missing-token\n")
        let configuration = try fixture.load()
        #expect(configuration.credentials?.source == .environment("ZENDESK_API_TOKEN"))
    }

    @Test("--token-file beats the environment (a flag beats the environment)")
    func flagTokenFileBeatsEnvironment() throws {
        var fixture = Fixture()
        fixture.environment["ZENDESK_API_TOKEN"] = "from-environment"
        fixture.file("~token", "from-file")
        fixture.file(Fixture.home + "/zendesk-token", "from-file\n")
        let configuration = try fixture.load(ConfigFlags(tokenFile: "~/zendesk-token"))
        #expect(configuration.credentials?.token.reveal() == "from-file")
        #expect(
            configuration.credentials?.source
                == .tokenFile(path: Fixture.home + "/zendesk-token", namedBy: .flag("--token-file")))
    }

    @Test("api_token in the config works, with a warning")
    func apiTokenInConfig() throws {
        let fixture = Fixture()
        fixture.config("email: admin@acme.com\napi_token: \(token)\n")
        let configuration = try fixture.load()
        #expect(configuration.credentials?.source == .file(path: "./deskstat.yaml", line: 2))
        #expect(configuration.warnings.count == 1)
        #expect(
            configuration.warnings[0].contains("./deskstat.yaml:2: api_token keeps the API token in the config file"))
        #expect(!configuration.warnings[0].contains(token))
    }

    @Test("an empty or multi-word token file is refused without quoting it")
    func badTokenFiles() {
        let fixture = Fixture()
        fixture.file("empty-token", "\n")
        fixture.file("two-tokens", "\(token)\nsecond\(token)\n")
        #expect(
            fixture.error(ConfigFlags(tokenFile: "empty-token"))?.description.hasPrefix(
                "empty-token: the token is empty") == true)
        let error = fixture.error(ConfigFlags(tokenFile: "two-tokens"))
        #expect(error?.description.contains("line breaks") == true)
        #expect(error?.description.contains(token) == false)
    }

    @Test("a missing token file says so")
    func missingTokenFile() {
        let error = Fixture().error(ConfigFlags(tokenFile: "nope"))
        #expect(error == .unreadableFile(path: "nope", reason: "no such file; check the path"))
    }

    @Test("syncSettings lists everything missing, with how to set it")
    func missingForSync() throws {
        let configuration = try Fixture().load()
        #expect(throws: ConfigError.missingSettings([.subdomain, .startDate, .token])) {
            try configuration.syncSettings()
        }
        var fixture = Fixture()
        fixture.environment["ZENDESK_API_TOKEN"] = token
        let withToken = try fixture.load(ConfigFlags(subdomain: "acme", startDate: "2017-01-25"))
        let error = #expect(throws: ConfigError.self) { try withToken.syncSettings() }
        #expect(error == .missingSettings([.email]))
        #expect(error?.description.contains("pass --email, set ZENDESK_EMAIL") == true)
    }

    @Test("syncSettings carries everything sync needs")
    func syncSettings() throws {
        var fixture = Fixture()
        fixture.environment["ZENDESK_API_TOKEN"] = token
        let configuration = try fixture.load(
            ConfigFlags(
                subdomain: "acme", email: "admin@acme.com", startDate: "2017-01-25", tables: ["tickets,users"],
                baseURL: "http://127.0.0.1:8080", auditConcurrency: 2))
        let settings = try configuration.syncSettings()
        #expect(settings.baseURL.absoluteString == "http://127.0.0.1:8080")
        #expect(settings.authorization.reveal() == "Basic " + Fixture.basicPayload)
        #expect(settings.startTime == 1_485_302_400)
        #expect(settings.tables == ["tickets", "users"])
        #expect(settings.cachePath == "deskstat.sqlite")
        #expect(settings.incrementalRequestsPerMinute == 10)
        #expect(settings.requestsPerMinute == 200)
        #expect(settings.auditConcurrency == 2)
        #expect(settings.redact("token=\(token)") == "token=[redacted]")
    }
}
