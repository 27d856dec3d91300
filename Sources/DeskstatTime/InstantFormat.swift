import DeskstatBasics

/// Instants written for people and files. Pure arithmetic: independent of locale and `TZ`.
public enum InstantFormat {
    /// ISO-8601 in UTC to the second: `2026-11-16T00:00:00Z`.
    public static func iso(_ instant: Int64) -> String {
        CivilCalendar.isoTimestamp(instant)
    }

    /// Local time in `timeZone` to the minute, with its UTC offset: `2026-11-16 00:00 +01:00`.
    /// Seconds are truncated; an offset with seconds (rare, pre-1980 zones) is written `+HH:MM:SS`.
    public static func local(_ instant: Int64, in timeZone: ReportTimeZone) -> String {
        let offset = timeZone.offset(at: instant)
        let wall = instant + offset
        let day = CivilCalendar.floorDivide(wall, 86_400)
        return "\(CivilDate(dayNumber: day).label) \(clock(wall - day * 86_400, seconds: false)) "
            + offsetText(offset)
    }

    /// The local date of `instant` in `timeZone`: `2026-11-16`.
    public static func date(_ instant: Int64, in timeZone: ReportTimeZone) -> String {
        timeZone.date(of: instant).label
    }

    /// `HH:MM:SS` or `HH:MM` for seconds since midnight.
    private static func clock(_ secondOfDay: Int64, seconds: Bool) -> String {
        let text =
            "\(NumberText.padded(secondOfDay / 3600, width: 2)):\(NumberText.padded(secondOfDay % 3600 / 60, width: 2))"
        return seconds ? text + ":\(NumberText.padded(secondOfDay % 60, width: 2))" : text
    }

    /// `+01:00`, `-05:00`, `+05:45`, `-00:44:30`.
    private static func offsetText(_ offset: Int64) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = offset.magnitude
        let text =
            "\(sign)\(NumberText.padded(magnitude / 3600, width: 2)):\(NumberText.padded(magnitude % 3600 / 60, width: 2))"
        return magnitude % 60 == 0 ? text : text + ":\(NumberText.padded(magnitude % 60, width: 2))"
    }
}
