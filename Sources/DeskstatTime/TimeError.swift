/// Everything that can go wrong turning `--period`, `--from`, `--to`, `--tz` and as-of into a
/// report window.
///
/// Each case's ``description`` says what is wrong, quotes the offending flag and value, and says
/// how to fix it, so the CLI can print it unchanged.
public enum TimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--tz` names no IANA time zone deskstat accepts; `suggestion` is a near spelling, if any.
    case unknownTimeZone(name: String, suggestion: String?)
    /// `--period` matches none of the accepted forms.
    case unknownPeriod(text: String)
    /// `last-<N>d` with N outside ``PeriodSpec/dayCountRange``.
    case dayCountOutOfRange(text: String)
    /// `YYYY-Www` names a week the ISO year does not have.
    case weekOutOfRange(text: String, year: Int, weeksInYear: Int)
    /// A written year is outside ``PeriodSpec/yearRange``.
    case yearOutOfRange(flag: String, text: String)
    /// A written month is not 01–12.
    case monthOutOfRange(flag: String, text: String)
    /// A written day does not exist in its month.
    case dayOutOfRange(flag: String, text: String, daysInMonth: Int)
    /// `--from`/`--to` is neither a date nor an ISO-8601 instant.
    case malformedTime(flag: String, text: String)
    /// An ISO-8601 instant has an hour, minute, second or offset out of range.
    case timeOutOfRange(flag: String, text: String)
    /// An ISO-8601 time without `Z` or an offset: ambiguous, so refused.
    case missingOffset(flag: String, text: String)
    /// `--to` was given without `--from`.
    case toWithoutFrom(to: String)
    /// `--period` was combined with `--from`/`--to`.
    case periodWithRange(period: String)
    /// The resolved `--from` is not before the resolved end (`--to`, or as-of without `--to`).
    case rangeOutOfOrder(from: Int64, to: Int64, endIsAsOf: Bool)
    /// A period resolves to an empty window (`this-week` exactly at Monday 00:00, a skipped day).
    case emptyPeriod(period: String, timeZone: String, from: Int64, asOf: Int64)
    /// `Window(from:to:)` was given `from >= to` or instants outside ``Window/supportedInstants``.
    case invalidWindow(from: Int64, to: Int64)
    /// The as-of instant is outside 1970-01-01 ..< 10000-01-01 UTC.
    case asOfOutOfRange(asOf: Int64)
    /// A schedule interval is not `0 <= start < 10080`, `start < end`, at most one week long.
    case invalidScheduleInterval(start: Int64, end: Int64)
    /// A schedule holiday date is not a real `YYYY-MM-DD` date, or a holiday ends before it starts.
    case invalidHoliday(text: String)

    public var description: String {
        switch self {
        case .unknownTimeZone(let name, let suggestion):
            let hint = suggestion.map { "did you mean \"\($0)\"? " } ?? ""
            return "--tz: \"\(name)\" is not a known IANA time zone; \(hint)use a region/city name such as "
                + "Europe/Berlin or America/New_York, or UTC (abbreviations like CET or PST and fixed "
                + "offsets like GMT+1 are not accepted)"
        case .unknownPeriod(let text):
            return "--period: \"\(text)\" is not a period; use last-week, this-week, last-month, this-month, "
                + "last-<N>d (e.g. last-30d), an ISO week (2026-W47), a month (2026-11) or a day (2026-11-17)"
        case .dayCountOutOfRange(let text):
            return "--period: \"\(text)\" is out of range; use last-<N>d with N from "
                + "\(PeriodSpec.dayCountRange.lowerBound) to \(PeriodSpec.dayCountRange.upperBound)"
        case .weekOutOfRange(let text, let year, let weeks):
            return "--period: \"\(text)\": ISO year \(year) has \(weeks) weeks; use a week from W01 to W\(weeks)"
        case .yearOutOfRange(let flag, let text):
            return "\(flag): \"\(text)\": the year must be between \(PeriodSpec.yearRange.lowerBound) and "
                + "\(PeriodSpec.yearRange.upperBound)"
        case .monthOutOfRange(let flag, let text):
            return "\(flag): \"\(text)\": the month must be between 01 and 12"
        case .dayOutOfRange(let flag, let text, let days):
            return "\(flag): \"\(text)\": that month has \(days) days; use a day from 01 to \(days)"
        case .malformedTime(let flag, let text):
            return "\(flag): \"\(text)\" is not a date (YYYY-MM-DD) or ISO-8601 time "
                + "(YYYY-MM-DDTHH:MM:SSZ, or with an offset such as +01:00)"
        case .timeOutOfRange(let flag, let text):
            return "\(flag): \"\(text)\": the hour must be 00–23, minutes and seconds 00–59 and the offset "
                + "at most ±18:00"
        case .missingOffset(let flag, let text):
            return "\(flag): \"\(text)\" has a time but no zone; add Z (UTC) or an offset such as +01:00, "
                + "or pass a bare date (YYYY-MM-DD) for midnight in --tz"
        case .toWithoutFrom(let to):
            return "--to \(to) needs --from; pass --from as well, or use --period"
        case .periodWithRange(let period):
            return "--period \(period) cannot be combined with --from/--to; pass either a period or a range"
        case .rangeOutOfOrder(let from, let to, let endIsAsOf):
            if endIsAsOf {
                return "--from (\(InstantFormat.iso(from))) is not before as-of (\(InstantFormat.iso(to))); "
                    + "without --to the window ends at as-of, so pass an earlier --from, a --to or a later --as-of"
            }
            return "--from (\(InstantFormat.iso(from))) is not before --to (\(InstantFormat.iso(to))); "
                + "the window [from, to) would be empty, so swap them or widen the range"
        case .emptyPeriod(let period, let zone, let from, let asOf):
            if from == asOf {
                return "--period \(period) is empty: in \(zone) it starts exactly at as-of "
                    + "(\(InstantFormat.iso(asOf))); use last-week or last-month, or a later --as-of"
            }
            return "--period \(period) is empty in \(zone) (the day does not exist there); choose another period"
        case .invalidWindow(let from, let to):
            return "invalid window [\(from), \(to)): from must be before to and both within "
                + "±\(Window.supportedInstants.upperBound) seconds of 1970"
        case .asOfOutOfRange(let asOf):
            return "--as-of \(asOf) is outside 1970-01-01T00:00:00Z ..< 10000-01-01T00:00:00Z; "
                + "pass an instant between 1970 and 9999"
        case .invalidScheduleInterval(let start, let end):
            return "schedule interval \(start)–\(end) is invalid: intervals are minutes from Sunday 00:00, "
                + "with 0 <= start_time < 10080 and start_time < end_time <= start_time + 10080; fix the schedule"
        case .invalidHoliday(let text):
            return "schedule holiday \"\(text)\" is not a date range: start_date and end_date must be real "
                + "YYYY-MM-DD dates with start_date <= end_date; fix the holiday"
        }
    }
}
