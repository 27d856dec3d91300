import DeskstatBasics
import Foundation

/// A calendar date and wall-clock time, computed with integer arithmetic (no `Calendar`,
/// no `DateFormatter`, no dependence on the process's time zone or locale).
struct CivilDateTime: Sendable, Equatable {
    var year: Int64
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// The instants civil times are computed for: 0001-01-01T00:00:00 to 9999-12-31T23:59:59;
    /// instants outside are clamped (they cannot be real ticket times).
    static let representable: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// The civil time of `epoch` seconds shifted by `offset` seconds (0 for UTC).
    init(epoch: Int64, offset: Int = 0) {
        let clamped = min(max(epoch, Self.representable.lowerBound), Self.representable.upperBound)
        let seconds = clamped + Int64(max(-86_400, min(86_400, offset)))
        let days = CivilCalendar.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilCalendar.date(ofDay: days)
        (year, month, day) = (date.year, Int(date.month), Int(date.day))
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    /// `2026-11-23`.
    var date: String { "\(Self.pad(year, 4))-\(Self.pad(Int64(month), 2))-\(Self.pad(Int64(day), 2))" }

    /// `09:15`.
    var hourMinute: String { "\(Self.pad(Int64(hour), 2)):\(Self.pad(Int64(minute), 2))" }

    /// Whether the time is exactly midnight.
    var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        NumberText.padded(value, width: width)
    }
}

/// Formats instants: ISO-8601 UTC for machines, local dates in the report's zone for people.
struct TimestampText: Sendable {
    /// The report's time zone, or `nil` for UTC (also when the name is unknown).
    private let zone: TimeZone?

    /// A formatter for the IANA zone `identifier`; unknown names fall back to UTC.
    init(timeZone identifier: String) {
        zone = identifier == "UTC" ? nil : TimeZone(identifier: identifier)
    }

    /// `2026-11-23T08:15:00Z`.
    static func iso8601(_ epoch: Int64) -> String {
        let representable = CivilDateTime.representable
        return CivilCalendar.isoTimestamp(min(max(epoch, representable.lowerBound), representable.upperBound))
    }

    /// The civil time of `epoch` in the report's zone.
    func local(_ epoch: Int64) -> CivilDateTime {
        CivilDateTime(epoch: epoch, offset: offset(at: epoch))
    }

    /// `2026-11-16` at local midnight, else `2026-11-16 09:30`.
    func localDateOrDateTime(_ epoch: Int64) -> String {
        let time = local(epoch)
        return time.isMidnight ? time.date : "\(time.date) \(time.hourMinute)"
    }

    /// `2026-11-16 09:30`, in the report's zone.
    func localDateTime(_ epoch: Int64) -> String {
        let time = local(epoch)
        return "\(time.date) \(time.hourMinute)"
    }

    private func offset(at epoch: Int64) -> Int {
        guard let zone else { return 0 }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }
}
