import DeskstatBasics
import Testing

@Suite struct CivilCalendarTests {
    /// Day numbers of well-known dates (2000-01-01 is 946,684,800 s = 10,957 days after the epoch).
    static let known: [(String, Int64, Int64, Int64, Int64)] = [
        ("epoch", 1970, 1, 1, 0), ("the day before", 1969, 12, 31, -1), ("Y2K", 2000, 1, 1, 10_957),
        ("a leap day", 2000, 2, 29, 11_016), ("the fixture week", 2026, 11, 17, 20_774),
        ("before 1601", 1600, 3, 1, -135_080), ("the last ISO year", 9999, 12, 31, 2_932_896),
        ("year 1", 1, 1, 1, -719_162),
    ]

    @Test(arguments: known) func dayNumbers(_ date: (String, Int64, Int64, Int64, Int64)) {
        let (_, year, month, day, number) = date
        #expect(CivilCalendar.dayNumber(year: year, month: month, day: day) == number)
        let back = CivilCalendar.date(ofDay: number)
        #expect(back.year == year && back.month == month && back.day == day)
    }

    /// Every day from 1600 to 2400: the date of day n + 1 follows the date of day n, and each
    /// date maps back to its day number.
    @Test func everyDayRoundTripsAndFollowsTheDayBefore() {
        var previous = CivilCalendar.date(ofDay: -135_081)
        var wrong: [Int64] = []
        for number in Int64(-135_080)...Int64(157_000) {
            let date = CivilCalendar.date(ofDay: number)
            let expected =
                previous.day < CivilCalendar.daysInMonth(year: previous.year, month: previous.month)
                ? (previous.year, previous.month, previous.day + 1)
                : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
            if date != expected || CivilCalendar.dayNumber(year: date.year, month: date.month, day: date.day) != number
            {
                wrong.append(number)
            }
            previous = date
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func monthLengths() {
        #expect(CivilCalendar.daysInMonth(year: 1900, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 2000, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2026, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 2026, month: 4) == 30)
        #expect(CivilCalendar.daysInMonth(year: 2026, month: 12) == 31)
    }

    @Test func flooredDivision() {
        #expect(CivilCalendar.floorDivide(-1, 86_400) == -1)
        #expect(CivilCalendar.floorDivide(-86_400, 86_400) == -1)
        #expect(CivilCalendar.floorDivide(86_399, 86_400) == 0)
        #expect(CivilCalendar.floorDivide(7, -2) == -4)
        #expect(CivilCalendar.floorModulo(-1, 7) == 6)
        #expect(CivilCalendar.floorModulo(14, 7) == 0)
    }
}

@Suite struct JSONStringTests {
    static let text = "a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}\u{2028}\u{2029}é😀/"

    @Test func minimalEscapesOnlyWhatJSONRequires() {
        #expect(
            JSONString.quoted(Self.text, escaping: .minimal)
                == "\"a\\\"b\\\\c\\n\\r\\t\\u0008\\u000c\\u0001\\u001f\u{7F}\u{2028}\u{2029}é😀/\"")
    }

    @Test func standardUsesTheShortFormsOfBackspaceAndFormFeed() {
        #expect(
            JSONString.quoted(Self.text, escaping: .standard)
                == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\u{7F}\u{2028}\u{2029}é😀/\"")
    }

    @Test func reportTextIsSafeInScripts() {
        #expect(
            JSONString.quoted(Self.text, escaping: .report)
                == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\\u2028\\u2029é😀/\"")
    }

    @Test func appendAddsToWhatIsThere() {
        var out = "["
        JSONString.append("x", to: &out, escaping: .minimal)
        #expect(out == "[\"x\"")
        #expect(JSONString.escape("a", escaping: .report) == nil)
        #expect(JSONString.escape("\u{00}", escaping: .standard) == "\\u0000")
    }
}

@Suite struct NameSuggestionTests {
    @Test func typosFindTheirName() {
        let keys = ["subdomain", "email", "token_file", "cache", "time_zone"]
        #expect(NameSuggestion.closest(to: "subdomian", in: keys) == "subdomain")  // two letters swapped
        #expect(NameSuggestion.closest(to: "emial", in: keys) == "email")
        #expect(NameSuggestion.closest(to: "Cache", in: keys) == "cache")  // case is ignored
        #expect(NameSuggestion.closest(to: "timezone", in: keys) == "time_zone")
        #expect(NameSuggestion.closest(to: "title", in: ["titel", "tilte"]) == "titel")  // ties: the first
    }

    @Test func farNamesGetNoSuggestion() {
        #expect(NameSuggestion.closest(to: "colour", in: ["subdomain", "email"]) == nil)
        #expect(NameSuggestion.closest(to: "ab", in: ["xy"]) == nil)
        #expect(NameSuggestion.closest(to: "email", in: ["email"]) == nil)
    }

    @Test func distances() {
        #expect(NameSuggestion.editDistance(Array("titel"), Array("title")) == 1)
        #expect(NameSuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(NameSuggestion.editDistance([], Array("abc")) == 3)
    }
}

@Suite struct NumberTextTests {
    @Test func groupedWholeNumbers() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1_000) == "1,000")
        #expect(NumberText.grouped(Int64(-1_234_567)) == "-1,234,567")
        #expect(NumberText.grouped(-12_345, minus: NumberText.typographicMinus) == "−12,345")
    }

    @Test func byteCounts() {
        #expect(NumberText.bytes(0) == "0 B")
        #expect(NumberText.bytes(1023) == "1023 B")
        #expect(NumberText.bytes(1536) == "1.5 KB")
        #expect(NumberText.bytes(12 << 20) == "12.0 MB")
    }

    @Test func zeroPadding() {
        #expect(NumberText.padded(7, width: 2) == "07")
        #expect(NumberText.padded(2026, width: 4) == "2026")
        #expect(NumberText.padded(12_345, width: 4) == "12345")
        #expect(NumberText.padded(-5, width: 4) == "-0005")
    }
}
