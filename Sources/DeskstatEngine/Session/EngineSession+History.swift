import DeskstatTime
import DeskstatTimeline

extension EngineSession {
    /// Adds the history KPIs of one unsliced window (docs/metrics.md § history KPIs) to `values`:
    /// reopen events, reply times, agent replies and time in status per solved ticket, and — for a
    /// window other than the current one — the backlog at the window's last second (or as-of, if
    /// earlier) with its age buckets. Tickets pass `mask` as in the window's other KPIs.
    func addHistory(
        _ history: HistoryFacts, to values: inout [SliceKey: KPIValues], window: Window, asOf: Int64, current: Bool,
        mask: [Bool]?
    ) {
        var result = values[.all] ?? KPIValues()
        let schedule = history.schedule
        let snapshot = min(window.to - 1, asOf)
        var backlog = 0
        var withoutHistory = 0
        var byStatus: [String: Int] = [:]
        var ages = Dictionary(uniqueKeysWithValues: BacklogAge.allCases.map { ($0.rawValue, 0) })
        var reopens = 0
        var replies: [KPI: [Clock: [Double]]] = [:]
        var agentReplies: [Double] = []
        var statusTimes: [KPI: [Clock: [Double]]] = [:]
        for index in 0..<store.count {
            if let mask, !mask[index] { continue }
            let record = store.records[index]
            let timeline = history.timelines[record.id]
            // Backlog at the snapshot: by the timeline, else by the metric set (docs/metrics.md).
            if !current && record.createdAt <= snapshot {
                var status: String?
                if let timeline {
                    status = timeline.status(at: snapshot).flatMap {
                        TicketTimeline.unsolvedStatuses.contains($0) ? $0 : nil
                    }
                } else if isUnsolved(record)
                    || isSolved(record) && record.hasMetrics && record.has(TicketRecord.solvedBit)
                        && record.solvedAt > snapshot
                {
                    status = "(no history)"
                    withoutHistory += 1
                }
                if let status {
                    backlog += 1
                    byStatus[status, default: 0] += 1
                    ages[BacklogAge(ageSeconds: snapshot - record.createdAt).rawValue, default: 0] += 1
                }
            }
            guard let timeline, history.kpisRequested else { continue }
            reopens += timeline.reopens.filter { window.contains($0) }.count
            for reply in HistoryKPIs.replies(timeline) where window.contains(reply.repliedAt) {
                let calendar = Double(reply.calendarSeconds) / 60
                let business = Double(reply.businessSeconds(on: schedule)) / 60
                for kpi in reply.isFirst ? [KPI.replyTime] : [.replyTime, .nextReplyTime] {
                    replies[kpi, default: [:]][.calendar, default: []].append(calendar)
                    replies[kpi, default: [:]][.business, default: []].append(business)
                }
            }
            let solvedInWindow =
                isSolved(record) && record.hasMetrics && record.has(TicketRecord.solvedBit)
                && window.contains(record.solvedAt)
            guard solvedInWindow else { continue }
            agentReplies.append(Double(HistoryKPIs.agentReplies(timeline)))
            let end = HistoryKPIs.finalSolve(timeline, asOf: asOf) ?? record.solvedAt
            let times = HistoryKPIs.timeInStatus(timeline, until: end, schedule: schedule)
            for kpi in [KPI.timeInNew, .timeInOpen, .timeInPending, .timeInHold] {
                guard let status = kpi.measuredStatus, let time = times[status] else { continue }
                statusTimes[kpi, default: [:]][.calendar, default: []].append(Double(time.calendarSeconds) / 60)
                statusTimes[kpi, default: [:]][.business, default: []].append(Double(time.businessSeconds) / 60)
            }
        }
        if !current {
            result.backlog = backlog
            result.backlogByStatus = byStatus
            result.backlogAges = ages
            result.backlogWithoutHistory = withoutHistory
        }
        if history.kpisRequested {
            addHistoryKPIs(
                &result, reopens: reopens, samples: replies.merging(statusTimes) { a, _ in a },
                agentReplies: agentReplies)
        }
        values[.all] = result
    }

    private func addHistoryKPIs(
        _ result: inout KPIValues, reopens: Int, samples all: [KPI: [Clock: [Double]]], agentReplies: [Double]
    ) {
        result.reopenEvents = reopens
        for kpi in [KPI.replyTime, .nextReplyTime, .timeInNew, .timeInOpen, .timeInPending, .timeInHold] {
            let samples = all[kpi] ?? [:]
            result.durations[kpi] = [
                .calendar: DurationStats(samples[.calendar] ?? []), .business: DurationStats(samples[.business] ?? []),
            ]
        }
        let perTicket = DurationStats(agentReplies)
        result.durations[.agentReplies] = [.calendar: perTicket, .business: perTicket]
    }
}
