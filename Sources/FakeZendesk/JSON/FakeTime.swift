/// UTC timestamps as the API writes them: `YYYY-MM-DDTHH:MM:SSZ`, from and to epoch seconds.
///
/// Pure calendar arithmetic (proleptic Gregorian, no time zones), so output never depends on the
/// machine's locale or `TZ`.
public enum FakeTime {
    /// `1795167000` → `"2026-11-20T09:30:00Z"`.
    public static func iso8601(_ epoch: Int64) -> String {
        let days = floorDiv(epoch, 86_400)
        let seconds = epoch - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(seconds / 3600, 2) + ":"
            + pad(seconds % 3600 / 60, 2) + ":" + pad(seconds % 60, 2) + "Z"
    }

    /// `"2026-11-20T09:30:00Z"` → `1795167000`; `nil` unless the text has exactly that shape.
    public static func epoch(_ text: String) -> Int64? {
        let scalars = Array(text.utf8)
        guard scalars.count == 20, scalars[4] == 45, scalars[7] == 45, scalars[10] == 84, scalars[13] == 58,
            scalars[16] == 58, scalars[19] == 90
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? { Int64(String(decoding: scalars[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        return days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDiv(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDiv(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
