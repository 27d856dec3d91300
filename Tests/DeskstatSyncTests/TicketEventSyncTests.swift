import DeskstatCache
import DeskstatSync
import FakeZendesk
import Foundation
import Testing

/// Ticket history from the incremental ticket event export: request counts, paging rules, 504
/// halving, resumption, and one set of rows whichever source the history came from.
@Suite(.serialized) struct TicketEventSyncTests {
    /// The default table set: everything but per-ticket audits.
    static let defaultTables = Set(CacheTable.allCases).subtracting([.ticketAudits])

    /// Every ticket event the server's export holds: one per audit, one per deleted ticket.
    static func eventCount(_ account: FakeAccount) -> Int {
        account.audits.values.reduce(0) { $0 + $1.count } + account.tickets.filter(\.isDeleted).count
    }

    /// Syncs the default tables with the event export; the sync must succeed.
    @discardableResult
    static func syncEvents(_ harness: SyncHarness, _ cache: Cache, pageSize: Int) async -> SyncReport {
        let report = await harness.syncer(
            cache: cache, tables: defaultTables, exportPageSize: pageSize, ticketEvents: true
        ).run()
        #expect(report.succeeded, "\(report.outcomes)")
        return report
    }

    @Test func firstSyncCostsOneEventRequestPerThousandEventsAndNoPerTicketRequests() async throws {
        let harness = try await SyncHarness(tickets: 40)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        let report = await Self.syncEvents(harness, cache, pageSize: 1000)
        #expect(report.outcomes["ticket_events"] == .synced)
        let account = await harness.server.account
        let events = Self.eventCount(account)
        #expect(events > 100 && events <= 1000)
        let requests = await harness.server.requests
        // ⌈events / 1000⌉ = 1 export request, and not one request per ticket.
        #expect(requests.filter { $0.path.hasSuffix("/incremental/ticket_events.json") }.count == 1)
        #expect(requests.allSatisfy { !$0.path.hasSuffix("/audits.json") && !$0.path.hasSuffix("/comments.json") })
        #expect(requests.first { $0.path.hasSuffix("/ticket_events.json") }?.queryValue("include") == "comment_events")
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_audits") == events)
        let comments = account.audits.values.joined().reduce(0) { $0 + $1.events.filter(\.isComment).count }
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_comments") == comments)
    }

    @Test func smallPagesRepeatTheBoundaryEvent() async throws {
        let harness = try await SyncHarness(tickets: 40)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        let account = await harness.server.account
        let times =
            account.audits.values.joined().map(\.createdAt) + account.tickets.filter(\.isDeleted).map(\.updatedAt)
        // Precondition for the count below: no two events share a second.
        try #require(Set(times).count == times.count)
        await Self.syncEvents(harness, cache, pageSize: 25)
        // Page 1 brings 25 events; every later page starts with the previous page's last event
        // again (start_time = end_time is inclusive), so it brings 24 new ones.
        let events = times.count
        let expected = 1 + (events - 25 + 23) / 24
        let requests = await harness.server.requests.filter { $0.path.hasSuffix("/incremental/ticket_events.json") }
        #expect(requests.count == expected)
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_audits") == events)
        // The pages queued the tickets they touched and the end of the sync built their compact
        // timelines: every ticket with history has one, nothing is left queued.
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_timeline_stale") == 0)
        #expect(
            try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_timelines")
                == SyncHarness.count(
                    cache,
                    "SELECT COUNT(*) FROM (SELECT ticket_id FROM ticket_audits UNION SELECT ticket_id FROM ticket_comments)"
                ))
        #expect(
            try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_timeline_comments")
                == SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_comments"))
    }

    @Test func gatewayTimeoutHalvesThePage() async throws {
        let faults = FaultPlan().adding(.gatewayTimeout, on: "incremental/ticket_events", .first(1))
        let harness = try await SyncHarness(tickets: 12, faults: faults)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        let report = await Self.syncEvents(harness, cache, pageSize: 1000)
        #expect(report.outcomes["ticket_events"] == .synced)
        let requests = await harness.server.requests.filter { $0.path.hasSuffix("/incremental/ticket_events.json") }
        #expect(requests.map { $0.queryValue("per_page") } == ["1000", "500"])
        #expect(requests.map(\.status) == [504, 200])
        let account = await harness.server.account
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_audits") == Self.eventCount(account))
    }

    @Test func aSecondSyncResumesFromTheLastEndTime() async throws {
        let harness = try await SyncHarness(tickets: 12)
        defer { Task { await harness.stop() } }
        let cache = try harness.cache()
        #expect(await harness.syncer(cache: cache, tables: Self.defaultTables, ticketEvents: true).run().succeeded)
        let account = await harness.server.account
        let last =
            account.audits.values.joined().map(\.createdAt) + account.tickets.filter(\.isDeleted).map(\.updatedAt)
        await harness.server.clearRequests()
        #expect(await harness.syncer(cache: cache, tables: Self.defaultTables, ticketEvents: true).run().succeeded)
        let requests = await harness.server.requests.filter { $0.path.hasSuffix("/incremental/ticket_events.json") }
        #expect(requests.count == 1)
        #expect(requests.first?.queryValue("start_time") == String(last.max() ?? 0))
    }

    @Test func auditsAndEventsGiveTheSameRowsWithoutDuplicates() async throws {
        let harness = try await SyncHarness(tickets: 24)
        defer { Task { await harness.stop() } }
        let viaAudits = try harness.cache("audits.sqlite")
        let viaEvents = try harness.cache("events.sqlite")
        let both = try harness.cache("both.sqlite")
        let all = Set(CacheTable.allCases)
        #expect(await harness.syncer(cache: viaAudits, tables: all).run().succeeded)
        #expect(await harness.syncer(cache: viaEvents, tables: Self.defaultTables, ticketEvents: true).run().succeeded)
        #expect(await harness.syncer(cache: both, tables: all, ticketEvents: true).run().succeeded)
        let comments = "ticket_id || '/' || created_at || '/' || public || '/' || IFNULL(author_id, '-')"
        let fromAudits = try SyncHarness.snapshot(viaAudits, "ticket_comments", version: comments)
        #expect(fromAudits.count > 20)
        #expect(try SyncHarness.snapshot(viaEvents, "ticket_comments", version: comments) == fromAudits)
        #expect(try SyncHarness.snapshot(both, "ticket_comments", version: comments) == fromAudits)
        // Audits: the same updates, plus one deletion event per deleted ticket from the export.
        let audits = try SyncHarness.snapshot(viaAudits, "ticket_audits", version: "ticket_id || '/' || created_at")
        let events = try SyncHarness.snapshot(viaEvents, "ticket_audits", version: "ticket_id || '/' || created_at")
        let deleted = await harness.server.account.tickets.filter(\.isDeleted).count
        #expect(Set(audits).isSubset(of: Set(events)))
        #expect(events.count == audits.count + deleted)
        #expect(try SyncHarness.snapshot(both, "ticket_audits", version: "ticket_id || '/' || created_at") == events)
    }
}

/// The export's rule for a page that holds only one second: it is that whole second (Zendesk
/// never splits a second across pages), so the next page starts one second later.
@Suite struct TicketEventPagingTests {
    static func page(_ events: [(id: Int64, time: Int64)], endTime: Int64, endOfStream: Bool) -> String {
        let records = events.map { event in
            #"{"id": \#(event.id), "ticket_id": 1, "timestamp": \#(event.time), "child_events": [{"id": \#(event.id + 1), "status": "open", "event_type": "Create"}]}"#
        }
        let next =
            endOfStream ? "null" : #""http://127.0.0.1:9/api/v2/incremental/ticket_events.json?start_time=\#(endTime)""#
        return
            #"{"ticket_events": [\#(records.joined(separator: ","))], "count": \#(events.count), "end_time": \#(endTime), "next_page": \#(next), "end_of_stream": \#(endOfStream)}"#
    }

    @Test func aPageAllInOneSecondMovesOnBySecond() async throws {
        let transport = ScriptedTransport([
            .respond(200, body: Self.page([(10, 5_000), (20, 5_000)], endTime: 5_000, endOfStream: false)),
            .respond(200, body: Self.page([(30, 6_000)], endTime: 6_000, endOfStream: true)),
        ])
        let clock = VirtualClock()
        let directory = NSTemporaryDirectory() + "deskstat-paging-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = try Cache.open(at: directory + "/cache.sqlite")
        let client = ZendeskClientTests().client(transport, clock: clock)
        let plan = SyncPlan(tables: [], startTime: 5_000, ticketEvents: true)
        let report = await Syncer(cache: cache, client: client, plan: plan, clock: clock, events: { _ in }).run()
        #expect(report.outcomes == ["ticket_events": .synced])
        let starts = transport.requests.map { request in
            URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.first {
                $0.name == "start_time"
            }?.value
        }
        #expect(starts == ["5000", "5001"])
        #expect(try SyncHarness.count(cache, "SELECT COUNT(*) FROM ticket_audits") == 3)
    }
}
