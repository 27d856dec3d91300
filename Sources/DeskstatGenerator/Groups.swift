/// The account's groups: seven active ones and one deleted leftover that no ticket uses.
enum SupportGroup: Int, CaseIterable, Sendable {
    case support, billing, tier2, technical, onboarding, enterprise, returns, legacy

    /// The groups tickets and agents can belong to.
    static let active: [SupportGroup] = allCases.filter { !$0.isDeleted }

    var id: Int64 { Identifiers.group + Int64(rawValue) + 1 }

    var name: StaticString {
        switch self {
        case .support: "Support"
        case .billing: "Billing"
        case .tier2: "Tier 2"
        case .technical: "Technical"
        case .onboarding: "Onboarding"
        case .enterprise: "Enterprise"
        case .returns: "Returns"
        case .legacy: "Escalations (old)"
        }
    }

    var summary: StaticString? {
        switch self {
        case .support: "Front-line support"
        case .billing: "Invoices, refunds and plans"
        case .tier2: "Escalations from Support"
        case .technical: "Integrations, API and sync questions"
        case .onboarding: "New customers' first 90 days"
        case .enterprise: "Named-account support for VIP customers"
        case .returns: "Gadget returns and replacements"
        case .legacy: nil
        }
    }

    var isDeleted: Bool { self == .legacy }

    /// Relative size, used to spread agents over groups.
    var staffingWeight: Double {
        switch self {
        case .support: 35
        case .billing: 12
        case .tier2: 12
        case .technical: 15
        case .onboarding: 8
        case .enterprise: 10
        case .returns: 8
        case .legacy: 0
        }
    }
}

extension SupportGroup {
    /// Writes `groups.json`, a cursor-paginated list in one page.
    static func writeList(_ account: Account) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 4096)
        writer.beginObject()
        writer.key("groups")
        writer.beginArray()
        for group in allCases {
            group.write(into: &writer, account: account)
        }
        writer.endArray()
        writer.cursorListTail(path: "groups.json", hasMore: false, after: nil, before: nil)
        writer.endObject()
        writer.newline()
        return writer.bytes
    }

    private func write(into writer: inout JSONByteWriter, account: Account) {
        let created = account.start + Int64(rawValue) * 300
        writer.beginRecord()
        writer.urlField("groups/", id)
        writer.key("id")
        writer.int(id)
        writer.key("is_public")
        writer.bool(!isDeleted)
        writer.key("name")
        writer.string(name)
        writer.key("description")
        if let summary { writer.string(summary) } else { writer.null() }
        writer.key("default")
        writer.bool(self == .support)
        writer.key("deleted")
        writer.bool(isDeleted)
        writer.key("created_at")
        writer.timestamp(created)
        writer.key("updated_at")
        writer.timestamp(isDeleted ? account.instant(atFraction: 0.2) : created)
        writer.endObject()
    }
}
