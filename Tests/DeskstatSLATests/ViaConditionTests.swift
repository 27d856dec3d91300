import DeskstatSLA
import Testing
import ZendeskWire

@Suite struct ViaConditionTests {
    static let viaCases: [ConditionCase] = [
        ConditionCase("via id set", "via_id", "is", .integer(4), Fixture.ticket(viaID: 4), true),
        ConditionCase(
            "via id beats channel", "via_id", "is", .integer(29), Fixture.ticket(viaChannel: "email", viaID: 29), true),
        ConditionCase("email channel is mail", "via_id", "is", .string("4"), Fixture.ticket(viaChannel: "email"), true),
        ConditionCase(
            "email channel is_not mail", "via_id", "is_not", .integer(4), Fixture.ticket(viaChannel: "email"), false),
        ConditionCase("chat channel", "via_id", "is", .integer(29), Fixture.ticket(viaChannel: "chat"), true),
        ConditionCase("via type as channel", "via_id", "is", .integer(0), Fixture.ticket(viaChannel: "web_form"), true),
        ConditionCase("numeric channel text", "via_id", "is", .integer(5), Fixture.ticket(viaChannel: "5"), true),
        ConditionCase(
            "via type name as value", "via_id", "is", .string("mail"), Fixture.ticket(viaChannel: "email"), true),
        ConditionCase("web is never mail", "via_id", "is", .integer(4), Fixture.ticket(viaChannel: "web"), false),
        ConditionCase("web is_not mail", "via_id", "is_not", .integer(4), Fixture.ticket(viaChannel: "web"), true),
        ConditionCase(
            "web is any web id", "via_id", "is", .array([.integer(0), .integer(17), .integer(20), .integer(27)]),
            Fixture.ticket(viaChannel: "web"), true),
        ConditionCase(
            "web is_not list of its ids", "via_id", "is_not",
            .array([.integer(0), .integer(17), .integer(20), .integer(27)]), Fixture.ticket(viaChannel: "web"), false),
    ]

    @Test(arguments: viaCases)
    func decidableViaConditions(_ row: ConditionCase) {
        let checked = Fixture.check(row.condition, on: row.ticket)
        #expect(checked.result?.matched == row.holds)
        #expect(checked.result?.understood == true)
        #expect(checked.evaluation.warnings.isEmpty)
    }

    @Test func ambiguousChannelIsNotGuessed() {
        let checked = Fixture.check(
            Fixture.condition("via_id", "is", .integer(0)), on: Fixture.ticket(viaChannel: "web"))
        #expect(checked.result?.matched == false)
        #expect(checked.result?.understood == false)
        #expect(
            checked.evaluation.warnings == [
                "policy 'Only' (id 1): condition via_id is 0 — the ticket's channel 'web' may be via id 0, 17, 20, 27, "
                    + "which this condition tells apart; the policy is treated as not matching"
            ])
    }

    @Test func unknownChannelIsNotGuessed() {
        for ticket in [Fixture.ticket(viaChannel: "mobile"), Fixture.ticket()] {
            let checked = Fixture.check(Fixture.condition("via_id", "is_not", .integer(4)), on: ticket)
            #expect(checked.result?.matched == false)
            #expect(checked.result?.understood == false)
            #expect(checked.evaluation.warnings.count == 1)
        }
        let checked = Fixture.check(
            Fixture.condition("via_id", "is", .integer(4)), on: Fixture.ticket(viaChannel: "mobile"))
        #expect(checked.result?.note == "the ticket's channel 'mobile' has no known via id")
    }
}
