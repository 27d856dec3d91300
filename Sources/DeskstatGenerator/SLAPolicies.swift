/// `sla_policies.json`: three policies whose filters use only fields and values tickets carry.
///
/// 1. "VIP customers" — tickets tagged `vip` (VIP organizations); calendar-hour targets.
/// 2. "Tier 2 incidents and problems" — Tier 2 group, type incident or problem; business hours.
/// 3. "Standard support" — every type but task, in the front-line groups or urgent; business hours.
enum SLAPolicies {
    private enum Value {
        case text(StaticString)
        case number(Int64)
        case texts([Int64])
    }

    private struct Condition {
        let field: StaticString
        let operation: StaticString
        let value: Value
    }

    private struct Policy {
        let title: StaticString
        let description: StaticString?
        let all: [Condition]
        let any: [Condition]
        let businessHours: Bool
        /// Minutes per metric (in `metrics` order) for urgent, high, normal, low.
        let targets: [[Int64]]
    }

    static let metrics: [StaticString] = [
        "first_reply_time", "next_reply_time", "requester_wait_time", "agent_work_time", "total_resolution_time",
    ]
    private static let priorities: [TicketPriority] = [.low, .normal, .high, .urgent]

    private static let all: [Policy] = [
        Policy(
            title: "VIP customers", description: "Named accounts, around the clock",
            all: [Condition(field: "current_tags", operation: "includes", value: .text("vip"))], any: [],
            businessHours: false,
            targets: [
                [30, 60, 120, 240], [60, 120, 240, 480], [240, 480, 960, 1_920], [120, 240, 480, 960],
                [480, 720, 1_440, 2_880],
            ]),
        Policy(
            title: "Tier 2 incidents and problems", description: "Engineering-facing escalations",
            all: [Condition(field: "group_id", operation: "is", value: .number(SupportGroup.tier2.id))],
            any: [
                Condition(field: "type", operation: "is", value: .text("incident")),
                Condition(field: "type", operation: "is", value: .text("problem")),
            ],
            businessHours: true,
            targets: [
                [60, 120, 240, 480], [120, 240, 480, 960], [480, 960, 1_920, 3_840], [240, 480, 960, 1_920],
                [960, 1_920, 2_880, 5_760],
            ]),
        Policy(
            title: "Standard support", description: nil,
            all: [Condition(field: "type", operation: "is_not", value: .text("task"))],
            any: [
                Condition(
                    field: "group_id", operation: "includes",
                    value: .texts([
                        SupportGroup.support.id, SupportGroup.billing.id, SupportGroup.technical.id,
                        SupportGroup.onboarding.id, SupportGroup.returns.id,
                    ])),
                Condition(field: "priority", operation: "is", value: .text("urgent")),
            ],
            businessHours: true,
            targets: [
                [60, 240, 480, 960], [120, 480, 960, 1_440], [480, 1_440, 2_880, 4_800], [240, 720, 1_440, 2_400],
                [1_440, 2_880, 4_800, 9_600],
            ]),
    ]

    /// The policy Zendesk applies to a ticket with these fields (its index in the list), checked
    /// in position order like the policies' own conditions; `nil` for none.
    static func policyIndex(vip: Bool, group: SupportGroup, type: TicketType?, priority: TicketPriority?) -> Int? {
        guard priority != nil else { return nil }
        if vip { return 0 }
        if group == .tier2, type == .incident || type == .problem { return 1 }
        let frontLine: [SupportGroup] = [.support, .billing, .technical, .onboarding, .returns]
        if type != .task, frontLine.contains(group) || priority == .urgent { return 2 }
        return nil
    }

    /// The policy's id and title.
    static func identity(_ policy: Int) -> (id: Int64, title: StaticString) {
        (Identifiers.slaPolicy + Int64(policy + 1), all[policy].title)
    }

    /// The target of `metric` (an index in `metrics`) for `priority`: minutes and clock.
    static func target(_ policy: Int, metric: Int, priority: TicketPriority) -> (minutes: Int64, business: Bool) {
        (all[policy].targets[metric][3 - priority.rawValue], all[policy].businessHours)
    }

    static func writeList(_ account: Account) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 16_384)
        writer.beginObject()
        writer.key("sla_policies")
        writer.beginArray()
        for (index, policy) in all.enumerated() {
            write(policy, position: index + 1, into: &writer, account: account)
        }
        writer.newline()
        writer.endArray()
        writer.offsetListTail(count: all.count)
        writer.endObject()
        writer.newline()
        return writer.bytes
    }

    private static func write(_ policy: Policy, position: Int, into writer: inout JSONByteWriter, account: Account) {
        let id = Identifiers.slaPolicy + Int64(position)
        writer.beginRecord()
        writer.urlField("slas/policies/", id)
        writer.key("id")
        writer.int(id)
        writer.key("title")
        writer.string(policy.title)
        writer.key("description")
        if let description = policy.description { writer.string(description) } else { writer.null() }
        writer.key("position")
        writer.int(position)
        writer.key("filter")
        writer.beginObject()
        writer.key("all")
        write(policy.all, into: &writer)
        writer.key("any")
        write(policy.any, into: &writer)
        writer.endObject()
        writer.key("policy_metrics")
        writer.beginArray()
        for priority in priorities {
            for (metricIndex, metric) in metrics.enumerated() {
                let minutes = policy.targets[metricIndex][3 - (priority.rawValue)]
                writer.beginObject()
                writer.key("priority")
                writer.string(priority.name)
                writer.key("metric")
                writer.string(metric)
                writer.key("target")
                writer.int(minutes)
                writer.key("target_in_seconds")
                writer.int(minutes * 60)
                writer.key("business_hours")
                writer.bool(policy.businessHours)
                writer.endObject()
            }
        }
        writer.endArray()
        let created = account.start + 10_800 + Int64(position) * 60
        writer.key("created_at")
        writer.timestamp(created)
        writer.key("updated_at")
        writer.timestamp(max(created, account.instant(atFraction: 0.1 * Double(position))))
        writer.endObject()
    }

    private static func write(_ conditions: [Condition], into writer: inout JSONByteWriter) {
        writer.beginArray()
        for condition in conditions {
            writer.beginObject()
            writer.key("field")
            writer.string(condition.field)
            writer.key("operator")
            writer.string(condition.operation)
            writer.key("value")
            switch condition.value {
            case .text(let text): writer.string(text)
            case .number(let number): writer.int(number)
            case .texts(let numbers):
                writer.beginArray()
                for number in numbers {
                    writer.beginString()
                    writer.appendDigits(number)
                    writer.endString()
                }
                writer.endArray()
            }
            writer.endObject()
        }
        writer.endArray()
    }
}
