import DeskstatCache
import DeskstatImport
import Foundation
import Testing

/// `Importer(openingCacheAt:)`: a new cache is created only once an input file has decoded.
@Suite struct NewCacheTests {
    let directory = NSTemporaryDirectory() + "deskstat-new-cache-test-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) -> String {
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func cacheFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix("new.sqlite") }
    }

    func importer(keepGoing: Bool = false) -> Importer {
        Importer(openingCacheAt: directory + "/new.sqlite", options: .init(keepGoing: keepGoing, now: 1_763_900_000))
    }

    @Test func aFailedImportCreatesNoCache() throws {
        let bad = write("bad.json", "{")
        #expect { _ = try importer().run(try ImportSource.resolve([bad])) } throws: {
            "\($0)".contains("bad.json")
        }
        #expect(cacheFiles() == [])

        let empties = [write("e1.json", ""), write("e2.json", "")]
        let report = try importer(keepGoing: true).run(try ImportSource.resolve(empties))
        #expect(report.failures.count == 2 && report.filesImported == 0)
        #expect(cacheFiles() == [], "--keep-going with every file bad")
    }

    @Test func theFirstGoodFileCreatesTheCache() throws {
        let files = [
            write("a-bad.json", "{"),
            write("b-good.json", #"{"groups": [{"id": 1, "name": "One", "updated_at": "2026-01-01T00:00:00Z"}]}"#),
        ]
        let report = try importer(keepGoing: true).run(try ImportSource.resolve(files))
        #expect(report.filesImported == 1 && report.failures.count == 1)
        let cache = try Cache.open(at: directory + "/new.sqlite", mode: .readOnly)
        #expect(try cache.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM groups") } == 1)
    }

    @Test func aCacheThatCannotBeCreatedStopsTheImportEvenWithKeepGoing() throws {
        let good = write("good.json", #"{"groups": [{"id": 1}]}"#)
        let importer = Importer(
            openingCacheAt: directory + "/no/such/folder/c.sqlite", options: .init(keepGoing: true, now: 0))
        #expect { _ = try importer.run(try ImportSource.resolve([good, good])) } throws: { error in
            "\(error)".contains("cannot open the cache") && "\(error)".contains("no/such/folder/c.sqlite")
        }
    }

    /// A ticket's metric set under another id follows the version rules by ticket, in either order.
    @Test(arguments: [false, true])
    func theNewerMetricSetOfATicketWinsWhateverItsID(_ newerFirst: Bool) throws {
        let fixture = try ImportFixture()
        let older = #"{"ticket_metrics": [{"id": 555, "ticket_id": 1001, "updated_at": "2026-01-01T00:00:00Z"}]}"#
        let newer = #"{"ticket_metrics": [{"id": 777, "ticket_id": 1001, "updated_at": "2026-02-01T00:00:00Z"}]}"#
        let first = try fixture.importText(newerFirst ? newer : older, name: "first.json")
        #expect(first.tables[.ticketMetrics] == TableCounts(inserted: 1))
        let second = try fixture.importText(newerFirst ? older : newer, name: "second.json")
        #expect(second.tables[.ticketMetrics] == (newerFirst ? TableCounts(skipped: 1) : TableCounts(updated: 1)))
        #expect(try fixture.scalar("SELECT group_concat(id) FROM ticket_metrics WHERE ticket_id = 1001") == "777")
    }
}
