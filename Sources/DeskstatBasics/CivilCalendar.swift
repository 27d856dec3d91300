/// The proleptic Gregorian calendar in integer arithmetic: day numbers (days since 1970-01-01)
/// to dates and back, by Howard Hinnant's civil-date algorithms, and month lengths.
///
/// Nothing here reads the process's locale, calendar or time zone. This is deskstat's one copy
/// of these algorithms: wire timestamps, report windows, rendered dates and the generator all
/// use it.
public enum CivilCalendar {
    /// The day number of a date. The month must be 1…12; the day is not checked (day 0 is the
    /// last day of the month before).
    public static func dayNumber(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number.
    public static func date(ofDay dayNumber: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = dayNumber + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2026-11-17T09:30:00Z`: an epoch second in ISO 8601, UTC, to the second. deskstat's one
    /// such formatter (no `ISO8601DateFormatter`, so no locale or time zone is consulted).
    public static func isoTimestamp(_ epoch: Int64) -> String {
        let dayNumber = floorDivide(epoch, 86_400)
        let second = epoch - dayNumber * 86_400
        let (year, month, day) = date(ofDay: dayNumber)
        let date =
            "\(NumberText.padded(year, width: 4))-\(NumberText.padded(month, width: 2))-"
            + NumberText.padded(day, width: 2)
        let time =
            "\(NumberText.padded(second / 3600, width: 2)):\(NumberText.padded(second % 3600 / 60, width: 2)):"
            + NumberText.padded(second % 60, width: 2)
        return date + "T" + time + "Z"
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 28…31: the number of days in `month` (1…12) of `year`.
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `value / divisor` rounded toward negative infinity (`divisor` non-zero).
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// `value mod divisor` in `0..<divisor` (`divisor > 0`).
    public static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }
}
