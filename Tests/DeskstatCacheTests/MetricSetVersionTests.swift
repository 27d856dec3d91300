import DeskstatCache
import Foundation
import GRDB
import Testing

/// A ticket has one metric set (`ticket_metrics.ticket_id` is UNIQUE), which may arrive under
/// another id. The version rules of docs/cache.md hold by ticket: the newer set wins whatever
/// the order, the older is skipped, an equal one is unchanged; and the ticket's packed facts
/// follow the row that is kept.
@Suite struct MetricSetVersionTests {
    static let ticketID: Int64 = 1001
    static let older = MetricSet(id: 555, updatedAt: 1_000_000, reopens: 9)
    static let newer = MetricSet(id: 3_501_001, updatedAt: 2_000_000, reopens: 1)

    struct MetricSet: Sendable, CustomStringConvertible {
        let id: Int64
        let updatedAt: Int64
        let reopens: Int64

        var description: String { "metric set \(id) (updated_at \(updatedAt))" }

        var json: String {
            #"{"id":\#(id),"ticket_id":\#(MetricSetVersionTests.ticketID),"updated_at":\#(updatedAt),"reopens":\#(reopens)}"#
        }

        var row: CacheRow {
            .ticketMetric(
                TicketMetricRow(
                    id: id, ticketID: MetricSetVersionTests.ticketID, createdAt: 500_000, updatedAt: updatedAt,
                    durations: Array(repeating: (nil, nil), count: CacheSchema.durationNames.count),
                    replyTimeInSecondsCalendar: nil, reopens: reopens, replies: nil, assigneeStations: nil,
                    groupStations: nil, timestamps: Array(repeating: nil, count: CacheSchema.metricTimestampNames.count)
                ),
                rawJSON: json)
        }

        /// The same record as a batch row (the import's fast path); the other columns stay NULL.
        func append(to batch: inout CacheRowBatch) {
            batch.beginRow(.ticketMetrics, raw: batch.own(json))
            batch.set("id", .integer(id))
            batch.set("ticket_id", .integer(MetricSetVersionTests.ticketID))
            batch.set("created_at", .integer(500_000))
            batch.set("updated_at", .integer(updatedAt))
            batch.set("reopens", .integer(reopens))
        }
    }

    enum Path: String, CaseIterable, Sendable {
        /// `CacheWriter.upsert(_ row:)`, one transaction per set.
        case rows
        /// `CacheWriter.upsert(_ batch:)`, one transaction per set.
        case batches
        /// Both sets in one batch (one transaction).
        case oneBatch
    }

    static func makeCache() throws -> (Cache, String) {
        let directory = NSTemporaryDirectory() + "deskstat-metric-versions-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let cache = try Cache.open(at: directory + "/c.sqlite")
        try cache.write { writer in
            _ = try writer.upsert(
                .ticket(
                    id: ticketID, status: "solved", priority: nil, type: nil, subject: nil, viaChannel: nil,
                    groupID: nil, assigneeID: nil, requesterID: nil, submitterID: nil, organizationID: nil,
                    brandID: nil, ticketFormID: nil, problemID: nil, createdAt: 400_000, updatedAt: 400_000,
                    generatedTimestamp: 400_000, deleted: false, tags: [], customFields: [], rawJSON: "{}"))
        }
        return (cache, directory)
    }

    /// Writes the sets in order by `path`; returns each set's outcome.
    static func write(_ sets: [MetricSet], into cache: Cache, by path: Path) throws -> [UpsertOutcome] {
        switch path {
        case .rows:
            return try sets.map { set in try cache.write { writer in try writer.upsert(set.row) } }
        case .batches:
            return try sets.flatMap { set in
                var batch = CacheRowBatch(body: [])
                set.append(to: &batch)
                var outcomes: [UpsertOutcome] = []
                try cache.write { writer in try writer.upsert(batch) { _, outcome in outcomes.append(outcome) } }
                return outcomes
            }
        case .oneBatch:
            var batch = CacheRowBatch(body: [])
            for set in sets { set.append(to: &batch) }
            var outcomes: [UpsertOutcome] = []
            try cache.write { writer in try writer.upsert(batch) { _, outcome in outcomes.append(outcome) } }
            return outcomes
        }
    }

    /// The stored metric sets of the ticket (id, reopens) and the reopens its packed facts hold.
    static func stored(_ cache: Cache) throws -> (rows: [[Int64]], factsReopens: Int64?) {
        try cache.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, reopens FROM ticket_metrics WHERE ticket_id = ?", arguments: [ticketID]
            ).map { [$0[0] as Int64, $0[1] as Int64] }
            let blob = try Data.fetchOne(
                db, sql: "SELECT metric FROM ticket_facts WHERE ticket_id = ?", arguments: [ticketID])
            let reopens = blob.flatMap { data in data.withUnsafeBytes { TicketFacts.decodeMetric($0)?.reopens } }
            return (rows, reopens)
        }
    }

    @Test(arguments: Path.allCases)
    func theNewerSetWinsWhenItComesSecond(_ path: Path) throws {
        let (cache, directory) = try Self.makeCache()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcomes = try Self.write([Self.older, Self.newer], into: cache, by: path)
        #expect(outcomes == [.inserted, .updated])
        let stored = try Self.stored(cache)
        #expect(stored.rows == [[Self.newer.id, Self.newer.reopens]])
        #expect(stored.factsReopens == Self.newer.reopens, "ticket_facts must hold the kept set")
    }

    @Test(arguments: Path.allCases)
    func theOlderSetIsSkippedWhenItComesSecond(_ path: Path) throws {
        let (cache, directory) = try Self.makeCache()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcomes = try Self.write([Self.newer, Self.older], into: cache, by: path)
        #expect(outcomes == [.inserted, .skipped])
        let stored = try Self.stored(cache)
        #expect(stored.rows == [[Self.newer.id, Self.newer.reopens]])
        #expect(stored.factsReopens == Self.newer.reopens, "ticket_facts must hold the kept set")
    }

    @Test(arguments: Path.allCases)
    func anEqualVersionUnderAnotherIDIsUnchanged(_ path: Path) throws {
        let (cache, directory) = try Self.makeCache()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let twin = MetricSet(id: 777, updatedAt: Self.newer.updatedAt, reopens: 4)
        let outcomes = try Self.write([Self.newer, twin], into: cache, by: path)
        #expect(outcomes == [.inserted, .unchanged])
        let stored = try Self.stored(cache)
        #expect(stored.rows == [[Self.newer.id, Self.newer.reopens]])
        #expect(stored.factsReopens == Self.newer.reopens)
    }
}
