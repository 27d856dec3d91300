import DeskstatConfig
import Testing

@Suite("Values: normalisation and validation")
struct ValueTests {
    private func load(_ flags: ConfigFlags) throws -> DeskstatConfiguration {
        try Fixture().load(flags)
    }

    @Test(
        "a subdomain given as a URL or host is read as the bare name",
        arguments: ["acme", "ACME", "https://acme.zendesk.com", "acme.zendesk.com", "http://acme.zendesk.com/agent/"])
    func subdomainNormalised(_ given: String) throws {
        let configuration = try load(ConfigFlags(subdomain: given))
        #expect(configuration.subdomain?.value == "acme")
        #expect(configuration.warnings.isEmpty == (given == "acme"))
    }

    @Test("a subdomain on another host is refused with a hint to use base_url")
    func foreignHost() {
        let error = Fixture().error(ConfigFlags(subdomain: "https://support.acme.com"))
        #expect(error?.description.contains("set base_url") == true)
        #expect(error?.description.hasPrefix("--subdomain: ") == true)
    }

    @Test(
        "start dates: dates and ISO times in UTC",
        arguments: [
            ("2017-01-25", Int64(1_485_302_400)), ("2017-01-25T00:00:00Z", 1_485_302_400),
            ("2017-01-25T08:30:15Z", 1_485_333_015), ("2017-01-25T02:00:00+02:00", 1_485_302_400),
            ("2016-02-29", 1_456_704_000), ("1970-01-01", 0), ("2017-01-25T00:00:00.500Z", 1_485_302_400),
        ])
    func startDates(_ text: String, _ expected: Int64) throws {
        #expect(try load(ConfigFlags(startDate: text)).startDate?.value == expected)
    }

    @Test(
        "bad start dates are refused",
        arguments: [
            "2017/01/25", "25.01.2017", "2017-1-25", "2017-13-01", "2017-02-29", "2017-01-25T00:00:00",
            "2017-01-25T24:00:00Z", "1969-12-31", "yesterday", "",
        ])
    func badStartDates(_ text: String) {
        let error = Fixture().error(ConfigFlags(startDate: text))
        #expect(error?.description.hasPrefix("--start-date: ") == true)
    }

    @Test("a time without a zone says to add Z")
    func timeWithoutZone() {
        let error = Fixture().error(ConfigFlags(startDate: "2017-01-25T00:00:00"))
        #expect(error?.description.contains("end it with Z for UTC") == true)
    }

    @Test("tables: all, comma lists, repeated flags; documentation order; duplicates dropped")
    func tables() throws {
        #expect(try load(ConfigFlags(tables: ["all"])).tables.value == ZendeskTable.allNames)
        #expect(try load(ConfigFlags(tables: ["users, tickets", "users"])).tables.value == ["tickets", "users"])
        #expect(try load(ConfigFlags(tables: ["schedules", "tags"])).tables.value == ["tags", "schedules"])
        #expect(ZendeskTable.allNames.count == 17)
        #expect(try load(ConfigFlags(tables: ["default"])).tables.value == ZendeskTable.defaultNames)
        #expect(!ZendeskTable.defaultNames.contains("ticket_audits") && ZendeskTable.defaultNames.count == 16)
    }

    @Test("an email with /token is refused: deskstat adds it")
    func emailWithTokenSuffix() {
        let error = Fixture().error(ConfigFlags(email: "admin@acme.com/token"))
        #expect(error?.description.contains("deskstat signs in as EMAIL/token itself") == true)
    }

    @Test("base URLs: http(s) only; trailing slash dropped; path kept")
    func baseURLs() throws {
        #expect(
            try load(ConfigFlags(baseURL: "http://127.0.0.1:8080/")).baseURL?.value.absoluteString
                == "http://127.0.0.1:8080")
        #expect(
            try load(ConfigFlags(baseURL: "https://proxy.example/zd")).baseURL?.value.absoluteString
                == "https://proxy.example/zd")
        #expect(Fixture().error(ConfigFlags(baseURL: "file:///etc/passwd"))?.description.contains("https://") == true)
    }

    @Test("limits at the edges of their ranges are accepted")
    func limitEdges() throws {
        let configuration = try load(
            ConfigFlags(incrementalRequestsPerMinute: 1, requestsPerMinute: 2500, auditConcurrency: 20))
        #expect(configuration.incrementalRequestsPerMinute.value == 1)
        #expect(configuration.requestsPerMinute.value == 2500)
        #expect(configuration.auditConcurrency.value == 20)
        #expect(Fixture().error(ConfigFlags(incrementalRequestsPerMinute: 31)) != nil)
    }
}
