import DeskstatConfig
import Testing

@Suite("Long values are quoted shortened in messages")
struct LongValueTests {
    /// 10 MB of a character that makes every key's value invalid.
    static let huge = String(repeating: "a!", count: 5 << 20)

    private func fileError(_ yaml: String) -> ConfigError? {
        let fixture = Fixture()
        fixture.config(yaml)
        return fixture.error()
    }

    @Test("a 10 MB subdomain in the config file gives a short message with its size")
    func hugeSubdomainInFile() throws {
        let error = try #require(fileError("subdomain: \(Self.huge)\n"))
        let message = error.description
        #expect(message.utf8.count < 400, "\(message.utf8.count) bytes")
        #expect(message.hasPrefix("./deskstat.yaml:1: subdomain: \"a!a!"))
        #expect(message.contains("…\" (10485760 bytes) is not a valid subdomain"))
    }

    @Test(
        "every kind of quoted value is shortened",
        arguments: [
            ConfigFlags(subdomain: huge), ConfigFlags(email: huge), ConfigFlags(startDate: huge),
            ConfigFlags(baseURL: huge), ConfigFlags(tables: [huge]),
        ])
    func hugeFlags(_ flags: ConfigFlags) throws {
        let error = try #require(Fixture().error(flags))
        #expect(error.description.utf8.count < 600, "\(error.description.prefix(300))")
        #expect(error.description.contains("(10485760 bytes)"))
    }

    @Test("a huge value where a number belongs is shortened")
    func hugeNumber() throws {
        let error = try #require(fileError("subdomain: acme\nrequests_per_minute: \(Self.huge)\n"))
        #expect(error.description.utf8.count < 400)
        #expect(error.description.contains("requests_per_minute: expected a whole number"))
    }

    @Test("a long unknown key is shortened (YAML keys stop at 1,024 characters)")
    func longKey() throws {
        let error = try #require(fileError("subdomain: acme\n\(String(repeating: "k", count: 1_000)): 1\n"))
        #expect(error.description.contains("unknown key \"\(String(repeating: "k", count: 80))…\" (1000 bytes)"))
        #expect(!error.description.contains(String(repeating: "k", count: 81)))
    }

    @Test("values of up to 80 characters are quoted whole")
    func shortValuesWhole() throws {
        let value = String(repeating: "x", count: 79) + "!"
        let error = try #require(Fixture().error(ConfigFlags(subdomain: value)))
        #expect(error.description.contains("\"\(value)\" is not a valid subdomain"))
        let longer = try #require(Fixture().error(ConfigFlags(subdomain: value + "y")))
        #expect(longer.description.contains("\"\(value)…\" (81 bytes) is not a valid subdomain"))
    }
}
