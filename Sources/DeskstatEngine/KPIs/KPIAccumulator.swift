import DeskstatSLA
import DeskstatTime
import Foundation

/// Running totals of one slice (`Accumulator` of the original calculator, on compact tickets).
struct KPIAccumulator: Sendable {
    /// Bit `i`: collect the samples of `KPI.durations[i]` (others are only counted: no report
    /// section reads their statistics).
    let collect: UInt8
    var touched = false
    var created = 0
    var solved = 0
    var reopen = Rate(numerator: 0, denominator: 0)
    var oneTouch = Rate(numerator: 0, denominator: 0)
    var backlog = 0
    /// Backlog per status code (-1: no status), in first-seen order.
    var backlogByStatus: [(code: Int32, count: Int)] = []
    var csat = CSATCounts()
    /// Samples per duration KPI (in `KPI.durations` order) and clock (calendar, business).
    let samples = SampleSet(count: KPI.durations.count * 2)
    /// Sample counts of the KPIs not collected.
    var uncollected = [Int](repeating: 0, count: KPI.durations.count * 2)

    init(collect: UInt8 = 0x7F) {
        self.collect = collect
    }

    mutating func add(
        _ record: TicketRecord, durations: UnsafeBufferPointer<Double>, base: Int, created isCreated: Bool,
        solved isSolved: Bool, backlog inBacklog: Bool
    ) {
        touched = true
        if isCreated {
            created += 1
            if record.hasMetrics { sample(0, record, durations, base) }
        }
        if isSolved && record.hasMetrics {
            solved += 1
            for kpi in 1..<KPI.durations.count { sample(kpi, record, durations, base) }
            reopen.denominator += 1
            oneTouch.denominator += 1
            if (record.optional(record.reopens, TicketRecord.reopensBit) ?? 0) > 0 { reopen.numerator += 1 }
            if (record.optional(record.replies, TicketRecord.repliesBit) ?? 0) < 2 { oneTouch.numerator += 1 }
        }
        if inBacklog {
            backlog += 1
            if let position = backlogByStatus.firstIndex(where: { $0.code == record.status }) {
                backlogByStatus[position].count += 1
            } else {
                backlogByStatus.append((record.status, 1))
            }
        }
    }

    /// Slots of `KPI.durations`: first reply, first resolution, full resolution, requester wait,
    /// agent wait, on hold; agent work time (requester wait − on hold) is derived.
    private static let slots: [Int] = [
        DurationSlot.reply, DurationSlot.firstResolution, DurationSlot.fullResolution, DurationSlot.requesterWait,
        DurationSlot.agentWait, DurationSlot.onHold, -1,
    ]

    @inline(__always) private mutating func sample(
        _ kpi: Int, _ record: TicketRecord, _ durations: UnsafeBufferPointer<Double>, _ base: Int
    ) {
        for clock in 0..<2 {
            let value: Double?
            let slot = Self.slots[kpi]
            if slot >= 0 {
                value = Self.value(record, durations, base, slot + clock)
            } else {
                let wait = Self.value(record, durations, base, DurationSlot.requesterWait + clock)
                let hold = Self.value(record, durations, base, DurationSlot.onHold + clock)
                value = MetricFact.difference(wait, hold)
            }
            if let value {
                if collect & (1 << UInt8(kpi)) != 0 {
                    samples.append(kpi * 2 + clock, value)
                } else {
                    uncollected[kpi * 2 + clock] += 1
                }
            }
        }
    }

    @inline(__always) private static func value(
        _ record: TicketRecord, _ durations: UnsafeBufferPointer<Double>, _ base: Int, _ slot: Int
    ) -> Double? {
        record.present & (1 << UInt32(TicketRecord.firstDurationBit + slot)) != 0 ? durations[base + slot] : nil
    }

    /// Adds another part's totals after this one's (as if its tickets had come after).
    mutating func merge(_ other: KPIAccumulator) {
        touched = touched || other.touched
        created += other.created
        solved += other.solved
        reopen.numerator += other.reopen.numerator
        reopen.denominator += other.reopen.denominator
        oneTouch.numerator += other.oneTouch.numerator
        oneTouch.denominator += other.oneTouch.denominator
        backlog += other.backlog
        for (code, count) in other.backlogByStatus {
            if let position = backlogByStatus.firstIndex(where: { $0.code == code }) {
                backlogByStatus[position].count += count
            } else {
                backlogByStatus.append((code, count))
            }
        }
        csat.good += other.csat.good
        csat.bad += other.csat.bad
        csat.offered += other.csat.offered
        for index in 0..<samples.count {
            samples.append(contentsOf: other.samples, index)
            uncollected[index] += other.uncollected[index]
        }
    }

    mutating func add(_ rating: RatingFact) {
        touched = true
        switch rating.score {
        case "good": csat.good += 1
        case "bad": csat.bad += 1
        case "offered": csat.offered += 1
        default: break
        }
    }

    func values(includeBacklog: Bool, strings: StringTable, distribution: DistributionNeeds = DistributionNeeds())
        -> KPIValues
    {
        var result = KPIValues()
        result.created = created
        result.solved = solved
        result.reopen = reopen
        result.oneTouch = oneTouch
        result.csat = csat
        result.backlog = includeBacklog ? backlog : nil
        for (code, count) in backlogByStatus {
            result.backlogByStatus[code >= 0 ? strings[code] : "unknown", default: 0] += count
        }
        // The statistics of each KPI and clock; big sample sets are worked out on both cores.
        let all = samples
        let stats = ResultBox<DurationStats>(count: all.count)
        let work = (0..<all.count).filter { collect & (1 << UInt8($0 / 2)) != 0 }
        let total = work.reduce(0) { $0 + all.count(of: $1) }
        DispatchQueue.concurrentPerform(iterations: total > 100_000 ? 2 : 1) { part in
            for (position, index) in work.enumerated() where total <= 100_000 || position % 2 == part {
                var computed = DurationStats(reordering: all.buffer(index))
                computed.addDistribution(all.buffer(index), distribution)
                stats.set(index, computed)
            }
        }
        for (kpiIndex, kpi) in KPI.durations.enumerated() {
            for (clockIndex, clock) in Clock.allCases.enumerated() {
                let index = kpiIndex * 2 + clockIndex
                result.durations[kpi, default: [:]][clock] =
                    stats.values[index] ?? DurationStats(count: uncollected[index], median: nil, p90: nil, mean: nil)
            }
        }
        return result
    }
}
