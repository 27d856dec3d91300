import DeskstatBasics

extension BusinessSchedule {
    /// How far ahead ``instant(afterBusinessSeconds:from:)`` looks before it gives up (a schedule
    /// with no hours, or holidays covering every working day, never reaches a deadline).
    static let deadlineHorizonDays: Int64 = 3_660

    /// The earliest instant at which `seconds` business seconds have passed since `from`: where a
    /// business-hours SLA target that starts (or resumes) at `from` with `seconds` left is due.
    /// `from` itself when `seconds` is 0 or less; `nil` when the schedule has no business time
    /// within ten years of `from`.
    public func instant(afterBusinessSeconds seconds: Int64, from: Int64) -> Int64? {
        guard seconds > 0 else { return from }
        var remaining = seconds
        // As in `businessSeconds`: a local day's hours lie within 26 h of its UTC reading.
        var day = CivilCalendar.floorDivide(from, 86_400) - 2
        let lastDay = day + Self.deadlineHorizonDays
        while day <= lastDay {
            if let skipTo = holidayEnd(containing: day) {
                day = skipTo + 1
                continue
            }
            for range in instantRanges(onDay: day) {
                let start = max(range.lowerBound, from)
                guard range.upperBound > start else { continue }
                let length = range.upperBound - start
                if remaining <= length { return start + remaining }
                remaining -= length
            }
            day += 1
        }
        return nil
    }
}
