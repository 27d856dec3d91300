import CSQLite
import DeskstatCache
import DeskstatSLA
import GRDB
import ZendeskWire

/// A ticket row as read from the tables (the reference form every packed row must equal).
struct BaseRecord {
    var id: Int64
    var deleted: Int64
    var createdAt: Int64
    var status, priority, type, channel: String?
    var ids: [Int64?]  // group, assignee, requester, submitter, organization, brand, form
    var hasMetrics: Bool
    var reopens, replies, solvedAt: Int64?
    var durationValues: [Double?]

    func record(_ strings: inout StringTable) -> TicketRecord {
        var record = TicketRecord(id: id, createdAt: createdAt)
        record.status = status.map { strings.code($0) } ?? -1
        record.priority = priority.map { strings.code($0) } ?? -1
        record.type = type.map { strings.code($0) } ?? -1
        record.channel = channel.map { strings.code($0) } ?? -1
        let paths: [WritableKeyPath<TicketRecord, Int64>] = [
            \.groupID, \.assigneeID, \.requesterID, \.submitterID, \.organizationID, \.brandID, \.ticketFormID,
        ]
        for (index, path) in paths.enumerated() { record.set(path, ids[index], 1 << UInt32(index)) }
        if hasMetrics {
            record.present |= TicketRecord.metricsBit
            record.set(\.reopens, reopens, TicketRecord.reopensBit)
            record.set(\.replies, replies, TicketRecord.repliesBit)
            record.set(\.solvedAt, solvedAt, TicketRecord.solvedBit)
            for (slot, value) in durationValues.enumerated() where value != nil {
                record.present |= 1 << UInt32(TicketRecord.firstDurationBit + slot)
            }
        }
        return record
    }

    var durations: [Double] { durationValues.map { $0 ?? 0 } }
}
