import DeskstatSLA
import Testing

@Suite struct TargetSelectionTests {
    let replied = Fixture.ticket(replyTime: Clocked(calendar: 100, business: 30))

    @Test func targetInSecondsWinsOverTarget() {
        let outcome = Fixture.outcome(Fixture.target("first_reply_time", minutes: 60, seconds: 5400), replied)
        #expect(outcome?.targetMinutes == 90)
        #expect(outcome?.status == .breached)  // 100 > 90
        #expect(Fixture.outcome(Fixture.target("first_reply_time", minutes: 120), replied)?.status == .achieved)
    }

    @Test func targetDefinitionMinutes() {
        #expect(SLATargetDefinition(priority: "high", metric: "x", target: 60).targetMinutes == 60)
        #expect(
            SLATargetDefinition(priority: "high", metric: "x", target: 60, targetInSeconds: 90).targetMinutes == 1.5)
        #expect(SLATargetDefinition(priority: "high", metric: "x").targetMinutes == nil)
        #expect(SLATargetDefinition(priority: "high", metric: "x", target: -1).targetMinutes == nil)
    }

    @Test func businessHoursTargetsUseTheBusinessClock() {
        let business = Fixture.outcome(Fixture.target("first_reply_time", minutes: 60, business: true), replied)
        #expect(business?.measuredMinutes == 30)
        #expect(business?.status == .achieved)
        #expect(business?.reason == "first reply after 30 business min ≤ 60 business min target")
        let calendar = Fixture.outcome(Fixture.target("first_reply_time", minutes: 60), replied)
        #expect(calendar?.measuredMinutes == 100)
        #expect(calendar?.status == .breached)
        #expect(calendar?.reason == "first reply after 100 min > 60 min target")
    }

    @Test func onlyTheTicketPrioritysTargetsApply() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(
                id: 1,
                targets: [
                    Fixture.target("first_reply_time", priority: "urgent", minutes: 15),
                    Fixture.target("first_reply_time", priority: "high", minutes: 120),
                    Fixture.target("total_resolution_time", priority: "high", minutes: 600),
                    Fixture.target("agent_work_time", priority: "high", minutes: 300),
                ])
        ])
        let outcomes = evaluator.evaluate(replied, asOf: Fixture.created).outcomes
        #expect(outcomes.map(\.metric) == ["agent_work_time", "first_reply_time", "total_resolution_time"])
        #expect(outcomes.allSatisfy { $0.priority == "high" })
        #expect(outcomes.first { $0.metric == "first_reply_time" }?.targetMinutes == 120)
    }

    @Test func unusableTargetsAreIgnoredWithAWarning() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(
                id: 1, title: "T",
                targets: [
                    Fixture.target("first_reply_time", minutes: nil),
                    SLATargetDefinition(priority: "high", metric: nil, target: 5),
                    SLATargetDefinition(priority: nil, metric: "next_reply_time", target: 5),
                    Fixture.target("first_reply_time", priority: "low", minutes: nil),
                    Fixture.target("total_resolution_time", minutes: 600),
                ])
        ])
        let evaluation = evaluator.evaluate(replied, asOf: Fixture.created)
        #expect(evaluation.outcomes.map(\.metric) == ["total_resolution_time"])
        #expect(
            evaluation.warnings == [
                "policy 'T' (id 1): a next_reply_time target has no priority; it is ignored",
                "policy 'T' (id 1): a target for high names no metric; it is ignored",
                "policy 'T' (id 1): the first_reply_time target for high has no usable target time; it is ignored",
            ])
    }

    @Test func policyWithoutTargetsForThePriority() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(
                id: 1, title: "Urgent only", targets: [Fixture.target("first_reply_time", priority: "urgent")])
        ])
        let evaluation = evaluator.evaluate(replied, asOf: Fixture.created)
        #expect(evaluation.policy?.id == 1)
        #expect(evaluation.outcomes.isEmpty)
        #expect(evaluation.noSLAReason == "policy 'Urgent only' has no targets for priority high")
    }

    @Test func unknownMetricIsUnmeasured() {
        let outcome = Fixture.outcome(Fixture.target("group_ownership_time"), replied)
        #expect(outcome?.status == .unmeasured)
        #expect(outcome?.reason == "metric 'group_ownership_time' is not supported")
    }
}
