import Foundation
import Testing

@testable import DeskstatReport

@Suite("Report definitions")
struct DefinitionTests {
    /// The repository's `reports/` directory, found from this file (symlinks resolved).
    static let reportsDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("reports").path

    static var shippedFiles: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: reportsDirectory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    @Test func theBuiltInReportsShip() {
        #expect(
            ReportDefinitions.available(in: [Self.reportsDirectory]) == [
                "agents", "csat", "groups", "history", "monthly", "sla", "weekly",
            ])
    }

    @Test(arguments: DefinitionTests.shippedFiles)
    func everyShippedDefinitionParsesAndValidates(file: String) throws {
        let path = (Self.reportsDirectory as NSString).appendingPathComponent(file)
        let definition = try ReportDefinitions.load(path: path)
        try definition.validate()
        #expect(definition.name + ".yaml" == file)
        #expect(!definition.sections.isEmpty)
        // Scorecards (agents, groups) are one table for the window; the others open with headlines.
        let scorecard = ["agents", "groups"].contains(definition.name)
        #expect(definition.sections.first?.sectionKind == (scorecard ? .scorecard : .headline))
        #expect(definition.compare == (definition.name == "history" || scorecard ? "none" : "previous"))
    }

    @Test func weeklyHasTheExpectedSections() throws {
        let weekly = try ReportDefinitions.builtIn(
            named: "weekly", searchDirectories: ["/nonexistent", Self.reportsDirectory])
        #expect(weekly.title == "Weekly support report")
        #expect(weekly.defaultPeriod == "last-week")
        #expect(
            weekly.sections.map(\.id) == [
                "headline", "trend", "volume", "backlog", "responsiveness", "resolution", "quality", "csat", "sla",
                "sla_breaches",
            ])
        #expect(weekly.sections[0].clock == "both")
        #expect(weekly.sections[1].sectionKind == .trend)
        #expect(weekly.sections[1].by == "week")
        #expect(weekly.sections[1].limit == 12)
        let responsiveness = weekly.sections[4]
        #expect(responsiveness.kpis == ["first_reply_time"])
        #expect(responsiveness.stats == ["count", "median", "p90"])
        #expect(responsiveness.clock == "both")
        #expect(responsiveness.by == "group")
        #expect(responsiveness.limit == 15)
        #expect(weekly.sections[9].sectionKind == .slaBreaches)
        #expect(weekly.origin?.line(of: "sections[4].by") != nil)
    }

    @Test func missingDefinitionListsWhatExists() {
        #expect {
            try ReportDefinitions.builtIn(named: "weekley", searchDirectories: [Self.reportsDirectory])
        } throws: { error in
            let message = (error as? ReportError)?.description ?? ""
            return message.hasPrefix("no report definition named \"weekley\" (did you mean 'weekly'?) (searched ")
                && message.hasSuffix("available: agents, csat, groups, history, monthly, sla, weekly")
                && (error as? ReportError)?.isUsageError == true
        }
    }

    @Test func missingFileIsNotFound() {
        #expect(throws: ReportError.definitionFileNotFound(path: "/nonexistent/x.yaml")) {
            try ReportDefinitions.load(path: "/nonexistent/x.yaml")
        }
        let error = ReportError.definitionFileNotFound(path: "/nonexistent/x.yaml")
        #expect(error.isMissingInput && !error.isUsageError)
        #expect(error.description.hasPrefix("/nonexistent/x.yaml: no such file; check the path"))
    }

    @Test func unreadableFileSaysSo() {
        #expect(
            throws: ReportError.definitionUnreadable(
                path: "/", reason: "permission denied or not a regular file")
        ) {
            try ReportDefinitions.load(path: "/")
        }
        #expect(ReportError.definitionUnreadable(path: "/", reason: "x").isMissingInput == false)
    }

    @Test func aPathLoadsDirectly() throws {
        let path = (Self.reportsDirectory as NSString).appendingPathComponent("sla.yaml")
        #expect(try ReportDefinitions.builtIn(named: path, searchDirectories: []).name == "sla")
    }

    // MARK: - Bad definitions

    static let base = """
        title: Test
        sections:
          - id: volume
            title: Volume
            kpis: [created, solved]

        """

    /// The message of the first problem in `yaml` (parse, then validate with the defaults).
    static func problem(_ yaml: String, file: String = "reports/test.yaml") -> String? {
        do {
            try ReportDefinitions.parse(yaml: yaml, file: file).validate()
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        (
            "titel: Test\nsections: []\n",
            "reports/test.yaml:1: titel: unknown key (did you mean \"title\"?); expected one of name, title, description, period, compare, sections"
        ),
        (
            DefinitionTests.base + "    bye: group\n",
            "reports/test.yaml:6: sections[0].bye: unknown key (did you mean \"by\"?); expected one of id, title, kind, kpis, stats, clock, by, filters, limit"
        ),
        (
            DefinitionTests.base + "    by: grop\n",
            "reports/test.yaml:6: sections[0].by: \"grop\" is not a slice (did you mean \"group\"?); expected one of group, assignee, brand, channel, priority, type, organization, tag, form, day, week, month"
        ),
        (
            DefinitionTests.base.replacingOccurrences(of: "[created, solved]", with: "[created, frt]"),
            "reports/test.yaml:5: sections[0].kpis[1]: \"frt\" is not a KPI; expected one of created, solved, backlog,"
        ),
        (
            DefinitionTests.base.replacingOccurrences(of: "[created, solved]", with: "created"),
            "reports/test.yaml:5: sections[0].kpis: expected a list, e.g. [created, solved]; got \"created\""
        ),
        (
            DefinitionTests.base + "    by: group\n    limit: ten\n",
            "reports/test.yaml:7: sections[0].limit: expected a whole number, e.g. 10; got \"ten\""
        ),
        (DefinitionTests.base + "    by: group\n    limit: 0\n", "sections[0].limit: must be at least 1; got 0"),
        (
            DefinitionTests.base + "    kind: trend\n",
            "sections[0].by: a trend section needs a time slice: by: week, by: month or by: day"
        ),
        (
            DefinitionTests.base + "    kind: trend\n    by: group\n",
            "sections[0].by: a trend section needs a time slice"
        ),
        (
            DefinitionTests.base + "    limit: 5\n",
            "reports/test.yaml:6: sections[0].limit: has no effect without by; add by (e.g. by: group) or remove limit"
        ),
        ("title: [unclosed\nsections: []\n", "reports/test.yaml:2:"),
        ("title: Test\n  sections: - bad\n", "not valid YAML"),
        (
            "sections:\n  - id: a\n    title: A\n    kpis: [created]\n",
            "reports/test.yaml:1: missing the required key \"title\""
        ),
        ("title: Test\nsections:\n  - title: A\n", "reports/test.yaml:3: sections[0]: missing the required key \"id\""),
        ("title: Test\nsections: []\n", "reports/test.yaml:2: sections: needs at least one section"),
        (
            "title: Test\nsections:\n  volume: {}\n",
            "sections: expected a list of sections, each starting with \"- id: …\"; got a mapping"
        ),
        ("", "reports/test.yaml: the file is empty; it needs at least title and sections"),
        (
            "- a\n- b\n",
            "expected a mapping of keys (name, title, description, period, compare, sections) for the file; got a list"
        ),
        ("title:\nsections: []\n", "reports/test.yaml:1: title: has no value; give one or remove the key"),
        (
            DefinitionTests.base + "  - id: volume\n    title: Again\n    kpis: [created]\n",
            "sections[1].id: \"volume\" is already the id of sections[0]"
        ),
        (
            DefinitionTests.base + "    clock: bussiness\n",
            "sections[0].clock: \"bussiness\" is not a clock (did you mean \"business\"?); expected one of calendar, business, both"
        ),
        (
            DefinitionTests.base + "    kind: breaches\n",
            "sections[0].kind: \"breaches\" is not a section kind; expected one of kpis, headline, backlog, sla, sla_breaches, csat"
        ),
        (
            DefinitionTests.base.replacingOccurrences(of: "id: volume", with: "id: Volume Stuff"),
            "sections[0].id: \"Volume Stuff\" is not a valid id; use lowercase letters, digits and _ (snake_case)"
        ),
        (
            "name: weekly\n" + DefinitionTests.base,
            "reports/test.yaml:1: name: \"weekly\" does not match the file name \"test\"; rename the file or remove the key"
        ),
        (
            "period: last-wek\n" + DefinitionTests.base,
            "reports/test.yaml:1: period: \"last-wek\" is not a period (did you mean \"last-week\"?)"
        ),
        (
            "compare: yes\n" + DefinitionTests.base,
            "compare: \"yes\" is not a comparison; expected one of previous, none"
        ),
        (
            DefinitionTests.base + "    stats: [median, p100]\n",
            "sections[0].stats[1]: \"p100\" is not a statistic; expected one of count, median, p90, mean; or p1 … p99, within:TARGET"
        ),
        (
            DefinitionTests.base + "    filters: [\"priorty=high\"]\n",
            "sections[0].filters[0]: \"priorty\" is not a filter field (did you mean \"priority\"?)"
        ),
        (
            DefinitionTests.base + "    filters: [\"priority\"]\n",
            "\"priority\" is not a filter; write FIELD=VALUE or FIELD!=VALUE"
        ),
        (DefinitionTests.base + "    filters: [\"priority!=\"]\n", "\"priority!=\" has no value after the operator"),
        (
            DefinitionTests.base + "    kind: csat\n",
            "sections[0].kpis[0]: \"created\" does not belong in a csat section; expected csat or csat_response_rate, or use kind: kpis"
        ),
        (
            DefinitionTests.base + "    kind: headline\n    by: group\n",
            "sections[0].by: a headline section cannot be split by a slice"
        ),
        (
            "title: Test\nsections:\n  - id: a\n    title: A\n",
            "sections[0].kpis: a kpis section needs at least one KPI"
        ),
        ("title: Test\ntitle: Again\nsections: []\n", "duplicate key \"title\"; keep one"),
        (
            DefinitionTests.base.replacingOccurrences(of: "[created, solved]", with: "[created, solved, created]"),
            "reports/test.yaml:5: sections[0].kpis[2]: \"created\" is already listed at sections[0].kpis[0]; remove one"
        ),
        (DefinitionTests.base + "    limit: [1]\n", "sections[0].limit: expected text; got a list"),
    ])
    func badDefinitionsExplainThemselves(yaml: String, expected: String) {
        let message = Self.problem(yaml)
        #expect(message?.contains(expected) == true, "got: \(message ?? "no error")")
    }

    @Test func validDefinitionsPass() {
        #expect(Self.problem(Self.base) == nil)
        #expect(
            Self.problem("name: test\nperiod: last-30d\ncompare: none\n" + Self.base + "    by: week\n    limit: 4\n")
                == nil)
        #expect(
            Self.problem(Self.base + "    filters: [\"priority=high,urgent\", \"channel != api\", \"status=open\"]\n")
                == nil)
    }

    @Test(arguments: ["last-week", "this-month", "last-30d", "last-7d", "2026-W47", "2026-11"])
    func knownPeriods(period: String) {
        #expect(ReportDefinitions.isKnownPeriod(period))
    }

    @Test(arguments: ["last-wek", "last-0d", "last-d", "2026-W54", "2026-13", "2026-1", "next-week", ""])
    func unknownPeriods(period: String) {
        #expect(!ReportDefinitions.isKnownPeriod(period))
    }

    @Test func theCallerDecidesWhichNamesAreKnown() throws {
        let definition = try ReportDefinitions.parse(yaml: Self.base + "    by: queue\n", file: "custom.yaml")
        #expect(throws: ReportError.self) { try definition.validate() }
        try definition.validate(knownKPIs: ["created", "solved"], knownSlices: ["queue"])
        #expect(throws: ReportError.self) { try definition.validate(knownKPIs: ["created"], knownSlices: ["queue"]) }
    }

    @Test func definitionsBuiltInCodeNameTheReport() {
        let definition = ReportDefinition(
            name: "adhoc", title: "Ad hoc", sections: [SectionDefinition(id: "a", title: "A", kpis: ["nope"])])
        #expect {
            try definition.validate()
        } throws: { error in
            (error as? ReportError)?.description.hasPrefix(
                "report \"adhoc\": sections[0].kpis[0]: \"nope\" is not a KPI") == true
        }
    }

    @Test func defaultListsMatchTheDocumentedNames() {
        // 15 metric-set KPIs and 8 history KPIs (issue 11: reopen events, reply times, agent replies, time in status).
        #expect(ReportDefinitions.defaultKPIs.count == 23)
        #expect(Set(ReportDefinitions.defaultKPIs).count == 23)
        #expect(ReportDefinitions.defaultSlices.contains("organization"))
        #expect(ReportDefinitions.filterFields(knownSlices: Set(ReportDefinitions.defaultSlices)).contains("status"))
        #expect(!ReportDefinitions.filterFields(knownSlices: Set(ReportDefinitions.defaultSlices)).contains("week"))
    }
}
