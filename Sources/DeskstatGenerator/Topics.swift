/// What a ticket is about. The topic picks the subject, a tag and the group that handles it.
enum Topic: Int, CaseIterable, Sendable {
    case access, howTo, bug, billing, refund, featureRequest, integration, onboarding, returns
    case outage, rootCause, dataRequest

    /// For questions and untyped tickets.
    static let forQuestions = Weighted<Topic>([
        (.access, 16), (.howTo, 24), (.billing, 14), (.refund, 6), (.featureRequest, 8),
        (.integration, 10), (.onboarding, 8), (.returns, 6), (.bug, 8),
    ])
    static let forIncidents = Weighted<Topic>([(.outage, 45), (.bug, 45), (.integration, 10)])
    static let forTasks = Weighted<Topic>([(.dataRequest, 60), (.onboarding, 25), (.billing, 15)])

    var tag: TagKind {
        switch self {
        case .access: .passwordReset
        case .howTo: .howTo
        case .bug: .bug
        case .billing: .billing
        case .refund: .refund
        case .featureRequest: .featureRequest
        case .integration: .integration
        case .onboarding: .onboarding
        case .returns: .returnRequest
        case .outage: .outage
        case .rootCause: .rootCause
        case .dataRequest: .dataRequest
        }
    }

    /// The group that first receives a ticket about this topic.
    func routedGroup(_ generator: inout SplitMix64) -> SupportGroup {
        switch self {
        case .access, .featureRequest: return .support
        case .howTo: return generator.chance(0.75) ? .support : .onboarding
        case .bug: return generator.chance(0.6) ? .support : .technical
        case .billing, .refund: return .billing
        case .integration: return .technical
        case .onboarding: return .onboarding
        case .returns: return .returns
        case .outage: return generator.chance(0.5) ? .tier2 : .support
        case .rootCause: return generator.chance(0.8) ? .tier2 : .technical
        case .dataRequest: return generator.chance(0.7) ? .support : .billing
        }
    }

    /// Subject lines; `#` marks where an order or invoice number goes.
    var subjects: [StaticString] {
        switch self {
        case .access:
            [
                "Cannot reset my password", "Locked out after enabling 2FA", "SSO login loops back",
                "Invite e-mail never arrived",
            ]
        case .howTo:
            [
                "How do I export a report?", "Where can I change my e-mail address?",
                "How to add a second admin", "Can I schedule a sync for the weekend?",
            ]
        case .bug:
            [
                "Sync stuck at 99%", "Dashboard shows the wrong totals", "App crashes when opening settings",
                "Widget colours reset after update",
            ]
        case .billing:
            [
                "Invoice # shows the wrong amount", "Please change our billing address",
                "Charged twice this month", "VAT number missing on invoice #",
            ]
        case .refund:
            ["Refund for order #", "Cancelled plan but still charged", "Refund not received yet"]
        case .featureRequest:
            ["Feature request: dark mode", "Please add CSV import", "Would love an API for tags"]
        case .integration:
            ["Webhook returns 401", "API rate limit reached during import", "Slack integration stopped posting"]
        case .onboarding:
            [
                "Getting started with our new account", "Training session for the team",
                "Importing our old data",
            ]
        case .returns:
            ["Return label for order #", "Gadget arrived damaged", "Wrong item delivered in order #"]
        case .outage:
            ["Service unavailable (503)", "Nightly backup failing", "Sync delayed for all users"]
        case .rootCause:
            ["Root cause: sync queue backlog", "Investigate intermittent 503s", "Backups time out on large accounts"]
        case .dataRequest:
            [
                "Please export our account data", "Delete the data of a former employee",
                "Update our company details",
            ]
        }
    }
}

/// The account's tag vocabulary. Tags are counted in `tags.json`.
enum TagKind: Int, CaseIterable, Sendable {
    case productWidgets, productGadgets, productPlatform, productMobile, productIntegrations
    case moduleAPI, moduleSync, moduleWebhooks, moduleReports, moduleSSO
    case escalated, vip, closedByMerge
    case passwordReset, howTo, bug, billing, refund, featureRequest, integration, onboarding
    case returnRequest, outage, rootCause, dataRequest

    var name: StaticString {
        switch self {
        case .productWidgets: "product_widgets"
        case .productGadgets: "product_gadgets"
        case .productPlatform: "product_platform"
        case .productMobile: "product_mobile_app"
        case .productIntegrations: "product_integrations"
        case .moduleAPI: "module_api"
        case .moduleSync: "module_sync"
        case .moduleWebhooks: "module_webhooks"
        case .moduleReports: "module_reports"
        case .moduleSSO: "module_sso"
        case .escalated: "escalated"
        case .vip: "vip"
        case .closedByMerge: "closed_by_merge"
        case .passwordReset: "password_reset"
        case .howTo: "how_to"
        case .bug: "bug"
        case .billing: "billing"
        case .refund: "refund"
        case .featureRequest: "feature_request"
        case .integration: "integration"
        case .onboarding: "onboarding"
        case .returnRequest: "return"
        case .outage: "outage"
        case .rootCause: "root_cause"
        case .dataRequest: "data_request"
        }
    }
}

/// Usage counts of every tag over the non-deleted tickets, without a dictionary.
struct TagCounts: Sendable {
    private(set) var counts = [Int64](repeating: 0, count: TagKind.allCases.count)

    mutating func add(_ tags: TagSet) {
        tags.forEach { counts[$0.rawValue] += 1 }
    }

    /// `tags.json`: used tags by descending count, then name (a cursor list, one page).
    func writeList() -> [UInt8] {
        let used = TagKind.allCases.filter { counts[$0.rawValue] > 0 }.sorted { left, right in
            let (a, b) = (counts[left.rawValue], counts[right.rawValue])
            return a != b ? a > b : left.name.description < right.name.description
        }
        var writer = JSONByteWriter(capacity: 2048)
        writer.beginObject()
        writer.key("tags")
        writer.beginArray()
        for tag in used {
            writer.beginRecord()
            writer.key("name")
            writer.string(tag.name)
            writer.key("count")
            writer.int(counts[tag.rawValue])
            writer.endObject()
        }
        writer.endArray()
        writer.cursorListTail(path: "tags.json", hasMore: false, after: nil, before: nil)
        writer.endObject()
        writer.newline()
        return writer.bytes
    }
}

/// A small ordered set of tags (a bit set; iteration in vocabulary order).
struct TagSet: Sendable, Equatable {
    private var bits: UInt64 = 0

    mutating func insert(_ tag: TagKind) { bits |= 1 << UInt64(tag.rawValue) }
    func contains(_ tag: TagKind) -> Bool { bits & (1 << UInt64(tag.rawValue)) != 0 }

    /// Calls `body` for each member in vocabulary order.
    func forEach(_ body: (TagKind) -> Void) {
        var rest = bits
        while rest != 0 {
            let index = rest.trailingZeroBitCount
            rest &= rest - 1
            if let tag = TagKind(rawValue: index) { body(tag) }
        }
    }
}
