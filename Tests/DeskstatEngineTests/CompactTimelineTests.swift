import DeskstatCache
import DeskstatEngine
import DeskstatHistory
import DeskstatImport
import DeskstatTime
import DeskstatTimeline
import Foundation
import GRDB
import Testing

/// The compact timeline tables (docs/cache.md, "The compact timeline") against the raw rows they
/// are derived from: for every ticket, the timeline read from the compact rows equals the one
/// parsed from the raw JSON, on the fixture account, on a seeded random account and on the edge
/// cases; writes rebuild exactly the tickets they touch; the migration fills an older cache.
@Suite struct CompactTimelineTests {
    // MARK: Support

    /// A new cache with `bodies` imported, one file each, in order.
    static func cache(_ bodies: [String], into existing: Cache? = nil) throws -> Cache {
        let directory = NSTemporaryDirectory() + "deskstat-compact-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let cache = try existing ?? Cache.open(at: directory + "/cache.sqlite")
        try importBodies(bodies, into: cache, directory: directory)
        return cache
    }

    static func importBodies(_ bodies: [String], into cache: Cache, directory: String? = nil) throws {
        let folder = directory ?? NSTemporaryDirectory() + "deskstat-compact-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for (index, body) in bodies.enumerated() {
            let path = folder + "/\(UUID().uuidString)-\(index).json"
            try Data(body.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        _ = try Importer(cache: cache, options: .init(now: 1_795_392_000)).run(try ImportSource.resolve(paths))
    }

    /// The timeline parsed from the ticket's raw rows, with every cached user's role (the compact
    /// path resolves any author through `users`).
    static func rawTimeline(_ cache: Cache, _ id: Int64) throws -> TicketTimeline {
        var rows = try cache.snapshot { try $0.rawTicketHistory(ticketID: id) }
        rows.roles = try cache.read { db in
            var roles: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, role FROM users WHERE role IS NOT NULL") {
                roles[row[0]] = row[1]
            }
            return roles
        }
        return try TimelineCodec.timeline(raw: rows)
    }

    /// The timeline read from the compact rows only (fails when the ticket has none).
    static func compactTimeline(_ cache: Cache, _ id: Int64) throws -> TicketTimeline? {
        try cache.snapshot { try $0.storedTimeline(ticketID: id) }.map(TimelineCodec.timeline)
    }

    static func count(_ cache: Cache, _ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try cache.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1 }
    }

    /// Every ticket with audits or comments has compact rows equal to its raw timeline, nothing is
    /// stale, and the rows were built by this version. Returns how many tickets were compared.
    @discardableResult
    static func expectCompactEqualsRaw(_ cache: Cache, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Int
    {
        let ids = try cache.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT ticket_id FROM ticket_audits UNION SELECT ticket_id FROM ticket_comments ORDER BY 1")
        }
        #expect(try count(cache, "SELECT COUNT(*) FROM ticket_timeline_stale") == 0, sourceLocation: sourceLocation)
        #expect(
            try cache.snapshot { try $0.timelineBuildVersion() } == TimelineCodec.version,
            sourceLocation: sourceLocation)
        #expect(
            try count(cache, "SELECT COUNT(*) FROM ticket_timelines") == ids.count, sourceLocation: sourceLocation)
        for id in ids {
            let compact = try compactTimeline(cache, id)
            #expect(compact != nil, "ticket \(id) has no compact rows", sourceLocation: sourceLocation)
            #expect(compact == (try rawTimeline(cache, id)), "ticket \(id)", sourceLocation: sourceLocation)
        }
        // The bulk read (reports) gives the same timelines for every ticket with updates.
        let facts = try TimelineLoader(cache: cache).historyFacts()
        let withUpdates = try cache.read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT ticket_id FROM ticket_audits ORDER BY 1")
        }
        #expect(facts.timelines.keys.sorted() == withUpdates, sourceLocation: sourceLocation)
        for id in withUpdates {
            #expect(facts.timelines[id] == (try rawTimeline(cache, id)), "ticket \(id)", sourceLocation: sourceLocation)
        }
        // A report's read of only its loaded tickets (every other one, one without history and an
        // unknown id) gives exactly those tickets' timelines, the same ones.
        let some = withUpdates.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let asked = some + [999_999_999] + ids.filter { !withUpdates.contains($0) }.prefix(1)
        let narrowed = try TimelineLoader(cache: cache).historyFacts(ticketIDs: asked.reversed())
        #expect(narrowed.timelines.keys.sorted() == some, sourceLocation: sourceLocation)
        for id in some {
            #expect(narrowed.timelines[id] == facts.timelines[id], "ticket \(id)", sourceLocation: sourceLocation)
        }
        return ids.count
    }

    // MARK: Differential

    @Test func theFixtureAccountsCompactRowsEqualItsRawRows() throws {
        #expect(try Self.expectCompactEqualsRaw(FixtureAccount.cache) >= 2)
        // Ticket 1024: two solves and a reopen, as fixtures/EXPECTED.md § 9 works out.
        #expect(
            try Self.count(
                FixtureAccount.cache, "SELECT COUNT(*) FROM ticket_timeline_events WHERE ticket_id = 1024") == 3)
    }

    @Test func anImportQueuesTheTicketsItTouchesAndBuildsEachOnceAtItsEnd() throws {
        // Three files, each a new audit of ticket 9: between files the ticket waits in the queue
        // (the file's transaction does not rebuild it); after the last one it is built.
        let directory = NSTemporaryDirectory() + "deskstat-compact-deferred-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let cache = try Cache.open(at: directory + "/cache.sqlite")
        try Self.importBodies(Self.edgeBodies, into: cache)
        var paths: [String] = []
        for (index, status) in ["open", "pending", "solved"].enumerated() {
            let path = directory + "/audit-\(index).json"
            let body = """
                {"audits": [{"id": \(800 + index), "ticket_id": 9, "created_at": "2026-11-2\(index)T09:00:00Z",
                  "author_id": 6, "events": [{"id": \(900 + index), "type": "Change", "field_name": "status",
                  "value": "\(status)", "previous_value": "x"}]}]}
                """
            try Data(body.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        var queuedBetweenFiles: [Int] = []
        _ = try Importer(cache: cache, options: .init(now: 1_795_392_000)).run(try ImportSource.resolve(paths)) {
            _ in
            queuedBetweenFiles.append((try? Self.count(cache, "SELECT COUNT(*) FROM ticket_timeline_stale")) ?? -1)
        }
        #expect(queuedBetweenFiles == [1, 1, 1])
        #expect(try Self.count(cache, "SELECT updates FROM ticket_timelines WHERE ticket_id = 9") == 5)
        try Self.expectCompactEqualsRaw(cache)
    }

    @Test func aSeededRandomAccountsCompactRowsEqualItsRawRows() throws {
        let cache = try Self.cache(RandomHistory.bodies(seed: 42, tickets: 40))
        #expect(try Self.expectCompactEqualsRaw(cache) == 40)
        #expect(try Self.count(cache, "SELECT COUNT(*) FROM ticket_timeline_intervals") > 100)
    }

    // MARK: Edge cases

    /// Ticket 9: update 500 comes as a ticket event and again as an audit (same ids), comment 502
    /// in both and in a comment list; ticket 10 is deleted; ticket 11 is not cached as a ticket.
    static let edgeBodies = [
        #"""
        {"ticket_events": [
          {"id": 500, "ticket_id": 9, "timestamp": 1794816000, "updater_id": 5, "via": "Mail",
           "child_events": [{"id": 501, "status": "new", "event_type": "Create"},
                            {"id": 502, "event_type": "Comment", "author_id": 5, "public": true}]},
          {"id": 600, "ticket_id": 10, "timestamp": 1794816000, "updater_id": 6, "via": "Web form",
           "child_events": [{"id": 601, "status": "open", "previous_value": "new", "event_type": "Change"}]},
          {"id": 610, "ticket_id": 10, "timestamp": 1794819600, "updater_id": 6, "via": "Web form",
           "child_events": [{"id": 611, "status": "deleted", "previous_value": "open", "event_type": "Change"}]},
          {"id": 700, "ticket_id": 11, "timestamp": 1794823200, "updater_id": 6, "via": "Web form",
           "child_events": [{"id": 701, "priority": "high", "previous_value": "normal", "event_type": "Change"},
                            {"id": 702, "event_type": "Comment", "author_id": 77, "public": false}]}],
         "count": 4, "end_time": 1794823200, "next_page": null, "end_of_stream": true}
        """#,
        #"""
        {"audits": [
          {"id": 500, "ticket_id": 9, "created_at": "2026-11-16T08:00:00Z", "author_id": 5,
           "events": [{"id": 501, "type": "Create", "field_name": "status", "value": "new"},
                      {"id": 502, "type": "Comment", "author_id": 5, "public": true}]},
          {"id": 510, "ticket_id": 9, "created_at": "2026-11-16T09:00:00Z", "author_id": 6,
           "events": [{"id": 511, "type": "Change", "field_name": "status", "value": "solved", "previous_value": "new"},
                      {"id": 512, "type": "Comment", "author_id": 6, "public": true}]}]}
        """#,
        #"""
        {"comments": [{"id": 502, "ticket_id": 9, "author_id": 5, "public": true, "type": "Comment",
                       "created_at": "2026-11-16T08:00:00Z"},
                      {"id": 520, "ticket_id": 9, "author_id": 5, "public": true, "type": "Comment",
                       "created_at": "2026-11-16T10:00:00Z"}]}
        """#,
        #"""
        {"tickets": [
          {"id": 9, "status": "solved", "created_at": "2026-11-16T08:00:00Z", "updated_at": "2026-11-16T09:00:00Z"},
          {"id": 10, "status": "deleted", "created_at": "2026-11-15T08:00:00Z", "updated_at": "2026-11-16T09:00:00Z"}],
         "count": 2, "end_time": 1794819600, "next_page": null, "end_of_stream": true}
        """#,
        #"{"users": [{"id": 5, "role": "end-user"}, {"id": 6, "role": "agent"}], "end_of_stream": true}"#,
    ]

    @Test func edgeCasesGiveTheRawTimeline() throws {
        let cache = try Self.cache(Self.edgeBodies)
        try Self.expectCompactEqualsRaw(cache)
        // Ticket 9: one update row per id, one comment row per id (502 came three ways).
        #expect(try Self.count(cache, "SELECT updates FROM ticket_timelines WHERE ticket_id = 9") == 2)
        #expect(
            try cache.snapshot { try $0.storedTimeline(ticketID: 9) }?.rows.comments.map(\.id)
                == [502, 512, 520])
        let nine = try #require(try Self.compactTimeline(cache, 9))
        #expect(nine.status.map(\.value) == ["new", "solved"] && nine.solves == [1_794_819_600])
        #expect(nine.comments.map(\.role) == [.endUser, .agent, .endUser])
        // Ticket 10 (deleted): created the day before its first change, so the opening value
        // `new` runs from created_at; the deletion is the last status.
        let ten = try #require(try Self.compactTimeline(cache, 10))
        #expect(ten.createdAt == 1_794_729_600)
        #expect(ten.status.map(\.value) == ["new", "open", "deleted"])
        #expect(ten.status.first?.from == 1_794_729_600)
        // Ticket 11 (not cached): the history starts at its first change; author 77 is unknown.
        let eleven = try #require(try Self.compactTimeline(cache, 11))
        #expect(eleven.createdAt == 1_794_823_200 && eleven.priority.map(\.value) == ["high"])
        #expect(eleven.comments.map(\.role) == [.unknown])
    }

    @Test func laterTicketAndUserImportsNeedNoRebuild() throws {
        let cache = try Self.cache([Self.edgeBodies[0]])
        let before = try #require(try Self.compactTimeline(cache, 10))
        #expect(before.status.map(\.value) == ["open", "deleted"])  // no created_at yet: starts at the first change
        try Self.importBodies([Self.edgeBodies[3], Self.edgeBodies[4]], into: cache)
        // Neither import touched history rows, so nothing was queued or rebuilt …
        #expect(try Self.count(cache, "SELECT COUNT(*) FROM ticket_timeline_stale") == 0)
        // … yet the read resolves the new created_at and roles.
        let after = try #require(try Self.compactTimeline(cache, 10))
        #expect(after.status.map(\.value) == ["new", "open", "deleted"])
        #expect(try Self.compactTimeline(cache, 9)?.comments.map(\.role) == [.endUser])
        try Self.expectCompactEqualsRaw(cache)
    }

    @Test func aWriteRebuildsExactlyTheTicketsItTouched() throws {
        let cache = try Self.cache(Self.edgeBodies)
        // Mark every compact row of tickets 9 and 10 by hand (no trigger watches these tables).
        try Self.execute(cache, "UPDATE ticket_timeline_intervals SET value = 'marked' WHERE ticket_id IN (9, 10)")
        try Self.execute(cache, "UPDATE ticket_timelines SET updates = 99 WHERE ticket_id IN (9, 10)")
        // A file touching ticket 9 only: a new audit reopening it.
        try Self.importBodies(
            [
                #"""
                {"audits": [{"id": 530, "ticket_id": 9, "created_at": "2026-11-17T09:00:00Z", "author_id": 5,
                  "events": [{"id": 531, "type": "Change", "field_name": "status", "value": "open",
                              "previous_value": "solved"}]}]}
                """#
            ], into: cache)
        #expect(try Self.count(cache, "SELECT updates FROM ticket_timelines WHERE ticket_id = 9") == 3)
        #expect(
            try Self.count(
                cache, "SELECT COUNT(*) FROM ticket_timeline_intervals WHERE value = 'marked' AND ticket_id = 9")
                == 0)
        #expect(try Self.compactTimeline(cache, 9)?.reopens == [1_794_906_000])
        #expect(try Self.count(cache, "SELECT updates FROM ticket_timelines WHERE ticket_id = 10") == 99)
        #expect(
            try Self.count(
                cache, "SELECT COUNT(*) FROM ticket_timeline_intervals WHERE value = 'marked' AND ticket_id = 10")
                == 3)
        // Importing the same file again changes no row, so nothing is rebuilt: 10 stays marked.
        try Self.importBodies([Self.edgeBodies[1]], into: cache)
        #expect(try Self.count(cache, "SELECT updates FROM ticket_timelines WHERE ticket_id = 10") == 99)
    }

    @Test func rowsChangedWithoutABuilderAreReadFromTheRawRows() throws {
        let cache = try Self.cache(Self.edgeBodies)
        // A hand edit (or a writer without a builder) adds an audit to ticket 9: the trigger
        // queues the ticket, and readers take it from the raw rows until the next import.
        try Self.execute(
            cache,
            """
            INSERT INTO ticket_audits (id, ticket_id, author_id, created_at, raw_json) VALUES (540, 9, 6, 1794992400,
            '{"id":540,"ticket_id":9,"created_at":"2026-11-18T09:00:00Z","author_id":6,"events":[{"id":541,"type":"Change","field_name":"status","value":"pending","previous_value":"solved"}]}')
            """)
        #expect(try Self.count(cache, "SELECT COUNT(*) FROM ticket_timeline_stale") == 1)
        let loader = TimelineLoader(cache: cache)
        #expect(try loader.timeline(9).reopens == [1_794_992_400])
        #expect(try loader.historyFacts().timelines[9]?.reopens == [1_794_992_400])
        // The next write with a builder rebuilds it.
        try Self.importBodies([Self.edgeBodies[4]], into: cache)
        #expect(try Self.compactTimeline(cache, 9)?.reopens == [1_794_992_400])
        try Self.expectCompactEqualsRaw(cache)
    }

    @Test func rowsOfAnotherBuilderVersionAreRebuilt() throws {
        let cache = try Self.cache(Self.edgeBodies)
        try Self.execute(cache, "UPDATE ticket_timeline_build SET version = '0:status'")
        try Self.execute(cache, "UPDATE ticket_timeline_intervals SET value = 'marked'")
        // Read from the raw rows while the version differs …
        #expect(try TimelineLoader(cache: cache).timeline(9).status.map(\.value) == ["new", "solved"])
        #expect(try TimelineLoader(cache: cache).historyFacts().timelines[9]?.status.map(\.value) == ["new", "solved"])
        // … and rebuilt, every ticket, by the next write.
        try Self.importBodies([Self.edgeBodies[4]], into: cache)
        #expect(try Self.count(cache, "SELECT COUNT(*) FROM ticket_timeline_intervals WHERE value = 'marked'") == 0)
        try Self.expectCompactEqualsRaw(cache)
    }

    // MARK: Migration

    @Test func theMigrationBuildsTheTablesOfAnOlderCache() throws {
        let path = NSTemporaryDirectory() + "deskstat-compact-migration-\(UUID().uuidString).sqlite"
        try Self.importBodies(Self.edgeBodies, into: try Cache.open(at: path))
        // Turn the file into a v4 cache: no timeline tables, triggers or migration row.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for trigger in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ticket_timeline_%'")
            {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            for table in CacheSchema.derivedTables.map(\.name) + ["ticket_timeline_stale", "ticket_timeline_build"] {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-ticket-timelines'")
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        try queue.close()
        // A read-only open refuses to upgrade it.
        #expect(throws: CacheError.self) { try Cache.open(at: path, mode: .readOnly) }
        // The first open with a builder migrates and builds every ticket with history.
        let cache = try Cache.open(at: path, timelines: TimelineCodec())
        #expect(try Self.count(cache, "SELECT COUNT(*) FROM ticket_timelines") == 3)
        try Self.expectCompactEqualsRaw(cache)
    }

    @Test func queuedTicketsAreReadFromTheRawRows() throws {
        let path = NSTemporaryDirectory() + "deskstat-compact-queued-\(UUID().uuidString).sqlite"
        try Self.importBodies(Self.edgeBodies, into: try Cache.open(at: path))
        try Self.execute(try Cache.open(at: path), "DELETE FROM ticket_timelines")
        try Self.execute(
            try Cache.open(at: path), "INSERT OR IGNORE INTO ticket_timeline_stale SELECT ticket_id FROM ticket_audits")
        let cache = try Cache.open(at: path, mode: .readOnly)
        // Queued tickets are read from the raw rows.
        #expect(try TimelineLoader(cache: cache).historyFacts().timelines.keys.sorted() == [9, 10, 11])
        #expect(try TimelineLoader(cache: cache).timeline(9) == (try Self.rawTimeline(cache, 9)))
    }

    // MARK: Explain

    @Test func explainListsTheCompactTimeline() throws {
        let cache = try Self.cache(Self.edgeBodies)
        let schedule = try TimelineLoader(cache: cache).scheduleBook().book.defaultSchedule
        let lines = TicketExplanation.timelineLines(try TimelineLoader(cache: cache).timeline(9), schedule: schedule)
        #expect(
            lines.map { "\($0.label) \($0.value)" } == [
                "2026-11-16T08:00:00Z status new",
                "2026-11-16T08:00:00Z public comment by end-user 5",
                "2026-11-16T09:00:00Z status solved",
                "2026-11-16T09:00:00Z solved",
                "2026-11-16T09:00:00Z public comment by agent 6",
                "2026-11-16T10:00:00Z public comment by end-user 5",
                "first reply 2026-11-16T09:00:00Z 60/60 min since 2026-11-16T08:00:00Z",
            ])
    }

    static func execute(_ cache: Cache, _ sql: String) throws {
        let queue = try DatabaseQueue(path: cache.path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }
}

/// A seeded random account of ticket histories: each ticket a mix of ticket events and audits
/// (some updates in both shapes), status/group/assignee/priority changes with same-second
/// updates, repeated values and `Change`-first histories, public and private comments by end
/// users, agents and unknown authors, some also in comment lists; tickets cached or not.
enum RandomHistory {
    static func bodies(seed: UInt64, tickets: Int) -> [String] {
        var random = seed
        func next(_ bound: Int) -> Int {
            random &+= 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let statuses = ["new", "open", "pending", "hold", "solved", "closed"]
        let t0: Int64 = 1_794_000_000
        var events: [String] = []
        var audits: [String] = []
        var comments: [String] = []
        var ticketRows: [String] = []
        var nextID: Int64 = 1_000
        func id() -> Int64 {
            nextID += 1
            return nextID
        }
        func iso(_ at: Int64) -> String { InstantFormat.iso(at) }
        for ticket in 1...tickets {
            let created = t0 + Int64(next(1_000)) * 60
            if next(4) != 0 {
                ticketRows.append(
                    #"{"id": \#(ticket), "status": "open", "created_at": "\#(iso(created))", "updated_at": "\#(iso(created))"}"#
                )
            }
            var at = created + (next(3) == 0 ? Int64(next(3)) * 60 : 0)
            var status: String? = next(2) == 0 ? nil : statuses[next(statuses.count)]
            for update in 0..<(1 + next(7)) {
                if next(3) != 0 { at += Int64(next(5)) * 1_800 }
                let updateID = id()
                var eventChildren: [String] = []
                var auditChildren: [String] = []
                for field in ["status", "group_id", "assignee_id", "priority"] where next(2) == 0 || update == 0 {
                    let value: String? =
                        field == "status"
                        ? statuses[next(statuses.count)]
                        : next(5) == 0
                            ? nil : field == "priority" ? ["low", "normal", "high"][next(3)] : "\(next(3) + 1)"
                    let previous = field == "status" ? status : (next(2) == 0 ? nil : "1")
                    if field == "status" { status = value }
                    let create = update == 0 && next(2) == 0
                    let childID = id()
                    let json = value.map { "\"\($0)\"" } ?? "null"
                    let previousJSON = previous.map { "\"\($0)\"" } ?? "null"
                    eventChildren.append(
                        create
                            ? #"{"id": \#(childID), "\#(field)": \#(json), "event_type": "Create"}"#
                            : #"{"id": \#(childID), "\#(field)": \#(json), "previous_value": \#(previousJSON), "event_type": "Change"}"#
                    )
                    auditChildren.append(
                        create
                            ? #"{"id": \#(childID), "type": "Create", "field_name": "\#(field)", "value": \#(json)}"#
                            : #"{"id": \#(childID), "type": "Change", "field_name": "\#(field)", "value": \#(json), "previous_value": \#(previousJSON)}"#
                    )
                }
                if next(2) == 0 {
                    let commentID = id()
                    let author = [5, 6, 77][next(3)]
                    let isPublic = next(4) != 0
                    eventChildren.append(
                        #"{"id": \#(commentID), "event_type": "Comment", "author_id": \#(author), "public": \#(isPublic)}"#
                    )
                    auditChildren.append(
                        #"{"id": \#(commentID), "type": "Comment", "author_id": \#(author), "public": \#(isPublic)}"#)
                    if next(3) == 0 {
                        comments.append(
                            #"{"id": \#(commentID), "ticket_id": \#(ticket), "author_id": \#(author), "public": \#(isPublic), "created_at": "\#(iso(at))"}"#
                        )
                    }
                }
                let shape = next(3)
                if shape != 1 {
                    events.append(
                        #"{"id": \#(updateID), "ticket_id": \#(ticket), "timestamp": \#(at), "updater_id": 6, "child_events": [\#(eventChildren.joined(separator: ", "))]}"#
                    )
                }
                if shape != 0 {
                    audits.append(
                        #"{"id": \#(updateID), "ticket_id": \#(ticket), "created_at": "\#(iso(at))", "author_id": 6, "events": [\#(auditChildren.joined(separator: ", "))]}"#
                    )
                }
            }
            if next(5) == 0 {
                // A comment only in a comment list.
                comments.append(
                    #"{"id": \#(id()), "ticket_id": \#(ticket), "author_id": 5, "public": true, "created_at": "\#(iso(at + 60))"}"#
                )
            }
        }
        var bodies = [
            #"{"ticket_events": [\#(events.joined(separator: ",\n"))], "end_of_stream": true}"#,
            #"{"audits": [\#(audits.joined(separator: ",\n"))]}"#,
            #"{"users": [{"id": 5, "role": "end-user"}, {"id": 6, "role": "admin"}], "end_of_stream": true}"#,
        ]
        if !comments.isEmpty { bodies.append(#"{"comments": [\#(comments.joined(separator: ",\n"))]}"#) }
        if !ticketRows.isEmpty {
            bodies.append(#"{"tickets": [\#(ticketRows.joined(separator: ",\n"))], "end_of_stream": true}"#)
        }
        return bodies
    }
}
