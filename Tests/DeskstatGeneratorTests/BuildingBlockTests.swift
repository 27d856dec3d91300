import DeskstatBasics
import Foundation
import Testing

@testable import DeskstatGenerator

@Suite struct JSONWriterTests {
    @Test func escapesStringsSoTheyRoundTrip() throws {
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{00} é 🙂 </script>"
        var writer = JSONByteWriter()
        writer.beginObject()
        writer.key("text")
        writer.string(nasty)
        writer.key("list")
        writer.beginArray()
        writer.int(Int64.min)
        writer.int(Int64.max)
        writer.int(0)
        writer.bool(true)
        writer.null()
        writer.endArray()
        writer.endObject()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text.contains(#"\u0007"#) && text.contains(#"\u0000"#) && text.contains(#"\n"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        #expect(parsed["text"] as? String == nasty)
        #expect(text.hasSuffix(#""list":[-9223372036854775808,9223372036854775807,0,true,null]}"#))
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (1_795_651_200, "2026-11-26T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_709_164_799, "2024-02-28T23:59:59Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ])
    func formatsTimestamps(epoch: Int64, text: String) {
        var writer = JSONByteWriter()
        writer.timestamp(epoch)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\(text)\"")
        #expect(ISO8601.epoch(text) == epoch)
    }

    @Test func base64MatchesFoundation() {
        for text in ["", "a", "ab", "abc", "1763053200.0||1011|", "{\"o\":\"id\",\"v\":1}"] {
            let bytes = Array(text.utf8)
            #expect(String(decoding: Base64.encode(bytes), as: UTF8.self) == Data(bytes).base64EncodedString())
        }
    }
}

@Suite struct CalendarTests {
    /// 2026-11-23 is a Monday.
    let monday: Int64 = 1_795_392_000
    let schedule = BusinessCalendar(
        firstDay: CivilTime.day(of: 1_767_225_600), lastDay: CivilTime.day(of: 1_798_761_600))

    @Test func civilDatesRoundTrip() {
        for day in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let date = CivilCalendar.date(ofDay: day)
            #expect(CivilCalendar.dayNumber(year: date.year, month: date.month, day: date.day) == day)
        }
        #expect(CivilTime.weekday(ofDay: CivilTime.day(of: monday)) == 1)
        #expect(CivilTime.weekday(ofDay: -1) == 3)
    }

    @Test func countsOnlyWeekdayOfficeHours() {
        let hour: Int64 = 3_600
        #expect(schedule.seconds(from: monday, to: monday + 86_400) == 8 * hour)
        #expect(schedule.seconds(from: monday + 10 * hour, to: monday + 11 * hour) == hour)
        #expect(schedule.seconds(from: monday + 16 * hour, to: monday + 86_400 + 10 * hour) == 2 * hour)
        #expect(schedule.seconds(from: monday, to: monday + 7 * 86_400) == 40 * hour)
        #expect(schedule.seconds(from: monday - 2 * 86_400, to: monday) == 0)  // the weekend
        #expect(schedule.seconds(from: monday + hour, to: monday) == 0)
    }

    @Test func holidaysHaveNoBusinessHours() {
        // Christmas Day 2026 is a Friday.
        let christmas = CivilCalendar.dayNumber(year: 2026, month: 12, day: 25) * 86_400
        #expect(schedule.holidays.contains { $0.day * 86_400 == christmas })
        #expect(schedule.seconds(from: christmas, to: christmas + 86_400) == 0)
        #expect(!schedule.isBusinessDay(CivilTime.day(of: christmas)))
        #expect(schedule.seconds(from: christmas - 86_400, to: christmas + 86_400) == 8 * 3_600)
    }

    @Test func advanceIsTheInverseOfCounting() {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<2_000 {
            let start = monday - 40 * 86_400 + generator.int(in: 0...(60 * 86_400))
            let business = generator.int(in: 1...(30 * 3_600))
            let end = schedule.advance(from: start, by: business)
            #expect(schedule.seconds(from: start, to: end) == business)
            #expect(schedule.seconds(from: start, to: end - 1) == business - 1)
        }
    }
}

@Suite struct RandomTests {
    @Test func streamsAreReproducibleAndIndependent() {
        var first = SplitMix64(seed: 1, stream: .ticket, index: 5)
        var again = SplitMix64(seed: 1, stream: .ticket, index: 5)
        var other = SplitMix64(seed: 1, stream: .ticket, index: 6)
        let a = (0..<8).map { _ in first.next() }
        #expect(a == (0..<8).map { _ in again.next() })
        #expect(a != (0..<8).map { _ in other.next() })
    }

    @Test func distributionsHaveTheRightShape() {
        var generator = SplitMix64(seed: 2)
        let units = (0..<20_000).map { _ in generator.unit() }
        #expect(units.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(units.reduce(0, +) / 20_000 - 0.5) < 0.01)
        let durations = (0..<20_001).map { _ in generator.logNormal(median: 100, spread: 1) }.sorted()
        #expect(abs(durations[10_000] - 100) < 5)
        #expect(durations.allSatisfy { $0 > 0 })
        #expect((0..<1_000).allSatisfy { _ in (0..<7).contains(generator.below(7)) })
    }

    @Test func deterministicExpMatchesTheLibrary() {
        for x in stride(from: -20.0, through: 20.0, by: 0.37) {
            #expect(abs(DeterministicMath.exp(x) / Foundation.exp(x) - 1) < 1e-13)
        }
    }
}
