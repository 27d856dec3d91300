public import DeskstatCache
import GRDB

/// Reads the facts a report needs from the cache with a few indexed queries.
///
/// Tickets loaded: not deleted, created before `until`, and created since `since`, or unsolved
/// now, or solved since `since`, or rated in [`since`, `until`). That is every ticket any KPI of a
/// window inside [since, until) can count, plus the whole backlog.
public struct FactLoader: Sendable {
    public let cache: Cache

    public init(cache: Cache) {
        self.cache = cache
    }

    /// Loads facts for windows inside [since, until).
    public func load(since: Int64, until: Int64) throws -> FactSet {
        do {
            return try cache.read { db in
                let ratings = try loadRatings(db, since: since, until: until)
                let tickets = try loadTickets(db, since: since, until: until)
                return FactSet(tickets: tickets, ratings: ratings, names: try loadNames(db), policies: try loadPolicies(db))
            }
        } catch let error as CacheError {
            throw EngineError.cache(error.description)
        } catch let error as DatabaseError {
            throw EngineError.cache("SQLite error: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Loads one ticket (for `explain`), whatever its dates.
    public func loadTicket(_ id: Int64) throws -> FactSet {
        try cache.read { db in
            let tickets = try fetchTickets(db, condition: "t.id = :id", arguments: ["id": id])
            return FactSet(tickets: tickets, ratings: [], names: try loadNames(db), policies: try loadPolicies(db))
        }
    }

    static let relevance = """
        t.deleted = 0 AND t.created_at < :until AND (
            t.created_at >= :since
            OR t.status IN ('new', 'open', 'pending', 'hold')
            OR m.solved_at >= :since
            OR t.id IN (SELECT ticket_id FROM satisfaction_ratings WHERE updated_at >= :since AND updated_at < :until))
        """

    func loadTickets(_ db: Database, since: Int64, until: Int64) throws -> [TicketFact] {
        try fetchTickets(db, condition: Self.relevance, arguments: ["since": since, "until": until])
    }

    func fetchTickets(_ db: Database, condition: String, arguments: StatementArguments) throws -> [TicketFact] {
        let durations = TicketMetricRow.durationNames.flatMap { ["m.\($0)_in_minutes_calendar", "m.\($0)_in_minutes_business"] }
        let sql = """
            SELECT t.id, t.status, t.priority, t.type, t.via_channel, t.group_id, t.assignee_id, t.requester_id,
                   t.submitter_id, t.organization_id, t.brand_id, t.ticket_form_id, t.created_at,
                   m.id IS NOT NULL, m.reopens, m.replies, m.solved_at, \(durations.joined(separator: ", "))
            FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id
            WHERE \(condition)
            ORDER BY t.id
            """
        var tickets: [TicketFact] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() { tickets.append(Self.ticket(from: row)) }
        let scope = "SELECT t.id FROM tickets t LEFT JOIN ticket_metrics m ON m.ticket_id = t.id WHERE \(condition)"
        var index: [Int64: Int] = [:]
        for (offset, ticket) in tickets.enumerated() { index[ticket.id] = offset }
        let tagRows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (\(scope)) ORDER BY ticket_id, tag"),
            arguments: arguments)
        while let row = try tagRows.next() {
            if let offset = index[row[0]] { tickets[offset].tags.append(row[1]) }
        }
        let fieldRows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT ticket_id, field_id, value FROM ticket_custom_fields WHERE ticket_id IN (\(scope))"),
            arguments: arguments)
        while let row = try fieldRows.next() {
            if let offset = index[row[0]], let value: String = row[2] { tickets[offset].customFields[row[1]] = value }
        }
        return tickets
    }

    static func ticket(from row: Row) -> TicketFact {
        var metrics: MetricFact?
        if row[13] as Bool {
            func pair(_ index: Int) -> ClockPair { ClockPair(calendar: row[17 + 2 * index], business: row[18 + 2 * index]) }
            metrics = MetricFact(
                replyTime: pair(0), firstResolutionTime: pair(1), fullResolutionTime: pair(2), agentWaitTime: pair(3),
                requesterWaitTime: pair(4), onHoldTime: pair(5), reopens: row[14], replies: row[15], solvedAt: row[16])
        }
        return TicketFact(
            id: row[0], status: row[1], priority: row[2], type: row[3], viaChannel: row[4], groupID: row[5],
            assigneeID: row[6], requesterID: row[7], submitterID: row[8], organizationID: row[9], brandID: row[10],
            ticketFormID: row[11], createdAt: row[12], tags: [], customFields: [:], metrics: metrics)
    }

    func loadRatings(_ db: Database, since: Int64, until: Int64) throws -> [RatingFact] {
        let sql = """
            SELECT id, ticket_id, group_id, assignee_id, score, updated_at FROM satisfaction_ratings
            WHERE updated_at >= ? AND updated_at < ? ORDER BY id
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [since, until]).map { row in
            RatingFact(id: row[0], ticketID: row[1], groupID: row[2], assigneeID: row[3], score: row[4], updatedAt: row[5])
        }
    }

    func loadNames(_ db: Database) throws -> NameDirectory {
        func names(_ sql: String) throws -> [Int64: String] {
            var result: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                if let name: String = row[1], !name.isEmpty { result[row[0]] = name }
            }
            return result
        }
        return NameDirectory(
            groups: try names("SELECT id, name FROM groups"),
            users: try names("SELECT id, name FROM users WHERE role IN ('agent', 'admin') OR id IN (SELECT DISTINCT assignee_id FROM tickets)"),
            organizations: try names("SELECT id, name FROM organizations"),
            forms: try names("SELECT id, name FROM ticket_forms"))
    }

    func loadPolicies(_ db: Database) throws -> [PolicyFact] {
        var policies: [PolicyFact] = try Row.fetchAll(
            db, sql: "SELECT id, title, position FROM sla_policies ORDER BY position IS NULL, position, id"
        ).map { row in
            PolicyFact(id: row[0], title: (row[1] as String?) ?? "policy \(row[0] as Int64)", position: row[2], conditions: [], targets: [])
        }
        var index: [Int64: Int] = [:]
        for (offset, policy) in policies.enumerated() { index[policy.id] = offset }
        for row in try Row.fetchAll(db, sql: "SELECT policy_id, kind, field, operator, value FROM sla_policy_conditions ORDER BY policy_id, kind, position") {
            guard let offset = index[row[0]] else { continue }
            policies[offset].conditions.append((row[1], row[2], row[3], row[4]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT policy_id, priority, metric, target, target_in_seconds, business_hours FROM sla_policy_metrics ORDER BY policy_id, position") {
            guard let offset = index[row[0]] else { continue }
            policies[offset].targets.append((row[1], row[2], row[3], row[4], row[5]))
        }
        return policies
    }
}
