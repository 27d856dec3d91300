/// What to generate: how many tickets, from which seed, over which stretch of history.
///
/// Time comes only from here: the history is `[end − days·86400, end)` and nothing reads the
/// clock, so the same configuration always produces the same bytes.
public struct GeneratorConfig: Sendable, Equatable {
    /// How many tickets to create (exactly); negative values count as 0. Default 20,000.
    public var tickets: Int
    /// The seed of every random choice. Default 42.
    public var seed: UInt64
    /// The end of the history and the "as of" instant of the export, in epoch seconds.
    public var end: Int64
    /// The length of the history in days; values below 1 count as 1. Default 365.
    public var days: Int
    /// Records per page of the paged tables (tickets, users, organizations, group memberships,
    /// satisfaction ratings); values below 1 count as 1. Default 1000, the API's maximum.
    public var pageSize: Int
    /// The average number of ticket events (updates) a ticket's history gets in the incremental
    /// ticket event export (`ticket_events-NNNN.json`); 0 writes no history. A ticket always gets
    /// the events of its story (creation, assignment, replies, status changes, …; about 7 on
    /// average), and private notes on top to reach about this many. Clamped to
    /// ``eventsPerTicketRange``. Default ``defaultEventsPerTicket``.
    public var eventsPerTicket: Int

    /// The history the demo gets: the story's events and a few private notes.
    public static let defaultEventsPerTicket = 12
    /// The values `eventsPerTicket` may take (others are clamped into it).
    public static let eventsPerTicketRange = 0...500

    /// A configuration; only `end` is required.
    public init(
        tickets: Int = 20_000, seed: UInt64 = 42, end: Int64, days: Int = 365, pageSize: Int = 1000,
        eventsPerTicket: Int = GeneratorConfig.defaultEventsPerTicket
    ) {
        self.tickets = tickets
        self.seed = seed
        self.end = end
        self.days = days
        self.pageSize = pageSize
        self.eventsPerTicket = eventsPerTicket
    }
}
