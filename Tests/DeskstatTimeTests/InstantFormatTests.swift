import DeskstatTime
import Testing

@Suite struct InstantFormatTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (1_794_907_800, "2026-11-17T09:30:00Z"),
        (1_794_787_200, "2026-11-16T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ])
    func iso(instant: Int64, text: String) {
        #expect(InstantFormat.iso(instant) == text)
    }

    @Test(arguments: [
        ("UTC", Int64(1_794_907_800), "2026-11-17 09:30 +00:00"),
        ("Europe/Berlin", 1_794_783_600, "2026-11-16 00:00 +01:00"),
        ("Europe/Berlin", 1_794_787_200, "2026-11-16 01:00 +01:00"),
        ("Europe/Berlin", 1_784_000_000, "2026-07-14 05:33 +02:00"),  // 03:33:20Z, seconds dropped
        ("America/New_York", 1_794_805_200, "2026-11-16 00:00 -05:00"),
        ("America/New_York", 1_794_794_400, "2026-11-15 21:00 -05:00"),
        ("Asia/Kathmandu", 1_794_907_800, "2026-11-17 15:15 +05:45"),
        ("Africa/Monrovia", 0, "1969-12-31 23:15 -00:44:30"),
        // Both 02:30s of Berlin's 25 h day.
        ("Europe/Berlin", 1_792_888_200, "2026-10-25 02:30 +02:00"),
        ("Europe/Berlin", 1_792_891_800, "2026-10-25 02:30 +01:00"),
    ])
    func local(zone: String, instant: Int64, text: String) throws {
        #expect(InstantFormat.local(instant, in: try ReportTimeZone(zone)) == text)
    }

    @Test func localDate() throws {
        #expect(InstantFormat.date(1_794_794_400, in: try ReportTimeZone("America/New_York")) == "2026-11-15")
        #expect(InstantFormat.date(1_794_794_400, in: .utc) == "2026-11-16")
        #expect(InstantFormat.date(1_794_772_800, in: try ReportTimeZone("Asia/Tokyo")) == "2026-11-16")
    }
}
