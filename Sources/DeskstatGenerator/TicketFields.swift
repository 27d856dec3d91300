/// The "Product" dropdown (a tagger field): its value is the option's tag.
enum Product: Int, CaseIterable, Sendable {
    case widgets, gadgets, platform, mobile, integrations

    static let distribution = Weighted<Product>([
        (.widgets, 35), (.gadgets, 25), (.platform, 20), (.mobile, 12), (.integrations, 8),
    ])

    var title: StaticString {
        switch self {
        case .widgets: "Widgets"
        case .gadgets: "Gadgets"
        case .platform: "Platform"
        case .mobile: "Mobile app"
        case .integrations: "Integrations"
        }
    }

    var tag: TagKind {
        switch self {
        case .widgets: .productWidgets
        case .gadgets: .productGadgets
        case .platform: .productPlatform
        case .mobile: .productMobile
        case .integrations: .productIntegrations
        }
    }
}

/// The "Affected modules" multiselect.
enum Module: Int, CaseIterable, Sendable {
    case api, sync, webhooks, reports, sso

    var title: StaticString {
        switch self {
        case .api: "API"
        case .sync: "Sync"
        case .webhooks: "Webhooks"
        case .reports: "Reports"
        case .sso: "SSO"
        }
    }

    var tag: TagKind {
        switch self {
        case .api: .moduleAPI
        case .sync: .moduleSync
        case .webhooks: .moduleWebhooks
        case .reports: .moduleReports
        case .sso: .moduleSSO
        }
    }
}

/// Every ticket field: the system fields, then the custom ones tickets carry in
/// `custom_fields`, then an inactive leftover.
enum FieldKind: Int, CaseIterable, Sendable {
    case subject, description, status, type, priority, group, assignee
    case product, escalated, modules, orderNumber, legacyReference

    /// The custom fields every ticket lists, in this order.
    static let onTickets: [FieldKind] = [.product, .escalated, .modules, .orderNumber]

    var id: Int64 {
        isCustom ? Identifiers.ticketField + 100 + Int64(rawValue) : Identifiers.ticketField + Int64(rawValue) + 1
    }

    var isCustom: Bool { rawValue >= FieldKind.product.rawValue }

    var type: StaticString {
        switch self {
        case .subject: "subject"
        case .description: "description"
        case .status: "status"
        case .type: "tickettype"
        case .priority: "priority"
        case .group: "group"
        case .assignee: "assignee"
        case .product: "tagger"
        case .escalated: "checkbox"
        case .modules: "multiselect"
        case .orderNumber, .legacyReference: "text"
        }
    }

    var title: StaticString {
        switch self {
        case .subject: "Subject"
        case .description: "Description"
        case .status: "Status"
        case .type: "Type"
        case .priority: "Priority"
        case .group: "Group"
        case .assignee: "Assignee"
        case .product: "Product"
        case .escalated: "Escalated to engineering"
        case .modules: "Affected modules"
        case .orderNumber: "Order number"
        case .legacyReference: "Legacy reference"
        }
    }

    /// `ticket_fields.json` (offset list, one page).
    static func writeList(_ account: Account) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 16_384)
        writer.beginObject()
        writer.key("ticket_fields")
        writer.beginArray()
        for field in allCases { field.write(into: &writer, account: account) }
        writer.newline()
        writer.endArray()
        writer.offsetListTail(count: allCases.count)
        writer.endObject()
        writer.newline()
        return writer.bytes
    }

    private func write(into writer: inout JSONByteWriter, account: Account) {
        let created = account.start + Int64(rawValue) * 60
        writer.beginRecord()
        writer.urlField("ticket_fields/", id)
        writer.key("id")
        writer.int(id)
        writer.key("type")
        writer.string(type)
        for key: StaticString in ["title", "raw_title", "title_in_portal", "raw_title_in_portal"] {
            writer.key(key)
            writer.string(title)
        }
        writer.key("description")
        writer.string("")
        writer.key("raw_description")
        writer.string("")
        writer.key("agent_description")
        writer.null()
        writer.key("position")
        writer.int(rawValue + 1)
        writer.key("active")
        writer.bool(self != .legacyReference)
        writer.key("required")
        writer.bool(false)
        writer.key("removable")
        writer.bool(isCustom)
        writer.key("collapsed_for_agents")
        writer.bool(false)
        writer.key("regexp_for_validation")
        if self == .orderNumber { writer.string("\\AORD-\\d{6}\\z") } else { writer.null() }
        writer.key("visible_in_portal")
        writer.bool(self != .escalated)
        writer.key("editable_in_portal")
        writer.bool(self == .subject || self == .description || self == .product)
        writer.key("required_in_portal")
        writer.bool(self == .subject)
        writer.key("tag")
        if self == .escalated { writer.string(TagKind.escalated.name) } else { writer.null() }
        writer.key("key")
        writer.null()
        writer.key("created_at")
        writer.timestamp(created)
        writer.key("updated_at")
        writer.timestamp(self == .legacyReference ? account.instant(atFraction: 0.3) : created)
        writeOptions(into: &writer)
        writer.endObject()
    }

    private func writeOptions(into writer: inout JSONByteWriter) {
        switch self {
        case .status:
            writer.key("custom_statuses")
            writer.beginArray()
            for status in StoryStatus.categories {
                writer.beginObject()
                writer.key("id")
                writer.int(status.customStatusID ?? 0)
                writer.key("status_category")
                writer.string(status.name)
                writer.key("agent_label")
                writer.string(status.label)
                writer.key("end_user_label")
                writer.string(status == .pending ? "Awaiting your reply" : status.label)
                writer.key("active")
                writer.bool(true)
                writer.key("default")
                writer.bool(true)
                writer.endObject()
            }
            writer.endArray()
        case .product:
            writeOptions(Product.allCases.map { ($0.title, $0.tag) }, base: 0, into: &writer)
        case .modules:
            writeOptions(Module.allCases.map { ($0.title, $0.tag) }, base: 100, into: &writer)
        default:
            break
        }
    }

    private func writeOptions(_ options: [(StaticString, TagKind)], base: Int64, into writer: inout JSONByteWriter) {
        writer.key("custom_field_options")
        writer.beginArray()
        for (offset, option) in options.enumerated() {
            writer.beginObject()
            writer.key("id")
            writer.int(Identifiers.fieldOption + base + Int64(offset) + 1)
            writer.key("name")
            writer.string(option.0)
            writer.key("raw_name")
            writer.string(option.0)
            writer.key("value")
            writer.string(option.1.name)
            writer.key("default")
            writer.bool(false)
            writer.endObject()
        }
        writer.endArray()
    }
}

/// The ticket forms: a default form, a bug-report form and a billing form.
enum FormKind: Int, CaseIterable, Sendable {
    case standard, bugReport, billing

    var id: Int64 { Identifiers.ticketForm + Int64(rawValue) + 1 }

    var name: StaticString {
        switch self {
        case .standard: "Default Ticket Form"
        case .bugReport: "Bug report"
        case .billing: "Billing request"
        }
    }

    var displayName: StaticString {
        switch self {
        case .standard: "Default Ticket Form"
        case .bugReport: "Report a problem"
        case .billing: "Questions about an invoice or order"
        }
    }

    var fields: [FieldKind] {
        let system: [FieldKind] = [.subject, .description, .status, .type, .priority, .group, .assignee]
        switch self {
        case .standard: return system + [.product, .escalated]
        case .bugReport: return system + [.product, .escalated, .modules]
        case .billing: return system + [.product, .orderNumber]
        }
    }

    /// `ticket_forms.json` (offset list, one page).
    static func writeList(_ account: Account) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 4096)
        writer.beginObject()
        writer.key("ticket_forms")
        writer.beginArray()
        for form in allCases { form.write(into: &writer, account: account) }
        writer.newline()
        writer.endArray()
        writer.offsetListTail(count: allCases.count)
        writer.endObject()
        writer.newline()
        return writer.bytes
    }

    private func write(into writer: inout JSONByteWriter, account: Account) {
        let created = account.start + 3_600 + Int64(rawValue) * 600
        writer.beginRecord()
        writer.urlField("ticket_forms/", id)
        writer.key("id")
        writer.int(id)
        for (key, value): (StaticString, StaticString) in [
            ("name", name), ("raw_name", name), ("display_name", displayName), ("raw_display_name", displayName),
        ] {
            writer.key(key)
            writer.string(value)
        }
        writer.key("end_user_visible")
        writer.bool(true)
        writer.key("position")
        writer.int(rawValue + 1)
        writer.key("ticket_field_ids")
        writer.beginArray()
        for field in fields { writer.int(field.id) }
        writer.endArray()
        writer.key("active")
        writer.bool(true)
        writer.key("default")
        writer.bool(self == .standard)
        writer.key("in_all_brands")
        writer.bool(true)
        writer.key("restricted_brand_ids")
        writer.beginArray()
        writer.endArray()
        writer.key("end_user_conditions")
        writer.beginArray()
        writer.endArray()
        writer.key("agent_conditions")
        writer.beginArray()
        writer.endArray()
        writer.key("created_at")
        writer.timestamp(created)
        writer.key("updated_at")
        writer.timestamp(created)
        writer.endObject()
    }
}
