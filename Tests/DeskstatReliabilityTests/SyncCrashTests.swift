import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `kill -9` during `deskstat sync` against the fake Zendesk, at seeded random points:
/// after every kill the cache passes `PRAGMA integrity_check`, holds nothing the account does not
/// (every row equals the reference's row with the same key), every ticket metric set arrived with
/// its ticket, and every ticket no longer queued has all its audits and comments. Finishing the
/// sync afterwards gives exactly the cache of an uninterrupted sync, with an empty queue.
///
/// The incremental exports are paced at 2 s a request (30/min), so one uninterrupted sync takes
/// several seconds. The kills run in parallel chains (each its own cache, against the same fake
/// server): the children are mostly waiting, so 24 kills cost about three sync durations.
///
/// Knobs (environment): `DESKSTAT_CRASH_SYNC_KILLS` (default 24), `DESKSTAT_CRASH_SYNC_CHAINS`
/// (default 12), `DESKSTAT_CRASH_SYNC_TICKETS` (default 30), `DESKSTAT_CRASH_SEED`.
@Suite(.serialized) struct SyncCrashTests {
    static let email = "ops@example.com"
    static let token = "crash-TOKEN-0123456789abcdef"

    @Test func killedSyncsResumeToTheSameCache() async throws {
        let tickets = environmentInt("DESKSTAT_CRASH_SYNC_TICKETS", default: 30)
        let checker = Checker()
        let directory = try makeScratch("sync-crash")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The fake Zendesk runs in a child process (see FakeZendeskHost for why).
        let host = try await Offload.run {
            try FakeZendeskHost(tickets: tickets, seed: 11, email: Self.email, token: Self.token)
        }
        do {
            let figures = try await Self.run(host: host, directory: directory, checker: checker)
            for failure in checker.failed { Issue.record(Comment(rawValue: failure)) }
            print(figures)
        } catch {
            try? await Offload.run { host.stop() }
            throw error
        }
        try await Offload.run { host.stop() }
    }

    static func arguments(_ url: URL, cache: String) -> [String] {
        [
            "sync", "--base-url", url.absoluteString, "--subdomain", "acme", "--email", email,
            "--start-date", "2026-10-26T00:00:00Z", "--cache", cache, "--incremental-requests-per-minute", "30",
            "--requests-per-minute", "2500", "--quiet", "--tables", perTicketTables,
        ]
    }

    /// Every table but `ticket_events`: this test pins the per-ticket audit queue's invariant (a
    /// ticket leaves the queue only with all its children), so history comes from per-ticket audits.
    static let perTicketTables = [
        "tickets", "ticket_metrics", "satisfaction_ratings", "sla_policies", "groups", "group_memberships", "users",
        "organizations", "ticket_audits", "ticket_comments", "ticket_fields", "ticket_forms", "macros", "tags",
        "ticket_metric_events", "schedules",
    ].joined(separator: ",")

    static let environment = ["ZENDESK_API_TOKEN": token]

    /// What a chain did.
    struct ChainFigures: Sendable {
        var kills = 0
        var finishedFirst = 0
        var integrityChecks = 0
        var beforeCacheExisted = 0
        /// Rows present at each kill, as a share of the reference's rows.
        var progress: [Double] = []
        var seconds = 0.0
    }

    static func run(host: FakeZendeskHost, directory: String, checker: Checker) async throws -> String {
        let kills = environmentInt("DESKSTAT_CRASH_SYNC_KILLS", default: 24)
        let chains = max(1, min(kills, environmentInt("DESKSTAT_CRASH_SYNC_CHAINS", default: 12)))
        let url = host.url
        let reference = directory + "/reference.sqlite"
        // A marker request just before the reference sync starts puts its requests on the
        // process's time line: each page commits right after its request.
        let (referenceRun, log) = try await Offload.run { () -> (Deskstat.Result, [FakeZendeskHost.Request]) in
            host.clear()
            httpGet(url.appendingPathComponent("api/v2/deskstat-marker.json"))
            let run = try Deskstat.run(arguments(url, cache: reference), in: directory, environment: environment)
            return (run, try host.requests())
        }
        let marker = log.first { $0.path.contains("deskstat-marker") }?.receivedAt ?? 0
        let requestOffsets = log.filter { !$0.path.contains("deskstat-marker") }.map { $0.receivedAt - marker }
        checker.check(referenceRun.status == 0, "reference sync: \(referenceRun)")
        let duration = referenceRun.seconds
        let expected = try CacheProbe.withCopy(of: reference) { queue in
            try CacheProbe.content(queue, excluding: CacheProbe.bookkeeping.union(["deskstat_sync_queue"]))
        }
        let expectedSets = expected.mapValues(Set.init)
        let expectedRows = expected.values.reduce(0) { $0 + $1.count }
        let expectedChildren = try CacheProbe.withCopy(of: reference) { try childCounts($0) }
        checker.check((expected["tickets"]?.count ?? 0) > 0, "the reference sync stored tickets")

        // Half the kills are spread evenly over the run's time (most of which is spent waiting for
        // the 2 s pacing of the incremental exports); the other half land just after one of the
        // reference run's requests, drawn at random, where the page commits happen.
        var generator = SeededGenerator(seed: environmentSeed(default: 20_261_126))
        let timed = kills - kills / 2
        var points = stratifiedKillPoints(count: timed, duration: duration, using: &generator)
        for _ in 0..<(kills - timed) {
            let offset =
                requestOffsets.randomElement(using: &generator) ?? Double.random(in: 0..<duration, using: &generator)
            points.append(min(duration, offset + Double.random(in: 0..<0.06, using: &generator)))
        }
        points.sort()
        let started = Date()
        let results = try await withThrowingTaskGroup(of: ChainFigures.self) { group in
            for chain in 0..<chains {
                let chainPoints = stride(from: chain, to: points.count, by: chains).map { points[$0] }
                group.addTask {
                    try await Offload.run {
                        try runChain(
                            chain, points: chainPoints, url: url, directory: directory, expected: expected,
                            expectedSets: expectedSets, expectedRows: expectedRows, expectedChildren: expectedChildren,
                            checker: checker)
                    }
                }
            }
            var all: [ChainFigures] = []
            for try await figures in group { all.append(figures) }
            return all
        }
        let wall = Date().timeIntervalSince(started)
        let killed = results.reduce(0) { $0 + $1.kills }
        let progress = results.flatMap(\.progress).sorted()
        let midSync = progress.filter { $0 > 0 && $0 < 1 }.count
        checker.check(killed >= min(kills, 20), "only \(killed) of \(kills) syncs were still running when killed")
        return """
            [reliability] sync crash test: \(killed) SIGKILLs survived (\(results.reduce(0) { $0 + $1.finishedFirst }) runs \
            finished first, \(results.reduce(0) { $0 + $1.beforeCacheExisted }) killed before the cache existed), \(midSync) \
            mid-sync; \(results.reduce(0) { $0 + $1.integrityChecks }) integrity checks "ok"; share of the account stored \
            at each kill: \(progress.map { String(format: "%.2f", $0) }.joined(separator: ","));
            [reliability] sync crash test: \(chains) resumed caches identical to the reference in \(expected.count) tables \
            (\(expectedRows) rows, every column), queue empty; uninterrupted sync \(String(format: "%.1f", duration)) s \
            (\(requestOffsets.count) requests); \(chains) chains in parallel took \(String(format: "%.1f", wall)) s
            """
    }

    static func runChain(
        _ chain: Int, points: [Double], url: URL, directory: String, expected: [String: [String]],
        expectedSets: [String: Set<String>], expectedRows: Int, expectedChildren: [Int64: [Int]], checker: Checker
    ) throws -> ChainFigures {
        var figures = ChainFigures()
        let cache = directory + "/chain-\(chain).sqlite"
        let started = Date()
        var pending = points
        var generator = SeededGenerator(seed: environmentSeed(default: 20_261_126) &+ UInt64(chain))
        var attempts = 0
        while !pending.isEmpty && attempts < 3 * points.count {
            attempts += 1
            let point = pending.removeFirst()
            let child = try Deskstat.start(arguments(url, cache: cache), in: directory, environment: environment)
            while child.isRunning && Date().timeIntervalSince(child.started) < point { usleep(1_000) }
            let wasRunning = child.isRunning
            child.kill()
            let result = child.wait()
            if wasRunning && result.signal == SIGKILL {
                figures.kills += 1
            } else {
                // Finished before the kill (a resumed sync can be quicker than the reference):
                // draw the point again within this run's duration.
                figures.finishedFirst += 1
                checker.check(result.status == 0, "chain \(chain): \(result)")
                pending.insert(Double.random(in: 0..<max(0.01, result.seconds), using: &generator), at: 0)
            }
            guard FileManager.default.fileExists(atPath: cache) else {
                figures.beforeCacheExisted += 1
                continue
            }
            try CacheProbe.withCopy(of: cache) { queue in
                let integrity = try CacheProbe.integrity(queue)
                checker.check(integrity == "ok", "chain \(chain), kill at \(point) s: integrity \(integrity)")
                figures.integrityChecks += 1
                let where_ = "chain \(chain), kill at \(String(format: "%.2f", point)) s"
                // A cache created but killed before its schema was complete is not a deskstat cache yet.
                let tables = try queue.read { try CacheProbe.tables($0) }
                guard tables.contains("deskstat_sync_queue") else { return }
                let content = try CacheProbe.content(
                    queue, excluding: CacheProbe.bookkeeping.union(["deskstat_sync_queue"]))
                var rows = 0
                // Pages queue the tickets they touch; the compact timeline is built at the end of
                // a sync run. So a killed sync may leave tickets queued, and a queued ticket's
                // compact rows (if an earlier run built them) out of date: readers read it from
                // its raw rows. Every ticket not queued must have its final compact rows. Likewise
                // a ticket's metric-event pack may be stale (NULL: read from the rows), never wrong.
                let queued = Set(content["ticket_timeline_stale"] ?? [])
                for (table, tableRows) in content where table != "ticket_timeline_stale" {
                    rows += tableRows.count
                    let foreign = tableRows.filter { row in
                        if table.hasPrefix("ticket_timeline"),
                            let ticket = row.components(separatedBy: " | ").first, queued.contains(ticket)
                        {
                            return false
                        }
                        if table == "ticket_sla_events", row.hasSuffix(" | NULL") { return false }
                        return !(expectedSets[table]?.contains(row) ?? false)
                    }
                    checker.check(
                        foreign.isEmpty, "\(where_): \(table) holds rows the account does not: \(foreign.prefix(2))")
                }
                figures.progress.append(Double(rows) / Double(max(1, expectedRows)))
                try checkPairs(queue, where_: where_, expectedChildren: expectedChildren, checker: checker)
            }
        }
        let finish = try Deskstat.run(arguments(url, cache: cache), in: directory, environment: environment)
        checker.check(finish.status == 0, "chain \(chain) final sync: \(finish)")
        try CacheProbe.withCopy(of: cache) { queue in
            let integrity = try CacheProbe.integrity(queue)
            checker.check(integrity == "ok", "chain \(chain) after finishing: integrity \(integrity)")
            figures.integrityChecks += 1
            let content = try CacheProbe.content(
                queue, excluding: CacheProbe.bookkeeping.union(["deskstat_sync_queue"]))
            let differences = CacheProbe.differences(expected, content)
            checker.check(differences.isEmpty, "chain \(chain) differs from the reference sync: \(differences)")
            let queued = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM deskstat_sync_queue") ?? -1 }
            checker.check(queued == 0, "chain \(chain): \(queued) tickets still queued after the final sync")
        }
        figures.seconds = Date().timeIntervalSince(started)
        return figures
    }

    /// Audits and comments per ticket.
    static func childCounts(_ queue: DatabaseQueue) throws -> [Int64: [Int]] {
        try queue.read { db in try childCounts(queue: db) }
    }

    /// Things that commit together stay together: a metric set never without its ticket, and a
    /// ticket leaves the queue only with all its audits and comments.
    static func checkPairs(_ queue: DatabaseQueue, where_: String, expectedChildren: [Int64: [Int]], checker: Checker)
        throws
    {
        let (orphans, settled, children) = try queue.read { db in
            (
                try Int64.fetchAll(
                    db, sql: "SELECT ticket_id FROM ticket_metrics WHERE ticket_id NOT IN (SELECT id FROM tickets)"),
                try Int64.fetchAll(
                    db, sql: "SELECT id FROM tickets WHERE id NOT IN (SELECT ticket_id FROM deskstat_sync_queue)"),
                try childCounts(queue: db)
            )
        }
        checker.check(orphans.isEmpty, "\(where_): metric sets without their ticket: \(orphans.prefix(5))")
        // The ticket page and the queue entries commit together, and a ticket leaves the queue in
        // the transaction that stores its audits: a stored, unqueued ticket has all its children.
        for ticket in settled {
            let want = expectedChildren[ticket] ?? [0, 0]
            let have = children[ticket] ?? [0, 0]
            checker.check(
                have == want,
                "\(where_): ticket \(ticket) is stored and not queued with \(have) audits/comments of \(want)")
        }
    }

    static func childCounts(queue db: Database) throws -> [Int64: [Int]] {
        var counts: [Int64: [Int]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT ticket_id, COUNT(*) AS n FROM ticket_audits GROUP BY ticket_id") {
            counts[row["ticket_id"], default: [0, 0]][0] = row["n"]
        }
        for row in try Row.fetchAll(db, sql: "SELECT ticket_id, COUNT(*) AS n FROM ticket_comments GROUP BY ticket_id")
        {
            counts[row["ticket_id"], default: [0, 0]][1] = row["n"]
        }
        return counts
    }
}

/// A blocking GET whose answer does not matter (a marker in the fake server's request log).
func httpGet(_ url: URL) {
    let done = DispatchSemaphore(value: 0)
    let task = URLSession.shared.dataTask(with: url) { _, _, _ in done.signal() }
    task.resume()
    _ = done.wait(timeout: .now() + 10)
}
