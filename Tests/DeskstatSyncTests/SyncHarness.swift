import DeskstatCache
import DeskstatSync
import FakeZendesk
import Foundation
import GRDB

/// A fake Zendesk on 127.0.0.1 with a generated account, a fresh cache, and a way to sync one
/// into the other with a virtual clock (rate-limit waits take no real time).
final class SyncHarness: @unchecked Sendable {
    static let email = "ops@example.com"
    static let token = "tok-SECRET-0123456789abcdef"
    static let start: Int64 = 1_793_000_000

    let server: FakeZendeskServer
    let baseURL: URL
    let directory: String
    let clock = VirtualClock()
    private let lock = NSLock()
    private var recorded: [SyncEvent] = []

    init(tickets: Int = 40, seed: UInt64 = 7, faults: FaultPlan = .none) async throws {
        server = FakeZendeskServer(
            account: .generated(tickets: tickets, seed: seed, start: Self.start),
            credentials: .apiToken(email: Self.email, token: Self.token), options: FakeServerOptions(delayScale: 0.01))
        baseURL = try await server.start()
        await server.setFaults(faults)
        directory = NSTemporaryDirectory() + "deskstat-sync-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func cache(_ name: String = "cache.sqlite") throws -> Cache {
        try Cache.open(at: directory + "/" + name)
    }

    var authorization: String { "Basic " + Data("\(Self.email)/token:\(Self.token)".utf8).base64EncodedString() }

    func syncer(
        cache: Cache, tables: Set<CacheTable> = Set(CacheTable.allCases), exportPageSize: Int = 25,
        listPageSize: Int = 10,
        authorization: String? = nil, stopAfterPages: Int? = nil, ticketEvents: Bool = false
    ) -> Syncer {
        let settings = ZendeskClient.Settings(
            baseURL: baseURL, authorization: authorization ?? self.authorization, incrementalPerMinute: 10,
            standardPerMinute: 200, maxAttempts: 5, defaultRetryAfter: 60, backoffBase: 1)
        let client = ZendeskClient(settings: settings, transport: URLSessionTransport(timeout: 10), clock: clock) {
            [weak self] event in
            self?.record(event)
        }
        let plan = SyncPlan(
            tables: tables, startTime: Self.start, exportPageSize: exportPageSize, listPageSize: listPageSize,
            ticketEvents: ticketEvents)
        let pages = PageCounter()
        return Syncer(
            cache: cache, client: client, plan: plan, clock: clock,
            events: { [weak self] event in
                self?.record(event)
                if case .page = event { pages.increment() }
            }, stopRequested: { stopAfterPages.map { pages.value >= $0 } ?? false })
    }

    func record(_ event: SyncEvent) {
        lock.withLock { recorded.append(event) }
    }

    var events: [SyncEvent] { lock.withLock { recorded } }

    /// Every event as text, as a log would show it.
    var eventLog: String { events.map { "\($0)" }.joined(separator: "\n") }

    func stop() async {
        await server.stop()
    }

    /// (id, version) pairs of a table, for comparing caches with each other and with the server.
    static func snapshot(_ cache: Cache, _ table: String, version: String) throws -> [String] {
        try cache.read { db in
            try String.fetchAll(db, sql: "SELECT id || ':' || IFNULL(\(version), '-') FROM \(table) ORDER BY id")
        }
    }

    static func count(_ cache: Cache, _ sql: String) throws -> Int {
        try cache.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}

final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
