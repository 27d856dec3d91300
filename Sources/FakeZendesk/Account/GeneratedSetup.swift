/// The configuration half of a generated account: staff, customers, groups, fields, forms,
/// macros, SLA policies and the schedule, all created a month before the first ticket.
struct GeneratedSetup {
    let start: Int64
    let endUserCount: Int

    var setupTime: Int64 { start - 30 * 86_400 }

    /// Agents: 5001 is the admin the API token belongs to; 5005 is a deleted agent.
    var agents: [FakeUser] {
        let names = ["Ana Admin", "Ben Agent", "Cara Agent", "Dev Agent", "Fay Former"]
        return names.enumerated().map { index, name in
            let id = Int64(5001 + index)
            let first = name.split(separator: " ")[0].lowercased()
            return FakeUser(
                id: id, name: name, email: "\(first)@deskstat-fake.example", role: index == 0 ? "admin" : "agent",
                roleType: index == 0 ? 4 : 0, active: index != 4, defaultGroupID: Self.groupIDs[index % 3],
                createdAt: setupTime, updatedAt: setupTime + 3600, lastLoginAt: start)
        }
    }

    /// End users 5101…, spread over the organizations (every fourth has none); every other one
    /// was updated after `start`, so an export from `start` finds some.
    var endUsers: [FakeUser] {
        (0..<endUserCount).map { index in
            let id = Int64(5101 + index)
            let organization: Int64? = index % 4 == 3 ? nil : Self.organizationIDs[index % 3]
            let created = setupTime + Int64(index) * 3600
            return FakeUser(
                id: id, name: "Customer \(index + 1)", email: "customer\(index + 1)@mail.example",
                organizationID: organization, tags: organization == 7001 ? ["vip"] : [], createdAt: created,
                updatedAt: index % 2 == 0 ? start + Int64(index) * 1800 + 900 : created + 60)
        }
    }

    static let groupIDs: [Int64] = [360_001, 360_002, 360_003]
    static let organizationIDs: [Int64] = [7001, 7002, 7003]

    var organizations: [FakeOrganization] {
        [
            FakeOrganization(
                id: 7001, name: "Acme Corp", domainNames: ["acme.example"], tags: ["vip"], createdAt: setupTime,
                updatedAt: start + 43_200),
            FakeOrganization(id: 7002, name: "Globex", domainNames: ["globex.example"], createdAt: setupTime + 60),
            FakeOrganization(
                id: 7003, name: "Initech", domainNames: ["initech.example"], createdAt: setupTime + 120,
                updatedAt: start - 86_400, deletedAt: start - 86_400),
        ]
    }

    var groups: [FakeGroup] {
        [
            FakeGroup(
                id: 360_001, name: "Support", description: "Front-line support", isDefault: true, createdAt: setupTime),
            FakeGroup(id: 360_002, name: "Billing", description: "Invoices and refunds", createdAt: setupTime),
            FakeGroup(id: 360_003, name: "Tier 2", description: nil, createdAt: setupTime),
        ]
    }

    /// Which agents work in which group: (agent, group, default).
    static let memberships: [(Int64, Int64, Bool)] = [
        (5001, 360_001, true), (5002, 360_001, true), (5002, 360_003, false), (5003, 360_002, true),
        (5004, 360_003, true),
    ]

    var groupMemberships: [FakeGroupMembership] {
        Self.memberships.enumerated().map { index, membership in
            FakeGroupMembership(
                id: Int64(361_001 + index), userID: membership.0, groupID: membership.1, isDefault: membership.2,
                createdAt: setupTime, updatedAt: index == 2 ? nil : setupTime)
        }
    }

    static let products = ["product_widgets", "product_gadgets", "product_platform"]

    var ticketFields: [FakeTicketField] {
        let system = [
            ("subject", "Subject"), ("description", "Description"), ("status", "Status"), ("priority", "Priority"),
        ]
        var fields = system.enumerated().map { index, field in
            FakeTicketField(
                id: Int64(800_001 + index), type: field.0, title: field.1, position: Int64(index + 1),
                required: index == 0, createdAt: setupTime)
        }
        let options = Self.products.enumerated().map { index, value in
            let word = value.dropFirst(8)
            return FakeFieldOption(
                id: Int64(910_001 + index), name: word.prefix(1).uppercased() + word.dropFirst(), value: value)
        }
        fields.append(
            FakeTicketField(
                id: 900_001, type: "tagger", title: "Product", position: 10, options: options, createdAt: setupTime))
        fields.append(
            FakeTicketField(
                id: 900_002, type: "checkbox", title: "Escalated", position: 11, tag: "escalated", createdAt: setupTime)
        )
        return fields
    }

    var ticketForms: [FakeTicketForm] {
        [
            FakeTicketForm(
                id: 100_001, name: "Default Ticket Form", isDefault: true,
                ticketFieldIDs: ticketFields.map(\.id), createdAt: setupTime)
        ]
    }

    var macros: [FakeMacro] {
        [
            FakeMacro(
                id: 610_001, title: "Close and thank", position: 1,
                actions: [
                    FakeMacroAction(field: "status", value: "solved"),
                    FakeMacroAction(field: "comment_value", value: "Thanks for reaching out!"),
                ], createdAt: setupTime),
            FakeMacro(
                id: 610_002, title: "Escalate to Tier 2", position: 2,
                actions: [
                    FakeMacroAction(field: "group_id", value: "360003"),
                    FakeMacroAction(field: "set_tags", value: ["escalated", "tier2"]),
                ], createdAt: setupTime),
        ]
    }

    /// Three policies: VIP (position 1), urgent incidents (2), everything else (3).
    var slaPolicies: [FakeSLAPolicy] {
        [
            FakeSLAPolicy(
                id: 8102, title: "VIP customers", position: 1,
                all: [FakeSLACondition(field: "current_tags", operator: "includes", value: "vip")],
                metrics: Self.targets(firstReply: 60, resolution: 1440), createdAt: setupTime),
            FakeSLAPolicy(
                id: 8103, title: "Urgent incidents", description: "Incidents that are high or urgent", position: 2,
                all: [FakeSLACondition(field: "type", operator: "is", value: "incident")],
                any: [
                    FakeSLACondition(field: "priority", operator: "is", value: "urgent"),
                    FakeSLACondition(field: "priority", operator: "is", value: "high"),
                ], metrics: Self.targets(firstReply: 30, resolution: 480), createdAt: setupTime),
            FakeSLAPolicy(
                id: 8101, title: "Standard support", position: 3,
                metrics: Self.targets(firstReply: 480, resolution: 2880), createdAt: setupTime),
        ]
    }

    /// First-reply and resolution targets for every priority (urgent gets a quarter, high a half).
    static func targets(firstReply: Int64, resolution: Int64) -> [FakeSLAMetric] {
        let factors: [(String, Int64)] = [("low", 2), ("normal", 1), ("high", 0), ("urgent", -1)]
        return factors.flatMap { priority, factor in
            let scale: (Int64) -> Int64 = { factor >= 1 ? $0 * factor : (factor == 0 ? $0 / 2 : $0 / 4) }
            return [
                FakeSLAMetric(priority: priority, metric: "first_reply_time", target: scale(firstReply)),
                FakeSLAMetric(priority: priority, metric: "total_resolution_time", target: scale(resolution)),
            ]
        }
    }

    /// Around the clock, so business minutes equal calendar minutes in the metric sets.
    var schedules: [FakeSchedule] {
        let days = (0..<7).map { FakeInterval(startTime: Int64($0) * 1440, endTime: Int64($0 + 1) * 1440) }
        return [FakeSchedule(id: 360_000_777, name: "Around the clock", intervals: days, createdAt: setupTime)]
    }
}
