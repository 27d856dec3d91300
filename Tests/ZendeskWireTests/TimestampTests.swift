import Testing
import ZendeskWire

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-11-17T09:30:00Z", Int64(1_794_907_800)),
        ("2026-11-17T09:30:00.123Z", 1_794_907_800),
        ("2026-11-17T10:30:00+01:00", 1_794_907_800),
        ("2026-11-17T04:30:00-0500", 1_794_907_800),
        ("2026-11-17", 1_794_873_600),
        ("1970-01-01T00:00:00Z", 0),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
    ])
    func parses(text: String, epoch: Int64) {
        #expect(Timestamp.parse(text) == epoch)
    }

    @Test(arguments: [
        "", "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-17T09:30:00", "2026-11-17T25:00:00Z",
        "2026-11-17T09:30:00Zjunk",
    ])
    func rejects(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func formatsRoundTrip() {
        for epoch: Int64 in [0, 951_782_400, 1_794_907_800, 253_402_300_799] {
            #expect(Timestamp.parse(Timestamp.format(epoch)) == epoch)
        }
        #expect(Timestamp.format(1_794_907_800) == "2026-11-17T09:30:00Z")
    }
}
