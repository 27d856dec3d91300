import DeskstatSLA

extension TicketFact {
    /// The ticket as the SLA evaluator sees it.
    var slaTicket: SLATicket {
        SLATicket(
            id: id, status: status, priority: priority, type: type, groupID: groupID, assigneeID: assigneeID,
            requesterID: requesterID, organizationID: organizationID, brandID: brandID, ticketFormID: ticketFormID,
            viaChannel: viaChannel, tags: Set(tags), customFields: customFields, createdAt: createdAt,
            replyTime: Clocked(metrics?.replyTime), requesterWait: Clocked(metrics?.requesterWaitTime),
            onHold: Clocked(metrics?.onHoldTime), fullResolution: Clocked(metrics?.fullResolutionTime),
            solvedAt: metrics?.solvedAt, replies: metrics?.replies, hasMetrics: metrics != nil)
    }
}

extension Clocked {
    init(_ pair: ClockPair?) {
        self.init(calendar: pair?.calendar, business: pair?.business)
    }
}

extension PolicyFact {
    /// The policy as the SLA evaluator sees it.
    var definition: SLAPolicyDefinition {
        func condition(_ entry: (kind: String, field: String?, operatorName: String?, valueJSON: String?))
            -> SLAConditionDefinition
        {
            SLAConditionDefinition(field: entry.field, operatorName: entry.operatorName, storedValue: entry.valueJSON)
        }
        return SLAPolicyDefinition(
            id: id, title: title, position: position,
            all: conditions.filter { $0.kind == "all" }.map(condition),
            any: conditions.filter { $0.kind == "any" }.map(condition),
            targets: targets.map {
                SLATargetDefinition(
                    priority: $0.priority, metric: $0.metric, target: $0.target, targetInSeconds: $0.targetInSeconds,
                    businessHours: $0.businessHours)
            })
    }
}
