import DeskstatConfig
import Foundation
import Testing

@Suite("deskstat init: the template and the writer")
struct TemplateTests {
    private let minimal = InitValues(subdomain: "acme", email: "admin@acme.com", startDate: 1_485_302_400)
    private let full = InitValues(
        subdomain: "acme", email: "admin+ops@acme.com", startDate: 1_485_333_015, tables: ["tickets", "users"],
        cachePath: "data/acme cache.sqlite", baseURL: "http://127.0.0.1:8080", tokenFile: "zendesk-token",
        incrementalRequestsPerMinute: 30, requestsPerMinute: 700, auditConcurrency: 8)

    /// Writes `values` as ./deskstat.yaml through `ConfigWriter` and loads it back.
    private func roundTrip(_ values: InitValues) throws -> (DeskstatConfiguration, String) {
        let fixture = Fixture()
        fixture.file("zendesk-token", "abc\n")
        let text = ConfigTemplate.render(values: values)
        try ConfigWriter.write(
            text, to: Fixture.workingDirectory + "/deskstat.yaml", overwrite: false, fileSystem: fixture.files)
        return (try fixture.load(), text)
    }

    @Test("the minimal template round-trips through the loader")
    func minimalRoundTrip() throws {
        let (configuration, text) = try roundTrip(minimal)
        #expect(configuration.subdomain?.value == "acme")
        #expect(configuration.email?.value == "admin@acme.com")
        #expect(configuration.startDate?.value == 1_485_302_400)
        #expect(configuration.tables.value == ZendeskTable.defaultNames)
        #expect(configuration.cachePath == Sourced("deskstat.sqlite", from: .default))
        #expect(configuration.baseURL == nil)
        #expect(configuration.requestsPerMinute == Sourced(200, from: .default))
        #expect(configuration.credentials == nil)
        #expect(text.contains("start_date: 2017-01-25\n"))
        #expect(text.contains("# cache: deskstat.sqlite\n"))
        // Sources point at the right lines.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard case .file(_, let line) = configuration.email?.source else {
            Issue.record("email did not come from the file")
            return
        }
        #expect(lines[line - 1] == "email: admin@acme.com")
    }

    @Test("every value round-trips, including quoted ones and a table subset")
    func fullRoundTrip() throws {
        let (configuration, text) = try roundTrip(full)
        #expect(configuration.email?.value == "admin+ops@acme.com")
        #expect(configuration.startDate?.value == 1_485_333_015)
        #expect(configuration.tables.value == ["tickets", "users"])
        #expect(configuration.cachePath.value == "data/acme cache.sqlite")
        #expect(configuration.baseURL?.value.absoluteString == "http://127.0.0.1:8080")
        #expect(configuration.tokenFile?.value == "zendesk-token")
        #expect(configuration.credentials?.kind == .apiToken)
        #expect(configuration.incrementalRequestsPerMinute.value == 30)
        #expect(configuration.requestsPerMinute.value == 700)
        #expect(configuration.auditConcurrency.value == 8)
        #expect(text.contains("  # - macros"))
        #expect(text.contains("cache: \"data/acme cache.sqlite\""))
    }

    @Test("the template explains every key and every table, and holds no token")
    func commented() {
        let text = ConfigTemplate.render(values: minimal)
        for key in ConfigKey.allCases where key != .apiToken {
            #expect(text.contains("\(key.yamlKey):"), "missing \(key.yamlKey)")
        }
        for table in ZendeskTable.allCases {
            #expect(text.contains("- \(table.rawValue) "), "missing \(table.rawValue)")
            #expect(text.contains(table.summary))
        }
        #expect(text.contains("ZENDESK_API_TOKEN"))
        #expect(text.contains("token_file"))
        #expect(!text.contains("\napi_token:"))
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("#") }.count > 30)
    }

    @Test("a template without an email leaves it commented out")
    func noEmail() throws {
        var values = minimal
        values.email = nil
        let text = ConfigTemplate.render(values: values)
        #expect(text.contains("# email: admin@example.com\n"))
        #expect(try roundTrip(values).0.email == nil)
    }

    @Test("the writer creates a 0600 file on disk and refuses to overwrite unless asked")
    func realWriter() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/nested/deskstat.yaml"

        try ConfigWriter.write("subdomain: acme\n", to: path, overwrite: false)
        #expect(try realPermissions(path) == 0o600)
        #expect(try realPermissions(directory + "/nested") == 0o700)

        #expect(throws: ConfigError.fileExists(path: path)) {
            try ConfigWriter.write("subdomain: other\n", to: path, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "subdomain: acme\n")

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try ConfigWriter.write("subdomain: other\n", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "subdomain: other\n")
        #expect(try realPermissions(path) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory + "/nested")
        #expect(leftovers == ["deskstat.yaml"])

        let configuration = try ConfigLoader.load(
            flags: ConfigFlags(configPath: path), environment: [:], workingDirectory: directory)
        #expect(configuration.subdomain?.value == "other")
    }

    @Test("the fileExists message says how to replace the file")
    func fileExistsMessage() {
        let error = ConfigError.fileExists(path: "./deskstat.yaml")
        #expect(error.description.contains("--force"))
    }

    @Test("the writer refuses a directory")
    func directoryTarget() {
        let files = InMemoryFileSystem()
        files.addDirectory("/w/deskstat.yaml")
        #expect(throws: ConfigError.self) {
            try ConfigWriter.write("x", to: "/w/deskstat.yaml", overwrite: true, fileSystem: files)
        }
    }
}
