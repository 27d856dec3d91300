/// Range checks for written years, months, days and ISO weeks, shared by `--period` and
/// `--from`/`--to`, each failing with the flag and the value as written.
enum CalendarFields {
    /// `year` if it is in ``PeriodSpec/yearRange``.
    static func year(_ year: Int, flag: String, text: String) throws(TimeError) -> Int {
        guard PeriodSpec.yearRange.contains(year) else { throw .yearOutOfRange(flag: flag, text: text) }
        return year
    }

    /// The first day of `year`-`month`, checked.
    static func month(year: Int, month: Int, flag: String, text: String) throws(TimeError) -> CivilDate {
        let year = try Self.year(year, flag: flag, text: text)
        guard (1...12).contains(month) else { throw .monthOutOfRange(flag: flag, text: text) }
        return CivilDate(year: year, month: month, day: 1)
    }

    /// `year`-`month`-`day`, checked.
    static func date(year: Int, month: Int, day: Int, flag: String, text: String) throws(TimeError) -> CivilDate {
        let first = try Self.month(year: year, month: month, flag: flag, text: text)
        let days = CivilDate.daysInMonth(year: first.year, month: first.month)
        guard (1...days).contains(day) else { throw .dayOutOfRange(flag: flag, text: text, daysInMonth: days) }
        return CivilDate(year: year, month: month, day: day)
    }

    /// ISO week `week` of ISO year `year`, checked.
    static func isoWeek(year: Int, week: Int, flag: String, text: String) throws(TimeError) -> ISOWeek {
        let year = try Self.year(year, flag: flag, text: text)
        let weeks = ISOWeek.weeks(inYear: year)
        guard (1...weeks).contains(week) else {
            throw .weekOutOfRange(text: text, year: year, weeksInYear: weeks)
        }
        return ISOWeek(year: year, week: week)
    }

    /// A `YYYY-MM-DD` date at the start of `text` if its shape matches (ranges still checked),
    /// `nil` if the shape does not.
    static func leadingDate(_ text: ASCIIText, flag: String, original: String) throws(TimeError) -> CivilDate? {
        guard text.has("-", at: 4), text.has("-", at: 7),
            let year = text.number(at: 0, length: 4),
            let month = text.number(at: 5, length: 2),
            let day = text.number(at: 8, length: 2)
        else { return nil }
        return try date(year: year, month: month, day: day, flag: flag, text: original)
    }
}
