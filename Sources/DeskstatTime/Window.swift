/// A half-open interval of instants `[from, to)` in UTC epoch seconds: `from` is included, `to`
/// is not. Never empty.
public struct Window: Sendable, Hashable, CustomStringConvertible {
    /// The first instant in the window.
    public let from: Int64
    /// The first instant after the window.
    public let to: Int64

    /// Instants a window may start or end at: about ±8.9 million years around 1970, so lengths and
    /// ``previous()`` never overflow.
    public static let supportedInstants: ClosedRange<Int64> = -(1 << 48)...(1 << 48)

    /// A window `[from, to)`.
    /// - Throws: ``TimeError/invalidWindow(from:to:)`` unless `from < to` and both are in
    ///   ``supportedInstants``.
    public init(from: Int64, to: Int64) throws(TimeError) {
        guard from < to, Self.supportedInstants.contains(from), Self.supportedInstants.contains(to) else {
            throw .invalidWindow(from: from, to: to)
        }
        self.init(checkedFrom: from, to: to)
    }

    /// A window whose bounds the caller guarantees (`from < to`, no overflow).
    init(checkedFrom from: Int64, to: Int64) {
        self.from = from
        self.to = to
    }

    /// `to - from` in seconds.
    public var length: Int64 { to - from }

    /// Whether `from <= instant < to`.
    public func contains(_ instant: Int64) -> Bool {
        from <= instant && instant < to
    }

    /// The window of the same length in seconds immediately before this one:
    /// `[from - length, from)`.
    ///
    /// Equal length, not the previous calendar period: the previous window of November (30 days)
    /// is 2 October – 1 November, and across a DST change a week's previous window is shifted by
    /// the hour gained or lost; ``previous(in:)`` keeps it on local midnights.
    public func previous() -> Window {
        Window(checkedFrom: from - length, to: from)
    }

    /// The window immediately before this one, of the same length in local days of `timeZone`
    /// when this window runs from one local day start to another; otherwise ``previous()``.
    ///
    /// Keeps comparison windows on midnights across DST: in Europe/Berlin the previous window of
    /// 2026-W14 (168 h) is 2026-W13 (167 h), where ``previous()`` would start on Sunday 23:00.
    /// Like ``previous()`` it counts days, not calendar periods: November's is 2 October – 1 November.
    public func previous(in timeZone: ReportTimeZone) -> Window {
        let firstDay = timeZone.dayNumber(of: from)
        let endDay = timeZone.dayNumber(of: to)
        guard endDay > firstDay, timeZone.startOfDay(firstDay) == from, timeZone.startOfDay(endDay) == to else {
            return previous()
        }
        let start = timeZone.startOfDay(firstDay - (endDay - firstDay))
        return start < from ? Window(checkedFrom: start, to: from) : previous()
    }

    /// The previous calendar month's counterpart of a window that starts on the 1st of a month at
    /// local midnight: the whole previous month when this window is a whole month (March 2026 is
    /// compared with February 2026, 28 days), else the same span from the previous month's 1st,
    /// cut at this window's start (month-to-date against the previous month's same days). Other
    /// windows get ``previous(in:)``.
    public func previousMonth(in timeZone: ReportTimeZone) -> Window {
        let firstDay = timeZone.dayNumber(of: from)
        let first = CivilDate(dayNumber: firstDay)
        guard first.day == 1, timeZone.startOfDay(firstDay) == from else { return previous(in: timeZone) }
        let start = timeZone.startOfDay(first.firstOfMonth(adding: -1))
        let nextMonth = timeZone.startOfDay(first.firstOfMonth(adding: 1))
        guard to != nextMonth else { return Window(checkedFrom: start, to: from) }
        let endDay = timeZone.dayNumber(of: to)
        let end: Int64
        if timeZone.startOfDay(endDay) == to {
            end = timeZone.startOfDay(timeZone.dayNumber(of: start) + (endDay - firstDay))
        } else {
            end = start + (to - from)
        }
        return Window(checkedFrom: start, to: min(max(end, start + 1), from))
    }

    /// `[2026-11-16T00:00:00Z, 2026-11-23T00:00:00Z)`.
    public var description: String {
        "[\(InstantFormat.iso(from)), \(InstantFormat.iso(to)))"
    }
}
