import DeskstatSLA
import Testing
import ZendeskWire

@Suite struct UnknownConditionTests {
    let ticket = Fixture.ticket(type: "incident", groupID: 5)

    @Test func unknownFieldWarnsAndNeverMatches() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(id: 3, title: "VIP", position: 1, all: [Fixture.condition("current_via", "is", "whatever")]),
            Fixture.policy(id: 4, title: "Default", position: 2),
        ])
        let evaluation = evaluator.evaluate(ticket, asOf: Fixture.created)
        #expect(evaluation.policy?.id == 4)
        #expect(
            evaluation.warnings == [
                "policy 'VIP' (id 3): condition current_via is whatever — field not supported; the policy is treated as not matching"
            ])
        #expect(
            evaluation.conditionsByPolicy[0].conditions == [
                SLAConditionResult(
                    kind: .all, field: "current_via", operatorName: "is", valueText: "whatever", matched: false,
                    understood: false, note: "field not supported")
            ])
    }

    @Test func negativeOperatorOnUnknownFieldDoesNotMatchEither() {
        let checked = Fixture.check(Fixture.condition("satisfaction_score", "is_not", "bad"), on: ticket)
        #expect(checked.result?.matched == false)
        #expect(checked.evaluation.policy == nil)
    }

    @Test func unknownOperatorWarns() {
        let checked = Fixture.check(Fixture.condition("priority", "within", "high"), on: ticket)
        #expect(checked.result?.understood == false)
        #expect(
            checked.evaluation.warnings == [
                "policy 'Only' (id 1): condition priority within high — operator not supported; the policy is treated as not matching"
            ])
    }

    static let unusable: [(SLAConditionDefinition, String)] = [
        (Fixture.condition(nil, "is", "x"), "the condition names no field"),
        (Fixture.condition("type", nil, "x"), "the condition names no operator"),
        (
            Fixture.condition("group_id", "is", .object(["id": .integer(5)])),
            "the value is an object, not a text, a number or a list"
        ),
        (Fixture.condition("group_id", "is", .null), "the value is null, not a text, a number or a list"),
        (
            Fixture.condition("group_id", "is", .array([.array([])])),
            "a list element is an array, not a text or a number"
        ),
        (Fixture.condition("group_id", "is", "support"), "'support' is not an id"),
        (Fixture.condition("group_id", "is", .double(5.5)), "5.5 is not an id"),
        (
            Fixture.condition("assignee_id", "is", "current_user"),
            "'current_user' means the agent looking at a view; it has no meaning for an SLA"
        ),
        (
            Fixture.condition("group_id", "less_than", .integer(5)),
            "operator 'less_than' is not supported for an id field"
        ),
        (Fixture.condition("current_tags", "is", "vip"), "operator 'is' is not supported for current_tags"),
        (Fixture.condition("current_tags", "includes", "  "), "no tags listed"),
        (Fixture.condition("priority", "less_than", "critical"), "'critical' is not a priority"),
        (
            Fixture.condition("status", "less_than", .array([.string("open"), .string("solved")])),
            "an ordering needs exactly one value"
        ),
        (Fixture.condition("via_id", "is", "carrier_pigeon"), "'carrier_pigeon' is not a known via id or via type"),
        (
            Fixture.condition("via_id", "greater_than", .integer(4)),
            "operator 'greater_than' is not supported for via_id"
        ),
        (Fixture.condition("custom_fields_7", "less_than", "soon"), "'soon' is not a number"),
        (Fixture.condition("custom_fields_x", "is", "a"), "field not supported"),
        (Fixture.condition("type", "less_than", "task"), "operator 'less_than' is not supported for type"),
    ]

    @Test(arguments: unusable)
    func unusableConditionsExplainWhy(_ condition: SLAConditionDefinition, reason: String) {
        let checked = Fixture.check(condition, on: ticket)
        #expect(checked.result?.matched == false)
        #expect(checked.result?.understood == false)
        #expect(checked.result?.note == reason)
        #expect(checked.evaluation.warnings.count == 1)
        #expect(
            checked.evaluation.warnings.first?.contains("— \(reason); the policy is treated as not matching") == true)
    }

    @Test func unknownAnyConditionIsFalseButOthersCanMatch() {
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(
                id: 1, title: "Any",
                any: [Fixture.condition("current_via", "is", "x"), Fixture.condition("type", "is", "incident")])
        ])
        let evaluation = evaluator.evaluate(ticket, asOf: Fixture.created)
        #expect(evaluation.policy?.id == 1)
        #expect(
            evaluation.warnings == [
                "policy 'Any' (id 1): condition current_via is x — field not supported; the condition is treated as false"
            ])
    }

    @Test func warningsAreDeduplicatedAndSorted() {
        let bad = Fixture.condition("current_via", "is", "x")
        let evaluator = SLAEvaluator(policies: [
            Fixture.policy(id: 2, title: "B", position: 1, all: [bad, bad]),
            Fixture.policy(id: 1, title: "A", position: 2, all: [Fixture.condition("zzz", "is", "y"), bad]),
        ])
        let warnings = evaluator.evaluate(ticket, asOf: Fixture.created).warnings
        #expect(
            warnings == [
                "policy 'A' (id 1): condition current_via is x — field not supported; the policy is treated as not matching",
                "policy 'A' (id 1): condition zzz is y — field not supported; the policy is treated as not matching",
                "policy 'B' (id 2): condition current_via is x — field not supported; the policy is treated as not matching",
            ])
    }

    @Test func valueTextShowsJSONForNonStrings() {
        let checked = Fixture.check(
            Fixture.condition("group_id", "is", .array([.string("1"), .integer(2)])), on: ticket)
        #expect(checked.result?.valueText == #"["1",2]"#)
        #expect(Fixture.check(Fixture.condition("group_id", "is", ""), on: ticket).result?.valueText == #""""#)
    }
}
