import DeskstatEngine
import Testing

@Suite struct SLAFixtureTests {
    func counts(_ summary: SLASummary?, policy: Int64, metric: String, priority: String) -> SLACounts? {
        summary?.byTarget.first { $0.key.policyID == policy && $0.key.metric == metric && $0.key.priority == priority }?
            .value
    }

    @Test func totalsForTheCurrentWindow() throws {
        let sla = try #require(try FixtureAccount.result().current.sla[.all])
        #expect(sla.totals == SLACounts(achieved: 50, breached: 13, active: 23, unmeasured: 25))
        #expect(close(sla.totals.achievementRate.value, 50.0 / 63))
        #expect(
            Dictionary(uniqueKeysWithValues: sla.breachesByGroup.map { ($0.key.label, $0.value) })
                == ["Support": 7, "Billing": 3, "Tier 2": 3])
    }

    @Test func totalsForThePreviousWindow() throws {
        let sla = try #require(try FixtureAccount.result().previous?.sla[.all])
        #expect(sla.totals == SLACounts(achieved: 31, breached: 3, active: 0, unmeasured: 14))
        #expect(
            Dictionary(uniqueKeysWithValues: sla.breachesByGroup.map { ($0.key.label, $0.value) })
                == ["Support": 2, "Billing": 1])
    }

    @Test func perPolicyMetricAndPriority() throws {
        let sla = try FixtureAccount.result().current.sla[.all]
        #expect(counts(sla, policy: 8102, metric: "total_resolution_time", priority: "high") == SLACounts(breached: 2))
        #expect(
            counts(sla, policy: 8103, metric: "requester_wait_time", priority: "high")
                == SLACounts(breached: 1, active: 2))
        #expect(
            counts(sla, policy: 8101, metric: "first_reply_time", priority: "normal")
                == SLACounts(achieved: 8, active: 1))
        #expect(
            counts(sla, policy: 8101, metric: "total_resolution_time", priority: "normal")
                == SLACounts(achieved: 5, breached: 3, active: 1))
        #expect(counts(sla, policy: 8101, metric: "next_reply_time", priority: "normal") == SLACounts(unmeasured: 8))
        let order = try #require(sla).byTarget.keys.sorted().map(\.policyID)
        var policies: [Int64] = []
        for id in order where !policies.contains(id) { policies.append(id) }
        #expect(policies == [8102, 8103, 8101])
    }
}
