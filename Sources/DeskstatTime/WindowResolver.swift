/// Turns a ``WindowRequest`` into a ``Window``.
///
/// Rules (every boundary is a local midnight in the report time zone, found with calendar
/// arithmetic, so DST days of 23 or 25 hours come out right):
/// - `--period` and `--from`/`--to` exclude each other; with neither, ``PeriodSpec/default``
///   (`last-week`) applies.
/// - `--from` without `--to` ends at as-of; `--to` without `--from` is an error.
/// - A `--from`/`--to` date means that day's first instant, so `--to` dates are exclusive:
///   `--from 2026-11-16 --to 2026-11-23` is one week.
/// - `this-week` and `this-month` end at as-of (they are "so far"); every other period is whole,
///   even when it lies after as-of.
public enum WindowResolver {
    /// The window `request` describes.
    /// - Throws: ``TimeError`` for conflicting or malformed flags, an empty window, or an as-of
    ///   outside 1970 … 9999.
    public static func resolve(_ request: WindowRequest) throws(TimeError) -> Window {
        let asOf = try checkedAsOf(request.asOf)
        if let period = request.period {
            guard request.from == nil, request.to == nil else {
                throw .periodWithRange(period: period.description)
            }
            return try window(for: period, in: request.timeZone, asOf: asOf)
        }
        guard let fromText = request.from else {
            if let toText = request.to { throw .toWithoutFrom(to: toText) }
            return try window(for: .default, in: request.timeZone, asOf: asOf)
        }
        let from = try RangeBoundary.instant(fromText, flag: "--from", in: request.timeZone)
        let to = try request.to.map { text throws(TimeError) in
            try RangeBoundary.instant(text, flag: "--to", in: request.timeZone)
        }
        let end = to ?? asOf
        guard from < end else { throw .rangeOutOfOrder(from: from, to: end, endIsAsOf: to == nil) }
        return Window(checkedFrom: from, to: end)
    }

    /// The window of `period` in `timeZone` seen from `asOf`.
    /// - Throws: ``TimeError`` for out-of-range period fields, an as-of outside 1970 … 9999, or a
    ///   period that is empty (`this-week` exactly at Monday 00:00).
    public static func window(
        for period: PeriodSpec, in timeZone: ReportTimeZone, asOf: Int64
    ) throws(TimeError) -> Window {
        let asOf = try checkedAsOf(asOf)
        let (from, to) = bounds(of: try period.validated(), in: timeZone, asOf: asOf)
        guard from < to else {
            throw .emptyPeriod(period: period.description, timeZone: timeZone.identifier, from: from, asOf: asOf)
        }
        return Window(checkedFrom: from, to: to)
    }

    /// The first instant in 1970 … 9999 UTC.
    static let earliestAsOf: Int64 = 0
    /// The first instant of the year 10000 UTC.
    static let endOfAsOf: Int64 = 253_402_300_800

    /// The as-of instants a window can be resolved from: 1970-01-01 ..< 10000-01-01 UTC. Check a
    /// user's value against it first to quote the value as written in the error.
    public static let supportedAsOf: Range<Int64> = earliestAsOf..<endOfAsOf

    private static func checkedAsOf(_ asOf: Int64) throws(TimeError) -> Int64 {
        guard supportedAsOf.contains(asOf) else { throw .asOfOutOfRange(asOf: asOf) }
        return asOf
    }

    /// `[from, to)` of a validated period; may be empty.
    private static func bounds(of period: PeriodSpec, in zone: ReportTimeZone, asOf: Int64) -> (Int64, Int64) {
        let today = zone.dayNumber(of: asOf)
        let thisMonday = CivilDate.monday(onOrBefore: today)
        let thisMonth = CivilDate(dayNumber: today).firstOfMonth
        switch period {
        case .lastWeek:
            return (zone.startOfDay(thisMonday - 7), zone.startOfDay(thisMonday))
        case .thisWeek:
            return (zone.startOfDay(thisMonday), asOf)
        case .lastMonth:
            return (zone.startOfDay(thisMonth.firstOfMonth(adding: -1)), zone.startOfDay(thisMonth))
        case .thisMonth:
            return (zone.startOfDay(thisMonth), asOf)
        case .lastNDays(let count):
            return (zone.startOfDay(today - Int64(count)), zone.startOfDay(today))
        case .isoWeek(let year, let week):
            let monday = ISOWeek(year: year, week: week).mondayDayNumber
            return (zone.startOfDay(monday), zone.startOfDay(monday + 7))
        case .month(let year, let month):
            let first = CivilDate(year: year, month: month, day: 1)
            return (zone.startOfDay(first), zone.startOfDay(first.firstOfMonth(adding: 1)))
        case .day(let year, let month, let day):
            let date = CivilDate(year: year, month: month, day: day).dayNumber
            return (zone.startOfDay(date), zone.startOfDay(date + 1))
        }
    }
}
