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
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        (year, month, day) = Self.civil(fromDays: days)
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

    /// Howard Hinnant's days-from-civil inverse: days since 1970-01-01 → (year, month, day).
    private static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
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
        let time = CivilDateTime(epoch: epoch)
        let second = time.second < 10 ? "0\(time.second)" : "\(time.second)"
        return "\(time.date)T\(time.hourMinute):\(second)Z"
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
