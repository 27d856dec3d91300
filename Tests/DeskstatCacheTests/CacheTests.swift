import DeskstatCache
import Foundation
import GRDB
import Testing

@Suite struct CacheTests {
    let directory = NSTemporaryDirectory() + "deskstat-cache-test-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func createsEveryTableInWALMode() throws {
        let cache = try Cache.open(at: directory + "/c.sqlite")
        let names = try cache.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table in CacheTable.allCases { #expect(names.contains(table.rawValue), "\(table)") }
        for child in [
            "ticket_tags", "ticket_custom_fields", "sla_policy_conditions", "sla_policy_metrics", "schedule_intervals",
            "schedule_holidays",
        ] {
            #expect(names.contains(child))
        }
        #expect(try cache.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try cache.status().schemaVersion == 8)
    }

    @Test func reopeningKeepsData() throws {
        let path = directory + "/c.sqlite"
        let cache = try Cache.open(at: path)
        _ = try cache.write { writer in try writer.upsert(.tag(name: "vip", count: 1, rawJSON: "{}")) }
        #expect(try Cache.open(at: path).status().tables.first { $0.table == "tags" }?.rows == 1)
    }

    @Test func refusesACacheFromANewerDeskstat() throws {
        let path = directory + "/c.sqlite"
        _ = try Cache.open(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        #expect {
            _ = try Cache.open(at: path)
        } throws: { error in
            "\(error)".contains("newer deskstat") && "\(error)".contains("v99-from-the-future")
        }
    }

    @Test func refusesOtherSQLiteFilesAndNonSQLiteFiles() throws {
        let other = directory + "/other.sqlite"
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        #expect { _ = try Cache.open(at: other) } throws: { "\($0)".contains("not a deskstat cache") }

        let text = directory + "/text.sqlite"
        _ = FileManager.default.createFile(atPath: text, contents: Data(String(repeating: "hello ", count: 200).utf8))
        #expect { _ = try Cache.open(at: text) } throws: { "\($0)".contains("not an SQLite database") }
    }

    @Test func refusingAnotherProgramsDatabaseLeavesItByteForByte() throws {
        for (name, sql) in [
            (
                "app.sqlite",
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hi')"
            ),
            // Another GRDB program's migrations are not deskstat's either.
            (
                "grdb.sqlite",
                "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); "
                    + "INSERT INTO grdb_migrations VALUES ('v1')"
            ),
        ] {
            let path = directory + "/" + name
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: sql) }
            try queue.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect { _ = try Cache.open(at: path) } throws: { "\($0)".contains("not a deskstat cache") }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(name) was changed")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "\(name) was switched to WAL mode")
        }
    }

    @Test func aReadOnlyOpenWritesNothing() throws {
        let path = directory + "/c.sqlite"
        try Cache.open(at: path).write { writer in _ = try writer.upsert(.tag(name: "vip", count: 1, rawJSON: "{}")) }
        // The file and its WAL (SQLite may create an empty -wal beside a read-only connection).
        func files() -> [Data] { ["", "-wal"].map { FileManager.default.contents(atPath: path + $0) ?? Data() } }
        let before = files()
        let cache = try Cache.open(at: path, mode: .readOnly)
        _ = try cache.status()
        #expect { try cache.write { writer in try writer.upsert(.tag(name: "x", count: 1, rawJSON: "{}")) } } throws: {
            "\($0)".contains("read-only")
        }
        #expect(files() == before)

        // A cache that needs a migration is not upgraded by a read-only open.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "DELETE FROM grdb_migrations WHERE identifier = (SELECT max(identifier) FROM grdb_migrations)")
        }
        let outdated = files()
        #expect { _ = try Cache.open(at: path, mode: .readOnly) } throws: { "\($0)".contains("needs an upgrade") }
        #expect(files() == outdated)
    }

    /// Several connections creating the same new cache at once take turns on its migrations.
    @Test func connectionsCreatingOneCacheAtOnceAllSucceed() throws {
        final class Failures: @unchecked Sendable {
            let lock = NSLock()
            var messages: [String] = []
            func add(_ message: String) { lock.withLock { messages.append(message) } }
        }
        let failures = Failures()
        for round in 0..<10 {
            let path = directory + "/race-\(round).sqlite"
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    _ = try Cache.open(at: path)
                } catch {
                    failures.add("round \(round): \(error)")
                }
            }
            let migrations = try DatabaseQueue(path: path).read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations")
            }
            #expect(migrations == (try Cache.open(at: path).status().schemaVersion), "round \(round)")
        }
        #expect(failures.lock.withLock { failures.messages } == [])
    }

    @Test func readOnlyNeedsAnExistingFile() {
        #expect { _ = try Cache.open(at: directory + "/missing.sqlite", mode: .readOnly) } throws: {
            "\($0)".contains("no such file")
        }
    }

    @Test func statusCountsRowsAndDates() throws {
        let cache = try Cache.open(at: directory + "/c.sqlite")
        try cache.write { writer in
            for (id, created) in [(1, Int64(1_000)), (2, 5_000)] {
                _ = try writer.upsert(
                    .ticket(
                        id: Int64(id), status: "open", priority: nil, type: nil, subject: nil, viaChannel: nil,
                        groupID: nil,
                        assigneeID: nil, requesterID: nil, submitterID: nil, organizationID: nil, brandID: nil,
                        ticketFormID: nil,
                        problemID: nil, createdAt: created, updatedAt: created, generatedTimestamp: created,
                        deleted: false,
                        tags: [], customFields: [], rawJSON: "{}"))
            }
            try writer.recordActivity(.import, tables: [.tickets], at: 9_000)
        }
        let tickets = try #require(try cache.status().tables.first { $0.table == "tickets" })
        #expect(
            tickets
                == TableStatus(
                    table: "tickets", rows: 2, oldest: 1_000, newest: 5_000, lastImportAt: 9_000, lastSyncAt: nil))
    }
}
