import DeskstatCache
import ZendeskWire

/// Small account tables listed whole every run; rows that vanished from the list are removed
/// (Zendesk hard-deletes them and sends no tombstone).
struct FullList {
    let context: SyncContext
    let table: CacheTable
    let path: String
    let query: [(String, String)]

    /// The list endpoint of each fully listed table.
    static let endpoints: [CacheTable: String] = [
        .groups: "groups.json", .groupMemberships: "group_memberships.json", .ticketFields: "ticket_fields.json",
        .ticketForms: "ticket_forms.json", .macros: "macros.json", .tags: "tags.json",
        .slaPolicies: "slas/policies.json",
        .schedules: "business_hours/schedules.json",
    ]

    init(context: SyncContext, table: CacheTable) {
        self.context = context
        self.table = table
        path = Self.endpoints[table] ?? "\(table.rawValue).json"
        query = []
    }

    func run() async throws(SyncError) -> TableTally {
        var rows: [CacheRow] = []
        try await CursorList(context: context).walk(path, query: query) { envelope, _ throws(SyncError) in
            rows += try PageWriter.rows(of: envelope).filter { $0.table == table }
        }
        try context.checkStop()
        let keys = Set(rows.map(\.keyText))
        var state = try context.state(table.rawValue)
        state.startTime = nil
        let page = try context.writer.commit(rows, stateTable: table.rawValue, state: state, replaceAll: (table, keys))
        var tally = TableTally()
        tally.add(page.counts, removed: page.removed, removedFrom: table)
        context.events(.page(table: table.rawValue, records: rows.count, total: rows.count))
        return tally
    }
}
