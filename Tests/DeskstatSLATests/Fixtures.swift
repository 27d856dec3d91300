import DeskstatSLA
import ZendeskWire

/// Small builders for hand-computed SLA tests.
enum Fixture {
    /// 2026-11-17T09:30:00Z.
    static let created: Int64 = 1_794_907_800

    static func ticket(
        id: Int64 = 1, status: String? = "open", priority: String? = "high", type: String? = nil,
        groupID: Int64? = nil, viaChannel: String? = nil, viaID: Int64? = nil, tags: Set<String> = [],
        customFields: [Int64: String] = [:], replyTime: Clocked = .unmeasured,
        requesterWait: Clocked = .unmeasured, onHold: Clocked = .unmeasured,
        fullResolution: Clocked = .unmeasured, solvedAt: Int64? = nil, replies: Int64? = nil,
        hasMetrics: Bool = true
    ) -> SLATicket {
        SLATicket(
            id: id, status: status, priority: priority, type: type, groupID: groupID, viaChannel: viaChannel,
            viaID: viaID, tags: tags, customFields: customFields, createdAt: created, replyTime: replyTime,
            requesterWait: requesterWait, onHold: onHold, fullResolution: fullResolution, solvedAt: solvedAt,
            replies: replies, hasMetrics: hasMetrics)
    }

    static func condition(_ field: String?, _ op: String?, _ value: JSONValue) -> SLAConditionDefinition {
        SLAConditionDefinition(field: field, operatorName: op, value: value)
    }

    static func condition(_ field: String?, _ op: String?, _ text: String) -> SLAConditionDefinition {
        condition(field, op, .string(text))
    }

    static func target(
        _ metric: String, priority: String = "high", minutes: Double? = 60, seconds: Double? = nil,
        business: Bool = false
    ) -> SLATargetDefinition {
        SLATargetDefinition(
            priority: priority, metric: metric, target: minutes, targetInSeconds: seconds, businessHours: business)
    }

    static func policy(
        id: Int64, title: String = "P", position: Int64? = nil, all: [SLAConditionDefinition] = [],
        any: [SLAConditionDefinition] = [], targets: [SLATargetDefinition] = [target("first_reply_time")]
    ) -> SLAPolicyDefinition {
        SLAPolicyDefinition(id: id, title: title, position: position, all: all, any: any, targets: targets)
    }

    /// Evaluates one `all` condition of a lone policy against a ticket.
    static func check(_ condition: SLAConditionDefinition, on ticket: SLATicket) -> (
        result: SLAConditionResult?, evaluation: SLAEvaluation
    ) {
        let evaluator = SLAEvaluator(policies: [policy(id: 1, title: "Only", all: [condition])])
        let evaluation = evaluator.evaluate(ticket, asOf: created)
        return (evaluation.conditionsByPolicy.first?.conditions.first, evaluation)
    }

    /// The single outcome of a lone policy with one target, for a ticket, as of an instant.
    static func outcome(
        _ target: SLATargetDefinition, _ ticket: SLATicket, asOf: Int64 = created
    ) -> SLATargetOutcome? {
        let evaluator = SLAEvaluator(policies: [policy(id: 1, targets: [target])])
        return evaluator.evaluate(ticket, asOf: asOf).outcomes.first
    }
}
