import DeskstatConfig
import Testing

@Suite("deskstat.yaml errors name the file, the line and the key")
struct ConfigFileTests {
    private func error(_ yaml: String) -> ConfigError? {
        let fixture = Fixture()
        fixture.config(yaml)
        return fixture.error()
    }

    @Test("invalid YAML reports the line and column")
    func syntaxError() throws {
        let error = try #require(self.error("subdomain: acme\nemail: \"admin@acme.com\n"))
        guard case .syntax(let path, let line, _, _) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(path == "./deskstat.yaml")
        #expect(line != nil)
        #expect(error.description.hasPrefix("./deskstat.yaml:"))
        #expect(error.description.contains("not valid YAML"))
    }

    @Test("bad indentation is a syntax error with a line")
    func badIndentation() throws {
        let error = try #require(self.error("subdomain: acme\n  email: admin@acme.com\n"))
        guard case .syntax(_, let line, _, _) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(line == 2)
    }

    @Test("an unknown key is refused with its line and a suggestion")
    func unknownKey() throws {
        let error = try #require(self.error("subdomain: acme\n\nstart_dat: 2017-01-25\n"))
        #expect(error == .unknownKey(path: "./deskstat.yaml", line: 3, key: "start_dat", suggestion: "start_date"))
        #expect(
            error.description.hasPrefix("./deskstat.yaml:3: unknown key \"start_dat\" (did you mean \"start_date\"?)"))
        #expect(error.description.contains("subdomain, email, start_date"))
    }

    @Test("a list where text belongs is a wrong type naming key and line")
    func listForText() throws {
        let error = try #require(self.error("# c\nsubdomain: [acme, other]\n"))
        #expect(
            error
                == .wrongType(
                    key: .subdomain, source: .file(path: "./deskstat.yaml", line: 2), expected: "text",
                    found: "a list"))
        #expect(error.description == "./deskstat.yaml:2: subdomain: expected text; got a list")
    }

    @Test("a mapping is a wrong type")
    func mappingForText() throws {
        let error = try #require(self.error("email:\n  address: admin@acme.com\n"))
        #expect(error.description.hasPrefix("./deskstat.yaml:1: email: expected text; got a mapping"))
    }

    @Test("text where a number belongs is a wrong type")
    func textForNumber() throws {
        let error = try #require(self.error("subdomain: acme\nrequests_per_minute: lots\n"))
        guard case .wrongType(let key, let source, _, let found) = error else {
            Issue.record("expected a wrong type, got \(error)")
            return
        }
        #expect(key == .requestsPerMinute)
        #expect(source == .file(path: "./deskstat.yaml", line: 2))
        #expect(found == "\"lots\"")
        #expect(error.description.hasPrefix("./deskstat.yaml:2: requests_per_minute: expected a whole number"))
    }

    @Test("a nested list item in tables names the item's line")
    func nestedTableItem() throws {
        let error = try #require(self.error("tables:\n  - tickets\n  - [users]\n"))
        #expect(error.description.hasPrefix("./deskstat.yaml:3: tables: expected a list of table names"))
    }

    @Test("an empty value is refused")
    func emptyValue() throws {
        let error = try #require(self.error("subdomain:\n"))
        #expect(error.description == "./deskstat.yaml:1: subdomain: has no value; give one or delete the line")
    }

    @Test("a duplicate key is refused")
    func duplicateKey() throws {
        let error = try #require(self.error("subdomain: acme\nsubdomain: other\n"))
        #expect(error.description.contains("./deskstat.yaml:"))
        #expect(error.description.contains("subdomain"))
    }

    @Test("a file that is not a mapping is refused")
    func notAMapping() throws {
        let error = try #require(self.error("- subdomain\n- acme\n"))
        #expect(error.description.contains("must be a mapping of keys"))
    }

    @Test("an empty or comment-only file is fine")
    func emptyFile() throws {
        let fixture = Fixture()
        fixture.config("# nothing yet\n")
        let configuration = try fixture.load()
        #expect(configuration.configFile == Sourced("./deskstat.yaml", from: .default))
        #expect(configuration.subdomain == nil)
    }

    @Test("a bad start date names file, line and key")
    func badStartDate() throws {
        let error = try #require(self.error("subdomain: acme\nstart_date: 2017/01/25\n"))
        #expect(
            error.description
                == "./deskstat.yaml:2: start_date: \"2017/01/25\" is not a date; write 2017-01-25 or "
                + "2017-01-25T00:00:00Z (UTC)")
    }

    @Test("an impossible date is refused")
    func impossibleDate() throws {
        let error = try #require(self.error("start_date: 2017-02-30\n"))
        #expect(error.description.hasPrefix("./deskstat.yaml:1: start_date: \"2017-02-30\" is not a calendar date"))
    }

    @Test("a bad table name names file, line and key with a suggestion")
    func badTable() throws {
        let error = try #require(self.error("# tables\ntables:\n  - tickets\n  - ticket_metric\n"))
        #expect(error.description.hasPrefix("./deskstat.yaml:2: tables: \"ticket_metric\" is not a table"))
        #expect(error.description.contains("did you mean \"ticket_metrics\"?"))
    }

    @Test("a bad base URL is refused", arguments: ["ftp://example.com", "not a url", "https://user:pw@x.example.com"])
    func badBaseURL(_ url: String) throws {
        let error = try #require(self.error("base_url: \"\(url)\"\n"))
        guard case .invalidValue(let key, let source, _) = error else {
            Issue.record("expected an invalid value, got \(error)")
            return
        }
        #expect(key == .baseURL)
        #expect(source == .file(path: "./deskstat.yaml", line: 1))
        #expect(error.description.hasPrefix("./deskstat.yaml:1: base_url: "))
    }

    @Test(
        "an out-of-range limit names the key and the range",
        arguments: [
            ("incremental_requests_per_minute: 31", "1…30"), ("incremental_requests_per_minute: 0", "1…30"),
            ("requests_per_minute: 5000", "1…2500"), ("audit_concurrency: 0", "1…20"),
        ])
    func outOfRange(_ line: String, _ range: String) throws {
        let error = try #require(self.error("# limits\n\(line)\n"))
        let key = String(line.prefix { $0 != ":" })
        #expect(error.description.hasPrefix("./deskstat.yaml:2: \(key): "))
        #expect(error.description.contains("out of range; use \(range)"))
    }

    @Test("errors from the environment and flags name the variable or flag")
    func environmentAndFlagErrors() {
        var fixture = Fixture()
        fixture.environment["DESKSTAT_TABLES"] = "tickets,,users"
        #expect(
            fixture.error()?.description
                == "environment variable DESKSTAT_TABLES: has an empty name at position 2; remove the extra comma")
        fixture.environment = [:]
        #expect(
            fixture.error(ConfigFlags(auditConcurrency: 99))?.description.hasPrefix(
                "--audit-concurrency: 99 is out of range")
                == true)
        #expect(fixture.error(ConfigFlags(email: "admin"))?.description.hasPrefix("--email: \"admin\"") == true)
    }
}
