import DeskstatBasics

/// Parses and formats the API's ISO-8601 timestamps as integer UTC epoch seconds.
///
/// Accepts `2026-11-17T09:30:00Z`, fractional seconds (truncated), `+HH:MM`/`-HH:MM`/`+HHMM`
/// offsets and a bare date (`2026-11-17`, midnight UTC). No Foundation formatter is involved, so
/// the result never depends on the process's time zone or locale.
public enum Timestamp {
    /// Epoch seconds for `text`, or `nil` when it is not an ISO-8601 timestamp.
    public static func parse(_ text: String) -> Int64? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    /// Epoch seconds for the UTF-8 text in `b` (see `parse(_:)`); the importer's fast path reads
    /// timestamps straight from the body's bytes with it.
    package static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        func digits(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= b.count else { return nil }
            var value: Int64 = 0
            for index in start..<(start + count) {
                let byte = b[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D,
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month)
        else { return nil }
        let midnight = CivilCalendar.dayNumber(year: year, month: month, day: day) * 86_400
        if b.count == 10 { return midnight }
        guard b.count >= 19, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
            b[13] == 0x3A, b[16] == 0x3A,
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 { index += 1 }
            guard index > fractionStart else { return nil }
        }
        let local = midnight + hour * 3600 + minute * 60 + second
        guard index < b.count else { return nil }  // a zone is required
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return index + 1 == b.count ? local : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = b[index] == UInt8(ascii: "+") ? 1 : -1
            guard let offsetHours = digits(index + 1, 2) else { return nil }
            var minutesStart = index + 3
            if minutesStart < b.count, b[minutesStart] == 0x3A { minutesStart += 1 }
            guard let offsetMinutes = digits(minutesStart, 2), minutesStart + 2 == b.count,
                offsetHours < 24, offsetMinutes < 60
            else { return nil }
            return local - sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            return nil
        }
    }

    /// `2026-11-17T09:30:00Z` for an epoch second.
    public static func format(_ epoch: Int64) -> String {
        CivilCalendar.isoTimestamp(epoch)
    }
}
