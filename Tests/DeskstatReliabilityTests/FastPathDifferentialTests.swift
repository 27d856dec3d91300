import DeskstatGenerator
import DeskstatImport
import Foundation
import Testing

/// The importer's fast path (`FastBody`, raw pointers) against its reference path (`Envelope.parse`
/// and `RecordMapper`): on every body below the fast path declines, or yields exactly the rows,
/// versions and warnings of the reference path (`FastPathCheck`). The `import` fuzz target runs
/// the same comparison on mutated inputs (docs/testing.md).
@Suite struct FastPathDifferentialTests {
    /// What the comparison found over a set of bodies.
    struct Tally: CustomStringConvertible {
        var taken = 0
        var declined = 0
        var rows = 0
        var differences: [String] = []

        mutating func check(_ name: String, _ bytes: [UInt8]) {
            switch FastPathCheck.compare(bytes, name: (name as NSString).lastPathComponent) {
            case .declined: declined += 1
            case .same(let count):
                taken += 1
                rows += count
            case .different(let difference): differences.append("\(name): \(difference)")
            }
        }

        var description: String { "\(taken) bodies taken (\(rows) rows), \(declined) declined" }
    }

    @Test func fixtureAccount() throws {
        var tally = Tally()
        let folder = Deskstat.packageRoot.appendingPathComponent("fixtures/account").path
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            tally.check(name, Array(bytes))
        }
        print("[differential] fixtures: \(tally)")
        #expect(tally.differences == [])
        // The test means something only if the fast path takes the bulk tables' files.
        #expect(tally.taken >= 8, "\(tally)")
    }

    /// Every file kind the generator writes (pages of every paged table, side-loads, settings).
    @Test func generatedAccount() {
        var tally = Tally()
        var names: Set<String> = []
        let config = GeneratorConfig(tickets: 300, seed: 7, end: 1_764_547_200, days: 60, pageSize: 40)
        AccountGenerator(config: config).generate { file in
            names.insert(file.name)
            tally.check(file.name, file.bytes)
        }
        print("[differential] generated account (\(names.count) files): \(tally)")
        #expect(tally.differences == [])
        #expect(tally.taken > 10, "\(tally)")
    }

    /// Every file the hostile-input corpus imports.
    @Test func hostileCorpus() throws {
        var tally = Tally()
        var skipped: [String] = []
        for hostile in HostileCorpus.importCases {
            let directory = try makeScratch("differential")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = try hostile.arguments(directory)
            for path in Self.files(under: directory) {
                let bytes = try #require(FileManager.default.contents(atPath: path))
                // The two 100 MB files cost the debug-built reference parser half a minute; the
                // same shapes at 1 MB are edge bodies below.
                guard bytes.count <= 16 << 20 else {
                    skipped.append(hostile.name)
                    continue
                }
                tally.check("\(hostile.name) (\((path as NSString).lastPathComponent))", Array(bytes))
            }
        }
        print("[differential] hostile corpus: \(tally); over 16 MB, not compared: \(skipped)")
        #expect(tally.differences == [])
        #expect(tally.taken >= 4, "\(tally)")
    }

    /// The page files of the crash tests and the messy-data body.
    @Test func testPayloads() throws {
        var tally = Tally()
        let directory = try makeScratch("differential-pages")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let account = try AccountPages.write(into: directory + "/pages", files: 20, perPage: 25)
        for page in account.pages {
            tally.check(page.path, Array(try #require(FileManager.default.contents(atPath: page.path))))
        }
        tally.check("messy.json", Array(MessyDataTests.body.utf8))
        print("[differential] test payloads: \(tally)")
        #expect(tally.differences == [])
        #expect(tally.taken > 5, "\(tally)")
    }

    /// Bodies built to sit on the edge of what the fast path takes: each is taken or declined, and
    /// where taken must agree with the reference path.
    @Test(arguments: edgeBodies + largeBodies) func edgeCase(_ body: String) {
        var tally = Tally()
        tally.check("edge.json", Array(body.utf8))
        #expect(tally.differences == [])
    }

    static let edgeBodies: [String] = [
        // Ticket metric events: plain ones on the fast path, `sla`/`group_sla` objects by the
        // reference mapper inside the same batch, odd `status`, `time`, `deleted` and `sla` values.
        #"{"ticket_metric_events":[{"id":1,"ticket_id":2,"metric":"reply_time","instance_id":1,"type":"activate","time":"2026-11-17T09:30:00Z"},{"id":2,"ticket_id":2,"metric":"reply_time","type":"apply_sla","time":1763400000,"sla":{"target":60,"business_hours":false,"policy":{"id":5,"title":"P"}}},{"id":3,"type":"update_status","status":{"calendar":5,"business":2.5},"deleted":"true"}]}"#,
        #"{"ticket_metric_events":[{"id":1,"type":"update_status","status":{"calendar":"5"}}]}"#,
        #"{"ticket_metric_events":[{"id":1,"type":"apply_group_sla","sla":"none","group_sla":{"target":"x"}}]}"#,
        #"{"ticket_metric_events":[{"id":1,"ticket_id":null,"metric":7,"instance_id":1.5,"time":"2026-11-17"}]}"#,
        #"{"ticket_metric_events":[{"id":1,"time":"not a time","deleted":1}],"ticket_metric_event":{"id":2}}"#,
        #"{"tickets":[{"id":1,"created_at":"2026-11-17T09:30:00Z","tags":["b","a","b","é","\u00e9"]}]}"#,
        #"{"tickets":[{"id":1,"created_at":"2026-11-17T09:30:00.123+01:30","updated_at":1763400000}]}"#,
        #"{"tickets":[{"id":1,"created_at":"2026-02-29T00:00:00Z"}]}"#,
        #"{"tickets":[{"id":1,"created_at":"2024-02-29 00:00:00z","via":"-","subject":"a\nb"}]}"#,
        #"{"tickets":[{"id":1,"created_at":"2026-11-17","via":{"channel":7},"status":"del\u0065ted"}]}"#,
        #"{"tickets":[{"id":1,"created_at":"9999-12-31T23:59:59Z","custom_fields":[{"id":2,"value":[1.50,"x"]}]}]}"#,
        #"{"tickets":[{"id":1,"created_at":0,"custom_fields":[{"id":2,"value":-0.0},{"id":2,"value":1},{"id":3}]}]}"#,
        #"{"tickets":[{"id":1,"created_at":1,"fields":[{"id":2,"value":{"b":1,"a":[true,null]}}],"tags":[1,true]}]}"#,
        #"{"ticket_metrics":[{"id":1,"ticket_id":2,"reply_time_in_minutes":{"calendar":1e2,"business":-0}}]}"#,
        #"{"metric_sets":[{"id":1,"ticket_id":2,"reopens":8999999999999999,"replies":-8999999999999999}]}"#,
        #"{"users":[{"id":1,"active":"true","suspended":0,"role_type":3,"time_zone":"UTC","iana_time_zone":null}]}"#,
        #"{"groups":[{"id":1,"default":"false","deleted":1}],"next_page":null,"extra":{"a":1},"count":3}"#,
        #"{"group_memberships":[{"id":1,"user_id":2,"group_id":3,"default":true}],"meta":{"has_more":false}}"#,
        #"{"organizations":[],"satisfaction_ratings":[{"id":1,"score":"good","reason_id":null}],"z":1,"a":2}"#,
        #"{"ticket":{"id":5,"created_at":"2026-11-17T09:30:00Z","generated_timestamp":5}}"#,
        #"{"tickets":null,"users":[{"id":1,"name":"A \ud83d\ude00"}]}"#,
    ]

    /// The 100 MB hostile files' shapes at 1 MB: a long valid string, and one that never ends.
    static let largeBodies: [String] = [
        #"{"groups": [{"id": 4242, "updated_at": "2026-11-01T00:00:00Z", "name": ""#
            + String(repeating: "x", count: 1 << 20)
            + #""}]}"#,
        #"{"groups": [{"id": 4243, "name": ""# + String(repeating: "y", count: 1 << 20),
    ]

    /// Regular files below `directory`, sorted, except caches.
    static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.contains(".sqlite")
            else { continue }
            paths.append(path)
        }
        return paths.sorted()
    }
}
