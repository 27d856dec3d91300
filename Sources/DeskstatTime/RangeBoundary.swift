/// Strict parsing of a `--from`/`--to` value into an instant.
///
/// Accepted: a date `2026-11-16` (the first instant of that day in the report time zone), or an
/// ISO-8601 instant `2026-11-16T09:30[:00[.fraction]]` followed by `Z`, `±HH:MM`, `±HHMM` or
/// `±HH`, taken as is (fractions of a second are dropped). Anything else — other separators,
/// missing zone, out-of-range fields, extra characters — is refused with the flag and the value.
enum RangeBoundary {
    /// The instant `text` denotes in `timeZone`; `flag` (`--from`, `--to`) goes into errors.
    static func instant(_ text: String, flag: String, in timeZone: ReportTimeZone) throws(TimeError) -> Int64 {
        let ascii = ASCIIText(text)
        guard ascii.count >= 10, let date = try CalendarFields.leadingDate(ascii, flag: flag, original: text) else {
            throw .malformedTime(flag: flag, text: text)
        }
        if ascii.count == 10 { return timeZone.startOfDay(date) }
        guard ascii.hasAny("Tt", at: 10) else { throw .malformedTime(flag: flag, text: text) }
        let (secondOfDay, zoneStart) = try timeOfDay(ascii, flag: flag, original: text)
        let offset = try zoneOffset(ascii, from: zoneStart, flag: flag, original: text)
        return date.dayNumber * 86_400 + secondOfDay - offset
    }

    /// Seconds since midnight of `HH:MM[:SS[.fraction]]` at index 11, and where the zone starts.
    private static func timeOfDay(
        _ text: ASCIIText, flag: String, original: String
    ) throws(TimeError) -> (seconds: Int64, zoneStart: Int) {
        guard text.has(":", at: 13), let hour = text.number(at: 11, length: 2),
            let minute = text.number(at: 14, length: 2)
        else { throw .malformedTime(flag: flag, text: original) }
        var second = 0
        var index = 16
        if text.has(":", at: 16) {
            guard let value = text.number(at: 17, length: 2) else { throw .malformedTime(flag: flag, text: original) }
            second = value
            index = 19
            if text.has(".", at: 19) {
                index = 20
                while text.isDigits(from: index, to: index + 1) { index += 1 }
                guard index > 20 else { throw .malformedTime(flag: flag, text: original) }
            }
        }
        guard hour <= 23, minute <= 59, second <= 59 else { throw .timeOutOfRange(flag: flag, text: original) }
        return (Int64(hour * 3600 + minute * 60 + second), index)
    }

    /// Seconds east of UTC of the zone designator starting at `start`, which must end the text.
    private static func zoneOffset(
        _ text: ASCIIText, from start: Int, flag: String, original: String
    ) throws(TimeError) -> Int64 {
        guard start < text.count else { throw .missingOffset(flag: flag, text: original) }
        if text.hasAny("Zz", at: start) {
            guard start + 1 == text.count else { throw .malformedTime(flag: flag, text: original) }
            return 0
        }
        guard text.hasAny("+-", at: start), let hours = text.number(at: start + 1, length: 2) else {
            throw .malformedTime(flag: flag, text: original)
        }
        var minutes = 0
        switch text.count - (start + 3) {
        case 0:
            break
        case 2:
            guard let value = text.number(at: start + 3, length: 2) else {
                throw .malformedTime(flag: flag, text: original)
            }
            minutes = value
        case 3 where text.has(":", at: start + 3):
            guard let value = text.number(at: start + 4, length: 2) else {
                throw .malformedTime(flag: flag, text: original)
            }
            minutes = value
        default:
            throw .malformedTime(flag: flag, text: original)
        }
        let magnitude = hours * 3600 + minutes * 60
        guard minutes <= 59, magnitude <= 18 * 3600 else { throw .timeOutOfRange(flag: flag, text: original) }
        return Int64(text.has("-", at: start) ? -magnitude : magnitude)
    }
}
