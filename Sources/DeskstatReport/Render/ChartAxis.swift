import DeskstatBasics

/// A value axis for charts: from 0 to a round maximum, ticks at round values in the column's unit,
/// and tick labels short enough never to overlap (`12k`, `4h`, `2d`, `80%`).
struct ChartAxis: Sendable, Equatable {
    /// The tick values, ascending, from 0 to `maximum`.
    let ticks: [Double]
    /// The axis top (the last tick).
    let maximum: Double
    /// The unit words shown beside the axis, e.g. `"tickets"`, `"duration"`, `"%"`.
    let unit: String
    let kind: ColumnKind

    /// An axis for values of `kind` up to `largest`, with about `targetTicks` intervals.
    init(largest: Double, kind: ColumnKind, targetTicks: Int = 4) {
        self.kind = kind
        let top = largest.isFinite && largest > 0 ? largest : 0
        let step: Double
        switch kind {
        case .ratio:
            step = ChartAxis.roundStep(max(top, 0.0001) / Double(targetTicks), candidates: [0.05, 0.1, 0.2, 0.25])
            unit = "percent"
        case .minutes:
            // Round durations: minutes, then hours, then days.
            let minuteSteps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 7200, 10080]
            let wanted = max(top, 1) / Double(targetTicks)
            step = minuteSteps.first { $0 >= wanted } ?? ChartAxis.niceStep(wanted / 1440) * 1440
            unit = "duration"
        default:
            step = ChartAxis.niceStep(max(top, 1) / Double(targetTicks))
            unit = kind == .count ? "count" : "value"
        }
        let intervals = max(1, Int((top / step).rounded(.up)))
        ticks = (0...intervals).map { Double($0) * step }
        maximum = Double(intervals) * step
    }

    /// 1, 2 or 5 times a power of ten, at least `raw` (and at least 1 for counts).
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= raw { return max(factor * power, 1) }
        return max(10 * power, 1)
    }

    private static func roundStep(_ raw: Double, candidates: [Double]) -> Double {
        candidates.first { $0 >= raw } ?? 0.25
    }

    /// A short tick label in the axis's unit.
    func label(_ value: Double) -> String {
        switch kind {
        case .ratio:
            return (NumberText.trimmed((value * 100 * 10).rounded() / 10, maxDecimals: 1) ?? "0") + "%"
        case .minutes:
            if value == 0 { return "0" }
            if value.truncatingRemainder(dividingBy: 1440) == 0 {
                return (NumberText.trimmed(value / 1440) ?? "") + "d"
            }
            if value.truncatingRemainder(dividingBy: 60) == 0 { return (NumberText.trimmed(value / 60) ?? "") + "h" }
            return (NumberText.trimmed(value) ?? "") + "m"
        default:
            return Self.compact(value)
        }
    }

    /// `950`, `12k`, `1.5M`: counts short enough for an axis.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return (NumberText.trimmed((value / 100_000).rounded() / 10) ?? "") + "M" }
        if magnitude >= 10_000 { return (NumberText.trimmed((value / 100).rounded() / 10) ?? "") + "k" }
        return NumberText.fixed(value, decimals: value.rounded() == value ? 0 : 1, grouping: true) ?? ""
    }
}
