/// The subdomain every URL points at, and the identifier range of each kind of record.
///
/// Ranges are disjoint so an id alone tells what it names; tickets are numbered from 1, as in a
/// real account.
enum Identifiers {
    static let subdomain: StaticString = "deskstat-demo"
    static let apiRoot: StaticString = "https://deskstat-demo.zendesk.com/api/v2/"

    static let brand: Int64 = 360_000_900_000
    static let group: Int64 = 360_001_000_000
    static let groupMembership: Int64 = 360_002_000_000
    static let user: Int64 = 361_000_000_000
    static let organization: Int64 = 362_000_000_000
    static let ticketField: Int64 = 363_000_000_000
    static let fieldOption: Int64 = 363_100_000_000
    static let ticketForm: Int64 = 364_000_000_000
    static let macro: Int64 = 365_000_000_000
    static let schedule: Int64 = 366_000_000_000
    static let holiday: Int64 = 366_100_000_000
    static let slaPolicy: Int64 = 367_000_000_000
    static let metricSet: Int64 = 368_000_000_000
    static let satisfactionRating: Int64 = 369_000_000_000
    static let satisfactionReason: Int64 = 369_900_000_000
    /// Ticket metric events: base + ticket id · 1,000 + n.
    static let metricEvent: Int64 = 370_000_000_000
    /// Ticket events (audits) and their child events: base + ticket id · 10,000 + n.
    static let ticketEvent: Int64 = 380_000_000_000
    /// Ids one ticket's events and child events may use.
    static let ticketEventsPerTicket: Int64 = 10_000
}

extension JSONByteWriter {
    /// Writes `"url":"https://deskstat-demo.zendesk.com/api/v2/<path><id>.json"`.
    mutating func urlField(_ path: StaticString, _ id: Int64) {
        key("url")
        beginString()
        appendPlain(Identifiers.apiRoot)
        appendPlain(path)
        appendDigits(id)
        appendPlain(".json")
        endString()
    }
}
