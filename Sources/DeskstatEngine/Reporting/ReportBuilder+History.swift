import DeskstatReport

extension ReportBuilder {
    /// Whether any section needs ticket history: it lists a history KPI, shows a backlog trend
    /// (a backlog section by day, week or month), or compares a backlog with the previous window.
    static func needsHistory(_ request: ReportRequest, sections: [ParsedSection]) -> Bool {
        sections.contains { parsed in
            let (section, slice) = (parsed.definition, parsed.slice)
            let kpis = section.kpis.compactMap(KPI.init(rawValue:))
            if kpis.contains(where: \.needsHistory) { return true }
            switch section.sectionKind {
            case .backlog:
                // A backlog trend, or a sliced backlog compared with the previous window's end.
                return slice?.isTime == true || (section.comparesRows && request.previous != nil && slice != nil)
            case .headline, .kpis: return kpis.contains(.backlog) && (request.previous != nil || slice?.isTime == true)
            case .trend: return kpis.contains(.backlog)
            default: return false
            }
        }
    }
}

extension ReportBuilder {
    /// Whether the evaluated SLA source reads ticket timelines: whenever the source is not
    /// `recorded` — every report's `sla.*` metrics count SLA outcomes, so the same cache gives the
    /// same SLA figures whatever sections a report has (docs/metrics.md, "Evaluated SLA from the timeline")
    /// — and for a what-if (`--policies`), whose both sides are evaluated, whatever the source.
    static func evaluatesSLAFromTimelines(_ request: ReportRequest) -> Bool {
        request.slaSource != .recorded || request.draftPolicies != nil
    }
}

extension ReportBuilder {
    /// Whether the SLA evaluated from timelines covers every loaded ticket (`evaluated`, or a
    /// what-if) rather than only those without Zendesk metric events (`auto`).
    static func evaluatesEveryTicket(_ request: ReportRequest) -> Bool {
        request.slaSource == .evaluated || request.draftPolicies != nil
    }

    /// A lower bound of every backlog snapshot the report takes: each is the last second (or
    /// as-of) of a window it computes — the current or previous window, one of their time
    /// buckets, or a period of a trend listing the backlog — so none precedes the earliest of
    /// those windows' starts (or as-of).
    static func earliestBacklogSnapshot(_ request: ReportRequest) -> Int64 {
        let series = request.trendSeries
        let trendStarts = request.definition.sections.compactMap { section -> Int64? in
            guard section.sectionKind == .trend, section.kpis.contains(KPI.backlog.rawValue) else { return nil }
            return series[section.id]?.window.from
        }
        return ([request.window.from, request.previous?.from ?? request.window.from, request.asOf] + trendStarts).min()
            ?? request.window.from
    }
}

extension ReportBuilder {
    /// Whether any section lists a history KPI (not only a past backlog).
    static func listsHistoryKPIs(_ request: ReportRequest) -> Bool {
        request.definition.sections.contains { $0.kpis.compactMap(KPI.init(rawValue:)).contains(where: \.needsHistory) }
    }
}

extension Slice {
    /// Whether the slice is a time bucket (day, week or month).
    var isTime: Bool {
        switch self {
        case .day, .week, .month: true
        default: false
        }
    }
}

extension SectionBuilder {
    /// The backlog trend: one row per bucket with the backlog at the bucket's last second (or
    /// as-of) by the timeline, its age buckets, and how many tickets had no history.
    static func backlogTrend(_ context: SectionContext, slice: Slice) -> ReportTable {
        let ages = ["<1 d", "1–3 d", "3–7 d", "7–30 d", ">30 d"]
        let ageIDs = ["age_under_1d", "age_1_3d", "age_3_7d", "age_7_30d", "age_over_30d"]
        let columns =
            [
                ReportColumn(id: slice.name, title: slice.name.capitalized, kind: .label),
                ReportColumn(id: "backlog", title: "Backlog at end", kind: .count),
            ]
            + zip(ageIDs, ages).map { ReportColumn(id: $0.0, title: $0.1, kind: .count) }
            + [ReportColumn(id: "without_history", title: "Without history", kind: .count)]
        let rows = context.result.current.kpis.keys.sorted().map { key -> [ReportValue] in
            let values = context.result.current.kpis[key] ?? KPIValues()
            guard let total = values.backlog else {
                return [.text(key.label)] + Array(repeating: .null, count: columns.count - 1)
            }
            return [.text(key.label), .integer(Int64(total))]
                + ages.map { .integer(Int64(values.backlogAges[$0] ?? 0)) }
                + [values.backlogWithoutHistory.map { .integer(Int64($0)) } ?? .null]
        }
        return ReportTable(id: "backlog_by_\(slice.name)", columns: columns, rows: rows)
    }
}
