import Foundation
import Testing

/// `--sla-source`, `--at-risk` and `--policies` through the binary, on the fixture account
/// (fixtures/EXPECTED.md §7.5).
@Suite(.serialized) struct SLAEndToEndTests {
    func report(_ arguments: [String], asOf: String = "2026-11-23T00:00:00Z") throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            ["report", "sla", "--cache", ReportEndToEndTests.fixtureCache, "--period", "2026-W47", "--as-of", asOf]
                + arguments)
    }

    @Test func recordedMetricsInJSON() throws {
        let result = try report(["--sla-source", "recorded", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["sla.achieved"] as? Int == 9)
        #expect(metrics["sla.breached"] as? Int == 8)
        #expect(metrics["sla.active"] as? Int == 1)
        #expect(result.stdout.contains("SLA source: recorded"))
        #expect(result.stdout.contains("next_reply_time"))
    }

    @Test func atRiskInEveryFormat() throws {
        for format in ["text", "markdown", "json"] {
            let result = try report(["--at-risk", "4h", "--format", format], asOf: "2026-11-23T18:00:00Z")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("1045") && result.stdout.contains("resolution"), "\(format)")
        }
        let csv = try report(
            ["--at-risk", "4h", "--format", "csv", "--section", "sla_at_risk"], asOf: "2026-11-23T18:00:00Z")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(
            csv.stdout.contains(
                "1045,total_resolution_time,1,Standard support,high,2880,calendar,2026-11-23T20:00:00Z,120,recorded"),
            "\(csv.stdout)")
    }

    @Test func whatIfFromAYAMLDraft() throws {
        let directory = try makeScratchDirectory()
        let draft = directory + "/draft.yaml"
        // An update body for Standard support (id 8101) with only an urgent first reply, at 30
        // minutes; the VIP and Tier 2 policies stay as they are.
        let yaml = [
            "sla_policy:",
            "  id: 8101",
            "  title: Standard support",
            "  position: 3",
            "  filter:",
            "    all:",
            "      - {field: type, operator: is_not, value: task}",
            "      - {field: current_tags, operator: not_includes, value: internal_test spam}",
            "    any:",
            "      - {field: group_id, operator: includes, value: [\"360001\", \"360002\"]}",
            "      - {field: priority, operator: is, value: urgent}",
            "  policy_metrics:",
            "    - {priority: urgent, metric: first_reply_time, target: 30, business_hours: false}",
        ]
        try yaml.joined(separator: "\n").write(toFile: draft, atomically: true, encoding: .utf8)
        let result = try report(["--policies", draft, "--format", "csv", "--section", "sla_what_if"])
        #expect(result.status == 0, "\(result.stderr)")
        // Fixture §7.5: now A 2 (1023, 1038), B 1 (1043); with 30 min A 1, B 2.
        #expect(
            result.stdout.contains("Standard support,first_reply_time,urgent,60.5,30,2,1,1,2,1,0.6667,0.3333,-0.3333"),
            "\(result.stdout)")
        // The VIP policy is unchanged; Standard's other targets are gone from the draft.
        #expect(result.stdout.contains("VIP customers,first_reply_time,high,60,60,1,1,1,1,0,0.5,0.5,0"))
        #expect(result.stdout.contains("Standard support,first_reply_time,normal,480,,8,0,0,0,0,1,,"))
        let bad = directory + "/bad.json"
        try "{\"policies\": []}".write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try report(["--policies", bad])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("--policies"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try report(["--sla-source", "zendesk"]).status == 64)
        #expect(try report(["--at-risk", "soon"]).status == 64)
        #expect(try report(["--policies", "/no/such/draft.json"]).status == 64)
    }
}
