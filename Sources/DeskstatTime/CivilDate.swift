import DeskstatBasics

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
        let (year, month, day) = CivilCalendar.date(ofDay: dayNumber)
        self.year = Int(year)
        self.month = Int(month)
        self.day = Int(day)
    }

    /// Days since 1970-01-01.
    var dayNumber: Int64 {
        CivilCalendar.dayNumber(year: Int64(year), month: Int64(month), day: Int64(day))
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
    var label: String {
        "\(NumberText.padded(year, width: 4))-\(NumberText.padded(month, width: 2))-\(NumberText.padded(day, width: 2))"
    }

    /// `2026-11`.
    var monthLabel: String { "\(NumberText.padded(year, width: 4))-\(NumberText.padded(month, width: 2))" }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// 28–31: the number of days in `month` (1–12) of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        Int(CivilCalendar.daysInMonth(year: Int64(year), month: Int64(month)))
    }

    /// 1 (Monday) … 7 (Sunday) for a day number; 1970-01-01 was a Thursday.
    static func isoWeekday(ofDay dayNumber: Int64) -> Int {
        Int(CivilCalendar.floorModulo(dayNumber + 3, 7)) + 1
    }

    /// The day number of the Monday on or before `dayNumber`.
    static func monday(onOrBefore dayNumber: Int64) -> Int64 {
        dayNumber - Int64(isoWeekday(ofDay: dayNumber) - 1)
    }
}
