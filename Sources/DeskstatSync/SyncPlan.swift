public import DeskstatCache

/// What to sync and how: the tables chosen, where history starts, page sizes and concurrency.
public struct SyncPlan: Sendable {
    /// Tables chosen (`ticket_metrics` ride on the ticket export; audits and comments follow changed tickets).
    public var tables: Set<CacheTable>
    /// The UTC start date (epoch seconds) of the first run.
    public var startTime: Int64
    /// Records per page for incremental exports (Zendesk's maximum is 1000; halved on 504).
    public var exportPageSize: Int
    /// Records per page for cursor lists (at most 100).
    public var listPageSize: Int
    /// How far back satisfaction ratings are re-read each run (ratings change after creation).
    public var ratingsLookback: Int64
    /// Tickets whose audits are fetched at once.
    public var auditConcurrency: Int
    /// Whether ticket history comes from the incremental ticket event export (`ticket_events`):
    /// every update lands in `ticket_audits` and its comments in `ticket_comments`, one request
    /// per 1,000 events instead of one per changed ticket.
    public var ticketEvents: Bool

    public init(
        tables: Set<CacheTable> = Set(CacheTable.allCases), startTime: Int64, exportPageSize: Int = 1000,
        listPageSize: Int = 100, ratingsLookback: Int64 = 7 * 86_400, auditConcurrency: Int = 4,
        ticketEvents: Bool = false
    ) {
        self.ticketEvents = ticketEvents
        self.tables = tables
        self.startTime = startTime
        self.exportPageSize = exportPageSize
        self.listPageSize = listPageSize
        self.ratingsLookback = ratingsLookback
        self.auditConcurrency = auditConcurrency
    }

    /// Whether the ticket export runs (for tickets, their metrics, or to find changed tickets).
    var needsTicketExport: Bool {
        !tables.isDisjoint(with: [.tickets, .ticketMetrics, .ticketAudits, .ticketComments])
    }

    /// Whether changed tickets' children are fetched ticket by ticket: audits when chosen, comments
    /// when chosen and the event export does not bring them.
    var needsChildren: Bool {
        tables.contains(.ticketAudits) || (tables.contains(.ticketComments) && !ticketEvents)
    }
}

/// How one table's sync ended.
public enum TableOutcome: Sendable, Equatable {
    case synced
    /// 403: the plan or role does not allow it; the sync went on without it.
    case unavailable(String)
    case failed(String)
    case interrupted
}

/// What a sync did, table by table.
public struct SyncReport: Sendable {
    public var outcomes: [String: TableOutcome] = [:]
    public var counts: [CacheTable: TableCountsSnapshot] = [:]
    public var warnings: [String] = []

    public init() {}

    /// True when every chosen table synced or is unavailable to the account (a 403 on a
    /// plan-gated table is reported as a warning, not a failure).
    public var succeeded: Bool {
        outcomes.values.allSatisfy { outcome in
            switch outcome {
            case .synced, .unavailable: true
            case .failed, .interrupted: false
            }
        }
    }
}

/// Inserted / updated / unchanged / skipped / removed counts of one table.
public struct TableCountsSnapshot: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var skipped = 0
    public var removed = 0

    public init() {}

    mutating func add(_ outcome: UpsertOutcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .skipped: skipped += 1
        }
    }

    public var total: Int { inserted + updated + unchanged + skipped }
}
