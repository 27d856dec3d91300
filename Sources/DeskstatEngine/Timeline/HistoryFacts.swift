import DeskstatCache
public import DeskstatTime
public import DeskstatTimeline

/// Every cached ticket history as timelines, with the schedule business time is measured on:
/// what the history KPIs read (`EngineSession+History.swift`). Loaded only when a report asks
/// for a KPI that needs history.
public struct HistoryFacts: Sendable {
    /// The timelines of tickets with at least one cached update, by ticket id.
    public var timelines: [Int64: TicketTimeline]
    /// The account's schedules: a ticket's business time is measured on its last assigned schedule,
    /// else the account default (docs/metrics.md: business time of history KPIs).
    public var schedules: ScheduleBook
    /// The account default schedule.
    public var schedule: BusinessSchedule { schedules.defaultSchedule }
    /// Whether a section lists a history KPI (reopen events, reply times, …); when not, only past
    /// backlogs are computed and the metric map leaves the history KPIs out.
    public var kpisRequested = true

    public init(timelines: [Int64: TicketTimeline], schedules: ScheduleBook) {
        self.timelines = timelines
        self.schedules = schedules
    }

    /// The schedule `timeline`'s business time is measured on as of `asOf`: its last schedule
    /// assigned by then (``TicketTimeline/scheduleID(asOf:)``), else the account default.
    public func schedule(for timeline: TicketTimeline, asOf: Int64) -> BusinessSchedule {
        schedules.schedule(for: timeline.scheduleID(asOf: asOf))
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
        return HistoryFacts(timelines: timelines, schedules: try scheduleBook().book)
    }
}
