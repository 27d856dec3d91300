import Foundation
import Testing

/// Runs the binary on the fixture account, as CI and analysts would.
@Suite(.serialized) struct ReportEndToEndTests {
    static let fixtureCache: String = {
        let directory = (try? makeScratchDirectory()) ?? NSTemporaryDirectory()
        let cache = directory + "/fixture.sqlite"
        let result = try? BinaryRunner.run([
            "import", "--cache", cache, BinaryRunner.packageRoot.appendingPathComponent("fixtures/account").path,
        ])
        precondition(result?.status == 0, "fixture import failed: \(result?.stderr ?? "")")
        return cache
    }()

    static let pinned = ["--period", "2026-W47", "--as-of", "2026-11-23T00:00:00Z"]

    func report(_ arguments: [String], environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            ["report"] + arguments + ["--cache", Self.fixtureCache] + Self.pinned, environment: environment)
    }

    @Test func weeklyTextShowsTheHandComputedHeadlines() throws {
        let result = try report(["weekly"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Weekly support report"))
        #expect(result.stdout.contains("2026-W47"))
        let created = result.stdout.split(separator: "\n").first { $0.hasPrefix("Created") }.map(String.init) ?? ""
        #expect(created.contains("29") && created.contains("15"), "\(created)")
    }

    @Test func jsonMetricsMatchTheFixture() throws {
        let result = try report(["weekly", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\n  \"schema_version\": 1,"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["created"] as? Int == 29)
        #expect(metrics["solved"] as? Int == 22)
        #expect(metrics["backlog"] as? Int == 17)
        #expect(metrics["first_reply_time.calendar.median"] as? Double == 50)
        #expect(metrics["csat"] as? Double == 0.7273)
        #expect(metrics["sla.breached"] as? Int == 13)
        #expect(metrics["previous.created"] as? Int == 15)
    }

    @Test(arguments: ["text", "markdown", "json", "csv"])
    func byteIdenticalAcrossRunsTimeZonesAndLocales(format: String) throws {
        var arguments = ["weekly", "--format", format]
        if format == "csv" { arguments += ["--section", "headline"] }
        let first = try report(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try report(arguments)
        let tokyo = try report(
            arguments, environment: ["TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        let newYork = try report(arguments, environment: ["TZ": "America/New_York", "LANG": "fr_FR.UTF-8"])
        #expect(first.stdout == again.stdout)
        #expect(first.stdout == tokyo.stdout)
        #expect(first.stdout == newYork.stdout)
    }

    @Test func failOnExitsThreeAfterWritingTheReport() throws {
        let directory = try makeScratchDirectory()
        let output = directory + "/weekly.md"
        let failed = try report([
            "weekly", "--format", "markdown", "-o", output, "--fail-on", "sla.breached > 0", "--fail-on", "csat < 0.5",
        ])
        #expect(failed.status == 3)
        #expect(failed.stderr.contains("sla.breached"))
        #expect(!failed.stderr.contains("csat"))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("# Weekly support report"))

        let passed = try report(["weekly", "--format", "json", "--fail-on", "created > 100", "--fail-on", "csat < 0.5"])
        #expect(passed.status == 0)
    }

    @Test func malformedThresholdsAndOptionsAreUsageErrors() throws {
        #expect(try report(["weekly", "--fail-on", "sla.breached >"]).status == 64)
        #expect(try report(["weekly", "--fail-on", "no_such_metric > 1"]).status == 64)
        #expect(try report(["weekly", "--format", "yaml"]).status == 64)
        #expect(
            try BinaryRunner.run(["report", "weekly", "--cache", Self.fixtureCache, "--period", "2026-W99"]).status
                == 64)
        #expect(
            try BinaryRunner.run(["report", "weekly", "--cache", Self.fixtureCache, "--tz", "Mars/Olympus"]).status
                == 64)
        #expect(try report(["no-such-report"]).status == 64)
    }

    @Test func kpiCommandSlicesAndLists() throws {
        let list = try BinaryRunner.run(["kpi", "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("one_touch_rate"))
        let csat = try BinaryRunner.run(
            ["kpi", "csat", "--by", "group", "--format", "csv", "--cache", Self.fixtureCache] + Self.pinned)
        #expect(csat.status == 0, "\(csat.stderr)")
        #expect(csat.stdout.contains("csat,csat,Support,6,2,2,0.75,0.8\n"), "\(csat.stdout)")
        let filtered = try BinaryRunner.run(
            ["kpi", "created", "--where", "group=Billing", "--format", "json", "--cache", Self.fixtureCache]
                + Self.pinned)
        #expect(filtered.stdout.contains("\"created\": 7"), "\(filtered.stdout)")
        #expect(try BinaryRunner.run(["kpi", "nope", "--cache", Self.fixtureCache]).status == 64)
        #expect(
            try BinaryRunner.run(["kpi", "created", "--where", "grop=x", "--cache", Self.fixtureCache] + Self.pinned)
                .status == 64)
    }

    @Test func explainShowsPolicyConditionsAndTargets() throws {
        let result = try BinaryRunner.run(["explain", "1034", "--cache", Self.fixtureCache] + Self.pinned)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("SLA policy:"))
        #expect(result.stdout.contains("first_reply_time"))
        #expect(result.stdout.contains("breached"))
        #expect(try BinaryRunner.run(["explain", "999999", "--cache", Self.fixtureCache] + Self.pinned).status == 1)
    }
}
