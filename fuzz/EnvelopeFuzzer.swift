// libFuzzer target: the JSON scanner, envelope detection and every wire record decoder.
// Built by fuzz/run.sh together with Sources/ZendeskWire; not part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnvelope(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let envelope = try? Envelope.parse(bytes) else {
        _ = try? Envelope.parseValue(bytes)
        return 0
    }
    for section in envelope.sections {
        for record in section.records {
            let reader = RecordReader(record)
            switch section.table {
            case .tickets: _ = try? Ticket(reader)
            case .ticketMetrics: _ = try? TicketMetric(reader)
            case .satisfactionRatings: _ = try? SatisfactionRating(reader)
            case .slaPolicies: _ = try? SLAPolicy(reader)
            case .groups: _ = try? Group(reader)
            case .groupMemberships: _ = try? GroupMembership(reader)
            case .users: _ = try? User(reader)
            case .organizations: _ = try? Organization(reader)
            case .ticketAudits: _ = try? TicketAudit(reader)
            case .ticketComments: _ = try? TicketComment(reader, ticketID: envelope.ticketIDFromURLs)
            case .ticketFields: _ = try? TicketField(reader)
            case .ticketForms: _ = try? TicketForm(reader)
            case .macros: _ = try? Macro(reader)
            case .tags: _ = try? Tag(reader)
            case .ticketMetricEvents: _ = try? TicketMetricEvent(reader)
            case .schedules: _ = try? Schedule(reader)
            }
            _ = JSONValue.object(record.members).canonicalText
        }
    }
    return 0
}
