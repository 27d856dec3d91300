/// `macros.json`: a handful of macros, some restricted to a group, one inactive.
enum Macros {
    private struct MacroTemplate {
        let title: StaticString
        let description: StaticString?
        let active: Bool
        let restriction: SupportGroup?
        let actions: [(field: StaticString, value: MacroValue)]
    }

    private enum MacroValue {
        case text(StaticString)
        case number(Int64)
        case list([StaticString])
    }

    private static let all: [MacroTemplate] = [
        MacroTemplate(
            title: "Close and redirect to docs", description: nil, active: true, restriction: nil,
            actions: [("status", .text("solved")), ("comment_value", .text("Please see our help centre article."))]),
        MacroTemplate(
            title: "Billing::Refund issued", description: "Confirms a refund", active: true,
            restriction: .billing,
            actions: [
                ("status", .text("solved")), ("set_tags", .text("refund")),
                ("comment_value", .list(["channel:all", "Your refund has been issued."])),
            ]),
        MacroTemplate(
            title: "Escalate to Tier 2", description: "Moves the ticket to Tier 2", active: true,
            restriction: nil,
            actions: [
                ("group_id", .number(SupportGroup.tier2.id)), ("priority", .text("high")),
                ("custom_fields_escalated", .text("true")),
            ]),
        MacroTemplate(
            title: "Returns::Send label", description: "Sends a prepaid return label", active: true,
            restriction: .returns,
            actions: [("status", .text("pending")), ("comment_value", .text("Your return label is attached."))]),
        MacroTemplate(
            title: "Ask for more details", description: nil, active: true, restriction: nil,
            actions: [("status", .text("pending")), ("comment_value", .text("Could you send us a screenshot?"))]),
        MacroTemplate(
            title: "Old welcome reply", description: nil, active: false, restriction: .legacy,
            actions: [("comment_value", .text("Welcome!"))]),
    ]

    static func writeList(_ account: Account) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 4096)
        writer.beginObject()
        writer.key("macros")
        writer.beginArray()
        for (index, macro) in all.enumerated() {
            write(macro, index: index, into: &writer, account: account)
        }
        writer.newline()
        writer.endArray()
        writer.cursorListTail(path: "macros.json", hasMore: false, after: nil, before: nil)
        writer.key("count")
        writer.int(all.count)
        writer.endObject()
        writer.newline()
        return writer.bytes
    }

    private static func write(_ macro: MacroTemplate, index: Int, into writer: inout JSONByteWriter, account: Account) {
        let id = Identifiers.macro + Int64(index) + 1
        let created = account.start + 7_200 + Int64(index) * 900
        writer.beginRecord()
        writer.urlField("macros/", id)
        writer.key("id")
        writer.int(id)
        writer.key("title")
        writer.string(macro.title)
        writer.key("raw_title")
        writer.string(macro.title)
        writer.key("active")
        writer.bool(macro.active)
        writer.key("default")
        writer.bool(false)
        writer.key("description")
        if let description = macro.description { writer.string(description) } else { writer.null() }
        writer.key("position")
        writer.int(index + 1)
        writer.key("restriction")
        if let group = macro.restriction {
            writer.beginObject()
            writer.key("type")
            writer.string("Group")
            writer.key("id")
            writer.int(group.id)
            writer.key("ids")
            writer.beginArray()
            writer.int(group.id)
            writer.endArray()
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("actions")
        writer.beginArray()
        for action in macro.actions {
            writer.beginObject()
            writer.key("field")
            writer.string(action.field)
            writer.key("value")
            switch action.value {
            case .text(let text): writer.string(text)
            case .number(let number):
                writer.beginString()
                writer.appendDigits(number)
                writer.endString()
            case .list(let items):
                writer.beginArray()
                for item in items { writer.string(item) }
                writer.endArray()
            }
            writer.endObject()
        }
        writer.endArray()
        writer.key("created_at")
        writer.timestamp(created)
        writer.key("updated_at")
        writer.timestamp(macro.active ? created : account.instant(atFraction: 0.25))
        writer.endObject()
    }
}
