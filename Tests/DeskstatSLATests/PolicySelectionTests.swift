import DeskstatSLA
import Testing
import ZendeskWire

@Suite struct PolicySelectionTests {
    let ticket = Fixture.ticket(type: "incident")

    @Test func lowestPositionWins() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(id: 1, title: "Second", position: 2),
            Fixture.policy(id: 2, title: "First", position: 1),
        ])
        let evaluation = evaluator.evaluate(ticket, asOf: Fixture.created)
        #expect(evaluation.policy == SLAAppliedPolicy(id: 2, title: "First"))
        #expect(evaluation.conditionsByPolicy.map(\.policyID) == [2])
    }

    @Test func equalPositionsFallBackToID() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(id: 9, position: 1), Fixture.policy(id: 4, position: 1),
        ])
        #expect(evaluator.evaluate(ticket, asOf: Fixture.created).policy?.id == 4)
    }

    @Test func missingPositionSortsLast() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(id: 1, position: nil), Fixture.policy(id: 7, position: 99),
            Fixture.policy(id: 3, position: 5),
        ])
        #expect(evaluator.policyOrder.map(\.id) == [3, 7, 1])
        #expect(evaluator.evaluate(ticket, asOf: Fixture.created).policy?.id == 3)
    }

    @Test func nonMatchingPoliciesAreTriedAndRecorded() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(id: 1, position: 1, all: [Fixture.condition("type", "is", "problem")]),
            Fixture.policy(id: 2, position: 2),
            Fixture.policy(id: 3, position: 3),
        ])
        let evaluation = evaluator.evaluate(ticket, asOf: Fixture.created)
        #expect(evaluation.policy?.id == 2)
        #expect(evaluation.conditionsByPolicy.map(\.policyID) == [1, 2])
        #expect(evaluation.conditionsByPolicy.map(\.matched) == [false, true])
        let recorded = evaluation.conditionsByPolicy[0].conditions
        #expect(
            recorded == [
                SLAConditionResult(
                    kind: .all, field: "type", operatorName: "is", valueText: "problem", matched: false,
                    understood: true, note: nil)
            ])
    }

    @Test func everyAllConditionMustHold() {
        let one = Fixture.condition("type", "is", "incident")
        let other = Fixture.condition("priority", "is", "urgent")
        #expect(SLAEvaluator(policies: [Fixture.policy(id: 1, all: [one])]).evaluate(ticket, asOf: 0).policy != nil)
        #expect(
            SLAEvaluator(policies: [Fixture.policy(id: 1, all: [one, other])]).evaluate(ticket, asOf: 0).policy == nil)
    }

    @Test func oneAnyConditionSuffices() {
        let yes = Fixture.condition("type", "is", "incident")
        let no = Fixture.condition("priority", "is", "urgent")
        let matching = SLAEvaluator(policies: [Fixture.policy(id: 1, any: [no, yes])])
        let failing = SLAEvaluator(policies: [Fixture.policy(id: 1, any: [no, no])])
        #expect(matching.evaluate(ticket, asOf: 0).policy?.id == 1)
        #expect(failing.evaluate(ticket, asOf: 0).policy == nil)
        // Every condition is recorded, even after the first `any` match.
        #expect(matching.evaluate(ticket, asOf: 0).conditionsByPolicy[0].conditions.map(\.matched) == [false, true])
    }

    @Test func allAndAnyCombine() {
        let all = Fixture.condition("type", "is", "incident")
        let anyYes = Fixture.condition("priority", "is", "high")
        let anyNo = Fixture.condition("priority", "is", "low")
        #expect(
            SLAEvaluator(policies: [Fixture.policy(id: 1, all: [all], any: [anyYes])]).evaluate(ticket, asOf: 0).policy
                != nil)
        #expect(
            SLAEvaluator(policies: [Fixture.policy(id: 1, all: [all], any: [anyNo])]).evaluate(ticket, asOf: 0).policy
                == nil)
    }

    @Test func emptyFilterMatchesEveryTicketWithAPriority() {
        let evaluation = SLAEvaluator(policies: [Fixture.policy(id: 1)]).evaluate(ticket, asOf: 0)
        #expect(evaluation.policy?.id == 1)
        #expect(
            evaluation.conditionsByPolicy == [SLAPolicyTrial(policyID: 1, title: "P", conditions: [], matched: true)])
    }

    @Test func noMatchingPolicyMeansNoOutcomes() {
        let evaluator = SLAEvaluator(policies: [Fixture.policy(id: 1, all: [Fixture.condition("type", "is", "task")])])
        let evaluation = evaluator.evaluate(ticket, asOf: 0)
        #expect(evaluation.policy == nil && evaluation.outcomes.isEmpty)
        #expect(evaluation.noSLAReason == "no SLA policy matches the ticket")
    }

    @Test(arguments: [nil, ""] as [String?])
    func ticketWithoutPriorityGetsNoSLA(priority: String?) {
        let evaluator = SLAEvaluator(policies: [Fixture.policy(id: 1)])
        let evaluation = evaluator.evaluate(Fixture.ticket(priority: priority), asOf: Fixture.created + 999_999)
        #expect(evaluation.policy == nil)
        #expect(evaluation.outcomes.isEmpty && evaluation.conditionsByPolicy.isEmpty && evaluation.warnings.isEmpty)
        #expect(evaluation.noSLAReason == "the ticket has no priority; only tickets with a priority get SLAs")
    }

    @Test func notRecordingConditionsChangesNothingElse() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(id: 1, position: 1, all: [Fixture.condition("current_via", "is", "x")]),
            Fixture.policy(id: 2, position: 2),
        ])
        let full = evaluator.evaluate(ticket, asOf: Fixture.created + 7200)
        var lean = evaluator.evaluate(ticket, asOf: Fixture.created + 7200, recordingConditions: false)
        #expect(lean.conditionsByPolicy.isEmpty)
        lean.conditionsByPolicy = full.conditionsByPolicy
        #expect(lean == full)
    }
}
