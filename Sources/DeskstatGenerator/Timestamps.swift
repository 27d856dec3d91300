import DeskstatBasics

/// Calendar arithmetic on UTC epoch seconds and day numbers (days since 1970-01-01), by
/// `CivilCalendar`. No Foundation formatter or time zone is involved.
enum CivilTime {
    static let secondsPerDay: Int64 = 86_400
    static let secondsPerHour: Int64 = 3_600

    /// The day number containing `epoch`.
    static func day(of epoch: Int64) -> Int64 { CivilCalendar.floorDivide(epoch, secondsPerDay) }

    /// 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday.
    static func weekday(ofDay day: Int64) -> Int {
        Int(day + 4 - CivilCalendar.floorDivide(day + 4, 7) * 7)
    }
}
