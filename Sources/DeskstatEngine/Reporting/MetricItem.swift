import DeskstatReport
import ZendeskWire

/// One number a report can show for a KPI: "First reply time, median, calendar", with its kind
/// and how to read it from a slice's values.
struct MetricItem {
    let id: String
    let label: String
    let kind: ColumnKind
    /// Which way the number should move.
    var direction: GoodDirection = .neutral
    let read: (KPIValues, SLASummary?) -> ReportValue
    /// The label without the KPI's name, for tables about one KPI ("Median, calendar").
    var shortLabel: String {
        let parts = label.split(separator: ",").map { $0.trimmingWhitespace() }
        guard parts.count > 1 else { return label }
        let rest = parts.dropFirst().joined(separator: ", ")
        return rest.prefix(1).uppercased() + rest.dropFirst()
    }

    /// The items of a KPI for the chosen statistics and clocks.
    static func items(_ kpi: KPI, stats: [StatisticName], clocks: [Clock]) -> [MetricItem] {
        switch kpi.kind {
        case .count:
            return [
                MetricItem(id: kpi.rawValue, label: kpi.title, kind: .count) { values, _ in
                    switch kpi {
                    case .created: .integer(Int64(values.created))
                    case .solved: .integer(Int64(values.solved))
                    case .reopenEvents: values.reopenEvents.map { .integer(Int64($0)) } ?? .null
                    default: values.backlog.map { .integer(Int64($0)) } ?? .null
                    }
                }
            ]
        case .rate:
            return [
                MetricItem(id: kpi.rawValue, label: kpi.title, kind: .ratio, direction: kpi.goodDirection) {
                    values, _ in rate(kpi, values)
                }
            ]
        case .duration where kpi == .agentReplies:
            // A count per ticket: no clock, and not minutes (so no `within:` target either).
            return stats.compactMap { stat -> MetricItem? in
                if case .within = stat { return nil }
                return MetricItem(
                    id: "\(kpi.rawValue).\(stat.key)", label: "\(kpi.title), \(stat.label)",
                    kind: stat == .count ? .count : .number
                ) {
                    values, _ in
                    let stats = values.stats(kpi, .calendar)
                    return stat == .count ? .integer(Int64(stats.count)) : number(stats.value(of: stat))
                }
            }
        case .duration:
            var seen: Set<String> = []
            return clocks.flatMap { clock in
                stats.flatMap { stat -> [MetricItem] in
                    // A `within:…-business` statistic reads only its own clock.
                    let clock = stat.pinnedClock.flatMap(Clock.init(rawValue:)) ?? clock
                    guard seen.insert("\(clock.rawValue).\(stat.key)").inserted else { return [] }
                    return durationItems(kpi, stat, clock)
                }
            }
        case .slaCounts:
            return [
                MetricItem(id: "sla.achieved", label: "SLA targets achieved", kind: .count) { _, sla in
                    .integer(Int64(sla?.totals.achieved ?? 0))
                },
                MetricItem(id: "sla.breached", label: "SLA targets breached", kind: .count, direction: .lower) {
                    _, sla in
                    .integer(Int64(sla?.totals.breached ?? 0))
                },
                MetricItem(
                    id: "sla.achievement_rate", label: "SLA achievement rate", kind: .ratio, direction: .higher
                ) { _, sla in
                    number(sla?.totals.achievementRate.value)
                },
            ]
        }
    }

    /// One duration statistic on one clock; a `within:` statistic gives its share and its count.
    static func durationItems(_ kpi: KPI, _ stat: StatisticName, _ clock: Clock) -> [MetricItem] {
        let id = "\(kpi.rawValue).\(clock.rawValue).\(stat.key)"
        let label = "\(kpi.title), \(stat.label), \(clock.rawValue)"
        switch stat {
        case .count:
            return [
                MetricItem(id: id, label: label, kind: .count) { values, _ in
                    .integer(Int64(values.stats(kpi, clock).count))
                }
            ]
        case .within(let target):
            return [
                MetricItem(id: id, label: label, kind: .ratio, direction: .higher) { values, _ in
                    number(values.stats(kpi, clock).within(target.minutes).share)
                },
                MetricItem(id: id + "_count", label: "\(label), count", kind: .count) { values, _ in
                    values.stats(kpi, clock).within(target.minutes).count.map { .integer(Int64($0)) } ?? .null
                },
            ]
        default:
            return [
                MetricItem(id: id, label: label, kind: .minutes, direction: kpi.goodDirection) { values, _ in
                    number(values.stats(kpi, clock).value(of: stat))
                }
            ]
        }
    }

    static func rate(_ kpi: KPI, _ values: KPIValues) -> ReportValue {
        switch kpi {
        case .reopenRate: number(values.reopen.value)
        case .oneTouchRate: number(values.oneTouch.value)
        case .csat: number(values.csat.score.value)
        default: number(values.csat.responseRate.value)
        }
    }

    static func number(_ value: Double?) -> ReportValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }
}

/// The flat metric map (`report.metrics`): every KPI of the unsliced current window under a
/// dotted key, and the previous window's under `previous.`.
enum MetricMap {
    static func metrics(of result: KPIResult) -> [String: ReportValue] {
        metrics(totals: result.totals, previousTotals: result.previousTotals)
    }

    /// `extra`: statistics beyond the standard four that a section or a threshold names; each
    /// duration KPI gets them on both clocks.
    static func metrics(totals: WindowResult, previousTotals: WindowResult?, extra: [StatisticName] = [])
        -> [String: ReportValue]
    {
        var metrics = values(totals, extra: extra)
        if let previous = previousTotals {
            for (key, value) in values(previous, extra: extra) where !key.hasPrefix("backlog") && key != "sla.active" {
                metrics["previous." + key] = value
            }
        }
        return metrics
    }

    static func values(_ window: WindowResult, extra: [StatisticName] = []) -> [String: ReportValue] {
        let values = window.overall
        let sla = window.sla[.all]
        var metrics: [String: ReportValue] = [:]
        // History KPIs are in the map only when the report computed them (a section asked).
        for kpi in KPI.allCases where !kpi.needsHistory || values.reopenEvents != nil {
            let stats = StatisticName.standard + extra.map { Self.unpinned($0) }
            for item in MetricItem.items(kpi, stats: stats, clocks: Clock.allCases) {
                metrics[item.id] = item.read(values, sla)
            }
        }
        for status in TicketStatus.unsolved.map(\.rawValue) {
            metrics["backlog.\(status)"] =
                values.backlog == nil ? .null : .integer(Int64(values.backlogByStatus[status] ?? 0))
        }
        metrics["csat.good"] = .integer(Int64(values.csat.good))
        metrics["csat.bad"] = .integer(Int64(values.csat.bad))
        metrics["csat.awaiting_answer"] = .integer(Int64(values.csat.offered))
        let totals = sla?.totals ?? SLACounts()
        metrics["sla.active"] = .integer(Int64(totals.active))
        metrics["sla.unmeasured"] = .integer(Int64(totals.unmeasured))
        return metrics
    }
}

extension MetricMap {
    /// A `within:` statistic on every clock (the metric id names the clock).
    static func unpinned(_ statistic: StatisticName) -> StatisticName {
        guard case .within(let target) = statistic else { return statistic }
        return .within(WithinTarget(minutes: target.minutes))
    }
}
