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
        #expect(result.stdout.hasPrefix("{\n  \"schema_version\": 2,"))
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
        // The applied policy is named once, marked in the list of policies tried.
        #expect(result.stdout.contains("SLA policies, in order"))
        #expect(result.stdout.contains("← applied"))
        #expect(result.stdout.contains("first_reply_time"))
        #expect(result.stdout.contains("breached"))
        #expect(try BinaryRunner.run(["explain", "999999", "--cache", Self.fixtureCache] + Self.pinned).status == 1)
    }
}

/// Issue 14's consistency items, run on the fixture account through the binary.
@Suite(.serialized) struct ConsistencyEndToEndTests {
    func run(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments + ["--cache", ReportEndToEndTests.fixtureCache])
    }

    func json(_ result: BinaryRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func tables(_ document: [String: Any], section: String) -> [[String: Any]] {
        let sections = document["sections"] as? [[String: Any]] ?? []
        return sections.first { $0["id"] as? String == section }?["tables"] as? [[String: Any]] ?? []
    }

    /// `report --by` re-slices the sections that slice by a ticket field; time-sliced and
    /// unsliced sections stay, and a section that becomes a copy of another is shown once.
    @Test func reportBySlicesEverySlicedSection() throws {
        let result = try run(
            ["report", "csat", "--by", "assignee", "--format", "json", "--period", "2026-11", "--as-of", "2026-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result)
        let sections = document["sections"] as? [[String: Any]] ?? []
        let titles = sections.compactMap { $0["title"] as? String }
        #expect(titles.filter { $0 == "CSAT by assignee" }.count == 1, "\(titles)")
        #expect(titles.contains("Weekly trend"))
        #expect(titles.contains("Speed by assignee (what customers rated)"))
        let rows = tables(document, section: "by_group").first?["rows"] as? [[String: Any]] ?? []
        #expect(rows.last?["assignee"] as? String == "All")
        #expect(rows.dropLast().allSatisfy { $0["assignee"] as? String != "All" })
    }

    /// The "All" row closes CSAT tables, also when a `limit` keeps the busiest slices.
    @Test func allRowComesLastUnderALimit() throws {
        let result = try run(["report", "csat", "--format", "json", "--period", "2026-11", "--as-of", "2026-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result)
        for section in ["by_group", "by_assignee", "by_channel", "trend"] {
            let table = tables(document, section: section).first
            let rows = table?["rows"] as? [[String: Any]] ?? []
            let columns = (table?["columns"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(columns.contains("awaiting_answer") && !columns.contains("offered"), "\(columns)")
            let labels = rows.compactMap { $0[columns.first ?? ""] as? String }
            #expect(labels.last == "All" && labels.filter { $0 == "All" }.count == 1, "\(section): \(labels)")
        }
    }

    /// Headline rows carry the metric's stable id, equal to its key in `metrics`.
    @Test func headlineRowsCarryMetricIDs() throws {
        let arguments = ["report", "weekly", "--period", "2026-W47", "--as-of", "2026-11-23T00:00:00Z"]
        let document = try json(try run(arguments + ["--format", "json"]))
        let metrics = document["metrics"] as? [String: Any] ?? [:]
        let rows = tables(document, section: "headline").first?["rows"] as? [[String: Any]] ?? []
        #expect(!rows.isEmpty)
        for row in rows {
            let id = try #require(row["metric_id"] as? String)
            #expect(metrics[id] != nil, "\(id) is not a metric key")
        }
        let csv = try run(arguments + ["--format", "csv", "--section", "headline"])
        #expect(csv.stdout.hasPrefix("metric_id,metric,"), "\(csv.stdout.prefix(80))")
        #expect(csv.stdout.contains("\nfirst_reply_time.calendar.median,"))
    }

    /// `query --format text` is the table, like every other command's text.
    @Test func queryAcceptsText() throws {
        let text = try run(["query", "SELECT 1 AS one", "--format", "text"])
        let table = try run(["query", "SELECT 1 AS one", "--format", "table"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == table.stdout && text.stdout == "one\n  1\n")
    }

    /// CSV without --section writes every table stacked, the warnings last (documented in README).
    @Test func csvWithoutSectionStacksEveryTable() throws {
        let result = try run(
            ["report", "weekly", "--format", "csv", "--period", "2026-W47", "--as-of", "2026-11-23T00:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("section,table,metric_id,"))
        for section in ["headline", "volume", "backlog", "csat", "sla"] {
            #expect(result.stdout.contains("\n\(section),"), "\(section) missing")
        }
    }

    /// Each command's --help exits 0, lists only the exit codes it can return and, for reading
    /// commands, states the default period.
    @Test(arguments: [
        ("report", ["0", "3 ", "64", "66"], ["2 partial"], "last-week"),
        ("kpi", ["0", "3 ", "64"], ["2 partial"], "last-week"),
        ("explain", ["0", "1 ", "64"], ["2 partial", "3 "], "last-week"),
        ("status", ["0", "1 "], ["2 partial", "3 "], ""),
        ("query", ["0", "1 ", "64"], ["2 partial", "3 "], ""),
        ("import", ["0", "2 partial", "65", "66"], ["3 "], ""),
        ("demo", ["0", "64"], ["2 partial", "3 "], ""),
        ("init", ["0", "78"], ["2 partial", "3 "], ""),
        ("config", ["0", "78"], ["2 partial", "3 "], ""),
        ("bench", ["0", "64"], ["2 partial", "3 "], ""),
    ])
    func helpListsOwnExitCodes(command: String, has: [String], lacks: [String], period: String) throws {
        let result = try BinaryRunner.run([command, "--help"], environment: ["COLUMNS": "400"])
        #expect(result.status == 0)
        let help = result.stdout
        let codes = help.components(separatedBy: "Exit codes:").last ?? ""
        #expect(help.contains("Exit codes:"), "\(command)")
        for code in has { #expect(codes.contains(code), "\(command) lacks \(code): \(codes)") }
        for code in lacks { #expect(!codes.contains(code), "\(command) lists \(code): \(codes)") }
        if !period.isEmpty { #expect(help.contains("default: \(period)"), "\(command): no default period") }
    }

    /// The report example in --help is one command that runs as pasted.
    @Test func reportHelpExampleIsCopyPasteable() throws {
        let help = try BinaryRunner.run(["report", "--help"], environment: ["COLUMNS": "80"]).stdout
        let lines = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let examples = lines.filter { $0.hasPrefix("deskstat report") }
        #expect(!examples.isEmpty)
        for example in examples {
            #expect(!example.hasSuffix("\\") && example.filter({ $0 == "\"" }).count % 2 == 0, "\(example)")
        }
    }
}
