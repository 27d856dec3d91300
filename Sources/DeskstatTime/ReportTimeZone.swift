import DeskstatBasics
import Foundation

/// The time zone reports are cut in (`--tz`): an IANA region/city name, or `UTC`.
///
/// Only the zone's UTC offsets are taken from Foundation (`TimeZone(identifier:)`); day
/// boundaries are computed here, so nothing depends on the process's `TZ`, locale or calendar.
/// Two values are equal when their identifiers are.
public struct ReportTimeZone: Sendable, Hashable, CustomStringConvertible {
    /// The name as given, e.g. `Europe/Berlin` or `UTC`.
    public let identifier: String
    private let zone: TimeZone?  // nil for UTC: no lookups needed

    /// Coordinated Universal Time, the default report time zone.
    public static let utc = ReportTimeZone(identifier: "UTC", zone: nil)

    /// A zone by IANA name (`Europe/Berlin`, `America/New_York`, `UTC`).
    ///
    /// Abbreviations (`CET`, `PST`) and fixed offsets (`GMT+1`) are refused: they hide daylight
    /// saving time or invert the sign. `Etc/GMT-1` and friends remain available by full name.
    /// - Throws: ``TimeError/unknownTimeZone(name:suggestion:)``, with a near spelling if one exists.
    public init(_ identifier: String) throws(TimeError) {
        if identifier == "UTC" || identifier == "Etc/UTC" || identifier == "GMT" {
            self.init(identifier: identifier, zone: nil)
            return
        }
        guard Self.looksLikeRegionName(identifier), let zone = TimeZone(identifier: identifier) else {
            throw .unknownTimeZone(name: identifier, suggestion: Self.suggestion(for: identifier))
        }
        self.init(identifier: identifier, zone: zone)
    }

    private init(identifier: String, zone: TimeZone?) {
        self.identifier = identifier
        self.zone = zone
    }

    public var description: String { identifier }

    /// Seconds east of UTC in force at `instant` (e.g. 3600 for Berlin in winter).
    public func offset(at instant: Int64) -> Int64 {
        guard let zone else { return 0 }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
    }

    /// The local day number (days since 1970-01-01) of `instant` in this zone.
    func dayNumber(of instant: Int64) -> Int64 {
        CivilCalendar.floorDivide(wallClock(instant), 86_400)
    }

    /// The local date of `instant` in this zone.
    func date(of instant: Int64) -> CivilDate {
        CivilDate(dayNumber: dayNumber(of: instant))
    }

    /// The first instant of local day `dayNumber`: its midnight, or where a DST jump skips
    /// midnight, the first instant after the jump. A day skipped entirely (Pacific/Apia on
    /// 2011-12-30) starts where the next day starts, so it is empty.
    func startOfDay(_ dayNumber: Int64) -> Int64 {
        let midnight = dayNumber * 86_400
        guard zone != nil else { return midnight }
        // Fast path: two fixed-point steps find the offset in force at local midnight.
        let candidate = midnight - offset(at: midnight - offset(at: midnight))
        if wallClock(candidate) == midnight, wallClock(candidate - 1) < midnight {
            return candidate
        }
        return firstInstant(reaching: midnight)
    }

    /// The first instant of local date `date`.
    func startOfDay(_ date: CivilDate) -> Int64 {
        startOfDay(date.dayNumber)
    }

    /// Local wall-clock seconds since 1970-01-01T00:00 local.
    private func wallClock(_ instant: Int64) -> Int64 {
        instant + offset(at: instant)
    }

    /// The first instant whose wall clock reads `wall` or later, by bisection. Offsets are
    /// within ±26 h, so the answer lies within 26 h of `wall` read as UTC.
    private func firstInstant(reaching wall: Int64) -> Int64 {
        var before = wall - 26 * 3600  // wall clock still earlier than `wall`
        var after = wall + 26 * 3600  // wall clock already at or past `wall`
        while after - before > 1 {
            let middle = before + (after - before) / 2
            if wallClock(middle) >= wall { after = middle } else { before = middle }
        }
        return after
    }

    /// Region/city names (`Europe/Berlin`, `Etc/GMT-1`); bare abbreviations have no slash.
    private static func looksLikeRegionName(_ name: String) -> Bool {
        name.contains("/") && !name.hasPrefix("/") && !name.hasSuffix("/")
    }

    /// A known identifier spelled like `name` apart from case, surrounding spaces, or spaces and
    /// `-` written for `_`.
    private static func suggestion(for name: String) -> String? {
        func key(_ text: String) -> String {
            let trimmed = text.lowercased().trimmingCharacters(in: .whitespaces)
            return String(trimmed.map { $0 == " " || $0 == "-" ? "_" : $0 })
        }
        let wanted = key(name)
        guard !wanted.isEmpty else { return nil }
        if wanted == "utc" || wanted == "gmt" || wanted == "z" { return "UTC" }
        return TimeZone.knownTimeZoneIdentifiers.first { key($0) == wanted }
    }

    public static func == (lhs: ReportTimeZone, rhs: ReportTimeZone) -> Bool {
        lhs.identifier == rhs.identifier
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(identifier)
    }
}
