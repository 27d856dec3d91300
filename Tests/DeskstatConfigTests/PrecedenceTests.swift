import DeskstatConfig
import Testing

/// One key given at every level: the flag, the environment variable, the config file line.
struct PrecedenceCase: Sendable, CustomTestStringConvertible {
    let key: String
    let setFlag: @Sendable (inout ConfigFlags) -> Void
    let flagValue: String
    let environment: (name: String, raw: String, value: String)?
    let fileLine: String
    let fileValue: String
    /// The value and source when nothing is given; nil for keys without a default.
    let defaultValue: String?
    let read: @Sendable (DeskstatConfiguration) -> (value: String, source: ConfigSource)?

    var testDescription: String { key }

    static let all: [PrecedenceCase] = [
        PrecedenceCase(
            key: "subdomain", setFlag: { $0.subdomain = "flagco" }, flagValue: "flagco",
            environment: ("ZENDESK_SUBDOMAIN", "envco", "envco"), fileLine: "subdomain: fileco", fileValue: "fileco",
            defaultValue: nil, read: { c in c.subdomain.map { ($0.value, $0.source) } }),
        PrecedenceCase(
            key: "email", setFlag: { $0.email = "flag@acme.com" }, flagValue: "flag@acme.com",
            environment: ("ZENDESK_EMAIL", "env@acme.com", "env@acme.com"), fileLine: "email: file@acme.com",
            fileValue: "file@acme.com", defaultValue: nil, read: { c in c.email.map { ($0.value, $0.source) } }),
        PrecedenceCase(
            key: "start_date", setFlag: { $0.startDate = "2020-01-01" }, flagValue: "1577836800",
            environment: ("DESKSTAT_START_DATE", "2019-01-01T00:00:00Z", "1546300800"),
            fileLine: "start_date: 2017-01-25", fileValue: "1485302400", defaultValue: nil,
            read: { c in c.startDate.map { (String($0.value), $0.source) } }),
        PrecedenceCase(
            key: "tables", setFlag: { $0.tables = ["users"] }, flagValue: "users",
            environment: ("DESKSTAT_TABLES", "tags, groups", "groups,tags"), fileLine: "tables: [tickets, macros]",
            fileValue: "tickets,macros", defaultValue: ZendeskTable.defaultNames.joined(separator: ","),
            read: { c in (c.tables.value.joined(separator: ","), c.tables.source) }),
        PrecedenceCase(
            key: "cache", setFlag: { $0.cachePath = "/flag.sqlite" }, flagValue: "/flag.sqlite",
            environment: ("DESKSTAT_CACHE", "/env.sqlite", "/env.sqlite"), fileLine: "cache: /file.sqlite",
            fileValue: "/file.sqlite", defaultValue: "deskstat.sqlite",
            read: { c in (c.cachePath.value, c.cachePath.source) }),
        PrecedenceCase(
            key: "base_url", setFlag: { $0.baseURL = "http://127.0.0.1:8080" }, flagValue: "http://127.0.0.1:8080",
            environment: ("ZENDESK_BASE_URL", "http://127.0.0.1:9090/", "http://127.0.0.1:9090"),
            fileLine: "base_url: https://proxy.example.com/zendesk", fileValue: "https://proxy.example.com/zendesk",
            defaultValue: nil, read: { c in c.baseURL.map { ($0.value.absoluteString, $0.source) } }),
        PrecedenceCase(
            key: "incremental_requests_per_minute", setFlag: { $0.incrementalRequestsPerMinute = 30 },
            flagValue: "30", environment: ("DESKSTAT_INCREMENTAL_REQUESTS_PER_MINUTE", "20", "20"),
            fileLine: "incremental_requests_per_minute: 15", fileValue: "15", defaultValue: "10",
            read: { c in (String(c.incrementalRequestsPerMinute.value), c.incrementalRequestsPerMinute.source) }),
        PrecedenceCase(
            key: "requests_per_minute", setFlag: { $0.requestsPerMinute = 700 }, flagValue: "700",
            environment: ("DESKSTAT_REQUESTS_PER_MINUTE", "400", "400"), fileLine: "requests_per_minute: 300",
            fileValue: "300", defaultValue: "200",
            read: { c in (String(c.requestsPerMinute.value), c.requestsPerMinute.source) }),
        PrecedenceCase(
            key: "audit_concurrency", setFlag: { $0.auditConcurrency = 8 }, flagValue: "8",
            environment: ("DESKSTAT_AUDIT_CONCURRENCY", "6", "6"), fileLine: "audit_concurrency: 5", fileValue: "5",
            defaultValue: "4", read: { c in (String(c.auditConcurrency.value), c.auditConcurrency.source) }),
        PrecedenceCase(
            key: "token_file", setFlag: { $0.tokenFile = "/secrets/flag-token" }, flagValue: "/secrets/flag-token",
            environment: nil, fileLine: "token_file: /secrets/file-token", fileValue: "/secrets/file-token",
            defaultValue: nil, read: { c in c.tokenFile.map { ($0.value, $0.source) } }),
    ]
}

@Suite("Precedence: flag > environment > file > default")
struct PrecedenceTests {
    /// A fixture with the token files the token_file case reads.
    private func fixture(environment: [String: String] = [:]) -> Fixture {
        var fixture = Fixture()
        fixture.environment.merge(environment) { $1 }
        fixture.file("/secrets/flag-token", "flag-token\n")
        fixture.file("/secrets/file-token", "file-token\n")
        return fixture
    }

    @Test("the flag wins over environment and file", arguments: PrecedenceCase.all)
    func flagWins(_ item: PrecedenceCase) throws {
        let fixture = fixture(environment: item.environment.map { [$0.name: $0.raw] } ?? [:])
        fixture.config("# deskstat\n\(item.fileLine)\n")
        var flags = ConfigFlags()
        item.setFlag(&flags)
        let resolved = try #require(item.read(try fixture.load(flags)))
        #expect(resolved.value == item.flagValue)
        #expect(resolved.source.description.hasPrefix("flag --"))
        #expect(resolved.source.description == "flag --\(item.key.replacingOccurrences(of: "_", with: "-"))")
    }

    @Test("the environment wins over the file", arguments: PrecedenceCase.all.filter { $0.environment != nil })
    func environmentWins(_ item: PrecedenceCase) throws {
        let environment = try #require(item.environment)
        let fixture = fixture(environment: [environment.name: environment.raw])
        fixture.config("# deskstat\n\(item.fileLine)\n")
        let resolved = try #require(item.read(try fixture.load()))
        #expect(resolved.value == environment.value)
        #expect(resolved.source == .environment(environment.name))
        #expect(resolved.source.description == "env \(environment.name)")
    }

    @Test("the file wins over the default, with its line", arguments: PrecedenceCase.all)
    func fileWins(_ item: PrecedenceCase) throws {
        let fixture = fixture()
        fixture.config("# deskstat\n\(item.fileLine)\n")
        let resolved = try #require(item.read(try fixture.load()))
        #expect(resolved.value == item.fileValue)
        #expect(resolved.source == .file(path: "./deskstat.yaml", line: 2))
        #expect(resolved.source.description == "file ./deskstat.yaml:2")
    }

    @Test("the default applies when nothing is given", arguments: PrecedenceCase.all)
    func defaultApplies(_ item: PrecedenceCase) throws {
        let resolved = item.read(try fixture().load())
        if let expected = item.defaultValue {
            #expect(resolved?.value == expected)
            #expect(resolved?.source == .default)
        } else {
            #expect(resolved == nil)
        }
    }

    @Test("an empty environment variable counts as unset")
    func emptyEnvironmentIsUnset() throws {
        let fixture = fixture(environment: ["ZENDESK_SUBDOMAIN": "", "DESKSTAT_CACHE": "  "])
        fixture.config("subdomain: fileco\n")
        let configuration = try fixture.load()
        #expect(configuration.subdomain == Sourced("fileco", from: .file(path: "./deskstat.yaml", line: 1)))
        #expect(configuration.cachePath == Sourced("deskstat.sqlite", from: .default))
    }

    @Test("an overridden value is still validated")
    func overriddenValuesAreValidated() {
        let fixture = fixture(environment: ["DESKSTAT_START_DATE": "yesterday"])
        let error = fixture.error(ConfigFlags(startDate: "2020-01-01"))
        #expect(error?.description.contains("environment variable DESKSTAT_START_DATE") == true)
    }

    @Test("the base URL defaults to the subdomain's")
    func baseURLFromSubdomain() throws {
        let fixture = fixture()
        fixture.config("subdomain: acme\n")
        let configuration = try fixture.load()
        #expect(configuration.baseURL == nil)
        #expect(configuration.effectiveBaseURL?.value.absoluteString == "https://acme.zendesk.com")
        #expect(configuration.effectiveBaseURL?.source == .default)
    }
}
