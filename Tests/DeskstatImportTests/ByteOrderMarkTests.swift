import DeskstatCache
import Foundation
import Testing

@testable import DeskstatImport

/// Files saved by Windows tools start with a UTF-8 byte-order mark (EF BB BF); RFC 8259 lets a
/// parser ignore it, and both import paths do.
@Suite struct ByteOrderMarkTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `tickets` bodies take the fast path (`FastBody`).
    @Test func fastPathSkipsALeadingMark() throws {
        let fixture = try ImportFixture()
        let body =
            #"{"tickets": [{"id": 7, "status": "open", "created_at": "2026-11-17T09:00:00Z", "updated_at": "2026-11-17T09:00:00Z"}]}"#
        let bytes = Self.bom + Array(body.utf8)
        #expect(FastBody.decode(bytes) != nil, "the fast path declined the body")
        try fixture.run([try fixture.write("tickets.json", bytes)])
        #expect(try fixture.count("tickets") == 1)
        let status: String? = try fixture.scalar("SELECT status FROM tickets WHERE id = 7")
        #expect(status == "open")
    }

    /// `sla_policies` bodies take the reference path (`Envelope.parse` + `RecordMapper`).
    @Test func referencePathSkipsALeadingMark() throws {
        let fixture = try ImportFixture()
        let body =
            #"{"sla_policies": [{"id": 5, "title": "Standard", "position": 1, "filter": {"all": [], "any": []}, "policy_metrics": [], "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]}"#
        try fixture.run([try fixture.write("sla.json", Self.bom + Array(body.utf8))])
        #expect(try fixture.count("sla_policies") == 1)
    }

    /// NDJSON: the mark sits before the first line only.
    @Test func lineDelimitedFileSkipsALeadingMark() throws {
        let fixture = try ImportFixture()
        let lines =
            "{\"groups\":[{\"id\":1,\"name\":\"A\",\"updated_at\":\"2026-11-01T00:00:00Z\"}]}\n"
            + "{\"groups\":[{\"id\":2,\"name\":\"B\",\"updated_at\":\"2026-11-01T00:00:00Z\"}]}\n"
        try fixture.run([try fixture.write("groups.ndjson", Self.bom + Array(lines.utf8))])
        #expect(try fixture.count("groups") == 2)
    }

    /// A mark anywhere else is still an error, reported at its offset.
    @Test func aMarkInsideTheBodyIsStillRefused() throws {
        let fixture = try ImportFixture()
        let bytes = Array(#"{"groups": "#.utf8) + Self.bom + Array(#"[]}"#.utf8)
        let path = try fixture.write("inner.json", bytes)
        #expect(throws: ImportError.self) { try fixture.run([path]) }
    }
}
