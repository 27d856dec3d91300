import DeskstatCache
import DeskstatSync
import FakeZendesk
import Foundation
import Testing

@Suite(.serialized) struct SyncAgainstFakeZendeskTests {
    static let tables: [(String, String)] = [
        ("tickets", "generated_timestamp || '/' || status"), ("ticket_metrics", "updated_at"), ("users", "updated_at"),
        ("organizations", "updated_at"), ("groups", "updated_at"), ("group_memberships", "updated_at"),
        ("satisfaction_ratings", "updated_at || '/' || score"), ("sla_policies", "updated_at"),
        ("ticket_fields", "updated_at"),
        ("ticket_forms", "updated_at"), ("macros", "updated_at"), ("ticket_audits", "created_at"),
        ("ticket_comments", "created_at"),
        ("ticket_metric_events", "time"), ("schedules", "updated_at"),
    ]

    /// The server's account in the same (id:version) form as `SyncHarness.snapshot`.
    static func serverTickets(_ account: FakeAccount) -> [String] {
        account.tickets.sorted { $0.id < $1.id }.map { "\($0.id):\($0.generatedTimestamp)/\($0.status)" }
    }

    @Test func firstSyncCopiesTheWholeAccountWithPredictableRequests() async throws {
        let harness = try await SyncHarness(tickets: 40)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        let report = await harness.syncer(cache: cache).run()
        #expect(report.succeeded, "\(report.outcomes)")
        let account = await harness.server.account
        #expect(
            try SyncHarness.snapshot(cache, "tickets", version: "generated_timestamp || '/' || status")
                == Self.serverTickets(account))
        let live = account.tickets.filter { $0.status != "deleted" }
        #expect(
            try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_metrics")
                == live.filter { $0.metricSet != nil }.count)
        // The user export starts at the start date, like every incremental export.
        #expect(
            try SyncHarness.count(cache, "SELECT COUNT(*) FROM users")
                == account.users.filter { $0.updatedAt >= SyncHarness.start }.count)
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM groups") == account.groups.count)
        #expect(
            try SyncHarness.count(cache, "SELECT COUNT(*) FROM satisfaction_ratings")
                == account.satisfactionRatings.count)
        let audits = live.reduce(0) { $0 + (account.audits[$1.id]?.count ?? 0) }
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_audits") == audits)
        #expect(
            try SyncHarness.count(cache, "SELECT COUNT(*) FROM tickets WHERE deleted = 1") == account.tickets.count
                - live.count)
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM deskstat_sync_queue") == 0)

        let requests = await harness.server.requests
        let exportPages = requests.filter { $0.path.hasSuffix("/incremental/tickets/cursor.json") }.count
        #expect(exportPages == (account.tickets.count + 24) / 25)
        #expect(requests.allSatisfy { !$0.path.contains("/metrics") }, "metrics ride on the ticket export")
        #expect(requests.filter { $0.path.hasSuffix("/audits.json") }.count == live.count)
        #expect(
            requests.filter { $0.path.contains("/tickets/") && $0.path.hasSuffix("audits.json") }
                .allSatisfy { request in
                    !account.tickets.contains { $0.status == "deleted" && request.path.contains("/tickets/\($0.id)/") }
                })
    }

    @Test func secondSyncIsIncrementalAndConverges() async throws {
        let harness = try await SyncHarness(tickets: 40)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        #expect(await harness.syncer(cache: cache).run().succeeded)
        let firstRequests = await harness.server.requests.count
        let before = await harness.server.account

        await harness.server.mutate { account in
            account.tickets[0].status = account.tickets[0].status == "solved" ? "open" : "solved"
            account.tickets[1].status = "deleted"
            account.tickets[1].metricSet = nil
            account.groups.removeLast()
            account.tickets[2].priority = account.tickets[2].priority == "urgent" ? "low" : "urgent"
        }
        let report = await harness.syncer(cache: cache).run()
        #expect(report.succeeded, "\(report.outcomes)")
        let account = await harness.server.account
        #expect(
            try SyncHarness.snapshot(cache, "tickets", version: "generated_timestamp || '/' || status")
                == Self.serverTickets(account))
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM groups") == account.groups.count)
        #expect(try SyncHarness.count(cache, "SELECT deleted FROM tickets WHERE id = \(account.tickets[1].id)") == 1)

        let secondExport = await harness.server.requests.dropFirst(firstRequests).filter {
            $0.path.hasSuffix("/incremental/tickets/cursor.json")
        }
        #expect(secondExport.count == 1, "only the changed tickets: one page")
        #expect(secondExport.first?.queryValue("cursor") != nil, "resumes from the stored cursor")
        let changed = zip(before.tickets, account.tickets).filter { $0.generatedTimestamp != $1.generatedTimestamp }
            .count
        #expect(changed >= 1)
        #expect(report.counts[.tickets]?.updated == changed)
        #expect(report.counts[.tickets]?.inserted == 0)
    }

    @Test func survivesTransientFaults() async throws {
        let faults = FaultPlan.none
            .adding(.rateLimited(retryAfter: "2"), on: "/api/v2/incremental/tickets/cursor.json", .nth(1))
            .adding(
                .rateLimited(retryAfter: "0.5", plainText: false), on: "/api/v2/incremental/tickets/cursor.json",
                .nth(3)
            )
            .adding(.internalServerError, on: "/api/v2/groups.json", .nth(1))
            .adding(.serviceUnavailable(retryAfter: nil), on: "/api/v2/incremental/users/cursor.json", .nth(1))
            .adding(.truncatedBody, on: "/api/v2/incremental/tickets/cursor.json", .nth(4))
            .adding(.dropConnection, on: "/api/v2/macros.json", .nth(1))
            .adding(.duplicateBoundary, on: "/api/v2/incremental/tickets/cursor.json", .nth(5))
            .adding(.emptyPage, on: "/api/v2/incremental/tickets/cursor.json", .nth(2))
            .adding(.nullFinalCursor, on: "/api/v2/incremental/tickets/cursor.json")
            .adding(.gatewayTimeout, on: "/api/v2/incremental/organizations.json", .nth(1))
        let harness = try await SyncHarness(tickets: 40, faults: faults)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        let report = await harness.syncer(cache: cache).run()
        #expect(report.succeeded, "\(report.outcomes) \(harness.eventLog)")
        let account = await harness.server.account
        #expect(
            try SyncHarness.snapshot(cache, "tickets", version: "generated_timestamp || '/' || status")
                == Self.serverTickets(account))
        let retryAfters = harness.events.compactMap { event -> Double? in
            if case .waiting(let seconds, let reason) = event, reason.contains("Retry-After") { return seconds }
            return nil
        }
        #expect(retryAfters.contains(2))
        #expect(retryAfters.contains(0.5))
        #expect(retryAfters.contains(60), "503 without Retry-After waits 60 s")
        let organizationPages = await harness.server.requests(matching: "/api/v2/incremental/organizations.json")
        #expect(organizationPages.dropFirst().first?.queryValue("per_page") == "12", "504 halves the page size")

        // A final page with a null after_cursor keeps the previous cursor: the next run resumes, not restarts.
        let before = await harness.server.requests.count
        #expect(await harness.syncer(cache: cache).run().succeeded)
        let rerun = await harness.server.requests.dropFirst(before).filter {
            $0.path.hasSuffix("/incremental/tickets/cursor.json")
        }
        #expect(rerun.first?.queryValue("start_time") == nil)
    }

    @Test func forbiddenTablesAreSkippedAndOthersSync() async throws {
        let harness = try await SyncHarness(tickets: 10, faults: FaultPlan.none.forbidding(.slaPolicies, .ticketForms))
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        let report = await harness.syncer(cache: cache).run()
        #expect(report.outcomes["sla_policies"] == .unavailable("not available to this account or user (403)"))
        #expect(report.outcomes["ticket_forms"] != .synced)
        #expect(report.outcomes["tickets"] == .synced)
        #expect(report.succeeded, "unavailable tables are not failures")
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM tickets") == 10)
    }

    @Test func missingChildrenAreSkipped() async throws {
        let harness = try await SyncHarness(tickets: 12)
        defer { Task { await harness.stop() } }
        let account = await harness.server.account
        let victim = try #require(account.tickets.first { $0.status != "deleted" })
        await harness.server.setFaults(FaultPlan.none.adding(.notFound, on: "/api/v2/tickets/\(victim.id)/audits.json"))
        let cache = try harness.cache()
        let report = await harness.syncer(cache: cache).run()
        #expect(report.succeeded, "\(report.outcomes)")
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_audits WHERE ticket_id = \(victim.id)") == 0)
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM deskstat_sync_queue") == 0)
    }

    @Test func wrongCredentialsStopEverything() async throws {
        let harness = try await SyncHarness(tickets: 5)
        defer { Task { await harness.stop() } }
        let report = await harness.syncer(cache: try harness.cache(), authorization: "Basic d3Jvbmc=").run()
        #expect(!report.succeeded)
        #expect(
            report.outcomes.values.allSatisfy {
                if case .failed(let message) = $0 { message.contains("401") } else { false }
            })
        let requests = await harness.server.requests.count
        #expect(requests == 1, "the first 401 stops the sync")
    }

    @Test(arguments: [1, 3, 6, 9, 14])
    func interruptedSyncsResumeToTheSameCache(stopAfterPages: Int) async throws {
        let harness = try await SyncHarness(tickets: 30, seed: 11)
        defer { Task { await harness.stop() } }
        let reference = try harness.cache("reference.sqlite")
        #expect(await harness.syncer(cache: reference).run().succeeded)

        let cache = try harness.cache("interrupted.sqlite")
        let interrupted = await harness.syncer(cache: cache, stopAfterPages: stopAfterPages).run()
        #expect(interrupted.outcomes.values.contains(.interrupted))
        let resumed = await harness.syncer(cache: cache).run()
        #expect(resumed.succeeded, "\(resumed.outcomes)")
        for (table, version) in Self.tables {
            #expect(
                try SyncHarness.snapshot(cache, table, version: version)
                    == SyncHarness.snapshot(reference, table, version: version), "\(table)")
        }
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM deskstat_sync_queue") == 0)
    }

    @Test func theTokenNeverReachesEventsOrTheCache() async throws {
        let harness = try await SyncHarness(
            tickets: 15, faults: FaultPlan.none.adding(.rateLimited(), on: "/api/v2/groups.json", .nth(1)))
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        #expect(await harness.syncer(cache: cache).run().succeeded)
        let secrets = [SyncHarness.token, harness.authorization, String(harness.authorization.dropFirst(6))]
        let log = harness.eventLog
        for secret in secrets { #expect(!log.contains(secret)) }
        for suffix in ["", "-wal"] {
            let bytes = FileManager.default.contents(atPath: cache.path + suffix) ?? Data()
            for secret in secrets { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(suffix)") }
        }
    }
}

@Suite(.serialized) struct SyncTableChoiceTests {
    @Test func addingAuditsLaterBackfillsEveryCachedTicket() async throws {
        let harness = try await SyncHarness(tickets: 12)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        #expect(await harness.syncer(cache: cache, tables: [.tickets, .ticketMetrics]).run().succeeded)
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_audits") == 0)
        #expect(await harness.syncer(cache: cache, tables: [.tickets, .ticketAudits, .ticketComments]).run().succeeded)
        let account = await harness.server.account
        let live = account.tickets.filter { $0.status != "deleted" }
        #expect(
            try SyncHarness.count(cache, "SELECT COUNT(DISTINCT ticket_id) FROM ticket_audits")
                == live.filter { !(account.audits[$0.id] ?? []).isEmpty }.count)
    }

    @Test func onlyTheChosenTablesAreRequested() async throws {
        let harness = try await SyncHarness(tickets: 8)
        defer { Task { await harness.stop() } }
        let report = await harness.syncer(cache: try harness.cache(), tables: [.groups, .users]).run()
        #expect(report.succeeded)
        #expect(Set(report.outcomes.keys) == ["groups", "users"])
        let paths = Set(await harness.server.requests.map(\.path))
        #expect(paths == ["/api/v2/groups.json", "/api/v2/incremental/users/cursor.json"])
    }
}
