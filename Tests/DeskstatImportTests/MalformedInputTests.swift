import DeskstatCache
import DeskstatImport
import Foundation
import Testing

@Suite struct MalformedInputTests {
    /// Each malformed file: its bytes and a phrase the error must contain.
    static let cases: [(name: String, bytes: [UInt8], phrase: String)] = [
        (
            "truncated.json", Array(#"{"tickets": [{"id": 1, "created_at": "2026-11-17T09:00:00Z"}, {"id": 2"#.utf8),
            "end of input"
        ),
        (
            "not-object.json", Array(#"{"tickets": [{"id": 1, "created_at": "2026-11-17T09:00:00Z"}, "oops"]}"#.utf8),
            "not a record object"
        ),
        (
            "bad-id.json", Array(#"{"tickets": [{"id": "12a", "created_at": "2026-11-17T09:00:00Z"}]}"#.utf8),
            "expected an integer id"
        ),
        (
            "bad-time.json",
            Array(
                #"{"tickets": [{"id": 1, "created_at": "2026-11-17T09:00:00Z"}, {"id": 2, "created_at": "17/11/2026"}]}"#
                    .utf8), "not an ISO-8601 timestamp"
        ),
        ("garbage.json", [0x7B, 0x00, 0xFF, 0x13, 0x37, 0xC0, 0xDE], "invalid JSON"),
        ("empty.json", [], "empty"),
        ("blank.ndjson", Array("\n  \n".utf8), "empty"),
        ("unknown.json", Array(#"{"results": [{"id": 1}]}"#.utf8), "no known Zendesk table"),
        ("bad-line.ndjson", Array("{\"groups\":[{\"id\":1}]}\n{\"groups\":[{\"id\":2}\n".utf8), "line 2"),
    ]

    @Test(arguments: cases.indices)
    func leavesTheCacheUntouched(index: Int) throws {
        let (name, bytes, phrase) = Self.cases[index]
        let fixture = try ImportFixture()
        try fixture.importText(
            #"{"groups":[{"id":1,"name":"Support","updated_at":"2026-11-01T00:00:00Z"}]}"#, name: "seed.json")
        let before = fixture.fileBytes()
        let path = try fixture.write(name, bytes)
        do {
            try fixture.run([path])
            Issue.record("\(name) imported without an error")
        } catch let error as ImportError {
            #expect(error.description.contains(name), "names the file: \(error)")
            #expect(error.description.contains(phrase), "\(name): \(error)")
            #expect(error.isDataError)
        }
        #expect(fixture.fileBytes() == before, "\(name) changed the cache")
        #expect(try fixture.count("tickets") == 0)
    }

    @Test func errorsNamePositionAndRecord() throws {
        let fixture = try ImportFixture()
        let path = try fixture.write(
            "pos.json",
            "{\n\"tickets\": [\n{\"id\": 1, \"created_at\": \"2026-11-17T09:00:00Z\"},\n{\"id\": 2, \"created_at\": \"soon\"}]}"
        )
        do {
            try fixture.run([path])
        } catch let error as ImportError {
            #expect(error.description.contains("\"tickets\"[1] (id 2) at line 4, column 1"), "\(error)")
        }
    }

    @Test func keepGoingImportsGoodFilesAndListsBadOnes() throws {
        let fixture = try ImportFixture()
        let good = try fixture.write("good.json", #"{"groups":[{"id":1}]}"#)
        let bad = try fixture.write("bad.json", "{")
        let alsoGood = try fixture.write("z.json", #"{"groups":[{"id":2}]}"#)
        let report = try fixture.run([good, bad, alsoGood], keepGoing: true)
        #expect(report.filesImported == 2)
        #expect(report.failures.map(\.path) == [bad])
        #expect(try fixture.count("groups") == 2)
    }

    @Test func withoutKeepGoingTheFirstBadFileStops() throws {
        let fixture = try ImportFixture()
        let good = try fixture.write("good.json", #"{"groups":[{"id":1}]}"#)
        let bad = try fixture.write("bad.json", "{")
        let later = try fixture.write("z.json", #"{"groups":[{"id":2}]}"#)
        #expect(throws: ImportError.self) { try fixture.run([good, bad, later]) }
        #expect(try fixture.count("groups") == 1)
    }

    @Test func missingPathIsReported() throws {
        let fixture = try ImportFixture()
        #expect(throws: ImportError.self) { try fixture.run([fixture.directory + "/nope.json"]) }
    }
}
