import DeskstatCache
public import DeskstatTime
public import DeskstatTimeline

/// Every cached ticket history as timelines, with the schedule business time is measured on:
/// what the history KPIs read (`EngineSession+History.swift`). Loaded only when a report asks
/// for a KPI that needs history.
public struct HistoryFacts: Sendable {
    /// The timelines of tickets with at least one cached update, by ticket id.
    public var timelines: [Int64: TicketTimeline]
    /// The account default schedule (docs/metrics.md: business time of history KPIs).
    public var schedule: BusinessSchedule
    /// Whether a section lists a history KPI (reopen events, reply times, …); when not, only past
    /// backlogs are computed and the metric map leaves the history KPIs out.
    public var kpisRequested = true

    public init(timelines: [Int64: TicketTimeline], schedule: BusinessSchedule) {
        self.timelines = timelines
        self.schedule = schedule
    }
}

extension TimelineLoader {
    /// Every ticket's timeline and the account default schedule, read in one pass.
    public func historyFacts() throws(EngineError) -> HistoryFacts {
        let all: [TicketHistoryRows]
        do {
            all = try cache.ticketHistories()
        } catch {
            throw .cache(String(describing: error))
        }
        var timelines: [Int64: TicketTimeline] = [:]
        for rows in all { timelines[rows.ticketID] = try Self.timeline(from: rows) }
        return HistoryFacts(timelines: timelines, schedule: try scheduleBook().book.defaultSchedule)
    }
}
