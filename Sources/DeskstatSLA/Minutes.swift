/// Formatting and arithmetic for minute values in outcomes.
enum Minutes {
    /// Minutes rounded to two decimals, without a trailing `.0` ("45", "1.5", "0.33").
    static func text(_ minutes: Double) -> String {
        let rounded = (minutes * 100).rounded() / 100
        if let whole = Int64(exactly: rounded) { return String(whole) }
        return String(rounded)
    }

    /// `instant` + `minutes`·60 seconds, rounded to the second; `nil` when not representable.
    static func offset(_ instant: Int64, by minutes: Double) -> Int64? {
        guard let seconds = Int64(exactly: (minutes * 60).rounded()) else { return nil }
        let (sum, overflow) = instant.addingReportingOverflow(seconds)
        return overflow ? nil : sum
    }
}
