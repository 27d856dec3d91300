import DeskstatConfig
import Testing

@Suite("Where the config file is found")
struct LocationTests {
    @Test("--config wins over ./deskstat.yaml")
    func explicitPath() throws {
        let fixture = Fixture()
        fixture.config("subdomain: local\n")
        fixture.file("conf/other.yaml", "subdomain: explicit\n")
        let configuration = try fixture.load(ConfigFlags(configPath: "conf/other.yaml"))
        #expect(configuration.subdomain?.value == "explicit")
        #expect(configuration.subdomain?.source == .file(path: "conf/other.yaml", line: 1))
        #expect(configuration.configFile == Sourced("conf/other.yaml", from: .flag("--config")))
    }

    @Test("a missing --config file is an error")
    func explicitMissing() {
        #expect(Fixture().error(ConfigFlags(configPath: "nope.yaml")) == .configFileNotFound(path: "nope.yaml"))
    }

    @Test("./deskstat.yaml wins over the XDG config")
    func workingDirectoryFirst() throws {
        var fixture = Fixture()
        fixture.environment["XDG_CONFIG_HOME"] = "/xdg"
        fixture.config("subdomain: local\n")
        fixture.file("/xdg/deskstat/deskstat.yaml", "subdomain: xdg\n")
        #expect(try fixture.load().subdomain?.value == "local")
    }

    @Test("$XDG_CONFIG_HOME/deskstat/deskstat.yaml is used when there is no local file")
    func xdg() throws {
        var fixture = Fixture()
        fixture.environment["XDG_CONFIG_HOME"] = "/xdg"
        fixture.file("/xdg/deskstat/deskstat.yaml", "subdomain: xdg\ncache: cache.sqlite\n")
        fixture.file(Fixture.home + "/.config/deskstat/deskstat.yaml", "subdomain: home\n")
        let configuration = try fixture.load()
        #expect(configuration.subdomain?.value == "xdg")
        #expect(
            configuration.configFile == Sourced("/xdg/deskstat/deskstat.yaml", from: .environment("XDG_CONFIG_HOME")))
        #expect(configuration.cachePath.value == "/xdg/deskstat/cache.sqlite")
    }

    @Test("~/.config/deskstat/deskstat.yaml is used without XDG_CONFIG_HOME")
    func home() throws {
        let fixture = Fixture()
        fixture.file(Fixture.home + "/.config/deskstat/deskstat.yaml", "subdomain: home\n")
        let configuration = try fixture.load()
        #expect(configuration.subdomain?.value == "home")
        #expect(configuration.configFile?.value == Fixture.home + "/.config/deskstat/deskstat.yaml")
    }

    @Test("no config file anywhere is fine: flags, environment and defaults apply")
    func none() throws {
        let configuration = try Fixture(environment: [:]).load(ConfigFlags(subdomain: "acme"))
        #expect(configuration.configFile == nil)
        #expect(configuration.subdomain?.value == "acme")
    }

    @Test("relative paths in a config file are relative to its folder; ~ is expanded")
    func relativePaths() throws {
        let fixture = Fixture()
        fixture.file("conf/deskstat.yaml", "cache: data/acme.sqlite\n")
        #expect(
            try fixture.load(ConfigFlags(configPath: "conf/deskstat.yaml")).cachePath.value == "conf/data/acme.sqlite")
        fixture.config("cache: ~/acme.sqlite\n")
        #expect(try fixture.load().cachePath.value == Fixture.home + "/acme.sqlite")
        #expect(try fixture.load(ConfigFlags(cachePath: "rel.sqlite")).cachePath.value == "rel.sqlite")
    }

    @Test("a directory where the config file should be is an error")
    func directory() {
        let fixture = Fixture()
        fixture.files.addDirectory(Fixture.workingDirectory + "/deskstat.yaml")
        #expect(fixture.error()?.description.hasPrefix("./deskstat.yaml: cannot be read") == true)
    }
}
