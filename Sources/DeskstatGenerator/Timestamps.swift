/// Calendar arithmetic on UTC epoch seconds and day numbers (days since 1970-01-01), using
/// Howard Hinnant's civil-date algorithms. No Foundation formatter or time zone is involved.
enum CivilTime {
    static let secondsPerDay: Int64 = 86_400
    static let secondsPerHour: Int64 = 3_600

    /// Division rounding toward negative infinity.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The day number containing `epoch`.
    static func day(of epoch: Int64) -> Int64 { floorDivide(epoch, secondsPerDay) }

    /// 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday.
    static func weekday(ofDay day: Int64) -> Int {
        Int(day + 4 - floorDivide(day + 4, 7) * 7)
    }

    /// The proleptic Gregorian date of a day number.
    static func civil(fromDay day: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = day + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra =
            (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth)
    }

    /// The day number of a proleptic Gregorian date.
    static func day(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
