import GRDB

/// One ticket's rows in the compact timeline tables (docs/cache.md, "The compact timeline"), as a
/// `TimelineRowBuilding` derives them from the ticket's raw history rows.
public struct TimelineRows: Sendable, Equatable {
    /// A `ticket_timeline_intervals` row: position 0 is a field's opening value (`from` nil),
    /// 1… its intervals in order.
    public struct Interval: Sendable, Equatable {
        public var field: String
        public var position: Int64
        public var from: Int64?
        public var to: Int64?
        public var value: String?

        public init(field: String, position: Int64, from: Int64?, to: Int64?, value: String?) {
            self.field = field
            self.position = position
            self.from = from
            self.to = to
            self.value = value
        }
    }

    /// A `ticket_timeline_comments` row, with its author's `users.role` when read (never stored).
    public struct Comment: Sendable, Equatable {
        public var id: Int64
        public var createdAt: Int64
        public var authorID: Int64?
        public var isPublic: Bool
        /// The author's current `users.role`: filled by reads, `nil` for an unknown author (ignored on write).
        public var authorRole: String?

        public init(id: Int64, createdAt: Int64, authorID: Int64?, isPublic: Bool, authorRole: String? = nil) {
            self.id = id
            self.createdAt = createdAt
            self.authorID = authorID
            self.isPublic = isPublic
            self.authorRole = authorRole
        }
    }

    /// A `ticket_timeline_events` row (`solve` or `reopen`), in order.
    public struct Event: Sendable, Equatable {
        public var at: Int64
        public var kind: String

        public init(at: Int64, kind: String) {
            self.at = at
            self.kind = kind
        }
    }

    public var ticketID: Int64
    /// The earliest change of any followed field.
    public var firstChangeAt: Int64?
    public var intervals: [Interval]
    public var comments: [Comment]
    public var events: [Event]

    public init(ticketID: Int64, firstChangeAt: Int64?, intervals: [Interval], comments: [Comment], events: [Event]) {
        self.ticketID = ticketID
        self.firstChangeAt = firstChangeAt
        self.intervals = intervals
        self.comments = comments
        self.events = events
    }
}

/// A ticket's compact timeline as read, with what is resolved at read time: the ticket's
/// `created_at` (from `tickets`) and the comment authors' roles (from `users`).
public struct StoredTimeline: Sendable, Equatable {
    public var rows: TimelineRows
    /// `tickets.created_at`; `nil` when the ticket is not cached.
    public var createdAt: Int64?
    /// How many `ticket_audits` rows (audits or ticket events) the ticket has.
    public var updates: Int64

    public init(rows: TimelineRows, createdAt: Int64?, updates: Int64) {
        self.rows = rows
        self.createdAt = createdAt
        self.updates = updates
    }
}

/// Derives a ticket's compact timeline rows from its raw history rows. The derivation (parsing
/// audits and ticket events, folding changes into intervals) lives outside the cache
/// (DeskstatHistory); `Cache.write` calls it for exactly the tickets a transaction touched.
public protocol TimelineRowBuilding: Sendable {
    /// Names what the rows are made of (their fields and format): rows made by another version
    /// are rebuilt on the next write, and read as stale until then.
    var version: String { get }
    /// The rows of one ticket; throws when a raw row does not parse (the ticket then stays
    /// stale and readers take it from the raw rows, reporting the problem).
    func rows(for history: TicketHistoryRows) throws -> TimelineRows
}

extension Cache {
    /// This cache, rebuilding the compact timeline with `builder` in every write transaction.
    public func derivingTimelines(with builder: any TimelineRowBuilding) -> Cache {
        var cache = self
        cache.timelineBuilder = builder
        return cache
    }

    /// This cache with its writes leaving the touched tickets queued in `ticket_timeline_stale`
    /// (and their metric-event packs stale) instead of rebuilding them before each commit;
    /// `rebuildStaleDerivedRows()` then builds each once. For a run of many writes whose tickets
    /// recur (an import of time-ordered event pages, where one ticket's history spans several
    /// files): a ticket is parsed once, not once per file. Readers meanwhile take queued tickets
    /// from the raw rows, so nothing reads wrong.
    public func deferringDerivedRowRebuilds() -> Cache {
        var cache = self
        cache.rebuildsDerivedRowsOnWrite = false
        return cache
    }

    /// Rebuilds, in one write transaction, what the writes since the last rebuild left stale: the
    /// compact timeline of every queued ticket (nothing without a timeline builder) and the packed
    /// metric events of every ticket whose events changed (`SLAEventPacker`). Returns how many
    /// timelines were rebuilt.
    @discardableResult
    public func rebuildStaleDerivedRows() throws(CacheError) -> Int {
        do {
            return try deferringDerivedRowRebuilds().write { writer in try rebuildStaleDerivedRows(in: writer.db) }
        } catch let error as CacheError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }
}

extension Cache {
    /// Inside the caller's write transaction: packs the stale metric-event packs and, with a
    /// timeline builder, rebuilds the queued compact timelines. Returns how many timelines were
    /// rebuilt. The one place every write, import, sync and upgrade brings derived rows up to date.
    func rebuildStaleDerivedRows(in db: Database) throws -> Int {
        try SLAEventPacker(db: db).packStale()
        guard let timelineBuilder else { return 0 }
        return try TimelineStore(db: db).rebuildStale(using: timelineBuilder)
    }
}

/// Keeps the compact timeline tables in step with `ticket_audits` and `ticket_comments` inside
/// a write transaction.
struct TimelineStore {
    let db: Database

    /// Rebuilds every ticket in `ticket_timeline_stale` (all of them when the rows were made by
    /// another builder version), then empties the queue of the tickets built. Returns how many
    /// tickets were rebuilt.
    @discardableResult
    func rebuildStale(using builder: any TimelineRowBuilding) throws -> Int {
        let built = try String.fetchOne(db, sql: "SELECT version FROM ticket_timeline_build WHERE id = 1")
        if built != builder.version {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id)
                    SELECT ticket_id FROM ticket_audits UNION SELECT ticket_id FROM ticket_comments
                    UNION SELECT ticket_id FROM ticket_timelines
                    """)
            try db.execute(
                sql: """
                    INSERT INTO ticket_timeline_build (id, version) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET version = excluded.version
                    """, arguments: [builder.version])
        }
        let ids = try Int64.fetchAll(db, sql: "SELECT ticket_id FROM ticket_timeline_stale ORDER BY ticket_id")
        guard !ids.isEmpty else { return 0 }
        let statements = try Statements(db: db)
        var rebuilt = 0
        // In chunks: this thread reads a chunk's raw rows, builds half of them while another
        // thread builds the other half (parsing is most of the work), then writes them in order.
        for start in stride(from: 0, to: ids.count, by: Self.chunkSize) {
            let chunk = ids[start..<min(start + Self.chunkSize, ids.count)]
            let histories = try chunk.map { try statements.history($0) }
            let half = histories.count / 2
            let upper = Array(histories[half...])
            let other = Pending.start { Self.build(upper, using: builder) }
            let built = Self.build(histories[..<half], using: builder) + other.wait()
            for (history, rows) in zip(histories, built) {
                let id = history.ticketID
                for delete in statements.deletes { try delete.execute(arguments: [id]) }
                if !history.updates.isEmpty || !history.comments.isEmpty {
                    // A ticket whose rows do not parse stays queued, without compact rows:
                    // readers take it from the raw rows and report what is wrong with them.
                    guard let rows else { continue }
                    try statements.insert(rows, updates: history.updates.count)
                }
                try statements.dequeue.execute(arguments: [id])
                rebuilt += 1
            }
        }
        return rebuilt
    }

    /// Tickets read, built and written together in a rebuild.
    static let chunkSize = 512

    /// The rows of each history (`nil` for one without updates or comments, or whose raw rows
    /// do not parse).
    private static func build(_ histories: some Collection<TicketHistoryRows>, using builder: any TimelineRowBuilding)
        -> [TimelineRows?]
    {
        histories.map { history in
            guard !history.updates.isEmpty || !history.comments.isEmpty else { return nil }
            do {
                return try builder.rows(for: history)
            } catch {
                return nil
            }
        }
    }

    /// The prepared statements of a rebuild.
    private struct Statements {
        let db: Database
        let deletes: [Statement]
        let dequeue: Statement
        let audits: Statement
        let comments: Statement
        let header: Insert
        let interval: Insert
        let comment: Insert
        let event: Insert

        init(db: Database) throws {
            self.db = db
            deletes = try CacheSchema.derivedTables.map {
                try db.cachedStatement(sql: "DELETE FROM \($0.name) WHERE ticket_id = ?")
            }
            dequeue = try db.cachedStatement(sql: "DELETE FROM ticket_timeline_stale WHERE ticket_id = ?")
            audits = try db.cachedStatement(
                sql: "SELECT raw_json FROM ticket_audits WHERE ticket_id = ? ORDER BY created_at, id")
            comments = try db.cachedStatement(
                sql: "SELECT raw_json FROM ticket_comments WHERE ticket_id = ? ORDER BY created_at, id")
            header = try Insert(db, CacheSchema.ticketTimelines)
            interval = try Insert(db, CacheSchema.ticketTimelineIntervals)
            comment = try Insert(db, CacheSchema.ticketTimelineComments)
            event = try Insert(db, CacheSchema.ticketTimelineEvents)
        }

        /// The ticket's raw rows, as `Cache.ticketHistory` reads them (without `created_at` and
        /// roles, which the compact rows leave to read time).
        func history(_ id: Int64) throws -> TicketHistoryRows {
            TicketHistoryRows(
                ticketID: id, createdAt: nil, updates: try String.fetchAll(audits, arguments: [id]),
                comments: try String.fetchAll(comments, arguments: [id]), roles: [:])
        }

        func insert(_ rows: TimelineRows, updates: Int) throws {
            let id = rows.ticketID.databaseValue
            try header.run([
                "ticket_id": id, "first_change_at": rows.firstChangeAt.databaseValue,
                "updates": Int64(updates).databaseValue,
            ])
            for row in rows.intervals {
                try interval.run([
                    "ticket_id": id, "field": row.field.databaseValue, "position": row.position.databaseValue,
                    "from_at": row.from.databaseValue, "to_at": row.to.databaseValue, "value": row.value.databaseValue,
                ])
            }
            for row in rows.comments {
                try comment.run([
                    "ticket_id": id, "created_at": row.createdAt.databaseValue, "comment_id": row.id.databaseValue,
                    "author_id": row.authorID.databaseValue, "public": Int64(row.isPublic ? 1 : 0).databaseValue,
                ])
            }
            for (position, row) in rows.events.enumerated() {
                try event.run([
                    "ticket_id": id, "position": Int64(position).databaseValue, "at": row.at.databaseValue,
                    "kind": row.kind.databaseValue,
                ])
            }
        }
    }
}

/// One derived table's prepared insert, its values given by column name in a fixed order: the
/// names are looked up in the declaration once, on the first row, not on every row.
private final class Insert {
    let statement: Statement
    let table: CacheDerivedTable
    private var slots: [Int] = []
    private var names: [String] = []
    private var arguments: [DatabaseValue]

    init(_ db: Database, _ table: CacheDerivedTable) throws {
        statement = try db.cachedStatement(sql: table.insertSQL)
        self.table = table
        arguments = [DatabaseValue](repeating: .null, count: table.columns.count)
    }

    /// Inserts one row; every call passes the same names in the same order (columns not named are NULL).
    func run(_ values: KeyValuePairs<String, DatabaseValue>) throws {
        if names.isEmpty {
            names = values.map(\.key)
            slots = names.map(table.index)
        }
        assert(values.map(\.key) == names, "every row of an insert names the same columns in the same order")
        for (offset, pair) in values.enumerated() { arguments[slots[offset]] = pair.value }
        statement.setUncheckedArguments(StatementArguments(arguments))
        try statement.execute()
    }
}
