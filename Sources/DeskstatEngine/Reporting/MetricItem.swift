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
    static func items(_ kpi: KPI, stats: [Stat], clocks: [Clock]) -> [MetricItem] {
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
            // A count per ticket: no clock, and not minutes.
            return stats.map { stat in
                MetricItem(
                    id: "\(kpi.rawValue).\(stat.rawValue)", label: "\(kpi.title), \(stat.rawValue)",
                    kind: stat == .count ? .count : .number
                ) {
                    values, _ in
                    let stats = values.stats(kpi, .calendar)
                    return stat == .count ? .integer(Int64(stats.count)) : number(stats.value(of: stat))
                }
            }
        case .duration:
            return clocks.flatMap { clock in
                stats.map { stat in
                    MetricItem(
                        id: "\(kpi.rawValue).\(clock.rawValue).\(stat.rawValue)",
                        label: "\(kpi.title), \(stat.rawValue), \(clock.rawValue)",
                        kind: stat == .count ? .count : .minutes,
                        direction: stat == .count ? .neutral : kpi.goodDirection
                    ) { values, _ in
                        let stats = values.stats(kpi, clock)
                        if stat == .count { return .integer(Int64(stats.count)) }
                        return number(stats.value(of: stat))
                    }
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

    static func metrics(totals: WindowResult, previousTotals: WindowResult?) -> [String: ReportValue] {
        var metrics = values(totals)
        if let previous = previousTotals {
            for (key, value) in values(previous) where !key.hasPrefix("backlog") && key != "sla.active" {
                metrics["previous." + key] = value
            }
        }
        return metrics
    }

    static func values(_ window: WindowResult) -> [String: ReportValue] {
        let values = window.overall
        let sla = window.sla[.all]
        var metrics: [String: ReportValue] = [:]
        // History KPIs are in the map only when the report computed them (a section asked).
        for kpi in KPI.allCases where !kpi.needsHistory || values.reopenEvents != nil {
            for item in MetricItem.items(kpi, stats: Stat.allCases, clocks: Clock.allCases) {
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
