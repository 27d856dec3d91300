import DeskstatSLA
import DeskstatTime
import Foundation

/// KPIs per calendar period of a trend, each period's numbers as if computed for its window alone.
struct TrendValues: Sendable {
    /// The periods, in time order.
    let series: BucketSeries
    /// Per period: the KPIs; history KPIs and the backlog at the period's end when the session
    /// has ticket history (`addHistoryTrend`).
    let kpis: [KPIValues]
    /// Per period: SLA targets achieved and breached (attributed to the period).
    let sla: [SLACounts]
}

extension EngineSession {
    /// Every period's KPIs and SLA counts in one pass over the tickets, one over the ratings and
    /// one over the SLA outcomes (recorded and evaluated, per the session's SLA source), instead
    /// of one pass per period: a ticket counts in the period
    /// of its created_at (created, first reply time) and in the period of its solved_at (solved and
    /// the solve-anchored KPIs), a rating in the period of its updated_at, an SLA target in the
    /// period it was achieved or breached in. Each period's numbers equal `computeKPIs` and
    /// `computeSLA` for that period's window with `includeBacklog`/`includeActive` off. With
    /// ticket history loaded, each period also gets the history KPIs and — when `backlog` — the
    /// backlog at its end, as a past window's `kpis` has them.
    func computeTrend(
        series: BucketSeries, asOf: Int64, mask: [Bool]?, filtersGiven: Bool, backlog: Bool = false
    ) -> TrendValues {
        lock.lock()
        defer { lock.unlock() }
        let store = self.store
        let records = store.records
        let periods = series.count
        var partial = KPIPartial(slotCount: periods, collect: 0x7F)
        store.durations.withUnsafeBufferPointer { durations in
            for index in 0..<store.count {
                if let mask, !mask[index] { continue }
                let record = records[index]
                let createdPeriod = series.bucketIndex(of: record.createdAt)
                var solvedPeriod: Int?
                if isSolved(record) && record.hasMetrics && record.has(TicketRecord.solvedBit) {
                    solvedPeriod = series.bucketIndex(of: record.solvedAt)
                }
                let base = index * DurationSlot.count
                if let createdPeriod, createdPeriod == solvedPeriod {
                    partial.touch(createdPeriod, at: index)
                    partial.accumulators[createdPeriod]?.add(
                        record, durations: durations, base: base, created: true, solved: true, backlog: false)
                    continue
                }
                if let createdPeriod {
                    partial.touch(createdPeriod, at: index)
                    partial.accumulators[createdPeriod]?.add(
                        record, durations: durations, base: base, created: true, solved: false, backlog: false)
                }
                if let solvedPeriod {
                    partial.touch(solvedPeriod, at: index)
                    partial.accumulators[solvedPeriod]?.add(
                        record, durations: durations, base: base, created: false, solved: true, backlog: false)
                }
            }
        }
        for (ratingIndex, rating) in facts.ratings.enumerated() {
            guard let period = series.bucketIndex(of: rating.updatedAt) else { continue }
            let ticket = ratingTickets[ratingIndex]
            if ticket >= 0 {
                if let mask, !mask[Int(ticket)] { continue }
            } else if filtersGiven {
                continue
            }
            partial.touch(period, at: store.count + ratingIndex)
            partial.accumulators[period]?.add(rating)
        }
        var kpis = (0..<periods).map { period in
            (partial.accumulators[period] ?? KPIAccumulator()).values(
                includeBacklog: false, strings: store.strings, distribution: distributionNeeds)
        }
        if let history {
            addHistoryTrend(history, to: &kpis, series: series, asOf: asOf, mask: mask, backlog: backlog)
        }
        var sla = [SLACounts](repeating: SLACounts(), count: periods)
        // SLA outcomes from the session's source, as `computeSLAForSource` counts them: recorded
        // instances where the source uses them, deskstat's evaluation for the other tickets.
        // Evaluated tickets with a timeline count their timeline instances (`TimelineSLAs`).
        let recorded = slaSource == .evaluated ? nil : self.recorded(asOf: asOf)
        let timeline = slaSource == .recorded ? nil : timelineSLAs(asOf: asOf)
        func instanceTickets(_ index: Int) -> [SLAInstance]? {
            if let recorded, usesRecord(index, recorded) { return recorded.instances[Int32(index)] ?? [] }
            if let timeline, timeline.covered[index] { return timeline.instances[Int32(index)] ?? [] }
            return nil
        }
        var instanceTicketIndexes = Set(recorded?.instances.keys.map { Int($0) } ?? [])
        instanceTicketIndexes.formUnion(timeline?.instances.keys.map { Int($0) } ?? [])
        for index in instanceTicketIndexes.sorted() {
            if let mask, !mask[index] { continue }
            guard !isDeleted(store.records[index]), let instances = instanceTickets(index) else { continue }
            for instance in instances where instance.status == .achieved || instance.status == .breached {
                guard let period = instance.completedAt.flatMap(series.bucketIndex(of:)) else { continue }
                sla[period].add(instance.status)
            }
        }
        let evaluations = self.evaluations(asOf: asOf)
        for index in 0..<store.count {
            let policy = evaluations.policy[index]
            guard policy >= 0, policy != SLAEvaluations.notEvaluated else { continue }
            if let mask, !mask[index] { continue }
            if let recorded, usesRecord(index, recorded) { continue }
            if let timeline, timeline.covered[index] { continue }
            let range = evaluations.outcomeRanges[index]
            for outcomeIndex in Int(range.start)..<Int(range.start + range.count) {
                let outcome = evaluations.outcomes[outcomeIndex]
                guard outcome.status == .achieved || outcome.status == .breached,
                    let period = outcome.attributedAt.flatMap(series.bucketIndex(of:))
                else { continue }
                sla[period].add(outcome.status)
            }
        }
        return TrendValues(series: series, kpis: kpis, sla: sla)
    }
}
