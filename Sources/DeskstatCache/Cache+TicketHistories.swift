import GRDB

extension Cache {
    /// Every ticket's cached history rows in one read (tickets with at least one update, in id
    /// order): what ``ticketHistory(_:)`` gives for one ticket, for all of them with four queries
    /// instead of four per ticket. Only reports that show a history KPI call it.
    public func ticketHistories() throws -> [TicketHistoryRows] {
        try read { db in
            var byTicket: [Int64: TicketHistoryRows] = [:]
            var order: [Int64] = []
            func entry(_ id: Int64) -> TicketHistoryRows {
                if let existing = byTicket[id] { return existing }
                order.append(id)
                return TicketHistoryRows(ticketID: id, createdAt: nil, updates: [], comments: [], roles: [:])
            }
            let updates = try Row.fetchCursor(
                db, sql: "SELECT ticket_id, raw_json FROM ticket_audits ORDER BY ticket_id, created_at, id")
            while let row = try updates.next() {
                guard let id: Int64 = row[0], let json: String = row[1] else { continue }
                var rows = entry(id)
                rows.updates.append(json)
                byTicket[id] = rows
            }
            let comments = try Row.fetchCursor(
                db,
                sql: """
                    SELECT ticket_id, raw_json FROM ticket_comments
                    WHERE ticket_id IN (SELECT ticket_id FROM ticket_audits) ORDER BY ticket_id, created_at, id
                    """)
            while let row = try comments.next() {
                guard let id: Int64 = row[0], let json: String = row[1], var rows = byTicket[id] else { continue }
                rows.comments.append(json)
                byTicket[id] = rows
            }
            let created = try Row.fetchCursor(
                db,
                sql: "SELECT id, created_at FROM tickets WHERE id IN (SELECT ticket_id FROM ticket_audits)")
            while let row = try created.next() {
                guard let id: Int64 = row[0], var rows = byTicket[id] else { continue }
                rows.createdAt = row[1]
                byTicket[id] = rows
            }
            var roles: [Int64: String] = [:]
            let authors = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, role FROM users WHERE id IN (SELECT author_id FROM ticket_comments
                    WHERE ticket_id IN (SELECT ticket_id FROM ticket_audits))
                    """)
            while let row = try authors.next() {
                if let id: Int64 = row[0], let role: String = row[1] { roles[id] = role }
            }
            return order.sorted().compactMap { id in
                guard var rows = byTicket[id] else { return nil }
                rows.roles = roles
                return rows
            }
        }
    }
}
