import Foundation
import Testing

/// `deskstat explain` shows the timeline and `deskstat reconcile` compares it, on the fixture account.
@Suite struct TimelineEndToEndTests {
    @Test func explainAndReconcileOnTheFixtures() throws {
        let cache = try makeScratchDirectory() + "/c.sqlite"
        let fixtures = BinaryRunner.packageRoot.appendingPathComponent("fixtures/account").path
        let imported = try BinaryRunner.run(["import", "--cache", cache, fixtures])
        #expect(imported.status == 0, "\(imported.stderr)")

        let explained = try BinaryRunner.run(["explain", "1024", "--cache", cache, "--period", "2026-W47"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("2026-11-18T11:00:00Z              reopened (solved → unsolved)"))
        #expect(explained.stdout.contains("next reply 2026-11-19T14:30:00Z   1650/690 min since 2026-11-18T11:00:00Z"))

        // § 14: 1049 is measured on its last schedule (US East support): DST and a holiday.
        let explained1049 = try BinaryRunner.run(
            ["explain", "1049", "--cache", cache, "--period", "2026-W47", "--as-of", "2026-11-23T00:00:00Z"])
        #expect(explained1049.status == 0, "\(explained1049.stderr)")
        #expect(explained1049.stdout.contains("schedule 360000778"))
        #expect(explained1049.stdout.contains("3810/450 min since 2026-10-29T20:30:00Z"))

        let reconciled = try BinaryRunner.run(["reconcile", "--cache", cache, "--as-of", "2026-11-23T00:00:00Z"])
        #expect(reconciled.status == 0, "\(reconciled.stderr)")
        // § 9: 1024 and 1025 from the audits, 1001 and 1049 from ticket_events.json (§ 14).
        #expect(reconciled.stdout == "4 tickets with a history and a metric set: 4 agree (100.0%)\n")

        // An earlier public reply by agent 5003 on 1025 (11-17 10:00, 50 min after creation) that
        // Zendesk's metric set (235 min) does not know about.
        let extra = (cache as NSString).deletingLastPathComponent + "/ticket_events.json"
        let body = #"""
            {"ticket_events": [{"id": 99001, "ticket_id": 1025, "timestamp": 1794909600, "updater_id": 5003,
              "child_events": [{"id": 99002, "event_type": "Comment", "author_id": 5003, "public": true}]}],
             "count": 1, "end_time": 1794909600, "next_page": null, "end_of_stream": true}
            """#
        try Data(body.utf8).write(to: URL(fileURLWithPath: extra))
        #expect(try BinaryRunner.run(["import", "--cache", cache, extra]).status == 0)
        let differing = try BinaryRunner.run(["reconcile", "--cache", cache, "--as-of", "2026-11-23T00:00:00Z"])
        #expect(differing.status == 0, "\(differing.stderr)")
        #expect(
            differing.stdout == """
                4 tickets with a history and a metric set: 3 agree (75.0%)

                ticket  metric                zendesk  timeline  reason
                1025    first_reply_time      235      50        differs by -185 min

                """)
    }
}

/// `deskstat reconcile --sla` on the fixture account (fixtures/EXPECTED.md § 15.3).
@Suite struct SLAReconcileEndToEndTests {
    @Test func reconcileSLAExplainsEachDifference() throws {
        let cache = try makeScratchDirectory() + "/c.sqlite"
        let fixtures = BinaryRunner.packageRoot.appendingPathComponent("fixtures/account").path
        #expect(try BinaryRunner.run(["import", "--cache", cache, fixtures]).status == 0)
        let arguments = ["reconcile", "--sla", "--cache", cache, "--as-of", "2026-11-23T00:00:00Z"]
        let text = try BinaryRunner.run(arguments)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "1 ticket with metric events and a history: 5 SLA instances, 0 agree (0.0%), 5 differ")
        #expect(
            lines.contains { $0.hasPrefix("1024    first_reply_time       1   achieved   achieved   fields changed") })
        #expect(
            lines.contains { $0.hasPrefix("1024    next_reply_time        3   –          breached   missing events") })

        let json = try BinaryRunner.run(arguments + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["compared"] as? Int == 5)
        #expect(object["agreeing"] as? Int == 0)
        let differences = try #require(object["differences"] as? [[String: Any]])
        #expect(
            differences.map { $0["cause"] as? String } == [
                "fields changed", "clock", "missing events", "missing events", "missing events",
            ])
        let recorded = try #require(differences.first?["recorded"] as? [String: Any])
        #expect(recorded["policy_title"] as? String == "Standard support")
        #expect(recorded["completed_at"] as? String == "2026-11-17T09:30:00Z")
    }
}
