import Foundation

/// Locale-independent number formatting: fixed decimals, `.` as the decimal separator, optional
/// `,` thousands grouping, no exponent notation ever. Never consults `Locale` or the environment.
/// deskstat's one number formatter: reports, progress lines, `status` and `bench` use it.
public enum NumberText {
    /// The minus sign people read in text and Markdown output (U+2212).
    public static let typographicMinus = "−"

    /// `value` with exactly `decimals` decimals (rounded half away from zero), or `nil` for NaN
    /// and infinities. A value that rounds to zero has no sign (`-0.04` → `"0.0"`).
    public static func fixed(_ value: Double, decimals: Int, grouping: Bool = false, minus: String = "-") -> String? {
        guard value.isFinite else { return nil }
        let (integer, fraction) = digits(of: value.magnitude, decimals: decimals)
        let isZero = integer.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        let sign = value < 0 && !isZero ? minus : ""
        let whole = grouping ? group(integer) : integer
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `value` with at most `maxDecimals` decimals, trailing zeros trimmed, for JSON and CSV:
    /// `12345.678` → `"12345.678"`, `5.0` → `"5"`, `-0.0` → `"0"`, `1e-7` → `"0"`. `nil` for NaN
    /// and infinities.
    public static func trimmed(_ value: Double, maxDecimals: Int = 4) -> String? {
        guard var text = fixed(value, decimals: maxDecimals) else { return nil }
        guard text.contains(".") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// A whole number with `,` grouping (`12,345`) and the given minus sign.
    public static func grouped(_ value: some BinaryInteger, minus: String = "-") -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? minus : "") + group(digits)
    }

    /// A byte count for people: `512 B`, `1.5 KB`, `12.0 MB` (powers of 1024, one decimal).
    public static func bytes(_ value: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1024 && unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        if unit == 0 { return "\(value) B" }
        let tenths = Int((amount * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// `value` in decimal, zero-padded to at least `width` digits (a minus sign comes first).
    public static func padded(_ value: some BinaryInteger, width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// Inserts `,` every three digits from the right.
    public static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// The integer and fraction digits of a finite, non-negative value rounded to `decimals`.
    private static func digits(of magnitude: Double, decimals: Int) -> (integer: String, fraction: String) {
        let places = max(0, min(decimals, 9))
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else {
            // Too large for exact integer arithmetic: the value has no meaningful fraction left.
            let integer = String(format: "%.0f", magnitude.rounded(.toNearestOrAwayFromZero))
            return (integer, String(repeating: "0", count: places))
        }
        let whole = UInt64(scaled)
        let integer = String(whole / scale)
        guard places > 0 else { return (integer, "") }
        let fraction = String(whole % scale)
        return (integer, String(repeating: "0", count: places - fraction.count) + fraction)
    }
}
