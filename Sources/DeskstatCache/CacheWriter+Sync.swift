import GRDB

extension CacheWriter {
    /// Stores a table's sync state (JSON) and the time of the sync, in the current transaction.
    public func saveSyncState(table: String, state: String, at time: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO deskstat_table_state (table_name, sync_state, last_sync_at) VALUES (?, ?, ?)
                ON CONFLICT(table_name) DO UPDATE SET sync_state = excluded.sync_state, last_sync_at = excluded.last_sync_at
                """
        ).execute(arguments: [table, state, time])
    }

    /// Removes the rows of a fully listed table whose keys the list no longer has (and their child rows).
    /// Returns how many were removed.
    @discardableResult
    public func deleteRows(of table: CacheTable, notIn keys: Set<String>) throws -> Int {
        let stored = try String.fetchAll(db, sql: "SELECT CAST(\(table.keyColumn) AS TEXT) FROM \(table.rawValue)")
        let missing = stored.filter { !keys.contains($0) }
        for key in missing {
            let value: any DatabaseValueConvertible = table == .tags ? key : (Int64(key) ?? 0)
            for (child, parentColumn) in table.childTables {
                try db.execute(sql: "DELETE FROM \(child) WHERE \(parentColumn) = ?", arguments: [value])
            }
            try db.execute(sql: "DELETE FROM \(table.rawValue) WHERE \(table.keyColumn) = ?", arguments: [value])
        }
        return missing.count
    }

    /// Adds tickets whose audits and comments must be fetched.
    public func enqueueChildren(ticketIDs: some Sequence<Int64>) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO deskstat_sync_queue (ticket_id) VALUES (?)")
        for id in ticketIDs { try statement.execute(arguments: [id]) }
    }

    /// Queues every ticket that is not deleted (the first sync of audits after tickets were
    /// already cached without them).
    public func enqueueAllLiveTickets() throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO deskstat_sync_queue (ticket_id) SELECT id FROM tickets WHERE deleted = 0")
    }

    /// Marks a ticket's children as fetched.
    public func dequeueChildren(ticketID: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM deskstat_sync_queue WHERE ticket_id = ?").execute(arguments: [ticketID]
        )
    }
}

extension Cache {
    /// A table's stored sync state (JSON), if any.
    public func syncState(table: String) throws -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT sync_state FROM deskstat_table_state WHERE table_name = ?", arguments: [table])
        }
    }

    /// Tickets still waiting for their audits and comments, in id order.
    public func queuedChildren() throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT ticket_id FROM deskstat_sync_queue ORDER BY ticket_id") }
    }
}
