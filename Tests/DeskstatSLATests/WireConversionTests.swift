import DeskstatSLA
import Testing
import ZendeskWire

@Suite struct WireConversionTests {
    @Test func policyFromTheAPI() throws {
        let record = try Envelope.parseBareRecord(
            Array(
                """
                {"id": 7, "title": "VIP", "position": 1, "filter": {
                  "all": [{"field": "type", "operator": "is", "value": "incident"},
                          {"field": "group_id", "operator": "is", "value": 360001}],
                  "any": [{"field": "current_tags", "operator": "includes", "value": "vip gold"}]},
                 "policy_metrics": [{"priority": "high", "metric": "first_reply_time", "target": 60,
                                     "target_in_seconds": 1800, "business_hours": true}]}
                """.utf8), table: .slaPolicies, index: 0)
        let definition = SLAPolicyDefinition(try SLAPolicy(RecordReader(record)))
        #expect(definition.id == 7 && definition.title == "VIP" && definition.position == 1)
        #expect(definition.all.map(\.field) == ["type", "group_id"])
        #expect(
            definition.any == [
                SLAConditionDefinition(field: "current_tags", operatorName: "includes", value: .string("vip gold"))
            ])
        #expect(
            definition.targets == [
                SLATargetDefinition(
                    priority: "high", metric: "first_reply_time", target: 60, targetInSeconds: 1800, businessHours: true
                )
            ])

        let ticket = SLATicket(
            id: 1, status: "solved", priority: "high", type: "incident", groupID: 360_001, tags: ["gold"],
            createdAt: Fixture.created, replyTime: Clocked(ZendeskWire.Duration(calendar: 50, business: 20)))
        let evaluation = SLAEvaluator(policies: [definition]).evaluate(ticket, asOf: Fixture.created)
        #expect(evaluation.policy == SLAAppliedPolicy(id: 7, title: "VIP"))
        #expect(evaluation.outcomes.map(\.status) == [.achieved])
        #expect(evaluation.outcomes.first?.targetMinutes == 30)
        #expect(evaluation.outcomes.first?.attributedAt == Fixture.created + 3000)
    }

    @Test func storedConditionValuesAreJSON() {
        func value(_ stored: String?) -> JSONValue {
            SLAConditionDefinition(field: "f", operatorName: "is", storedValue: stored).value
        }
        #expect(value(#""incident""#) == .string("incident"))
        #expect(value("360001") == .integer(360_001))
        #expect(value(#"["1","2"]"#) == .array([.string("1"), .string("2")]))
        #expect(value(nil) == .null)
        #expect(value("incident") == .string("incident"))
    }
}
