import DeskstatTime
import DeskstatTimeline

/// One slice's (or one trend period's) history KPIs while tickets are counted into it.
struct HistoryTally {
    var backlog = 0
    var withoutHistory = 0
    var byStatus: [String: Int] = [:]
    var ages = Dictionary(uniqueKeysWithValues: BacklogAge.allCases.map { ($0.rawValue, 0) })
    var reopens = 0
    /// Reply times and time in status: per KPI, per clock, the samples in minutes.
    var samples: [KPI: [Clock: [Double]]] = [:]
    var agentReplies: [Double] = []

    /// Counts one ticket of a backlog snapshot in `status`, `ageSeconds` old.
    mutating func addBacklog(_ status: String, ageSeconds: Int64, withoutHistory missing: Bool) {
        backlog += 1
        byStatus[status, default: 0] += 1
        ages[BacklogAge(ageSeconds: ageSeconds).rawValue, default: 0] += 1
        if missing { withoutHistory += 1 }
    }

    /// Counts one reply (calendar and business minutes) as a reply time and, unless it is the
    /// ticket's first, a next reply time.
    mutating func addReply(_ reply: Reply, schedule: BusinessSchedule) {
        let calendar = Double(reply.calendarSeconds) / 60
        let business = Double(reply.businessSeconds(on: schedule)) / 60
        for kpi in reply.isFirst ? [KPI.replyTime] : [.replyTime, .nextReplyTime] {
            samples[kpi, default: [:]][.calendar, default: []].append(calendar)
            samples[kpi, default: [:]][.business, default: []].append(business)
        }
    }

    /// Counts a solved ticket's agent replies and time in each status until `end` (its final solve).
    mutating func addSolved(_ timeline: TicketTimeline, until end: Int64, schedule: BusinessSchedule) {
        agentReplies.append(Double(HistoryKPIs.agentReplies(timeline)))
        let times = HistoryKPIs.timeInStatus(timeline, until: end, schedule: schedule)
        for kpi in [KPI.timeInNew, .timeInOpen, .timeInPending, .timeInHold] {
            guard let status = kpi.measuredStatus, let time = times[status] else { continue }
            samples[kpi, default: [:]][.calendar, default: []].append(Double(time.calendarSeconds) / 60)
            samples[kpi, default: [:]][.business, default: []].append(Double(time.businessSeconds) / 60)
        }
    }

    /// Writes the tally into `values`: the backlog snapshot when `backlogCounted`, the other
    /// history KPIs when `kpisCounted`.
    func write(to values: inout KPIValues, backlogCounted: Bool, kpisCounted: Bool) {
        if backlogCounted {
            values.backlog = backlog
            values.backlogByStatus = byStatus
            values.backlogAges = ages
            values.backlogWithoutHistory = withoutHistory
        }
        guard kpisCounted else { return }
        values.reopenEvents = reopens
        for kpi in [KPI.replyTime, .nextReplyTime, .timeInNew, .timeInOpen, .timeInPending, .timeInHold] {
            let kpiSamples = samples[kpi] ?? [:]
            values.durations[kpi] = [
                .calendar: DurationStats(kpiSamples[.calendar] ?? []),
                .business: DurationStats(kpiSamples[.business] ?? []),
            ]
        }
        let perTicket = DurationStats(agentReplies)
        values.durations[.agentReplies] = [.calendar: perTicket, .business: perTicket]
    }
}

extension EngineSession {
    /// The dimensions whose value at a past instant the timeline knows (docs/metrics.md: a past
    /// backlog is sliced by the value the ticket had at the snapshot).
    static let dimensionsWithHistory: Set<Dimension> = [.group, .assignee, .priority]

    /// Adds the history KPIs of one window (docs/metrics.md § history KPIs) to `values`, per slice:
    /// reopen events, reply times, agent replies and time in status per solved ticket (sliced by
    /// the ticket's current fields, like every other KPI), and — for a window other than the
    /// current one — the backlog at the window's last second (or as-of, if earlier) with its age
    /// buckets, sliced by the group, assignee or priority the ticket had at that instant (other
    /// dimensions: current fields). Tickets pass `mask` as in the window's other KPIs.
    func addHistory(
        _ history: HistoryFacts, to values: inout [SliceKey: KPIValues], window: Window, asOf: Int64, current: Bool,
        mask: [Bool]?, dimension: Dimension? = nil, field: CustomFieldDefinition? = nil
    ) {
        guard !current || history.kpisRequested else { return }
        let slices = field.map(fieldIndex) ?? dimensionIndex(dimension)
        let atSnapshot = field == nil ? dimension.flatMap { Self.dimensionsWithHistory.contains($0) ? $0 : nil } : nil
        let snapshot = min(window.to - 1, asOf)
        var tallies: [SliceKey: HistoryTally] = [:]
        var slots: [Int32] = []
        func currentKeys(_ index: Int) -> [SliceKey] {
            slots.removeAll(keepingCapacity: true)
            slices.slots(ofTicket: index, store: store, into: &slots)
            return slots.map { slices.keys[Int($0)] }
        }
        for index in 0..<store.count {
            if let mask, !mask[index] { continue }
            let record = store.records[index]
            let timeline = history.timelines[record.id]
            var keys: [SliceKey]?
            if !current, let entry = backlogStatus(record, timeline, at: snapshot) {
                let backlogKeys: [SliceKey]
                if let atSnapshot, let timeline, let key = historicKey(timeline, atSnapshot, at: snapshot) {
                    backlogKeys = [key]
                } else {
                    keys = currentKeys(index)
                    backlogKeys = keys ?? []
                }
                for key in backlogKeys {
                    tallies[key, default: HistoryTally()].addBacklog(
                        entry.status, ageSeconds: snapshot - record.createdAt, withoutHistory: entry.withoutHistory)
                }
            }
            guard let timeline, history.kpisRequested else { continue }
            let reopens = timeline.reopens.filter { window.contains($0) }.count
            let replies = HistoryKPIs.replies(timeline).filter { window.contains($0.repliedAt) }
            let solvedInWindow = solvedAt(record).map(window.contains) ?? false
            guard reopens > 0 || !replies.isEmpty || solvedInWindow else { continue }
            let schedule = history.schedule(for: timeline, asOf: asOf)
            for key in keys ?? currentKeys(index) {
                var tally = tallies[key] ?? HistoryTally()
                tally.reopens += reopens
                for reply in replies { tally.addReply(reply, schedule: schedule) }
                if solvedInWindow {
                    let end = HistoryKPIs.finalSolve(timeline, asOf: asOf) ?? record.solvedAt
                    tally.addSolved(timeline, until: end, schedule: schedule)
                }
                tallies[key] = tally
            }
        }
        // Every slice the window counted gets the history KPIs (zero when nothing happened in it),
        // and so does every slice only the history counted.
        var keys = Set(values.keys).union(tallies.keys)
        if dimension == nil && field == nil { keys.insert(.all) }
        for key in keys {
            var result = values[key] ?? KPIValues()
            (tallies[key] ?? HistoryTally()).write(
                to: &result, backlogCounted: !current, kpisCounted: history.kpisRequested)
            values[key] = result
        }
    }

    /// Adds the history KPIs to every period of a trend: reopen events and replies in the period
    /// they happened, agent replies and time in status in the period of the ticket's solve (as the
    /// solve-anchored KPIs), and — when `backlog` — the backlog at each period's last second (or
    /// as-of, if earlier; a period starting after as-of has none), as `addHistory` counts a window.
    func addHistoryTrend(
        _ history: HistoryFacts, to kpis: inout [KPIValues], series: BucketSeries, asOf: Int64, mask: [Bool]?,
        backlog: Bool
    ) {
        let windows = series.buckets.map(\.window)
        var tallies = [HistoryTally](repeating: HistoryTally(), count: windows.count)
        for index in 0..<store.count {
            if let mask, !mask[index] { continue }
            let record = store.records[index]
            let timeline = history.timelines[record.id]
            if backlog {
                for (period, window) in windows.enumerated() where window.from <= asOf {
                    let snapshot = min(window.to - 1, asOf)
                    guard let entry = backlogStatus(record, timeline, at: snapshot) else { continue }
                    tallies[period].addBacklog(
                        entry.status, ageSeconds: snapshot - record.createdAt, withoutHistory: entry.withoutHistory)
                }
            }
            guard let timeline, history.kpisRequested else { continue }
            let schedule = history.schedule(for: timeline, asOf: asOf)
            for at in timeline.reopens {
                if let period = series.bucketIndex(of: at) { tallies[period].reopens += 1 }
            }
            for reply in HistoryKPIs.replies(timeline) {
                if let period = series.bucketIndex(of: reply.repliedAt) {
                    tallies[period].addReply(reply, schedule: schedule)
                }
            }
            if let solved = solvedAt(record), let period = series.bucketIndex(of: solved) {
                let end = HistoryKPIs.finalSolve(timeline, asOf: asOf) ?? solved
                tallies[period].addSolved(timeline, until: end, schedule: schedule)
            }
        }
        for period in kpis.indices {
            tallies[period].write(
                to: &kpis[period], backlogCounted: backlog && windows[period].from <= asOf,
                kpisCounted: history.kpisRequested)
        }
    }

    /// The ids of the loaded tickets whose timelines a report reads, ascending: every ticket
    /// when `everyTicket` (history KPIs listed, or SLA evaluated for every ticket); otherwise the
    /// tickets that can be in a backlog snapshot taken at or after `backlogFrom` — all but those
    /// solved now whose metric set's `solved_at` is at or before it: after a ticket's last solve
    /// its timeline has it solved too, and without a timeline `backlogStatus` reads the metric set,
    /// so both leave it out — and, when `autoSLAAsOf` is given, the tickets `auto` evaluates from
    /// their timeline: those without Zendesk metric events to which a policy applies as of it
    /// (`TimelineSLAs` evaluates no other).
    func timelineTicketIDs(everyTicket: Bool, backlogFrom: Int64?, autoSLAAsOf: Int64?) -> [Int64] {
        let records = store.records
        if everyTicket { return records.map(\.id).sorted() }
        var evaluatedFromTimeline = [Bool](repeating: false, count: store.count)
        if let autoSLAAsOf {
            let policy = evaluations(asOf: autoSLAAsOf).policy
            for index in policy.indices where policy[index] >= 0 { evaluatedFromTimeline[index] = true }
            for id in facts.slaEvents.ticketIDs {
                if let index = store.index(of: id) { evaluatedFromTimeline[index] = false }
            }
        }
        var ids: [Int64] = []
        for (index, record) in records.enumerated() {
            if evaluatedFromTimeline[index] {
                ids.append(record.id)
            } else if let backlogFrom, solvedAt(record).map({ $0 > backlogFrom }) ?? true {
                ids.append(record.id)
            }
        }
        return ids.sorted()
    }

    /// Whether a ticket was in the backlog at `snapshot` and in which status: by its timeline, else
    /// (no cached history) by the metric set — unsolved now, or solved after the snapshot — with
    /// status "(no history)". Tickets created after the snapshot are not in it.
    private func backlogStatus(_ record: TicketRecord, _ timeline: TicketTimeline?, at snapshot: Int64)
        -> (status: String, withoutHistory: Bool)?
    {
        guard record.createdAt <= snapshot else { return nil }
        if let timeline {
            guard let status = timeline.status(at: snapshot), TicketTimeline.unsolvedStatuses.contains(status) else {
                return nil
            }
            return (status, false)
        }
        if isUnsolved(record) || solvedAt(record).map({ $0 > snapshot }) ?? false { return ("(no history)", true) }
        return nil
    }

    /// The ticket's solve time when it counts as solved (status solved or closed with a metric set's
    /// `solved_at`), as the solve-anchored KPIs read it.
    private func solvedAt(_ record: TicketRecord) -> Int64? {
        isSolved(record) && record.hasMetrics && record.has(TicketRecord.solvedBit) ? record.solvedAt : nil
    }

    /// The slice of `dimension` the ticket was in at `instant` by its timeline (the key the
    /// dimension's index gives the same value), or `nil` when the timeline does not cover `instant`.
    private func historicKey(_ timeline: TicketTimeline, _ dimension: Dimension, at instant: Int64) -> SliceKey? {
        let intervals: [TimelineInterval] =
            switch dimension {
            case .group: timeline.group
            case .assignee: timeline.assignee
            case .priority: timeline.priority
            default: []
            }
        guard let interval = intervals.first(where: { $0.contains(instant) }) else { return nil }
        guard let value = interval.value else { return SliceKey(key: nil, label: "(none)") }
        return SliceKey(
            key: value, label: SliceMapper.label(for: value, in: dimension, names: facts.names),
            rank: SliceKey.rank(of: value, in: dimension))
    }
}
