/// A day of the proleptic Gregorian calendar, with no time zone attached.
///
/// Pure integer arithmetic (Howard Hinnant's `days_from_civil`), so nothing depends on the
/// process's locale, calendar or time zone. A day number counts days since 1970-01-01.
struct CivilDate: Sendable, Hashable, Comparable {
    let year: Int
    let month: Int
    let day: Int

    /// A date whose fields the caller has already checked (see ``daysInMonth(year:month:)``).
    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a day number (days since 1970-01-01).
    init(dayNumber: Int64) {
        let shifted = dayNumber + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        self.month = Int(month)
        self.day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
    }

    /// Days since 1970-01-01.
    var dayNumber: Int64 {
        let year = Int64(month <= 2 ? self.year - 1 : self.year)
        let era = floorDivide(year, 400)
        let yearOfEra = year - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The first day of this date's month.
    var firstOfMonth: CivilDate { CivilDate(year: year, month: month, day: 1) }

    /// The first day of the month `count` months after this date's month (negative: before).
    func firstOfMonth(adding count: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + count
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        return CivilDate(year: year, month: index - year * 12 + 1, day: 1)
    }

    /// `2026-11-17`.
    var label: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `2026-11`.
    var monthLabel: String { "\(pad(year, 4))-\(pad(month, 2))" }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` has a 29 February.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 28–31: the number of days in `month` (1–12) of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 1 (Monday) … 7 (Sunday) for a day number; 1970-01-01 was a Thursday.
    static func isoWeekday(ofDay dayNumber: Int64) -> Int {
        Int(floorModulo(dayNumber + 3, 7)) + 1
    }

    /// The day number of the Monday on or before `dayNumber`.
    static func monday(onOrBefore dayNumber: Int64) -> Int64 {
        dayNumber - Int64(isoWeekday(ofDay: dayNumber) - 1)
    }
}

/// `a / b` rounded towards negative infinity (`b > 0`).
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return a % b < 0 ? quotient - 1 : quotient
}

/// `a mod b` in `0..<b` (`b > 0`).
func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
    a - floorDivide(a, b) * b
}

/// `value` in decimal, zero-padded to at least `width` digits (a minus sign comes first).
func pad<Value: BinaryInteger>(_ value: Value, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
}
