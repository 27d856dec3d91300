/// The calendar unit a trend is split into (`--bucket day|week|month`).
public enum BucketSize: String, Sendable, CaseIterable {
    /// Local days, labelled `2026-11-17`.
    case day
    /// ISO weeks from Monday 00:00, labelled `2026-W47`.
    case week
    /// Calendar months, labelled `2026-11`.
    case month

    /// The day number of the first day of the bucket holding day `dayNumber`.
    func periodStart(containing dayNumber: Int64) -> Int64 {
        switch self {
        case .day: return dayNumber
        case .week: return CivilDate.monday(onOrBefore: dayNumber)
        case .month: return CivilDate(dayNumber: dayNumber).firstOfMonth.dayNumber
        }
    }

    /// The day number of the first day of the bucket after the one starting on `periodStart`.
    func periodStart(after periodStart: Int64) -> Int64 {
        switch self {
        case .day: return periodStart + 1
        case .week: return periodStart + 7
        case .month: return CivilDate(dayNumber: periodStart).firstOfMonth(adding: 1).dayNumber
        }
    }

    /// The day number of the first day of the bucket before the one starting on `periodStart`.
    func periodStart(before periodStart: Int64) -> Int64 {
        switch self {
        case .day: return periodStart - 1
        case .week: return periodStart - 7
        case .month: return CivilDate(dayNumber: periodStart).firstOfMonth(adding: -1).dayNumber
        }
    }

    /// The label of the bucket starting on day `periodStart`.
    func label(periodStart: Int64) -> String {
        switch self {
        case .day: return CivilDate(dayNumber: periodStart).label
        case .week: return ISOWeek(containing: periodStart).label
        case .month: return CivilDate(dayNumber: periodStart).monthLabel
        }
    }
}
