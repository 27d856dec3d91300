import DeskstatBasics

/// An ISO-8601 week: weeks start on Monday and week 1 is the week holding the year's first
/// Thursday, so 29 December can belong to the next ISO year and 3 January to the previous one.
struct ISOWeek: Sendable, Hashable {
    /// The ISO week-numbering year (may differ from the calendar year near 1 January).
    let year: Int
    /// 1 … 52 or 53.
    let week: Int

    /// A week whose fields the caller has already checked against ``weeks(inYear:)``.
    init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// The ISO week holding a day number.
    init(containing dayNumber: Int64) {
        let thursday = CivilDate.monday(onOrBefore: dayNumber) + 3
        let year = CivilDate(dayNumber: thursday).year
        let firstOfYear = CivilDate(year: year, month: 1, day: 1).dayNumber
        self.year = year
        self.week = Int((thursday - firstOfYear) / 7) + 1
    }

    /// The day number of this week's Monday.
    var mondayDayNumber: Int64 {
        let january4 = CivilDate(year: year, month: 1, day: 4).dayNumber
        return CivilDate.monday(onOrBefore: january4) + Int64(week - 1) * 7
    }

    /// `2026-W47`.
    var label: String { "\(NumberText.padded(year, width: 4))-W\(NumberText.padded(week, width: 2))" }

    /// 52 or 53: 28 December always lies in the year's last ISO week.
    static func weeks(inYear year: Int) -> Int {
        ISOWeek(containing: CivilDate(year: year, month: 12, day: 28).dayNumber).week
    }
}
