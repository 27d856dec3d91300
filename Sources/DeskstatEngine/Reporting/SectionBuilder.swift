import DeskstatReport
import DeskstatTime
import ZendeskWire

/// Builds one report section's tables from KPI results, by section kind.
enum SectionBuilder {
    static func build(_ context: SectionContext) -> ReportSection {
        let definition = context.definition
        var tables: [ReportTable]
        switch definition.sectionKind {
        case .headline, .kpis:
            tables = [context.slice == nil ? headline(context) : sliced(context)]
        case .backlog:
            tables = [backlog(context)]
        case .sla:
            tables = [slaByPolicyAndMetric(context), slaTargets(context)]
        case .slaBreaches:
            tables = [slaBreaches(context)]
        case .csat:
            tables = [csat(context)]
        case .trend:
            // Built by `trend(_:values:asOf:)` from the report's one-pass trend; a definition
            // that passed validation always has the time slice that needs.
            return ReportSection(
                id: definition.id, title: definition.title, notes: ["A trend needs by: week, month or day."])
        case .histogram:
            tables = histograms(context)
        case .scorecard:
            tables = [scorecard(context)]
        }
        // A scorecard sorts and limits its own rows (its "All" row always stays).
        if let limit = definition.limit, definition.sectionKind != .scorecard {
            // The totals row ("All", "All policies") closes CSAT and SLA target tables.
            let keepsTotal = definition.sectionKind == .csat || definition.sectionKind == .sla
            tables = tables.map { limited($0, to: limit, keepingLastRow: keepsTotal) }
        }
        return ReportSection(id: definition.id, title: definition.title, tables: tables)
    }

    /// KPI | value | previous | change | change %: one row per statistic.
    static func headline(_ context: SectionContext) -> ReportTable {
        let items = context.kpis.flatMap { MetricItem.items($0, stats: context.stats, clocks: context.clocks) }
        var columns = [
            ReportColumn(id: "metric", title: "Metric", kind: .label),
            ReportColumn(id: "value", title: "Value", kind: .number),
        ]
        if context.comparing {
            columns += [
                ReportColumn(id: "previous", title: "Previous", kind: .number),
                ReportColumn(id: "change", title: "Change", kind: .delta),
                ReportColumn(id: "change_percent", title: "Change %", kind: .percentChange),
            ]
        }
        let current = context.result.totals
        let previous = context.result.previousTotals
        var rows: [[ReportValue]] = []
        for item in items {
            let value = item.read(current.overall, context.showsSLA ? current.sla[.all] : nil)
            var row: [ReportValue] = [.text(item.label), value]
            if context.comparing {
                let before = previous.map { item.read($0.overall, context.showsSLA ? $0.sla[.all] : nil) } ?? .null
                row += [before, difference(value, before), relativeChange(value, before)]
            }
            rows.append(row)
        }
        return ReportTable(
            id: "kpis", columns: columns, rows: rows, rowKinds: items.map(\.kind), metricIDs: items.map(\.id),
            rowDirections: items.map(\.direction))
    }

    /// One row per slice, one column per statistic (current window).
    static func sliced(_ context: SectionContext) -> ReportTable {
        let items = context.kpis.flatMap { MetricItem.items($0, stats: context.stats, clocks: context.clocks) }
        let sliceName = context.slice?.name ?? "slice"
        let singleKPI = Set(context.kpis).count == 1
        let columns =
            [ReportColumn(id: sliceName, title: context.sliceTitle(sliceName), kind: .label)]
            + items.map {
                ReportColumn(
                    id: $0.id, title: singleKPI ? $0.shortLabel : $0.label, kind: $0.kind, direction: $0.direction)
            }
        var rows = context.result.current.kpis.keys.sorted().map { key -> [ReportValue] in
            let values = context.result.current.kpis[key] ?? KPIValues()
            let sla = context.showsSLA ? context.result.current.sla[key] : nil
            return [.text(key.label)] + items.map { $0.read(values, sla) }
        }
        var extraColumns: [ReportColumn] = []
        if let previous = context.result.previous, context.definition.comparesRows, case .dimension? = context.slice {
            // Per slice: each value's previous and change, matched by slice key.
            let keys = Set(context.result.current.kpis.keys).union(previous.kpis.keys).sorted()
            rows = keys.map { key in
                let now = context.result.current.kpis[key] ?? KPIValues()
                let before = previous.kpis[key] ?? KPIValues()
                let nowSLA = context.showsSLA ? context.result.current.sla[key] : nil
                let beforeSLA = context.showsSLA ? previous.sla[key] : nil
                return [.text(key.label)] + items.map { $0.read(now, nowSLA) }
                    + items.flatMap { item -> [ReportValue] in
                        let value = item.read(now, nowSLA)
                        let old = item.read(before, beforeSLA)
                        return [old, difference(value, old)]
                    }
            }
            extraColumns = items.flatMap { item -> [ReportColumn] in
                let title = singleKPI ? item.shortLabel : item.label
                return [
                    ReportColumn(
                        id: item.id + ".previous", title: "\(title), previous", kind: item.kind,
                        direction: item.direction),
                    ReportColumn(
                        id: item.id + ".change", title: "\(title), change", kind: changeKind(item.kind),
                        direction: item.direction),
                ]
            }
        }
        var table = ReportTable(id: "by_\(sliceName)", columns: columns + extraColumns, rows: rows)
        if case .dimension? = context.slice, let first = items.first, first.id == "created" || first.id == "solved" {
            table.chart = .bars(labels: [sliceName], value: first.id)
        }
        return table
    }

    /// One row per period of a trend: the period, whether it is partial, then the KPIs (SLA as
    /// its achievement rate and breaches), each period computed on its own window.
    static func trend(_ definition: SectionDefinition, values: TrendValues, asOf: Int64) -> ReportSection {
        let kpis = definition.kpis.compactMap(KPI.init(rawValue:))
        let stats = (definition.stats ?? ["median"]).compactMap(StatisticName.parse)
        let clocks: [Clock] =
            switch definition.clock {
            case "business": [.business]
            case "both": [.calendar, .business]
            default: [.calendar]
            }
        let items = kpis.flatMap { MetricItem.items($0, stats: stats, clocks: clocks) }
            .filter { $0.id != "sla.achieved" }
        let columns =
            [
                ReportColumn(id: "period", title: "Period", kind: .label),
                ReportColumn(id: "partial", title: "Partial", kind: .label),
            ]
            + items.map { ReportColumn(id: $0.id, title: $0.label, kind: $0.kind, direction: $0.direction) }
        var rows: [[ReportValue]] = []
        var partial: [String] = []
        for (index, bucket) in values.series.buckets.enumerated() {
            let isPartial = bucket.window.to > asOf
            if isPartial { partial.append(bucket.label) }
            var sla = SLASummary()
            sla.byTarget[SLATargetKey.trendTotal] = values.sla[index]
            rows.append(
                [.text(bucket.label), .text(isPartial ? "yes" : "no")]
                    + items.map { $0.read(values.kpis[index], sla) })
        }
        var notes: [String] = []
        if !partial.isEmpty {
            notes.append(
                "Partial: \(partial.joined(separator: ", ")) (runs past as-of \(InstantFormat.iso(asOf))); "
                    + "its numbers cover only the part up to as-of.")
        }
        if kpis.contains(.backlog) {
            notes.append(
                "Backlog: tickets unsolved at each period's last second (or as-of), by ticket history; "
                    + "tickets without cached history count by their metric set.")
        } else {
            notes.append(
                "Backlog is not in this trend: `deskstat kpi backlog --by week` gives the backlog at each week's end from ticket history."
            )
        }
        let table = ReportTable(
            id: "periods", columns: columns, rows: rows, chart: .trend(partialColumn: "partial"))
        return ReportSection(id: definition.id, title: definition.title, tables: [table], notes: notes)
    }

    static let statuses = TicketStatus.unsolved.map(\.rawValue)

    /// Unsolved tickets by status (as of as-of), optionally per slice.
    static func backlog(_ context: SectionContext) -> ReportTable {
        guard let slice = context.slice else {
            let values = context.result.totals.overall
            let rows: [[ReportValue]] =
                statuses.map { [.text($0), .integer(Int64(values.backlogByStatus[$0] ?? 0))] }
                + [[.text("total"), .integer(Int64(values.backlog ?? 0))]]
            return ReportTable(
                id: "backlog",
                columns: [
                    ReportColumn(id: "status", title: "Status", kind: .label),
                    ReportColumn(id: "tickets", title: "Tickets", kind: .count),
                ],
                rows: rows)
        }
        if slice.isTime { return backlogTrend(context, slice: slice) }
        let columns =
            [ReportColumn(id: slice.name, title: context.sliceTitle(slice.name), kind: .label)]
            + statuses.map { ReportColumn(id: $0, title: $0.capitalized, kind: .count) }
            + [ReportColumn(id: "total", title: "Total", kind: .count)]
        // `deskstat kpi backlog --by group --compare previous`: each slice's backlog at the previous
        // window's end (by the value the ticket had then, docs/metrics.md) and the change.
        // Without ticket history the previous backlog is unknown (every slice's is nil): shown as –.
        let previous = context.definition.comparesRows ? context.result.previous?.kpis : nil
        let previousKnown = previous?.values.contains { $0.backlog != nil } ?? false
        var keys = Set(context.result.current.kpis.keys)
        if let previous { keys.formUnion(previous.keys) }
        let rows = keys.sorted().compactMap { key -> [ReportValue]? in
            let values = context.result.current.kpis[key] ?? KPIValues()
            let total = values.backlog ?? 0
            let before = previous?[key]?.backlog
            guard total > 0 || (before ?? 0) > 0 else { return nil }
            var row: [ReportValue] =
                [.text(key.label)] + statuses.map { .integer(Int64(values.backlogByStatus[$0] ?? 0)) } + [
                    .integer(Int64(total))
                ]
            if previous != nil {
                let old: ReportValue = previousKnown ? .integer(Int64(before ?? 0)) : .null
                row += [old, difference(.integer(Int64(total)), old)]
            }
            return row
        }
        let compared =
            previous == nil
            ? []
            : [
                ReportColumn(id: "total.previous", title: "Total, previous", kind: .count),
                ReportColumn(id: "total.change", title: "Total, change", kind: changeKind(.count)),
            ]
        return ReportTable(id: "backlog_by_\(slice.name)", columns: columns + compared, rows: rows)
    }

    /// Policy × metric × priority with achieved / breached / active / unmeasured and the rate.
    static func slaTargets(_ context: SectionContext) -> ReportTable {
        let summary = context.result.totals.sla[.all] ?? SLASummary()
        let columns = [
            ReportColumn(id: "policy", title: "Policy", kind: .label),
            ReportColumn(id: "metric", title: "Metric", kind: .label),
            ReportColumn(id: "priority", title: "Priority", kind: .label),
            ReportColumn(id: "achieved", title: "Achieved", kind: .count),
            ReportColumn(id: "breached", title: "Breached", kind: .count, direction: .lower),
            ReportColumn(id: "active", title: "Active", kind: .count),
            ReportColumn(id: "unmeasured", title: "Unmeasured", kind: .count),
            ReportColumn(id: "achievement_rate", title: "Achieved %", kind: .ratio, direction: .higher),
        ]
        func row(_ policy: String, _ metric: String, _ priority: String, _ counts: SLACounts) -> [ReportValue] {
            [
                .text(policy), .text(metric), .text(priority), .integer(Int64(counts.achieved)),
                .integer(Int64(counts.breached)),
                .integer(Int64(counts.active)), .integer(Int64(counts.unmeasured)),
                MetricItem.number(counts.achievementRate.value),
            ]
        }
        var rows = summary.byTarget.keys.sorted().compactMap { key -> [ReportValue]? in
            guard let counts = summary.byTarget[key], counts != SLACounts() else { return nil }
            return row(key.policyTitle, key.metric, key.priority, counts)
        }
        rows.append(row("All policies", "all", "all", summary.totals))
        return ReportTable(id: "targets", columns: columns, rows: rows)
    }

    /// Achievement per policy and metric (all priorities together), for the SLA chart: the
    /// targets that were achieved or breached in the window, policies in evaluation order.
    static func slaByPolicyAndMetric(_ context: SectionContext) -> ReportTable {
        let summary = context.result.totals.sla[.all] ?? SLASummary()
        var order: [SLATargetKey] = []
        var totals: [String: SLACounts] = [:]
        for key in summary.byTarget.keys.sorted() {
            let id = "\(key.policyID)\u{1F}\(key.metric)"
            if totals[id] == nil { order.append(key) }
            totals[id, default: SLACounts()].add(summary.byTarget[key] ?? SLACounts())
        }
        let rows = order.compactMap { key -> [ReportValue]? in
            guard let counts = totals["\(key.policyID)\u{1F}\(key.metric)"], counts.achieved + counts.breached > 0
            else { return nil }
            return [
                .text(key.policyTitle), .text(key.metric), .integer(Int64(counts.achieved)),
                .integer(Int64(counts.breached)), MetricItem.number(counts.achievementRate.value),
            ]
        }
        return ReportTable(
            id: "by_policy_metric", title: "Achievement by policy and metric",
            columns: [
                ReportColumn(id: "policy", title: "Policy", kind: .label),
                ReportColumn(id: "metric", title: "Metric", kind: .label),
                ReportColumn(id: "achieved", title: "Achieved", kind: .count),
                ReportColumn(id: "breached", title: "Breached", kind: .count, direction: .lower),
                ReportColumn(id: "achievement_rate", title: "Achieved %", kind: .ratio, direction: .higher),
            ],
            rows: rows, chart: .bars(labels: ["policy", "metric"], value: "achievement_rate"))
    }

    /// Breaches attributed to the window, per group (or the section's slice).
    static func slaBreaches(_ context: SectionContext) -> ReportTable {
        let sliceName = context.slice?.name ?? "group"
        var columns = [
            ReportColumn(id: sliceName, title: context.sliceTitle(sliceName), kind: .label),
            ReportColumn(id: "breaches", title: "Breaches", kind: .count, direction: .lower),
        ]
        if context.comparing {
            columns.append(ReportColumn(id: "previous", title: "Previous", kind: .count, direction: .lower))
        }
        let current = context.result.current.sla
        let previous = context.result.previous?.sla ?? [:]
        let keys = Set(current.keys).union(previous.keys).sorted()
        let rows = keys.compactMap { key -> [ReportValue]? in
            let now = current[key]?.totals.breached ?? 0
            let before = previous[key]?.totals.breached ?? 0
            guard now > 0 || before > 0 else { return nil }
            return [.text(key.label), .integer(Int64(now))] + (context.comparing ? [.integer(Int64(before))] : [])
        }
        return ReportTable(id: "breaches_by_\(sliceName)", columns: columns, rows: rows)
    }

    /// Good / bad / awaiting answer (surveys offered and not answered yet) with CSAT and
    /// response rate, per slice and the "All" row last.
    static func csat(_ context: SectionContext) -> ReportTable {
        let sliceName = context.slice?.name ?? "scope"
        let columns = [
            ReportColumn(id: sliceName, title: context.sliceTitle(sliceName), kind: .label),
            ReportColumn(id: "good", title: "Good", kind: .count),
            ReportColumn(id: "bad", title: "Bad", kind: .count),
            ReportColumn(id: "awaiting_answer", title: "Awaiting answer", kind: .count),
            ReportColumn(id: "csat", title: "CSAT", kind: .ratio, direction: .higher),
            ReportColumn(id: "response_rate", title: "Response rate", kind: .ratio, direction: .higher),
        ]
        func row(_ label: String, _ counts: CSATCounts) -> [ReportValue] {
            [
                .text(label), .integer(Int64(counts.good)), .integer(Int64(counts.bad)),
                .integer(Int64(counts.offered)),
                MetricItem.number(counts.score.value), MetricItem.number(counts.responseRate.value),
            ]
        }
        var rows: [[ReportValue]] = []
        if context.slice != nil {
            for key in context.result.current.kpis.keys.sorted() {
                guard let counts = context.result.current.kpis[key]?.csat, counts != CSATCounts() else { continue }
                rows.append(row(key.label, counts))
            }
        }
        rows.append(row("All", context.result.totals.overall.csat))
        var allColumns = columns
        if context.definition.comparesRows, let previous = context.result.previous,
            let previousTotals = context.result.previousTotals
        {
            // The previous window's CSAT and the change, per slice label and for All.
            var before: [String: CSATCounts] = ["All": previousTotals.overall.csat]
            if context.slice != nil {
                for (key, values) in previous.kpis { before[key.label] = values.csat }
            }
            allColumns += [
                ReportColumn(id: "previous_csat", title: "CSAT, previous", kind: .ratio, direction: .higher),
                ReportColumn(id: "csat_change", title: "CSAT, change", kind: .ratioDelta, direction: .higher),
            ]
            rows = rows.map { row in
                guard case .text(let label) = row[0] else { return row }
                let old = MetricItem.number(before[label]?.score.value)
                return row + [old, difference(row[4], old)]
            }
        }
        return ReportTable(
            id: "csat", columns: allColumns, rows: rows, chart: .bars(labels: [sliceName], value: "csat"))
    }

    /// The kind of a change of a value of `kind`: minutes and ratios keep their unit.
    static func changeKind(_ kind: ColumnKind) -> ColumnKind {
        switch kind {
        case .minutes: .minutesDelta
        case .ratio: .ratioDelta
        default: .delta
        }
    }

    static func difference(_ current: ReportValue, _ previous: ReportValue) -> ReportValue {
        guard let now = current.doubleValue, let before = previous.doubleValue else { return .null }
        if case .integer(let a) = current, case .integer(let b) = previous { return .integer(a - b) }
        return .number(now - before)
    }

    static func relativeChange(_ current: ReportValue, _ previous: ReportValue) -> ReportValue {
        guard let now = current.doubleValue, let before = previous.doubleValue, before != 0 else { return .null }
        return .number((now - before) / abs(before))
    }

    /// Keeps the `limit` rows with the largest first numeric column (ties by label), in that
    /// order; with `keepingLastRow`, the last row (the totals) stays last and is not counted.
    static func limited(_ table: ReportTable, to limit: Int, keepingLastRow: Bool = false) -> ReportTable {
        let total = keepingLastRow ? table.rows.last.map { [$0] } ?? [] : []
        let body = keepingLastRow ? Array(table.rows.dropLast()) : table.rows
        guard body.count > limit, let column = table.columns.firstIndex(where: { $0.kind == .count }) else {
            return table
        }
        var copy = table
        copy.rows =
            Array(
                body.enumerated().sorted { lhs, rhs in
                    let (a, b) = (lhs.element[column].doubleValue ?? 0, rhs.element[column].doubleValue ?? 0)
                    return a != b ? a > b : lhs.offset < rhs.offset
                }
                .prefix(limit).map(\.element)) + total
        return copy
    }
}

extension SLATargetKey {
    /// The one key a trend period's SLA totals are kept under.
    static let trendTotal = SLATargetKey(policyID: 0, policyTitle: "all", policyRank: 0, metric: "all", priority: "all")
}
