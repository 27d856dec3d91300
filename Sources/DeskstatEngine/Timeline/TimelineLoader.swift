public import DeskstatCache
public import DeskstatTime
public import DeskstatTimeline
import ZendeskWire

/// Builds tickets' timelines and the account's business-hours schedules from the cache.
public struct TimelineLoader: Sendable {
    let cache: Cache

    public init(cache: Cache) {
        self.cache = cache
    }

    /// One ticket's timeline from its cached updates (audits or ticket events) and comments.
    public func timeline(_ ticketID: Int64) throws(EngineError) -> TicketTimeline {
        let rows: TicketHistoryRows
        do {
            rows = try cache.ticketHistory(ticketID)
        } catch {
            throw .cache(String(describing: error))
        }
        return try Self.timeline(from: rows)
    }

    /// The timeline of a ticket's cached history rows.
    static func timeline(from rows: TicketHistoryRows) throws(EngineError) -> TicketTimeline {
        let ticketID = rows.ticketID
        var changes: [TicketFieldChange] = []
        var comments: [TicketComment] = []
        do {
            for (index, text) in rows.updates.enumerated() {
                let record = try Envelope.parseBareRecord(Array(text.utf8), table: .ticketAudits, index: index)
                if record.members["child_events"] != nil {
                    let event = try TicketEvent(RecordReader(record))
                    changes += event.changes
                    comments += event.comments
                } else {
                    let audit = try TicketAudit(RecordReader(record))
                    changes += audit.changes
                    comments += audit.comments
                }
            }
            for (index, text) in rows.comments.enumerated() {
                let record = try Envelope.parseBareRecord(Array(text.utf8), table: .ticketComments, index: index)
                comments.append(try TicketComment(RecordReader(record), ticketID: ticketID))
            }
        } catch {
            throw .cache(
                "ticket \(ticketID): a cached update does not parse (\(error.description)); re-import or re-sync it")
        }
        return TicketTimeline(
            ticketID: ticketID, createdAt: rows.createdAt, changes: changes, comments: comments,
            roles: rows.roles.mapValues { AuthorRole(userRole: $0) })
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
