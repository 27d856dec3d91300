import DeskstatReport

extension SectionBuilder {
    /// One row per slice value with activity in the window (an agent with `by: assignee`, a group
    /// with `by: group`): solved, first reply and full resolution medians, one-touch and reopen
    /// rates, CSAT at rating time and SLA achievement; with `by: assignee` also the agent's
    /// default group. Rows are sorted by solved (most first), then by label; `limit` keeps the
    /// first rows; an "All" row closes the table. Tickets without a value ("(none)") are left out.
    static func scorecard(_ context: SectionContext) -> ReportTable {
        let sliceName = context.slice?.name ?? "scope"
        let byAgent = context.slice == .dimension(.assignee)
        var columns = [
            ReportColumn(id: sliceName, title: byAgent ? "Agent" : context.sliceTitle(sliceName), kind: .label)
        ]
        if byAgent { columns.append(ReportColumn(id: "group", title: "Group", kind: .label)) }
        columns.append(ReportColumn(id: "solved", title: "Solved", kind: .count))
        let both = context.clocks.count > 1
        for clock in context.clocks {
            let suffix = both ? "_\(clock.rawValue)" : ""
            let titleSuffix = both ? ", \(clock.rawValue)" : ""
            columns += [
                ReportColumn(
                    id: "first_reply_median\(suffix)", title: "First reply, median\(titleSuffix)", kind: .minutes),
                ReportColumn(
                    id: "full_resolution_median\(suffix)", title: "Full resolution, median\(titleSuffix)",
                    kind: .minutes),
            ]
        }
        columns += [
            ReportColumn(id: "one_touch_rate", title: "One-touch", kind: .ratio),
            ReportColumn(id: "reopen_rate", title: "Reopens", kind: .ratio),
            ReportColumn(id: "csat", title: "CSAT", kind: .ratio),
            ReportColumn(id: "sla_achievement", title: "SLA achieved", kind: .ratio),
        ]
        let names = context.result.calculator.session.facts.names
        func row(_ label: String, group: ReportValue?, _ values: KPIValues, _ sla: SLASummary?) -> [ReportValue] {
            var cells: [ReportValue] = [.text(label)]
            if let group { cells.append(group) }
            cells.append(.integer(Int64(values.solved)))
            for clock in context.clocks {
                cells += [
                    MetricItem.number(values.stats(.firstReplyTime, clock).median),
                    MetricItem.number(values.stats(.fullResolutionTime, clock).median),
                ]
            }
            cells += [
                MetricItem.number(values.oneTouch.value), MetricItem.number(values.reopen.value),
                MetricItem.number(values.csat.score.value), MetricItem.number(sla?.totals.achievementRate.value),
            ]
            return cells
        }
        let current = context.result.current
        let keys = Set(current.kpis.keys).union(current.sla.keys).filter { $0.key != nil }
        let active = keys.compactMap { key -> (SliceKey, KPIValues, SLASummary?)? in
            let values = current.kpis[key] ?? KPIValues()
            let sla = current.sla[key]
            let slaCounted = (sla?.totals.achieved ?? 0) + (sla?.totals.breached ?? 0)
            let measured =
                values.stats(.firstReplyTime, .calendar).count + values.stats(.firstReplyTime, .business).count
            let rated = values.csat.good + values.csat.bad + values.csat.offered
            guard values.solved > 0 || measured > 0 || rated > 0 || slaCounted > 0 else { return nil }
            return (key, values, sla)
        }
        .sorted { lhs, rhs in
            lhs.1.solved != rhs.1.solved ? lhs.1.solved > rhs.1.solved : lhs.0 < rhs.0
        }
        var rows = active.prefix(context.definition.limit ?? Int.max).map { key, values, sla in
            let group: ReportValue? =
                byAgent
                ? Int64(key.key ?? "").flatMap { names.defaultGroups[$0] }.map { .text(names.label($0, in: .group)) }
                    ?? .null
                : nil
            return row(key.label, group: group, values, sla)
        }
        rows.append(
            row(
                "All", group: byAgent ? .null : nil, context.result.totals.overall, context.result.totals.sla[.all]))
        // HTML charts solved per row; the "All" row stays in the table only.
        return ReportTable(
            id: "scorecard", columns: columns, rows: rows,
            chart: .bars(labels: [sliceName], value: "solved", closingTotal: true))
    }
}
