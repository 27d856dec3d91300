import DeskstatBasics

/// Durations for people: `42m`, `4h 12m`, `3d 4h`.
///
/// Under 24 hours a duration is rounded to the whole minute and written as hours and minutes
/// (`4h 12m`, `4h`, `42m`); from 24 hours on it is rounded to the whole hour and written as days
/// and hours (`3d 4h`, `3d`). Zero is `0m`; a positive duration under half a minute is `<1m`.
/// Machine formats (JSON, CSV) keep plain minutes. Documented in docs/metrics.md ("Units").
enum DurationText {
    /// `minutes` (≥ 0) as a human duration.
    static func format(minutes: Double) -> String {
        let value = abs(minutes)
        if value == 0 { return "0m" }
        guard value < 1e12 else {
            return (NumberText.fixed(value / 1440, decimals: 0, grouping: true, minus: "-") ?? "?") + "d"
        }
        let wholeMinutes = Int64(value.rounded())
        if wholeMinutes == 0 { return "<1m" }
        if wholeMinutes < 24 * 60 {
            let hours = wholeMinutes / 60
            let rest = wholeMinutes % 60
            if hours == 0 { return "\(rest)m" }
            return rest == 0 ? "\(hours)h" : "\(hours)h \(rest)m"
        }
        let wholeHours = Int64((value / 60).rounded())
        let days = wholeHours / 24
        let hours = wholeHours % 24
        let dayText = NumberText.grouped(days) + "d"
        return hours == 0 ? dayText : "\(dayText) \(hours)h"
    }
}
