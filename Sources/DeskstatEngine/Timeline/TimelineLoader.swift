public import DeskstatCache
import DeskstatHistory
import DeskstatTime
public import DeskstatTimeline

/// Builds tickets' timelines and the account's business-hours schedules from the cache.
public struct TimelineLoader: Sendable {
    let cache: Cache

    public init(cache: Cache) {
        self.cache = cache
    }

    /// One ticket's timeline: from its compact rows (docs/cache.md, "The compact timeline"), or
    /// from its raw updates (audits or ticket events) and comments when those rows are out of date.
    public func timeline(_ ticketID: Int64) throws(EngineError) -> TicketTimeline {
        enum Read {
            case compact(TicketTimeline)
            case raw(TicketHistoryRows)
        }
        let read: Read
        do {
            read = try cache.snapshot { reader in
                if try Self.compactRowsAreCurrent(reader), try !reader.staleTimelineTicketIDs().contains(ticketID),
                    let stored = try reader.storedTimeline(ticketID: ticketID)
                {
                    return .compact(TimelineCodec.timeline(stored))
                }
                return .raw(try reader.rawTicketHistory(ticketID: ticketID))
            }
        } catch {
            throw .cache(String(describing: error))
        }
        switch read {
        case .compact(let timeline): return timeline
        case .raw(let rows): return try Self.timeline(from: rows)
        }
    }

    /// Whether the compact rows were made by this deskstat's builder (another version's are
    /// rebuilt by the next import or sync; until then the raw rows are read).
    static func compactRowsAreCurrent(_ reader: CacheReader) throws -> Bool {
        try reader.timelineBuildVersion() == TimelineCodec.version
    }

    /// The timeline of a ticket's cached history rows (the raw path: parses every row).
    static func timeline(from rows: TicketHistoryRows) throws(EngineError) -> TicketTimeline {
        do {
            return try TimelineCodec.timeline(raw: rows)
        } catch {
            throw .cache(
                "ticket \(rows.ticketID): a cached update does not parse (\(error.description)); re-import or re-sync it"
            )
        }
    }

    /// The cached schedules as a book (ticket's schedule, else the account default). A schedule whose
    /// zone or hours cannot be read is left out, with a warning saying why.
    public func scheduleBook() throws(EngineError) -> (book: ScheduleBook, warnings: [String]) {
        let rows: [ScheduleRows]
        do {
            rows = try cache.schedules()
        } catch {
            throw .cache(String(describing: error))
        }
        var entries: [(id: Int64, createdAt: Int64?, schedule: BusinessSchedule)] = []
        var warnings: [String] = []
        for row in rows {
            do {
                let zone = try ReportTimeZone(zendeskName: row.timeZone ?? "UTC")
                let schedule = try BusinessSchedule(timeZone: zone, intervals: row.intervals, holidays: row.holidays)
                entries.append((row.id, row.createdAt, schedule))
            } catch {
                warnings.append(
                    "schedule \(row.id) is not used for business time: "
                        + (row.timeZone.map { "time zone \"\($0)\": " } ?? "") + error.description)
            }
        }
        return (ScheduleBook(entries), warnings)
    }
}
