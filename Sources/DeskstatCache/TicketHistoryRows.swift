import GRDB

/// What the cache holds about one ticket's history, as stored: the raw JSON of its updates (audits,
/// or ticket events from the export — the same rows by id), of its comments, and the current roles
/// of the comments' authors. The engine turns it into a timeline.
public struct TicketHistoryRows: Sendable, Equatable {
    public var ticketID: Int64
    /// The ticket's `created_at`, when the ticket is cached.
    public var createdAt: Int64?
    /// `ticket_audits.raw_json`, oldest first.
    public var updates: [String]
    /// `ticket_comments.raw_json`, oldest first.
    public var comments: [String]
    /// `users.role` of every cached comment author.
    public var roles: [Int64: String]
}

/// A cached business-hours schedule with its intervals and holidays.
public struct ScheduleRows: Sendable, Equatable {
    public var id: Int64
    public var timeZone: String?
    public var createdAt: Int64?
    /// Minutes from Sunday 00:00 in the schedule's zone.
    public var intervals: [(start: Int64, end: Int64)]
    /// `YYYY-MM-DD` dates, both ends included.
    public var holidays: [(start: String, end: String)]

    public static func == (lhs: ScheduleRows, rhs: ScheduleRows) -> Bool {
        lhs.id == rhs.id && lhs.timeZone == rhs.timeZone && lhs.createdAt == rhs.createdAt
            && lhs.intervals.map(\.start) == rhs.intervals.map(\.start)
            && lhs.intervals.map(\.end) == rhs.intervals.map(\.end)
            && lhs.holidays.map(\.start) == rhs.holidays.map(\.start)
            && lhs.holidays.map(\.end) == rhs.holidays.map(\.end)
    }
}

extension Cache {
    /// The tickets with at least one cached update (audit or ticket event), in id order.
    public func ticketIDsWithHistory() throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT DISTINCT ticket_id FROM ticket_audits ORDER BY ticket_id")
        }
    }

    /// Every cached schedule with its intervals (in position order) and holidays (by start date).
    public func schedules() throws -> [ScheduleRows] {
        try read { db in
            var schedules: [ScheduleRows] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, time_zone, created_at FROM schedules ORDER BY id") {
                let id: Int64 = row[0]
                let intervals = try Row.fetchAll(
                    db,
                    sql: "SELECT start_time, end_time FROM schedule_intervals WHERE schedule_id = ? ORDER BY position",
                    arguments: [id]
                ).map { (start: $0[0] as Int64, end: $0[1] as Int64) }
                let holidays = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT start_date, end_date FROM schedule_holidays WHERE schedule_id = ?
                        AND start_date IS NOT NULL AND end_date IS NOT NULL ORDER BY start_date, id
                        """, arguments: [id]
                ).map { (start: $0[0] as String, end: $0[1] as String) }
                schedules.append(
                    ScheduleRows(id: id, timeZone: row[1], createdAt: row[2], intervals: intervals, holidays: holidays))
            }
            return schedules
        }
    }
}
