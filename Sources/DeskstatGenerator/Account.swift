/// The account-wide facts every part of the generator shares: the history window, the record
/// counts, the schedule and the people.
struct Account: Sendable {
    let seed: UInt64
    let tickets: Int
    let pageSize: Int
    /// The first instant of the history, `end − days·86400`.
    let start: Int64
    /// The end of the history and the export's "as of" instant.
    let end: Int64
    let calendar: BusinessCalendar
    let staff: Staff
    let customers: Customers
    /// The average ticket events a ticket's history gets; 0: no history is written.
    let eventsPerTicket: Int
    /// Digits in page numbers (`tickets-0001.json`): at least 4, more for very many pages.
    let pageNumberWidth: Int

    init(config: GeneratorConfig) {
        let days = Int64(max(1, config.days))
        seed = config.seed
        tickets = max(0, config.tickets)
        pageSize = max(1, config.pageSize)
        eventsPerTicket = min(
            max(config.eventsPerTicket, GeneratorConfig.eventsPerTicketRange.lowerBound),
            GeneratorConfig.eventsPerTicketRange.upperBound)
        end = config.end
        start = config.end - days * CivilTime.secondsPerDay
        calendar = BusinessCalendar(
            firstDay: CivilTime.day(of: start), lastDay: CivilTime.day(of: config.end))
        let agentCount = max(8, tickets / 400)
        staff = Staff(
            seed: seed, agents: agentCount, admins: min(5, 2 + agentCount / 50), start: start,
            end: end)
        customers = Customers(
            seed: seed, endUsers: min(100_000, max(12, tickets / 3)), firstUserID: staff.nextUserID,
            start: start, end: end)
        let largest = max(tickets, staff.members.count + customers.endUsers)
        let pages = max(1, (largest + pageSize - 1) / pageSize)
        pageNumberWidth = max(4, String(pages).count)
    }

    /// The instant a fraction of the way through the history.
    func instant(atFraction fraction: Double) -> Int64 {
        start + Int64(Double(end - start) * min(max(fraction, 0), 1))
    }

    /// `<table>-0001.json` for page 1 (`width` digits, by default ``pageNumberWidth``).
    func pageName(_ table: String, _ page: Int, width: Int? = nil) -> String {
        let digits = String(page)
        return table + "-" + String(repeating: "0", count: max(0, (width ?? pageNumberWidth) - digits.count))
            + digits + ".json"
    }
}
