import DeskstatBasics

/// A business-hours calendar: a schedule's weekly intervals, read as wall-clock time in the
/// schedule's time zone, minus its whole-day holidays.
///
/// This is deskstat's one business-time algorithm. An instant is business time when its local
/// wall clock in ``timeZone`` falls inside one of the weekly intervals and its local date is not a
/// holiday. So across a DST change a 09:00–17:00 day is still eight wall-clock hours, while the
/// night of the change keeps exactly the instants whose wall clock reads inside the interval
/// (a skipped hour contributes nothing, a repeated hour counts twice). An interval that crosses
/// midnight belongs to both local days: a holiday removes only the part on the holiday's date.
public struct BusinessSchedule: Sendable, Equatable {
    /// Minutes in a week; Zendesk's interval minutes count from Sunday 00:00.
    public static let minutesPerWeek: Int64 = 10_080

    /// The zone the intervals and holidays are read in.
    public let timeZone: ReportTimeZone
    /// Per weekday (0 Sunday … 6 Saturday): sorted, disjoint `[start, end)` minutes of that local day.
    private let daily: [[MinuteRange]]
    /// Holiday local day numbers as sorted, disjoint, non-adjacent closed ranges.
    private let holidays: [ClosedRange<Int64>]

    /// A schedule from its weekly intervals (minutes from Sunday 00:00 local, `start < end`, an
    /// interval may run past Saturday midnight into Sunday) and holidays (`YYYY-MM-DD` dates,
    /// both ends included).
    /// - Throws: ``TimeError/invalidScheduleInterval(start:end:)`` or ``TimeError/invalidHoliday(text:)``.
    public init(
        timeZone: ReportTimeZone, intervals: [(start: Int64, end: Int64)],
        holidays: [(start: String, end: String)] = []
    ) throws(TimeError) {
        var daily = [[MinuteRange]](repeating: [], count: 7)
        for interval in intervals {
            guard interval.start >= 0, interval.start < Self.minutesPerWeek, interval.end > interval.start,
                interval.end - interval.start <= Self.minutesPerWeek
            else { throw .invalidScheduleInterval(start: interval.start, end: interval.end) }
            // Split at every local midnight; minutes past Saturday 24:00 wrap to Sunday.
            var minute = interval.start
            while minute < interval.end {
                let dayEnd = (minute / 1_440 + 1) * 1_440
                let pieceEnd = min(dayEnd, interval.end)
                let weekday = Int((minute / 1_440) % 7)
                let offset = (minute / 1_440) * 1_440
                daily[weekday].append(MinuteRange(start: minute - offset, end: pieceEnd - offset))
                minute = pieceEnd
            }
        }
        self.daily = daily.map(MinuteRange.merged)
        var days: [ClosedRange<Int64>] = []
        for holiday in holidays {
            let first = try Self.holidayDay(holiday.start)
            let last = try Self.holidayDay(holiday.end)
            guard first <= last else { throw .invalidHoliday(text: "\(holiday.start)..\(holiday.end)") }
            days.append(first...last)
        }
        self.holidays = Self.merged(days)
        self.timeZone = timeZone
    }

    /// The same hours around the clock, every day, in UTC (a 24/7 schedule).
    public static let alwaysOpen = BusinessSchedule(
        timeZone: .utc, daily: Array(repeating: [MinuteRange(start: 0, end: 1_440)], count: 7), holidays: [])

    private init(timeZone: ReportTimeZone, daily: [[MinuteRange]], holidays: [ClosedRange<Int64>]) {
        self.timeZone = timeZone
        self.daily = daily
        self.holidays = holidays
    }

    /// Business seconds in `[from, to)`; 0 when `to <= from`.
    public func businessSeconds(from: Int64, to: Int64) -> Int64 {
        guard to > from else { return 0 }
        var total: Int64 = 0
        // A local day's hours lie within 26 h of its UTC reading, so one day of margin each side suffices.
        var day = CivilCalendar.floorDivide(from, 86_400) - 2
        let lastDay = CivilCalendar.floorDivide(to, 86_400) + 2
        while day <= lastDay {
            if let skipTo = holidayEnd(containing: day) {
                day = skipTo + 1
                continue
            }
            for range in instantRanges(onDay: day) {
                let start = max(range.lowerBound, from)
                let end = min(range.upperBound, to)
                if end > start { total += end - start }
            }
            day += 1
        }
        return total
    }

    /// Business minutes in `[from, to)`: ``businessSeconds(from:to:)`` divided by 60, rounded down.
    public func businessMinutes(from: Int64, to: Int64) -> Int64 {
        businessSeconds(from: from, to: to) / 60
    }

    /// Whether local date `dayNumber` (days since 1970-01-01) is a holiday.
    func isHoliday(_ dayNumber: Int64) -> Bool {
        holidayEnd(containing: dayNumber) != nil
    }

    /// The business time of local day `dayNumber` as half-open instant ranges, in order.
    func instantRanges(onDay dayNumber: Int64) -> [Range<Int64>] {
        let weekday = Int(CivilCalendar.floorModulo(dayNumber + 4, 7))  // 1970-01-01 was a Thursday
        var ranges: [Range<Int64>] = []
        for minutes in daily[weekday] {
            let wallStart = dayNumber * 86_400 + minutes.start * 60
            let wallEnd = dayNumber * 86_400 + minutes.end * 60
            timeZone.instants(withWallClockIn: wallStart..<wallEnd, into: &ranges)
        }
        return ranges
    }

    // MARK: Private

    /// The last day of the holiday range containing `day`, or `nil` if `day` is not a holiday.
    func holidayEnd(containing day: Int64) -> Int64? {
        var low = 0
        var high = holidays.count
        while low < high {
            let middle = (low + high) / 2
            if holidays[middle].upperBound < day { low = middle + 1 } else { high = middle }
        }
        guard low < holidays.count, holidays[low].contains(day) else { return nil }
        return holidays[low].upperBound
    }

    private static func holidayDay(_ text: String) throws(TimeError) -> Int64 {
        let ascii = ASCIIText(text)
        let date: CivilDate?
        do {
            date = ascii.count == 10 ? try CalendarFields.leadingDate(ascii, flag: "holiday", original: text) : nil
        } catch {
            throw .invalidHoliday(text: text)
        }
        guard let date else { throw .invalidHoliday(text: text) }
        return date.dayNumber
    }

    private static func merged(_ ranges: [ClosedRange<Int64>]) -> [ClosedRange<Int64>] {
        var result: [ClosedRange<Int64>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// `[start, end)` minutes of a local day (0…1440).
private struct MinuteRange: Sendable, Equatable {
    let start: Int64
    let end: Int64

    /// Sorted, with overlapping or touching ranges joined.
    static func merged(_ ranges: [MinuteRange]) -> [MinuteRange] {
        var result: [MinuteRange] = []
        for range in ranges.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, range.start <= last.end {
                result[result.count - 1] = MinuteRange(start: last.start, end: max(last.end, range.end))
            } else {
                result.append(range)
            }
        }
        return result
    }
}

extension ReportTimeZone {
    /// Appends the instants whose local wall clock (seconds since 1970-01-01T00:00 local) lies in
    /// `wall`, as half-open ranges in order: one range normally, none inside a skipped hour, two
    /// where a repeated hour makes the wall clock pass the range twice.
    func instants(withWallClockIn wall: Range<Int64>, into ranges: inout [Range<Int64>]) {
        guard !wall.isEmpty else { return }
        // Offsets are within ±26 h, so every matching instant lies in this search range.
        let low = wall.lowerBound - 26 * 3_600
        let high = wall.upperBound + 26 * 3_600
        for piece in offsetPieces(from: low, to: high) {
            let start = max(piece.range.lowerBound, wall.lowerBound - piece.offset)
            let end = min(piece.range.upperBound, wall.upperBound - piece.offset)
            guard end > start else { continue }
            if let last = ranges.last, last.upperBound == start {
                ranges[ranges.count - 1] = last.lowerBound..<end
            } else {
                ranges.append(start..<end)
            }
        }
    }

    /// `[from, to)` cut where the UTC offset changes, each piece with its offset. Offsets are
    /// compared at the ends of each piece; a change found there is located by bisection.
    private func offsetPieces(from: Int64, to: Int64) -> [(range: Range<Int64>, offset: Int64)] {
        var pieces: [(range: Range<Int64>, offset: Int64)] = []
        var start = from
        while start < to {
            let offset = offset(at: start)
            if offset == self.offset(at: to - 1) {
                pieces.append((start..<to, offset))
                break
            }
            // First instant in (start, to) whose offset differs from `offset`.
            var same = start
            var different = to - 1
            while different - same > 1 {
                let middle = same + (different - same) / 2
                if self.offset(at: middle) == offset { same = middle } else { different = middle }
            }
            pieces.append((start..<different, offset))
            start = different
        }
        return pieces
    }
}
