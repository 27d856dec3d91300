import DeskstatTime
import Foundation
import Testing

/// The module computes day boundaries and ISO weeks with its own arithmetic; here they are
/// compared with Foundation's Gregorian calendar over many years and awkward zones.
@Suite struct FoundationCrossCheckTests {
    static let zones = [
        "UTC", "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Pacific/Chatham",
        "Asia/Tehran", "America/Havana",
    ]

    func calendar(_ zone: String) throws -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        calendar.locale = Locale(identifier: "en_US_POSIX")
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    @Test(arguments: zones)
    func startOfEveryDayMatchesCalendar(zone: String) throws {
        let calendar = try calendar(zone)
        let reportZone = try ReportTimeZone(zone)
        var components = DateComponents(year: 2005, month: 1, day: 1, hour: 12)
        var checked = 0
        while components.year ?? 0 < 2031 {
            let noon = try #require(calendar.date(from: components))
            let expected = Int64(calendar.startOfDay(for: noon).timeIntervalSince1970)
            let spec = PeriodSpec.day(
                year: components.year ?? 0, month: components.month ?? 0, day: components.day ?? 0)
            let day = try WindowResolver.window(for: spec, in: reportZone, asOf: 0)
            #expect(day.from == expected, "\(zone) \(spec)")
            let next = try #require(calendar.date(byAdding: .day, value: 1, to: noon))
            components = calendar.dateComponents([.year, .month, .day], from: next)
            components.hour = 12
            checked += 1
        }
        #expect(checked > 9000)
    }

    @Test func isoWeekLabelsMatchCalendar() throws {
        let calendar = try calendar("UTC")
        let days = try window(946_684_800, 2_051_222_400)  // 2000-01-01 .. 2035-01-01
        for bucket in Buckets.split(days, by: .day, in: .utc) {
            let date = Date(timeIntervalSince1970: TimeInterval(bucket.window.from))
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            let week = parts.weekOfYear ?? 0
            let label = "\(parts.yearForWeekOfYear ?? 0)-W\(week < 10 ? "0" : "")\(week)"
            #expect(
                Buckets.split(try window(bucket.window.from, bucket.window.from + 1), by: .week, in: .utc).first?.label
                    == label)
        }
    }

    @Test(arguments: zones)
    func localDatesMatchCalendar(zone: String) throws {
        let calendar = try calendar(zone)
        let reportZone = try ReportTimeZone(zone)
        var random = SplitMix64(state: UInt64(zone.utf8.count) * 7919)
        for _ in 0..<2000 {
            let instant = Int64.random(in: 0..<4_102_444_800, using: &random)  // 1970 .. 2100
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(instant)))
            let expected = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            #expect(InstantFormat.date(instant, in: reportZone) == expected, "\(zone) \(instant)")
        }
    }
}
