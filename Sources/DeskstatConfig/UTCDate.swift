import DeskstatBasics
import ZendeskWire

/// Start dates: `2017-01-25` or `2017-01-25T00:00:00Z` to UTC epoch seconds and back, by
/// calendar arithmetic (no `DateFormatter`, so no locale or time zone can change the result).
enum UTCDate {
    /// The latest year accepted.
    static let maximumYear = 9999

    /// Epoch seconds for a date (`2017-01-25`, midnight UTC) or an ISO-8601 time with a zone
    /// (`2017-01-25T08:30:00Z`, `…+02:00`; fractions of a second are dropped).
    static func parse(_ text: String) throws(ValueProblem) -> Int64 {
        let characters = Array(text.trimmed)
        var scanner = Scanner(characters: characters)
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2),
            scanner.skip("-"), let day = scanner.number(digits: 2)
        else { throw problem(text) }
        guard (1970...maximumYear).contains(year) else {
            throw ValueProblem("\(QuotedValue.quoted(text)) is out of range; the year must be 1970…\(maximumYear)")
        }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) is not a calendar date (no day \(day) in month \(month) of \(year))")
        }
        var seconds = Int64(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        if scanner.atEnd { return seconds }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") else { throw problem(text) }
        seconds += try timeOfDay(&scanner, text: text)
        seconds -= try zoneOffset(&scanner, text: text)
        guard scanner.atEnd else { throw problem(text) }
        guard seconds >= 0 else { throw ValueProblem("\(QuotedValue.quoted(text)) is before 1970-01-01T00:00:00Z") }
        return seconds
    }

    /// `2017-01-25T00:00:00Z`.
    static func format(_ seconds: Int64) -> String {
        Timestamp.format(seconds)
    }

    /// `2017-01-25` when `seconds` is midnight UTC, else the full `format`.
    static func formatShort(_ seconds: Int64) -> String {
        let full = format(seconds)
        return full.hasSuffix("T00:00:00Z") ? String(full.prefix(10)) : full
    }

    // MARK: - Pieces

    private static func timeOfDay(_ scanner: inout Scanner, text: String) throws(ValueProblem) -> Int64 {
        guard let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2) else {
            throw problem(text)
        }
        var second = 0
        if scanner.skip(":") {
            guard let value = scanner.number(digits: 2) else { throw problem(text) }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                guard scanner.skipDigits() > 0 else { throw problem(text) }
            }
        }
        guard hour < 24, minute < 60, second < 60 else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) has no such time of day; hours go to 23, minutes and seconds to 59")
        }
        return Int64(hour * 3600 + minute * 60 + second)
    }

    private static func zoneOffset(_ scanner: inout Scanner, text: String) throws(ValueProblem) -> Int64 {
        if scanner.skip("Z") || scanner.skip("z") { return 0 }
        let sign: Int64
        if scanner.skip("+") {
            sign = 1
        } else if scanner.skip("-") {
            sign = -1
        } else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) has a time but no time zone; end it with Z for UTC, e.g. 2017-01-25T00:00:00Z"
            )
        }
        guard let hours = scanner.number(digits: 2) else { throw problem(text) }
        _ = scanner.skip(":")
        guard let minutes = scanner.number(digits: 2), hours < 24, minutes < 60 else { throw problem(text) }
        return sign * Int64(hours * 3600 + minutes * 60)
    }

    private static func problem(_ text: String) -> ValueProblem {
        ValueProblem("\(QuotedValue.quoted(text)) is not a date; write 2017-01-25 or 2017-01-25T00:00:00Z (UTC)")
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        Int(CivilCalendar.daysInMonth(year: Int64(year), month: Int64(month)))
    }

    /// Days from 1970-01-01 to the date.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        Int(CivilCalendar.dayNumber(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// Reads fixed-width numbers and literal characters from the front of a string.
    private struct Scanner {
        let characters: [Character]
        var index = 0

        var atEnd: Bool { index == characters.count }

        mutating func skip(_ character: Character) -> Bool {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard index + digits <= characters.count else { return nil }
            var value = 0
            for character in characters[index..<index + digits] {
                guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }

        /// Skips a run of ASCII digits; returns how many.
        mutating func skipDigits() -> Int {
            let start = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            return index - start
        }
    }
}
