/// The lines under a report's title that text and Markdown share: the window, as-of, the
/// comparison window and the filters.
struct ReportHeader: Sendable {
    let report: Report
    private let timestamps: TimestampText

    init(_ report: Report) {
        self.report = report
        timestamps = TimestampText(timeZone: report.timeZone)
    }

    /// The window line's parts, to be joined with `" · "`:
    /// `2026-W47: 2026-11-16 → 2026-11-23 (UTC)`, `as of 2026-11-23T00:00:00Z`,
    /// `compared with 2026-W46: 2026-11-09 → 2026-11-16`.
    var windowSegments: [String] {
        var segments = [
            "\(phrase(report.window)) (\(report.timeZone))",
            "as of \(TimestampText.iso8601(report.asOf))",
        ]
        if let previous = report.previousWindow { segments.append("compared with \(phrase(previous))") }
        return segments
    }

    /// How durations read, when the report has any: their format and what the two clocks mean.
    var unitLines: [String] {
        let hasDurations = report.sections.contains { section in
            section.tables.contains { table in
                table.columns.contains { $0.kind == .minutes } || (table.rowKinds ?? []).contains(.minutes)
            }
        }
        guard hasDurations else { return [] }
        return [
            "Durations read 4h 12m (days d, hours h, minutes m); each names its clock: calendar = elapsed "
                + "time, business = within the account's business hours."
        ]
    }

    /// `Filters: priority = high; channel != api`, or `nil` without filters.
    var filtersLine: String? {
        report.filters.isEmpty ? nil : "Filters: " + report.filters.joined(separator: "; ")
    }

    /// `LABEL: FROM → TO`, dates in the report's zone (with a time when not at midnight); the
    /// label is left out when empty or when it already shows the start date.
    private func phrase(_ window: ReportWindow) -> String {
        let from = timestamps.localDateOrDateTime(window.from)
        let range = "\(from) → \(timestamps.localDateOrDateTime(window.to))"
        let label = window.label.trimmingWhitespace()
        return label.isEmpty || label.contains(from) ? range : "\(label): \(range)"
    }
}

extension String {
    /// The string without leading and trailing whitespace (spaces, tabs, newlines).
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// The string without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
