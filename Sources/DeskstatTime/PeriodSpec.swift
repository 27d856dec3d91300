/// A named report period, as written after `--period`.
///
/// Relative periods (`last-week`, `this-week`, `last-month`, `this-month`, `last-<N>d`) are
/// anchored on as-of; absolute ones (`2026-W47`, `2026-11`, `2026-11-17`) are not. All of them
/// are cut at local midnights of the report time zone; ``WindowResolver`` turns them into windows.
public enum PeriodSpec: Sendable, Hashable, CustomStringConvertible {
    /// `last-week`: the last complete Monday-to-Monday week before the week holding as-of.
    case lastWeek
    /// `this-week`: from Monday 00:00 of as-of's week up to as-of.
    case thisWeek
    /// `last-month`: the calendar month before as-of's month.
    case lastMonth
    /// `this-month`: from the 1st of as-of's month, 00:00, up to as-of.
    case thisMonth
    /// `last-<N>d`: the N whole days before as-of's day (as-of's own day excluded).
    case lastNDays(Int)
    /// `2026-W47`: an ISO-8601 week, Monday to Monday.
    case isoWeek(year: Int, week: Int)
    /// `2026-11`: a calendar month.
    case month(year: Int, month: Int)
    /// `2026-11-17`: one calendar day.
    case day(year: Int, month: Int, day: Int)

    /// The period used when neither `--period` nor `--from` is given.
    public static let `default`: PeriodSpec = .lastWeek

    /// The N accepted in `last-<N>d` (up to about ten years).
    public static let dayCountRange: ClosedRange<Int> = 1...3660

    /// The years a period or a `--from`/`--to` value may be written with.
    public static let yearRange: ClosedRange<Int> = 1970...9999

    /// Parses `--period` text. Keywords and the `W` are matched ignoring ASCII case.
    /// - Throws: ``TimeError`` naming the value and the accepted forms or ranges.
    public static func parse(_ text: String) throws(TimeError) -> PeriodSpec {
        let lowered = String(text.map { $0.isASCII ? Character($0.lowercased()) : $0 })
        switch lowered {
        case "last-week": return .lastWeek
        case "this-week": return .thisWeek
        case "last-month": return .lastMonth
        case "this-month": return .thisMonth
        default: break
        }
        let ascii = ASCIIText(lowered)
        if let spec = try dayCount(ascii, original: text) { return spec }
        if let spec = try calendarPeriod(ascii, original: text) { return spec }
        throw .unknownPeriod(text: text)
    }

    /// Checks the fields of a period built in code (``parse(_:)`` already does this).
    /// - Throws: the same errors ``parse(_:)`` throws for out-of-range values.
    public func validated() throws(TimeError) -> PeriodSpec {
        let text = description
        switch self {
        case .lastWeek, .thisWeek, .lastMonth, .thisMonth:
            break
        case .lastNDays(let count):
            guard Self.dayCountRange.contains(count) else { throw .dayCountOutOfRange(text: text) }
        case .isoWeek(let year, let week):
            _ = try CalendarFields.isoWeek(year: year, week: week, flag: "--period", text: text)
        case .month(let year, let month):
            _ = try CalendarFields.month(year: year, month: month, flag: "--period", text: text)
        case .day(let year, let month, let day):
            _ = try CalendarFields.date(year: year, month: month, day: day, flag: "--period", text: text)
        }
        return self
    }

    /// The canonical `--period` text: `last-week`, `last-30d`, `2026-W47`, `2026-11`, `2026-11-17`.
    public var description: String {
        switch self {
        case .lastWeek: return "last-week"
        case .thisWeek: return "this-week"
        case .lastMonth: return "last-month"
        case .thisMonth: return "this-month"
        case .lastNDays(let count): return "last-\(count)d"
        case .isoWeek(let year, let week): return ISOWeek(year: year, week: week).label
        case .month(let year, let month): return CivilDate(year: year, month: month, day: 1).monthLabel
        case .day(let year, let month, let day): return CivilDate(year: year, month: month, day: day).label
        }
    }

    /// `last-<digits>d`, or `nil` when the shape does not match.
    private static func dayCount(_ text: ASCIIText, original: String) throws(TimeError) -> PeriodSpec? {
        let prefix = Array("last-".utf8)
        guard text.count > prefix.count + 1, Array(text.bytes.prefix(prefix.count)) == prefix,
            text.has("d", at: text.count - 1), text.isDigits(from: prefix.count, to: text.count - 1)
        else { return nil }
        let digits = text.count - 1 - prefix.count
        guard digits <= 6, let count = text.number(at: prefix.count, length: digits),
            dayCountRange.contains(count)
        else { throw .dayCountOutOfRange(text: original) }
        return .lastNDays(count)
    }

    /// `YYYY-Www`, `YYYY-MM` or `YYYY-MM-DD`, or `nil` when no shape matches.
    private static func calendarPeriod(_ text: ASCIIText, original: String) throws(TimeError) -> PeriodSpec? {
        guard text.has("-", at: 4), let year = text.number(at: 0, length: 4) else { return nil }
        switch text.count {
        case 8 where text.has("w", at: 5):
            guard let week = text.number(at: 6, length: 2) else { return nil }
            let iso = try CalendarFields.isoWeek(year: year, week: week, flag: "--period", text: original)
            return .isoWeek(year: iso.year, week: iso.week)
        case 7:
            guard let month = text.number(at: 5, length: 2) else { return nil }
            let first = try CalendarFields.month(year: year, month: month, flag: "--period", text: original)
            return .month(year: first.year, month: first.month)
        case 10:
            guard let date = try CalendarFields.leadingDate(text, flag: "--period", original: original) else {
                return nil
            }
            return .day(year: date.year, month: date.month, day: date.day)
        default:
            return nil
        }
    }
}
