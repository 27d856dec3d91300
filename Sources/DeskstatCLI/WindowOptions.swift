import ArgumentParser
import DeskstatBasics
import DeskstatEngine
import DeskstatReport
import DeskstatTime
import Foundation
import ZendeskWire

/// `--period`, `--from`, `--to`, `--tz`, `--as-of`, `--compare`: shared by every reading command.
struct WindowOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "last-week, this-week, last-month, this-month, last-30d, 2026-W47 or 2026-11.", valueName: "period"))
    var period: String?

    @Option(help: ArgumentHelp("Window start: a date (midnight in --tz) or an ISO-8601 time.", valueName: "date"))
    var from: String?

    @Option(
        help: ArgumentHelp("Window end (excluded); defaults to --as-of when only --from is given.", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Report time zone (IANA name).", valueName: "zone"))
    var tz = "UTC"

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The instant the report is as of (ISO-8601 or date, UTC); defaults to now.", valueName: "time"))
    var asOf: String?

    @Option(help: ArgumentHelp("previous (add the window before, with deltas) or none.", valueName: "mode"))
    var compare: String?

    /// The resolved windows and as-of; `now` is the wall clock read once by the command.
    func resolve(now: Int64, defaultPeriod: String?, defaultCompare: String?) throws -> ResolvedWindows {
        let asOfInstant = try asOf.map(Self.parseAsOf) ?? now
        let zone = try ReportTimeZone(tz)
        let usesRange = from != nil || to != nil
        let periodText = period ?? (usesRange ? nil : defaultPeriod)
        let spec = try periodText.map { text throws(TimeError) in try PeriodSpec.parse(text) }
        let window = try WindowResolver.resolve(
            WindowRequest(period: spec, from: from, to: to, timeZone: zone, asOf: asOfInstant))
        let mode = compare ?? defaultCompare ?? "none"
        guard mode == "previous" || mode == "none" else {
            throw CLIError.usage("--compare \"\(mode)\": expected previous or none")
        }
        // Monthly periods compare with the previous calendar month; others with the equal span before.
        let monthly: Bool
        switch spec {
        case .lastMonth?, .thisMonth?, .month?: monthly = true
        default: monthly = false
        }
        let previous = mode == "previous" ? (monthly ? window.previousMonth(in: zone) : window.previous(in: zone)) : nil
        return ResolvedWindows(
            window: window, label: Self.label(window, spec: spec, zone: zone), previous: previous,
            previousLabel: previous.map { Self.label($0, spec: nil, zone: zone) }, asOf: asOfInstant, timeZone: zone)
    }

    /// `--as-of` as epoch seconds: a date or ISO-8601 time between 1970 and 9999, quoted as
    /// written when it is not.
    static func parseAsOf(_ text: String) throws -> Int64 {
        guard let instant = Timestamp.parse(text) else {
            throw CLIError.usage(
                "--as-of \"\(text)\" is not a date (YYYY-MM-DD) or ISO-8601 time like 2026-11-23T00:00:00Z")
        }
        guard WindowResolver.supportedAsOf.contains(instant) else {
            throw CLIError.usage(
                "--as-of \"\(text)\" is outside 1970-01-01T00:00:00Z ..< 10000-01-01T00:00:00Z; "
                    + "pass an instant between 1970 and 9999")
        }
        return instant
    }

    /// `2026-W47` for an ISO-week period, `2026-11` for a month (or any window that is exactly
    /// one calendar month), else `2026-11-16 – 2026-11-22`.
    static func label(_ window: Window, spec: PeriodSpec?, zone: ReportTimeZone) -> String {
        switch spec {
        case .isoWeek?, .month?: return spec?.description ?? ""
        default:
            let first = InstantFormat.date(window.from, in: zone)
            let last = InstantFormat.date(window.to - 1, in: zone)
            let next = InstantFormat.date(window.to, in: zone)
            let atMidnight = { (instant: Int64) in InstantFormat.local(instant, in: zone).contains(" 00:00 ") }
            if first.hasSuffix("-01"), next.hasSuffix("-01"), first.prefix(7) == last.prefix(7),
                atMidnight(window.from), atMidnight(window.to)
            {
                return String(first.prefix(7))
            }
            return first == last ? first : "\(first) – \(last)"
        }
    }
}

/// Windows resolved from `WindowOptions`.
struct ResolvedWindows {
    let window: Window
    let label: String
    let previous: Window?
    let previousLabel: String?
    let asOf: Int64
    let timeZone: ReportTimeZone
}

/// `--format`, `-o`, `--section`, `--fail-on`: how a report leaves deskstat.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("text, markdown, json, csv or html.", valueName: "format"))
    var format: String = "text"

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp("With --format csv: the one section to write (section or section.table).", valueName: "id"))
    var section: String?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit 3 after writing the report when EXPR holds, e.g. \"sla.breached > 0\" (repeatable).",
            discussion: "A threshold on a metric with no value (csat with no rated tickets) also exits 3, "
                + "unless --allow-missing.",
            valueName: "expr"))
    var failOn: [String] = []

    @Flag(
        name: .customLong("allow-missing"),
        help: "Let a --fail-on threshold on a metric with no value pass (it fails by default).")
    var allowMissing = false

    @Option(
        name: .customLong("fail-on-warning"),
        help: ArgumentHelp(
            "Exit 3 after writing the report when it carries warning CODE, or any warning with 'all' (repeatable, "
                + "comma-separated).",
            discussion: "Codes: \(ReportWarning.Code.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "code"))
    var failOnWarning: [String] = []

    @Option(
        name: .customLong("stale-after"),
        help: ArgumentHelp(
            "Warn stale_data when tickets were last synced or imported more than DAYS days before --as-of "
                + "(default \(DataCompleteness.defaultStaleAfterDays)).",
            valueName: "days"))
    var staleAfter: Int = DataCompleteness.defaultStaleAfterDays

    /// The `--fail-on-warning` codes, checked: `nil` for `all`.
    func warningGate() throws -> Set<String>? {
        let codes = failOnWarning.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if codes.contains("all") { return nil }
        let known = ReportWarning.Code.allCases.map(\.rawValue)
        for code in codes where !known.contains(code) {
            let hint = NameSuggestion.closest(to: code, in: known + ["all"]).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw CLIError.usage(
                "--fail-on-warning \"\(code)\" is not a warning code\(hint); expected all or one of "
                    + known.joined(separator: ", "))
        }
        return Set(codes)
    }
}

/// `--where` and `--by`.
struct SliceOptions: ParsableArguments {
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "FIELD=VALUE or FIELD!=VALUE, values comma-separated (repeatable); FIELD may be field:NAME (a custom field).",
            valueName: "filter"))
    var filters: [String] = []

    @Option(
        help: ArgumentHelp(
            "group, assignee, brand, channel, priority, type, organization, tag, form, day, week, month, "
                + "or field:NAME / field:ID (a custom ticket field).",
            valueName: "slice"))
    var by: String?
}
