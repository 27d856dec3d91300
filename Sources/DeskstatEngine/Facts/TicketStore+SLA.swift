import DeskstatSLA
import DeskstatTime
import Foundation

extension TicketStore {
    /// What target judgement reads (`SLAMeasures(slaTicket(index))`, without building the ticket).
    func slaMeasures(_ index: Int, solved: Bool) -> SLAMeasures {
        let record = records[index]
        let metrics = record.hasMetrics
        func clocked(_ slot: Int) -> Clocked {
            metrics ? Clocked(calendar: duration(index, slot), business: duration(index, slot + 1)) : Clocked()
        }
        return SLAMeasures(
            isSolved: solved, hasMetrics: metrics, createdAt: record.createdAt,
            solvedAt: metrics ? record.optional(record.solvedAt, TicketRecord.solvedBit) : nil,
            replies: metrics ? record.optional(record.replies, TicketRecord.repliesBit) : nil,
            replyTime: clocked(DurationSlot.reply), requesterWait: clocked(DurationSlot.requesterWait),
            onHold: clocked(DurationSlot.onHold), fullResolution: clocked(DurationSlot.fullResolution))
    }

    /// The ticket as the SLA evaluator sees it (`TicketFact.slaTicket`).
    func slaTicket(_ index: Int) -> SLATicket {
        let record = records[index]
        let metrics = record.hasMetrics
        func clocked(_ slot: Int) -> Clocked {
            metrics ? Clocked(calendar: duration(index, slot), business: duration(index, slot + 1)) : Clocked()
        }
        var tags: Set<String> = []
        if record.tagCount > 0 {
            for position in Int(record.tagStart)..<Int(record.tagStart + record.tagCount) {
                tags.insert(strings[tagCodes[position]])
            }
        }
        return SLATicket(
            id: record.id, status: text(record.status), priority: text(record.priority), type: text(record.type),
            groupID: record.optional(record.groupID, TicketRecord.group),
            assigneeID: record.optional(record.assigneeID, TicketRecord.assignee),
            requesterID: record.optional(record.requesterID, TicketRecord.requester),
            organizationID: record.optional(record.organizationID, TicketRecord.organization),
            brandID: record.optional(record.brandID, TicketRecord.brand),
            ticketFormID: record.optional(record.ticketFormID, TicketRecord.form), viaChannel: text(record.channel),
            tags: tags, customFields: customFields[Int32(index)] ?? [:], createdAt: record.createdAt,
            replyTime: clocked(DurationSlot.reply), requesterWait: clocked(DurationSlot.requesterWait),
            onHold: clocked(DurationSlot.onHold), fullResolution: clocked(DurationSlot.fullResolution),
            solvedAt: metrics ? record.optional(record.solvedAt, TicketRecord.solvedBit) : nil,
            replies: metrics ? record.optional(record.replies, TicketRecord.repliesBit) : nil, hasMetrics: metrics)
    }
}
