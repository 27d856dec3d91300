public import DeskstatCache
import DeskstatHistory
import ZendeskWire

/// Runs a sync: every chosen table in a fixed order, each resumable from its stored state.
///
/// Order: the small fully listed tables, users, organizations, tickets (with metrics),
/// satisfaction ratings, ticket metric events, ticket events, then audits (and comments, when the
/// event export does not bring them) of changed tickets.
/// A 403 marks a table unavailable and the sync goes on; a 401 stops everything.
public struct Syncer: Sendable {
    let context: SyncContext

    public init(
        cache: Cache, client: ZendeskClient, plan: SyncPlan, clock: any SyncClock,
        events: @escaping @Sendable (SyncEvent) -> Void, stopRequested: @escaping @Sendable () -> Bool = { false }
    ) {
        // Pages queue the tickets whose history they changed; `run` rebuilds their compact
        // timelines once at its end (a ticket's events span many pages of the event export).
        let cache = cache.derivingTimelines(with: TimelineCodec()).deferringDerivedRowRebuilds()
        context = SyncContext(
            cache: cache, client: client, plan: plan, writer: PageWriter(cache: cache, clock: clock), events: events,
            stopRequested: stopRequested)
    }

    /// The steps of a plan, in order: (name shown, the tables it fills, how to run it).
    func steps() -> [(name: String, tables: [CacheTable], run: @Sendable () async throws(SyncError) -> TableTally)] {
        let plan = context.plan
        let context = context
        var steps: [(String, [CacheTable], @Sendable () async throws(SyncError) -> TableTally)] = []
        for table in [
            CacheTable.groups, .groupMemberships, .ticketFields, .ticketForms, .macros, .tags, .slaPolicies, .schedules,
        ]
        where plan.tables.contains(table) {
            steps.append(
                (
                    table.rawValue, [table],
                    { () async throws(SyncError) in try await FullList(context: context, table: table).run() }
                ))
        }
        if plan.tables.contains(.users) {
            steps.append(
                ("users", [.users], { () async throws(SyncError) in try await CursorExport.users(context).run() }))
        }
        if plan.tables.contains(.organizations) {
            steps.append(
                (
                    "organizations", [.organizations],
                    { () async throws(SyncError) in try await TimeExport.organizations(context).run() }
                ))
        }
        if plan.needsTicketExport {
            let tables = [CacheTable.tickets, .ticketMetrics].filter { plan.tables.contains($0) }
            steps.append(
                (
                    "tickets", tables.isEmpty ? [.tickets] : tables,
                    { () async throws(SyncError) in try await CursorExport.tickets(context).run() }
                ))
        }
        if plan.tables.contains(.satisfactionRatings) {
            steps.append(
                (
                    "satisfaction_ratings", [.satisfactionRatings],
                    { () async throws(SyncError) in try await RatingsSync(context: context).run() }
                ))
        }
        if plan.tables.contains(.ticketMetricEvents) {
            steps.append(
                (
                    "ticket_metric_events", [.ticketMetricEvents],
                    { () async throws(SyncError) in try await TimeExport.ticketMetricEvents(context).run() }
                ))
        }
        if plan.ticketEvents {
            steps.append(
                (
                    "ticket_events", [],
                    { () async throws(SyncError) in try await TimeExport.ticketEvents(context).run() }
                ))
        }
        if plan.needsChildren {
            let tables = [CacheTable.ticketAudits, .ticketComments].filter { plan.tables.contains($0) }
            steps.append(
                (
                    "ticket_audits", tables,
                    { () async throws(SyncError) in try await ChildrenSync(context: context).run() }
                ))
        }
        return steps
    }

    /// Runs every step; never throws — each table's outcome is in the report.
    public func run() async -> SyncReport {
        var report = SyncReport()
        var stopAll: TableOutcome?
        for step in steps() {
            if let stopAll {
                for table in step.tables { report.outcomes[table.rawValue] = stopAll }
                if step.tables.isEmpty { report.outcomes[step.name] = stopAll }
                continue
            }
            let outcome: TableOutcome
            do {
                let tally = try await step.run()
                for (table, counts) in tally.counts { report.counts[table] = counts }
                outcome = .synced
                context.events(.tableFinished(table: step.name, summary: Self.summary(tally)))
            } catch .forbidden {
                outcome = .unavailable("not available to this account or user (403)")
                context.events(.warning("\(step.name): not available to this account or user (403); skipped"))
            } catch .interrupted {
                outcome = .interrupted
                stopAll = .interrupted
            } catch .unauthorized(let url) {
                outcome = .failed(SyncError.unauthorized(url).description)
                stopAll = outcome
            } catch {
                outcome = .failed(error.description)
                context.events(.warning("\(step.name): \(error.description)"))
            }
            for table in step.tables { report.outcomes[table.rawValue] = outcome }
            if step.tables.isEmpty { report.outcomes[step.name] = outcome }
        }
        // The compact timelines of the tickets the pages changed, also after a failed step (its
        // pages before the failure are written). Not after an interruption, which asks to stop
        // now: the tickets stay queued, read from their raw rows until the next sync or import.
        if stopAll != .interrupted {
            do {
                try context.cache.rebuildStaleDerivedRows()
            } catch {
                context.events(
                    .warning(
                        "the compact timeline was not rebuilt (\(error)); reports read the changed tickets' history "
                            + "from the raw rows until the next sync or import rebuilds it"))
            }
        }
        return report
    }

    static func summary(_ tally: TableTally) -> String {
        tally.counts.sorted { $0.key < $1.key }.map { table, counts in
            var parts =
                "\(table.rawValue): \(counts.inserted) new, \(counts.updated) updated, \(counts.unchanged) unchanged"
            if counts.skipped > 0 { parts += ", \(counts.skipped) older skipped" }
            if counts.removed > 0 { parts += ", \(counts.removed) removed" }
            return parts
        }.joined(separator: "; ")
    }

    /// Checks the credentials (`users/me`) and which tables answer, without writing anything.
    public func check() async -> (user: String?, tables: [String: TableOutcome]) {
        var user: String?
        do {
            let envelope = try await context.client.envelope(context.client.url("users/me.json"), .standard)
            user = envelope.sections.first?.records.first.map { record in
                let name = RecordReader.text(record.members["name"]) ?? "?"
                let email = RecordReader.text(record.members["email"]) ?? "?"
                let role = RecordReader.text(record.members["role"]) ?? "?"
                return "\(name) <\(email)> (\(role))"
            }
        } catch {
            return (nil, ["credentials": .failed(error.description)])
        }
        var tables: [String: TableOutcome] = [:]
        var probes = probes()
        if context.plan.ticketEvents {
            probes.append(
                (
                    "ticket_events", "incremental/ticket_events.json", .incremental,
                    [("start_time", String(context.plan.startTime)), ("per_page", "1")]
                ))
        }
        for (table, path, endpoint, query) in probes {
            do {
                _ = try await context.client.get(context.client.url(path, query), endpoint)
                tables[table] = .synced
            } catch .forbidden {
                tables[table] = .unavailable("not available to this account or user (403)")
            } catch {
                tables[table] = .failed(error.description)
            }
        }
        return (user, tables)
    }

    func probes() -> [(String, String, EndpointClass, [(String, String)])] {
        let start = String(context.plan.startTime)
        var probes: [(String, String, EndpointClass, [(String, String)])] = []
        for table in context.plan.tables.sorted() {
            switch table {
            case .tickets, .ticketMetrics:
                probes.append(
                    (
                        table.rawValue, "incremental/tickets/cursor.json", .incremental,
                        [("start_time", start), ("per_page", "1")]
                    ))
            case .users:
                probes.append(
                    (
                        "users", "incremental/users/cursor.json", .incremental,
                        [("start_time", start), ("per_page", "1")]
                    ))
            case .organizations:
                probes.append(
                    (
                        "organizations", "incremental/organizations.json", .incremental,
                        [("start_time", start), ("per_page", "1")]
                    ))
            case .ticketMetricEvents:
                probes.append(
                    (
                        "ticket_metric_events", "incremental/ticket_metric_events.json", .incremental,
                        [("start_time", start), ("per_page", "1")]
                    ))
            case .satisfactionRatings:
                probes.append(("satisfaction_ratings", "satisfaction_ratings.json", .standard, [("page[size]", "1")]))
            case .ticketAudits, .ticketComments:
                probes.append((table.rawValue, "ticket_audits.json", .standard, [("page[size]", "1")]))
            default:
                if let path = FullList.endpoints[table] { probes.append((table.rawValue, path, .standard, [])) }
            }
        }
        return probes
    }
}
