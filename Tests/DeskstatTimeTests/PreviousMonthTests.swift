import DeskstatTime
import Testing

@Suite("Previous calendar month")
struct PreviousMonthTests {
    static func day(_ text: String, _ zone: ReportTimeZone) throws -> Int64 {
        try WindowResolver.resolve(
            WindowRequest(period: nil, from: text, to: nil, timeZone: zone, asOf: 4_102_444_800)
        ).from
    }

    @Test func aWholeMonthComparesWithTheWholeMonthBefore() throws {
        let utc = ReportTimeZone.utc
        let march = try Window(from: try Self.day("2026-03-01", utc), to: try Self.day("2026-04-01", utc))
        let previous = march.previousMonth(in: utc)
        #expect(previous.from == (try Self.day("2026-02-01", utc)))
        #expect(previous.to == march.from)  // 28 days, not the 31 days before
        #expect(march.previous(in: utc).from == (try Self.day("2026-01-29", utc)))
    }

    @Test func monthToDateComparesWithTheSameDaysOfTheMonthBefore() throws {
        let berlin = try ReportTimeZone("Europe/Berlin")
        let partial = try Window(from: try Self.day("2026-04-01", berlin), to: try Self.day("2026-04-15", berlin))
        let previous = partial.previousMonth(in: berlin)
        #expect(previous.from == (try Self.day("2026-03-01", berlin)))
        #expect(previous.to == (try Self.day("2026-03-15", berlin)))
        // A window that does not start on the 1st falls back to the equal span before.
        let week = try Window(from: try Self.day("2026-04-06", berlin), to: try Self.day("2026-04-13", berlin))
        #expect(week.previousMonth(in: berlin) == week.previous(in: berlin))
    }
}
