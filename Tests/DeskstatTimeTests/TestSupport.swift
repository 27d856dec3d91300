import DeskstatTime
import Testing

/// Expected epochs in these tests were computed with `TZ=<zone> date -d '<local time>' +%s`
/// (GNU date, tzdata) and are written out literally; nothing here derives them from the code.

/// Resolves `--period text` in zone `tz` at `asOf`.
func resolve(_ period: String, _ tz: String, asOf: Int64) throws -> Window {
    try WindowResolver.resolve(
        WindowRequest(period: PeriodSpec.parse(period), timeZone: ReportTimeZone(tz), asOf: asOf))
}

/// Resolves `--from`/`--to` in zone `tz` at `asOf`.
func resolve(from: String?, to: String?, _ tz: String = "UTC", asOf: Int64) throws -> Window {
    try WindowResolver.resolve(WindowRequest(from: from, to: to, timeZone: ReportTimeZone(tz), asOf: asOf))
}

/// A window that must be valid.
func window(_ from: Int64, _ to: Int64) throws -> Window {
    try Window(from: from, to: to)
}

/// Wednesday 2026-11-18T15:30:00Z (16:30 in Berlin, 10:30 in New York).
let wednesdayAsOf: Int64 = 1_795_015_800

/// SplitMix64: a tiny seeded generator, so "random" tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
