import DeskstatSLA
import Testing
import ZendeskWire

/// One row: a condition, a ticket, and whether the condition holds.
struct ConditionCase: CustomTestStringConvertible, Sendable {
    let label: String
    let condition: SLAConditionDefinition
    let ticket: SLATicket
    let holds: Bool

    init(_ label: String, _ field: String, _ op: String, _ value: JSONValue, _ ticket: SLATicket, _ holds: Bool) {
        self.label = label
        condition = Fixture.condition(field, op, value)
        self.ticket = ticket
        self.holds = holds
    }

    var testDescription: String { label }
}

@Suite struct ConditionFieldTests {
    static let incident = Fixture.ticket(status: "open", priority: "high", type: "incident")
    static let solved = Fixture.ticket(status: "solved", priority: "high")
    static let hold = Fixture.ticket(status: "hold", priority: "high")

    static let textCases: [ConditionCase] = [
        ConditionCase("type is", "type", "is", .string("incident"), incident, true),
        ConditionCase("type is other", "type", "is", .string("task"), incident, false),
        ConditionCase("type is_not", "type", "is_not", .string("task"), incident, true),
        ConditionCase(
            "type is list hit", "type", "is", .array([.string("task"), .string("incident")]), incident, true),
        ConditionCase(
            "type is_not list hit", "type", "is_not", .array([.string("task"), .string("incident")]), incident, false),
        ConditionCase("type includes list", "type", "includes", .array([.string("incident")]), incident, true),
        ConditionCase("type not_includes list", "type", "not_includes", .array([.string("task")]), incident, true),
        ConditionCase("type is empty on untyped", "type", "is", .string(""), Fixture.ticket(), true),
        ConditionCase("type is_not empty on typed", "type", "is_not", .string(""), incident, true),
        ConditionCase("priority is", "priority", "is", .string("high"), incident, true),
        ConditionCase("status is_not", "status", "is_not", .string("closed"), incident, true),
    ]

    @Test(arguments: textCases)
    func textFields(_ row: ConditionCase) {
        #expect(Fixture.check(row.condition, on: row.ticket).result?.matched == row.holds)
    }

    static let rankCases: [ConditionCase] = [
        ConditionCase("high < urgent", "priority", "less_than", .string("urgent"), incident, true),
        ConditionCase("high < high", "priority", "less_than", .string("high"), incident, false),
        ConditionCase("high > normal", "priority", "greater_than", .string("normal"), incident, true),
        ConditionCase("high > high", "priority", "greater_than", .string("high"), incident, false),
        ConditionCase("high <= high", "priority", "less_than_equal", .string("high"), incident, true),
        ConditionCase("high >= urgent", "priority", "greater_than_equal", .string("urgent"), incident, false),
        ConditionCase("open < solved", "status", "less_than", .string("solved"), incident, true),
        ConditionCase("solved < solved", "status", "less_than", .string("solved"), solved, false),
        ConditionCase("hold > pending", "status", "greater_than", .string("pending"), hold, true),
        ConditionCase("hold < pending", "status", "less_than", .string("pending"), hold, false),
        ConditionCase("solved >= solved", "status", "greater_than_equal", .string("solved"), solved, true),
        ConditionCase(
            "no status < closed", "status", "less_than", .string("closed"), Fixture.ticket(status: nil), false),
    ]

    @Test(arguments: rankCases)
    func priorityAndStatusCompareByRank(_ row: ConditionCase) {
        let result = Fixture.check(row.condition, on: row.ticket).result
        #expect(result?.matched == row.holds)
        #expect(result?.understood == true)
    }

    static let grouped = Fixture.ticket(groupID: 123)

    static let idCases: [ConditionCase] = [
        ConditionCase("id as text", "group_id", "is", .string("123"), grouped, true),
        ConditionCase("id as integer", "group_id", "is", .integer(123), grouped, true),
        ConditionCase("id as whole double", "group_id", "is", .double(123), grouped, true),
        ConditionCase("id other", "group_id", "is", .integer(124), grouped, false),
        ConditionCase("id is_not", "group_id", "is_not", .string("124"), grouped, true),
        ConditionCase("id is_not same", "group_id", "is_not", .integer(123), grouped, false),
        ConditionCase("id list hit", "group_id", "is", .array([.string("1"), .integer(123)]), grouped, true),
        ConditionCase("id list miss", "group_id", "is", .array([.string("1"), .integer(2)]), grouped, false),
        ConditionCase(
            "id not_includes list", "group_id", "not_includes", .array([.string("1"), .string("2")]), grouped, true),
        ConditionCase("empty means no group", "group_id", "is", .string(""), Fixture.ticket(), true),
        ConditionCase("empty on grouped", "group_id", "is", .string(""), grouped, false),
        ConditionCase("is_not empty on grouped", "group_id", "is_not", .string(""), grouped, true),
        ConditionCase("id on ungrouped", "group_id", "is", .integer(123), Fixture.ticket(), false),
    ]

    @Test(arguments: idCases)
    func idsCompareNumerically(_ row: ConditionCase) {
        #expect(Fixture.check(row.condition, on: row.ticket).result?.matched == row.holds)
    }

    @Test func everyIDFieldReadsItsOwnTicketField() {
        let ticket = SLATicket(
            id: 1, priority: "high", groupID: 10, assigneeID: 20, requesterID: 30, organizationID: 40, brandID: 50,
            ticketFormID: 60, createdAt: Fixture.created)
        let fields = [
            ("group_id", 10), ("assignee_id", 20), ("requester_id", 30), ("organization_id", 40), ("brand_id", 50),
            ("ticket_form_id", 60),
        ]
        for (field, id) in fields {
            #expect(
                Fixture.check(Fixture.condition(field, "is", .integer(Int64(id))), on: ticket).result?.matched == true)
            #expect(
                Fixture.check(Fixture.condition(field, "is", .integer(Int64(id + 1))), on: ticket).result?.matched
                    == false)
        }
    }
}
