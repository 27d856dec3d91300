import DeskstatSLA
import Testing
import ZendeskWire

@Suite struct TagAndCustomFieldTests {
    static let gold = Fixture.ticket(tags: ["gold", "emea"])
    static let silver = Fixture.ticket(tags: ["silver"])
    static let untagged = Fixture.ticket()

    static let tagCases: [ConditionCase] = [
        ConditionCase("includes one of several", "current_tags", "includes", .string("vip gold"), gold, true),
        ConditionCase("includes none of several", "current_tags", "includes", .string("vip gold"), silver, false),
        ConditionCase("includes all listed", "current_tags", "includes", .string("gold emea"), gold, true),
        ConditionCase("includes, extra spaces", "current_tags", "includes", .string("  vip   emea "), gold, true),
        ConditionCase(
            "includes as list", "current_tags", "includes", .array([.string("vip"), .string("gold")]), gold, true),
        ConditionCase("includes on untagged", "current_tags", "includes", .string("vip gold"), untagged, false),
        ConditionCase("not_includes none present", "current_tags", "not_includes", .string("vip gold"), silver, true),
        ConditionCase("not_includes one present", "current_tags", "not_includes", .string("vip gold"), gold, false),
        ConditionCase("not_includes on untagged", "current_tags", "not_includes", .string("vip"), untagged, true),
    ]

    @Test(arguments: tagCases)
    func tagsIncludeMeansAtLeastOne(_ row: ConditionCase) {
        #expect(Fixture.check(row.condition, on: row.ticket).result?.matched == row.holds)
    }

    static let fields = Fixture.ticket(customFields: [
        7: "gold_plan", 8: #"["apac","emea"]"#, 9: "5", 10: "[]", 11: "true",
    ])

    static let customCases: [ConditionCase] = [
        ConditionCase("drop-down is", "custom_fields_7", "is", .string("gold_plan"), fields, true),
        ConditionCase("drop-down is other", "custom_fields_7", "is", .string("free_plan"), fields, false),
        ConditionCase("drop-down is_not", "custom_fields_7", "is_not", .string("free_plan"), fields, true),
        ConditionCase("ticket_fields_ spelling", "ticket_fields_7", "is", .string("gold_plan"), fields, true),
        ConditionCase(
            "drop-down list", "custom_fields_7", "is", .array([.string("x"), .string("gold_plan")]), fields, true),
        ConditionCase("multi-select includes", "custom_fields_8", "includes", .string("emea"), fields, true),
        ConditionCase("multi-select is", "custom_fields_8", "is", .string("apac"), fields, true),
        ConditionCase("multi-select includes miss", "custom_fields_8", "includes", .string("amer"), fields, false),
        ConditionCase("multi-select not_includes", "custom_fields_8", "not_includes", .string("amer"), fields, true),
        ConditionCase(
            "multi-select not_includes hit", "custom_fields_8", "not_includes",
            .array([.string("amer"), .string("apac")]), fields, false),
        ConditionCase("multi-select is_not hit", "custom_fields_8", "is_not", .string("emea"), fields, false),
        ConditionCase("empty multi-select is empty", "custom_fields_10", "is", .string(""), fields, true),
        ConditionCase("unset field is empty", "custom_fields_99", "is", .string(""), fields, true),
        ConditionCase("unset field is value", "custom_fields_99", "is", .string("x"), fields, false),
        ConditionCase("unset field is_not value", "custom_fields_99", "is_not", .string("x"), fields, true),
        ConditionCase("number value as integer", "custom_fields_9", "is", .integer(5), fields, true),
        ConditionCase("checkbox as boolean", "custom_fields_11", "is", .bool(true), fields, true),
        ConditionCase("number less_than", "custom_fields_9", "less_than", .integer(6), fields, true),
        ConditionCase("number greater_than text", "custom_fields_9", "greater_than", .string("5"), fields, false),
        ConditionCase("number >= ", "custom_fields_9", "greater_than_equal", .double(5), fields, true),
        ConditionCase(
            "non-numeric ticket value never ordered", "custom_fields_7", "less_than", .integer(6), fields, false),
    ]

    @Test(arguments: customCases)
    func customFields(_ row: ConditionCase) {
        let result = Fixture.check(row.condition, on: row.ticket).result
        #expect(result?.matched == row.holds)
        #expect(result?.understood == true)
    }
}
