import DeskstatTime
import Testing

@Suite struct ReportTimeZoneTests {
    @Test(arguments: [
        "UTC", "Etc/UTC", "GMT", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Etc/GMT-1", "US/Eastern",
    ])
    func acceptsIANANames(name: String) throws {
        #expect(try ReportTimeZone(name).identifier == name)
    }

    static let unknown: [(name: String, suggestion: String?)] = [
        ("", nil),
        ("Europe/Berln", nil),
        ("Mars/Olympus_Mons", nil),
        ("europe/berlin", "Europe/Berlin"),
        ("America/New York", "America/New_York"),
        ("America/New-York", "America/New_York"),
        ("utc", "UTC"),
        ("CET", nil),
        ("PST", nil),
        ("GMT+1", nil),
        ("+01:00", nil),
        ("Europe/Berlin ", "Europe/Berlin"),
    ]

    @Test(arguments: unknown)
    func rejectsOthersWithAHint(name: String, suggestion: String?) {
        let error = #expect(throws: TimeError.self) { try ReportTimeZone(name) }
        #expect(error == .unknownTimeZone(name: name, suggestion: suggestion))
        let message = error?.description ?? ""
        #expect(message.hasPrefix("--tz: \"\(name)\" is not a known IANA time zone"), "\(message)")
        #expect(message.contains("such as Europe/Berlin"), "\(message)")
        if let suggestion { #expect(message.contains("did you mean \"\(suggestion)\"?"), "\(message)") }
    }

    @Test func equalityIsByIdentifier() throws {
        #expect(try ReportTimeZone("UTC") == .utc)
        #expect(ReportTimeZone.utc.identifier == "UTC")
        #expect(try ReportTimeZone("Europe/Berlin") == ReportTimeZone("Europe/Berlin"))
        #expect(try ReportTimeZone("Europe/Berlin") != ReportTimeZone("Europe/Paris"))
    }

    @Test func offsets() throws {
        let berlin = try ReportTimeZone("Europe/Berlin")
        let newYork = try ReportTimeZone("America/New_York")
        #expect(berlin.offset(at: 1_794_907_800) == 3600)  // 2026-11-17, winter
        #expect(berlin.offset(at: 1_784_000_000) == 7200)  // 2026-07-14, summer
        #expect(newYork.offset(at: 1_794_907_800) == -18_000)
        #expect(newYork.offset(at: 1_784_000_000) == -14_400)
        #expect(try ReportTimeZone("Asia/Kathmandu").offset(at: 1_794_907_800) == 20_700)
        #expect(try ReportTimeZone("Etc/GMT-1").offset(at: 1_794_907_800) == 3600)
        #expect(ReportTimeZone.utc.offset(at: 1_794_907_800) == 0)
        // The 25 h day in Berlin: 02:00-03:00 happens twice; the switch is at 01:00Z.
        #expect(berlin.offset(at: 1_792_889_999) == 7200)
        #expect(berlin.offset(at: 1_792_890_000) == 3600)
    }
}
