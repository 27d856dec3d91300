import CSQLite

/// Typed reads of the compact timeline (docs/cache.md, "The compact timeline").
extension CacheReader {
    /// The builder version the compact rows were made by (`nil` before any were built).
    public func timelineBuildVersion() throws -> String? {
        var version: String?
        try each("SELECT version FROM ticket_timeline_build WHERE id = 1") { version = Self.text($0, 0) }
        return version
    }

    /// Tickets whose compact rows are out of date (their audits or comments changed since, with
    /// no builder to rebuild them, or their raw rows do not parse): read them from the raw rows.
    public func staleTimelineTicketIDs() throws -> Set<Int64> {
        var ids: Set<Int64> = []
        try each("SELECT ticket_id FROM ticket_timeline_stale") { ids.insert(sqlite3_column_int64($0, 0)) }
        return ids
    }

    /// One ticket's compact timeline; `nil` when it has none (no audits or comments, or stale).
    public func storedTimeline(ticketID: Int64) throws -> StoredTimeline? {
        var found: StoredTimeline?
        try forEachStoredTimeline(ticketID: ticketID, ranges: nil) { found = $0 }
        return found
    }

    /// Every compact timeline of a ticket with at least one update (audit or ticket event), in
    /// ticket id order: four ordered scans merged by ticket id.
    public func forEachStoredTimelineWithUpdates(_ body: (StoredTimeline) throws -> Void) throws {
        try forEachStoredTimeline(ticketID: nil, ranges: nil, body)
    }

    /// The compact timelines with at least one update of the tickets with ids in `ranges`
    /// (ascending, not overlapping), in ticket id order: what a report that loaded only some
    /// tickets reads, through the tables' `ticket_id` keys instead of a scan of every timeline.
    public func forEachStoredTimelineWithUpdates(
        ofTicketsIn ranges: [(Int64, Int64)], _ body: (StoredTimeline) throws -> Void
    ) throws {
        try forEachStoredTimeline(ticketID: nil, ranges: ranges, body)
    }

    /// `ticket_audits.raw_json` and `ticket_comments.raw_json` of one ticket, oldest first, with
    /// its `created_at` and its comment authors' roles: what the compact rows are made from.
    public func rawTicketHistory(ticketID: Int64) throws -> TicketHistoryRows {
        var createdAt: Int64?
        try each("SELECT created_at FROM tickets WHERE id = ?1", [ticketID]) { createdAt = Self.integer($0, 0) }
        var updates: [String] = []
        try each("SELECT raw_json FROM ticket_audits WHERE ticket_id = ?1 ORDER BY created_at, id", [ticketID]) {
            updates.append(Self.text($0, 0) ?? "")
        }
        var comments: [String] = []
        try each("SELECT raw_json FROM ticket_comments WHERE ticket_id = ?1 ORDER BY created_at, id", [ticketID]) {
            comments.append(Self.text($0, 0) ?? "")
        }
        var roles: [Int64: String] = [:]
        try each(
            "SELECT id, role FROM users WHERE id IN (SELECT author_id FROM ticket_comments WHERE ticket_id = ?1)",
            [ticketID]
        ) { statement in
            if let role = Self.text(statement, 1) { roles[sqlite3_column_int64(statement, 0)] = role }
        }
        return TicketHistoryRows(
            ticketID: ticketID, createdAt: createdAt, updates: updates, comments: comments, roles: roles)
    }

    /// The compact timelines of one ticket (`ticketID`), or of every ticket with updates (`nil`),
    /// or of those with ids in `ranges` (both ends of each included). The four statements are
    /// prepared once and bound again for each range.
    private func forEachStoredTimeline(
        ticketID: Int64?, ranges: [(Int64, Int64)]?, _ body: (StoredTimeline) throws -> Void
    ) throws {
        let headers = CacheSchema.ticketTimelines
        let intervals = CacheSchema.ticketTimelineIntervals
        let comments = CacheSchema.ticketTimelineComments
        let events = CacheSchema.ticketTimelineEvents
        func select(
            _ table: CacheDerivedTable, alias: String, extra: String = "", join: String = "", all: String? = nil
        ) -> String {
            let columns = table.columnNames.map { "\(alias).\($0)" }.joined(separator: ", ")
            let filter: String
            if ticketID != nil {
                filter = " WHERE \(alias).ticket_id = ?1"
            } else if ranges != nil {
                filter = " WHERE \(alias).ticket_id BETWEEN ?1 AND ?2" + (all.map { " AND \($0)" } ?? "")
            } else {
                filter = all.map { " WHERE \($0)" } ?? ""
            }
            let order = table.keyColumns.map { "\(alias).\($0)" }.joined(separator: ", ")
            return "SELECT \(columns)\(extra) FROM \(table.name) \(alias)\(join)\(filter) ORDER BY \(order)"
        }
        let header = try Cursor(
            self,
            select(
                headers, alias: "h", extra: ", t.created_at", join: " LEFT JOIN tickets t ON t.id = h.ticket_id",
                all: "h.updates > 0"))
        let interval = try Cursor(self, select(intervals, alias: "i"))
        let comment = try Cursor(
            self, select(comments, alias: "c"))
        let event = try Cursor(self, select(events, alias: "e"))
        let cursors = [header, interval, comment, event]
        // Comment authors' roles, looked up once per author (a ticket's comments come from a few people).
        var roles: [Int64: String?] = [:]
        if let ranges {
            for range in ranges {
                for cursor in cursors { try cursor.start([range.0, range.1]) }
                try readTimelines(header, interval, comment, event, roles: &roles, body)
            }
        } else {
            for cursor in cursors { try cursor.start(ticketID.map { [$0] } ?? []) }
            try readTimelines(header, interval, comment, event, roles: &roles, body)
        }
    }

    /// Merges the four cursors' rows by ticket id into timelines, in ticket id order; `roles`
    /// remembers the comment authors' `users.role` (nil: unknown user or no role).
    private func readTimelines(
        _ header: Cursor, _ interval: Cursor, _ comment: Cursor, _ event: Cursor, roles: inout [Int64: String?],
        _ body: (StoredTimeline) throws -> Void
    ) throws {
        let headers = CacheSchema.ticketTimelines
        let intervals = CacheSchema.ticketTimelineIntervals
        let comments = CacheSchema.ticketTimelineComments
        let events = CacheSchema.ticketTimelineEvents
        let createdAtColumn = Int32(headers.columns.count)
        func role(of author: Int64?) throws -> String? {
            guard let author else { return nil }
            if let known = roles[author] { return known }
            var found: String?
            try each("SELECT role FROM users WHERE id = ?1", [author]) { found = Self.text($0, 0) }
            roles[author] = found
            return found
        }
        func at(_ table: CacheDerivedTable, _ name: String) -> Int32 { Int32(table.index(name)) }

        while header.pending {
            let statement = header.statement
            let id = sqlite3_column_int64(statement, at(headers, "ticket_id"))
            var rows = TimelineRows(
                ticketID: id, firstChangeAt: Self.integer(statement, at(headers, "first_change_at")), intervals: [],
                comments: [], events: [])
            let stored = (
                createdAt: Self.integer(statement, createdAtColumn),
                updates: Self.integer(statement, at(headers, "updates")) ?? 0
            )
            try interval.rows(of: id) { row in
                rows.intervals.append(
                    TimelineRows.Interval(
                        field: Self.text(row, at(intervals, "field")) ?? "",
                        position: sqlite3_column_int64(row, at(intervals, "position")),
                        from: Self.integer(row, at(intervals, "from_at")),
                        to: Self.integer(row, at(intervals, "to_at")),
                        value: Self.text(row, at(intervals, "value"))))
            }
            try comment.rows(of: id) { row in
                rows.comments.append(
                    TimelineRows.Comment(
                        id: sqlite3_column_int64(row, at(comments, "comment_id")),
                        createdAt: sqlite3_column_int64(row, at(comments, "created_at")),
                        authorID: Self.integer(row, at(comments, "author_id")),
                        isPublic: sqlite3_column_int64(row, at(comments, "public")) != 0,
                        authorRole: try role(of: Self.integer(row, at(comments, "author_id")))))
            }
            try event.rows(of: id) { row in
                rows.events.append(
                    TimelineRows.Event(
                        at: sqlite3_column_int64(row, at(events, "at")), kind: Self.text(row, at(events, "kind")) ?? "")
                )
            }
            try header.advance()
            try body(StoredTimeline(rows: rows, createdAt: stored.createdAt, updates: stored.updates))
        }
    }
}

/// One statement stepped in `ticket_id` order (its first column), so several can be merged.
private final class Cursor {
    let statement: OpaquePointer
    let connection: OpaquePointer
    /// Whether `statement` sits on a row not yet consumed.
    var pending = false

    init(_ reader: CacheReader, _ sql: String) throws {
        statement = try reader.statement(sql)
        connection = reader.connection
    }

    /// Runs the statement (again) with `arguments`, on its first row.
    func start(_ arguments: [Int64]) throws {
        sqlite3_reset(statement)
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        pending = try stepStatement(statement, on: connection)
    }

    deinit { sqlite3_reset(statement) }

    /// Moves to the next row.
    func advance() throws {
        pending = try stepStatement(statement, on: connection)
    }

    /// Calls `body` for the rows of ticket `id`, skipping rows of tickets before it.
    func rows(of id: Int64, _ body: (OpaquePointer) throws -> Void) throws {
        while pending {
            let rowID = sqlite3_column_int64(statement, 0)
            if rowID > id { return }
            if rowID == id { try body(statement) }
            pending = try stepStatement(statement, on: connection)
        }
    }
}
