import DeskstatBasics

/// The account's one schedule, "Support hours": Monday–Friday 09:00–17:00 UTC, minus holidays.
///
/// Business durations in the metric sets are measured against it, so `business ≤ calendar`
/// holds by construction and an importer can recompute them from `schedules.json`.
struct BusinessCalendar: Sendable {
    /// A whole-day holiday of the schedule.
    struct HolidayRule: Sendable {
        let name: StaticString
        let day: Int64
    }

    static let opens: Int64 = 9 * CivilTime.secondsPerHour
    static let closes: Int64 = 17 * CivilTime.secondsPerHour
    static let secondsPerBusinessDay = closes - opens

    /// Holidays inside the account's history, in date order.
    let holidays: [HolidayRule]
    /// Day numbers of holidays that fall on weekdays (the only ones that remove business time).
    private let weekdayHolidays: [Int64]

    /// Business days before day `0 + r` counted from a Thursday (1970-01-01), for r in 0...6.
    private static let businessDaysInPartialWeek: [Int64] = [0, 1, 2, 2, 2, 3, 4]

    /// The schedule for a history of days `firstDay...lastDay`, with fixed-date holidays.
    init(firstDay: Int64, lastDay: Int64) {
        let firstYear = CivilCalendar.date(ofDay: firstDay).year
        let lastYear = CivilCalendar.date(ofDay: lastDay).year
        var holidays: [HolidayRule] = []
        for year in firstYear...max(firstYear, lastYear) {
            for (name, month, day) in Self.fixedHolidays {
                let dayNumber = CivilCalendar.dayNumber(year: year, month: month, day: day)
                if dayNumber >= firstDay && dayNumber <= lastDay {
                    holidays.append(HolidayRule(name: name, day: dayNumber))
                }
            }
        }
        holidays.sort { $0.day < $1.day }
        self.holidays = holidays
        weekdayHolidays = holidays.map(\.day).filter { (1...5).contains(CivilTime.weekday(ofDay: $0)) }
    }

    private static let fixedHolidays: [(StaticString, Int64, Int64)] = [
        ("New Year's Day", 1, 1),
        ("Labour Day", 5, 1),
        ("Company Day", 8, 14),
        ("Christmas Day", 12, 25),
        ("Boxing Day", 12, 26),
    ]

    /// Whether `day` has business hours.
    func isBusinessDay(_ day: Int64) -> Bool {
        (1...5).contains(CivilTime.weekday(ofDay: day)) && !isHoliday(day)
    }

    /// Business seconds in `[from, to)`; 0 when `to <= from`.
    func seconds(from start: Int64, to end: Int64) -> Int64 {
        end <= start ? 0 : cumulative(end) - cumulative(start)
    }

    /// The earliest instant at or after `start` by which `business` seconds of business time
    /// have elapsed. A start outside business hours waits for the next opening.
    func advance(from start: Int64, by business: Int64) -> Int64 {
        guard business > 0 else { return start }
        var remaining = business
        var cursor = start
        while true {
            let day = CivilTime.day(of: cursor)
            let midnight = day * CivilTime.secondsPerDay
            if isBusinessDay(day) {
                let from = max(cursor - midnight, Self.opens)
                if from < Self.closes {
                    let available = Self.closes - from
                    if remaining <= available { return midnight + from + remaining }
                    remaining -= available
                }
            }
            cursor = midnight + CivilTime.secondsPerDay
        }
    }

    // MARK: Private

    /// Business seconds from the epoch to `instant` (a monotone step-linear function).
    private func cumulative(_ instant: Int64) -> Int64 {
        let day = CivilTime.day(of: instant)
        let intoDay = instant - day * CivilTime.secondsPerDay
        let today = min(max(intoDay - Self.opens, 0), Self.secondsPerBusinessDay)
        let weeks = CivilCalendar.floorDivide(day, 7)
        let partial = Self.businessDaysInPartialWeek[Int(day - weeks * 7)]
        var total = (weeks * 5 + partial) * Self.secondsPerBusinessDay
        if (1...5).contains(CivilTime.weekday(ofDay: day)) { total += today }
        let before = holidaysBefore(day)
        total -= Int64(before) * Self.secondsPerBusinessDay
        if before < weekdayHolidays.count && weekdayHolidays[before] == day { total -= today }
        return total
    }

    /// The number of weekday holidays strictly before `day` (binary search).
    private func holidaysBefore(_ day: Int64) -> Int {
        var low = 0
        var high = weekdayHolidays.count
        while low < high {
            let middle = (low + high) / 2
            if weekdayHolidays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func isHoliday(_ day: Int64) -> Bool {
        let index = holidaysBefore(day)
        return index < weekdayHolidays.count && weekdayHolidays[index] == day
    }
}
