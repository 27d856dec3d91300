import DeskstatReport

/// The hand-built report every golden file renders: two sections, a headline table with
/// per-row units, a sliced table with nulls and awkward text, a second table, a note, filters,
/// a comparison window in Europe/Berlin and a warning.
enum SampleReport {
    static let headline = ReportTable(
        id: "summary",
        columns: [
            ReportColumn(id: "metric", title: "Metric", kind: .label),
            ReportColumn(id: "current", title: "This week", kind: .number),
            ReportColumn(id: "previous", title: "Last week", kind: .number),
            ReportColumn(id: "change", title: "Change", kind: .delta),
            ReportColumn(id: "change_pct", title: "Change %", kind: .percentChange),
        ],
        rows: [
            ["Created", 1234, 1180, 54, .number(54.0 / 1180.0)],
            ["First reply time, median, calendar", 42.5, 45.0, -2.5, .number(-2.5 / 45.0)],
            ["CSAT", 0.875, 0.835, .number(0.875 - 0.835), .number((0.875 - 0.835) / 0.835)],
            ["SLA breaches", 3, 0, 3, .null],
            ["Backlog", 312, .null, .null, .null],
        ],
        rowKinds: [.count, .minutes, .ratio, .count, .count],
        metricIDs: ["created", "first_reply_time.calendar.median", "csat", "sla.breached", "backlog"],
        rowDirections: [.neutral, .lower, .higher, .lower, .neutral])

    static let byGroup = ReportTable(
        id: "by_group",
        title: "First reply by group",
        columns: [
            ReportColumn(id: "group", title: "Group", kind: .label),
            ReportColumn(id: "tickets", title: "Tickets", kind: .count),
            ReportColumn(id: "median_minutes", title: "Median", kind: .minutes, direction: .lower),
            ReportColumn(id: "p90_minutes", title: "p90", kind: .minutes, direction: .lower),
            ReportColumn(id: "sla_achieved", title: "SLA achieved", kind: .ratio),
            ReportColumn(id: "last_breach", title: "Last breach", kind: .timestamp),
        ],
        rows: [
            ["Billing | EMEA", 10_482, 38.25, 1_250.0, 0.9625, .integer(1_795_183_500)],
            ["Support, Tier 1", 731, 12.0, 95.55, 1.0, .null],
            ["Escalations \"VIP\"", 0, .null, .null, .null, .null],
            ["(none)", 7, .number(.nan), 3.0, 0.5, .integer(1_795_336_200)],
        ])

    static let byChannel = ReportTable(
        id: "by_channel",
        title: "By channel",
        columns: [
            ReportColumn(id: "channel", title: "Channel", kind: .label),
            ReportColumn(id: "tickets", title: "Tickets", kind: .count),
            ReportColumn(id: "median_minutes", title: "Median", kind: .minutes, direction: .lower),
        ],
        rows: [
            ["email", 9_000, 40.0],
            ["web", 3_220, 31.5],
        ],
        chart: .bars(labels: ["channel"], value: "tickets"))

    /// Four weeks, the last partial, one missing median, and a series spanning 10,000×.
    static let trend = ReportTable(
        id: "periods",
        columns: [
            ReportColumn(id: "period", title: "Period", kind: .label),
            ReportColumn(id: "partial", title: "Partial", kind: .label),
            ReportColumn(id: "created", title: "Created", kind: .count),
            ReportColumn(
                id: "first_reply_time.calendar.median", title: "First reply time, median, calendar", kind: .minutes,
                direction: .lower),
            ReportColumn(id: "csat", title: "CSAT", kind: .ratio, direction: .higher),
            ReportColumn(id: "api_calls", title: "API calls", kind: .count),
        ],
        rows: [
            ["2026-W44", "no", 1_100, 50.0, 0.8, 3],
            ["2026-W45", "no", 1_180, .null, 0.82, 300],
            ["2026-W46", "no", 1_180, 45.0, 0.835, 30_000],
            ["2026-W47", "yes", 1_234, 42.5, 0.875, 12],
        ],
        chart: .trend(partialColumn: "partial"))

    static let report = Report(
        name: "weekly",
        title: "Weekly support report",
        window: ReportWindow(from: 1_794_783_600, to: 1_795_388_400, label: "2026-W47"),
        previousWindow: ReportWindow(from: 1_794_178_800, to: 1_794_783_600, label: "2026-W46"),
        asOf: 1_795_413_600,
        timeZone: "Europe/Berlin",
        filters: ["priority = high", "channel != api"],
        sections: [
            ReportSection(id: "headline", title: "Headline numbers", tables: [headline]),
            ReportSection(
                id: "trend", title: "Last 4 weeks", tables: [trend],
                notes: ["Partial: 2026-W47 (runs past as-of)."]),
            ReportSection(
                id: "responsiveness",
                title: "Responsiveness",
                tables: [byGroup, byChannel],
                notes: ["Medians interpolate between the closest ranks; tickets without a reply are left out."]),
        ],
        warnings: [
            ReportWarning(
                code: "sla_policy_not_understood",
                message:
                    "SLA policy \"VIP\": condition organization_id includes 42 not understood; its targets were skipped"
            )
        ],
        metrics: [
            "created": 1234,
            "solved": 1180,
            "backlog": 312,
            "first_reply_time.calendar.median": 42.5,
            "csat": 0.875,
            "csat_response_rate": .null,
            "sla.breached": 3,
            "sla.achievement_rate": 0.9625,
            "reopen_rate": 0.0512,
        ])
}
