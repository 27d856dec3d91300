import DeskstatCache
import DeskstatHistory
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
    /// Every ticket's timeline and the account default schedule, read in one pass: the compact
    /// rows of every ticket with at least one update, and the raw rows of the few whose compact
    /// rows are out of date (all of them when the rows were made by another deskstat version).
    public func historyFacts() throws(EngineError) -> HistoryFacts {
        try historyFacts(ticketIDs: nil)
    }

    /// The timelines of the tickets in `ticketIDs` (every ticket with an update when `nil`) and
    /// the account's schedules. A report passes the tickets it loaded: the history KPIs and past
    /// backlogs count only those, so the timelines of the others are not read.
    public func historyFacts(ticketIDs: [Int64]?) throws(EngineError) -> HistoryFacts {
        var timelines: [Int64: TicketTimeline] = [:]
        var raw: [TicketHistoryRows] = []
        let wanted = ticketIDs.map(Set.init)
        let sorted = wanted.map { $0.sorted() }
        do {
            let current = try cache.snapshot { reader in
                guard try Self.compactRowsAreCurrent(reader) else { return false }
                let stale = try reader.staleTimelineTicketIDs()
                let keep = { (stored: StoredTimeline) in
                    let id = stored.rows.ticketID
                    guard !stale.contains(id), wanted?.contains(id) ?? true else { return }
                    timelines[id] = TimelineCodec.timeline(stored)
                }
                if let sorted {
                    try reader.forEachStoredTimelineWithUpdates(ofTicketsIn: FactReader.runs(of: sorted), keep)
                } else {
                    try reader.forEachStoredTimelineWithUpdates(keep)
                }
                for id in stale.sorted() where wanted?.contains(id) ?? true {
                    let rows = try reader.rawTicketHistory(ticketID: id)
                    if !rows.updates.isEmpty { raw.append(rows) }
                }
                return true
            }
            if !current {
                raw = try cache.ticketHistories().filter { wanted?.contains($0.ticketID) ?? true }
            }
        } catch {
            throw .cache(String(describing: error))
        }
        for rows in raw { timelines[rows.ticketID] = try Self.timeline(from: rows) }
        return HistoryFacts(timelines: timelines, schedules: try scheduleBook().book)
    }
}
