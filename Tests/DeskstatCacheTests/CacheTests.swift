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
        #expect(try cache.status().schemaVersion == 3)
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
