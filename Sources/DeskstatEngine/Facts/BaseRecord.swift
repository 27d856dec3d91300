import DeskstatCache

/// A ticket row as read from the tables (the reference form every packed row must equal).
struct BaseRecord {
    let row: CacheReader.TicketTableRow

    init(_ row: CacheReader.TicketTableRow) {
        self.row = row
    }

    func record(_ strings: inout StringTable) -> TicketRecord {
        var record = TicketRecord(id: row.id, createdAt: row.createdAt)
        record.status = row.status.map { strings.code($0) } ?? -1
        record.priority = row.priority.map { strings.code($0) } ?? -1
        record.type = row.type.map { strings.code($0) } ?? -1
        record.channel = row.viaChannel.map { strings.code($0) } ?? -1
        record.set(\.groupID, row.groupID, TicketRecord.group)
        record.set(\.assigneeID, row.assigneeID, TicketRecord.assignee)
        record.set(\.requesterID, row.requesterID, TicketRecord.requester)
        record.set(\.submitterID, row.submitterID, TicketRecord.submitter)
        record.set(\.organizationID, row.organizationID, TicketRecord.organization)
        record.set(\.brandID, row.brandID, TicketRecord.brand)
        record.set(\.ticketFormID, row.ticketFormID, TicketRecord.form)
        if row.hasMetricSet {
            record.present |= TicketRecord.metricsBit
            record.set(\.reopens, row.reopens, TicketRecord.reopensBit)
            record.set(\.replies, row.replies, TicketRecord.repliesBit)
            record.set(\.solvedAt, row.solvedAt, TicketRecord.solvedBit)
            for (slot, value) in row.durations.enumerated() where value != nil {
                record.present |= 1 << UInt32(TicketRecord.firstDurationBit + slot)
            }
        }
        return record
    }

    var durations: [Double] { row.durations.map { $0 ?? 0 } }
}
