import DeskstatConfig
import Foundation
import Testing

@Suite("Config and token files must be private (chmod 600)")
struct PermissionTests {
    @Test("a real config file with mode 0644 is refused with the chmod fix")
    func realConfigFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeRealFile(directory + "/deskstat.yaml", "subdomain: acme\n", permissions: 0o644)

        let error = #expect(throws: ConfigError.self) {
            try ConfigLoader.load(flags: ConfigFlags(), environment: [:], workingDirectory: directory)
        }
        #expect(error == .insecurePermissions(path: "./deskstat.yaml", mode: 0o644, role: .configFile))
        #expect(error?.description.contains("chmod 600 ./deskstat.yaml") == true)
        #expect(error?.description.contains("mode 0644") == true)

        let explicit = #expect(throws: ConfigError.self) {
            try ConfigLoader.load(
                flags: ConfigFlags(configPath: directory + "/deskstat.yaml"), environment: [:],
                workingDirectory: "/")
        }
        #expect(explicit?.description.contains("chmod 600 \(directory)/deskstat.yaml") == true)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory + "/deskstat.yaml")
        let configuration = try ConfigLoader.load(flags: ConfigFlags(), environment: [:], workingDirectory: directory)
        #expect(configuration.subdomain?.value == "acme")
    }

    @Test("a real token file with mode 0644 is refused with the chmod fix")
    func realTokenFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeRealFile(directory + "/token", Fixture.token + "\n", permissions: 0o644)

        let error = #expect(throws: ConfigError.self) {
            try ConfigLoader.load(
                flags: ConfigFlags(tokenFile: directory + "/token"), environment: [:], workingDirectory: directory)
        }
        #expect(error == .insecurePermissions(path: directory + "/token", mode: 0o644, role: .tokenFile))
        #expect(error?.description.contains("chmod 600 \(directory)/token") == true)
        #expect(error?.description.contains("token file") == true)

        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: directory + "/token")
        let configuration = try ConfigLoader.load(
            flags: ConfigFlags(tokenFile: directory + "/token"), environment: [:], workingDirectory: directory)
        #expect(configuration.credentials?.token.reveal() == Fixture.token)
    }

    @Test("any group or other bit is refused", arguments: [0o640, 0o604, 0o620, 0o602, 0o610, 0o601, 0o666, 0o777])
    func everyForbiddenBit(_ mode: Int) {
        let fixture = Fixture()
        fixture.config("subdomain: acme\n", permissions: mode)
        guard case .insecurePermissions(_, let reported, .configFile) = fixture.error() else {
            Issue.record("mode \(String(mode, radix: 8)) was not refused")
            return
        }
        #expect(reported == mode)
    }

    @Test("owner-only modes are accepted", arguments: [0o600, 0o400, 0o700])
    func ownerOnly(_ mode: Int) throws {
        let fixture = Fixture()
        fixture.config("subdomain: acme\n", permissions: mode)
        #expect(try fixture.load().subdomain?.value == "acme")
    }

    @Test("a path with a space is quoted in the fix")
    func quotedFix() {
        let fixture = Fixture()
        fixture.file("my dir/deskstat.yaml", "subdomain: acme\n", permissions: 0o644)
        let error = fixture.error(ConfigFlags(configPath: "my dir/deskstat.yaml"))
        #expect(error?.description.hasSuffix("chmod 600 'my dir/deskstat.yaml'") == true)
    }
}
