public import DeskstatTime

/// Computes every non-SLA KPI for one window in one pass over the facts, split by a slice.
///
/// Deleted tickets never reach the calculator (the loader leaves them out). Each KPI is anchored
/// on its own date (see `KPI.anchor`); a ticket counts in every slice it belongs to (a ticket
/// with two tags counts under both tags).
public struct KPICalculator: Sendable {
    public let facts: FactSet
    public let filters: [TicketFilter]
    let resolvedFilters: [ResolvedFilter]

    public init(facts: FactSet, filters: [TicketFilter]) throws(EngineError) {
        self.facts = facts
        self.filters = filters
        var resolved: [ResolvedFilter] = []
        for filter in filters { resolved.append(try filter.resolve(with: facts.names)) }
        resolvedFilters = resolved
    }

    /// Whether a ticket passes every filter.
    public func includes(_ ticket: TicketFact) -> Bool {
        resolvedFilters.allSatisfy { $0.matches(ticket) }
    }

    /// KPIs for `window`, split by `dimension` (or one `SliceKey.all` entry). Backlog is counted
    /// only when `includeBacklog` (the current window) and is as of `asOf`.
    public func compute(window: Window, asOf: Int64, by dimension: Dimension?, includeBacklog: Bool) -> [SliceKey: KPIValues] {
        var accumulators: [SliceKey: Accumulator] = [:]
        for ticket in facts.tickets where includes(ticket) {
            let keys = sliceKeys(ticket, dimension)
            let created = window.contains(ticket.createdAt)
            let solvedAt = ticket.isSolved ? ticket.metrics?.solvedAt : nil
            let solved = solvedAt.map(window.contains) ?? false
            let inBacklog = includeBacklog && ticket.isUnsolved && ticket.createdAt <= asOf
            guard created || solved || inBacklog else { continue }
            for key in keys {
                accumulators[key, default: Accumulator()].add(ticket, created: created, solved: solved, backlog: inBacklog)
            }
        }
        for rating in facts.ratings where window.contains(rating.updatedAt) {
            let ticket = facts.ticket(rating.ticketID)
            if let ticket { guard includes(ticket) else { continue } } else if !filters.isEmpty { continue }
            for key in ratingSliceKeys(rating, ticket: ticket, dimension) {
                accumulators[key, default: Accumulator()].add(rating)
            }
        }
        if accumulators.isEmpty && dimension == nil { accumulators[.all] = Accumulator() }
        return accumulators.mapValues { $0.values(includeBacklog: includeBacklog) }
    }

    func sliceKeys(_ ticket: TicketFact, _ dimension: Dimension?) -> [SliceKey] {
        guard let dimension else { return [.all] }
        let raw = TicketKeys.values(of: ticket, for: dimension)
        if raw.isEmpty { return [SliceKey(key: nil, label: "(none)")] }
        return raw.map { SliceKey(key: $0, label: label(for: $0, in: dimension), rank: SliceKey.rank(of: $0, in: dimension)) }
    }

    /// CSAT slices by the rating's group and assignee (at rating time), falling back to the
    /// ticket's current ones when the rating has none; other dimensions use the ticket.
    func ratingSliceKeys(_ rating: RatingFact, ticket: TicketFact?, _ dimension: Dimension?) -> [SliceKey] {
        guard let dimension else { return [.all] }
        switch dimension {
        case .group:
            let id = rating.groupID ?? ticket?.groupID
            return [id.map { SliceKey(key: String($0), label: label(for: String($0), in: .group)) } ?? SliceKey(key: nil, label: "(none)")]
        case .assignee:
            let id = rating.assigneeID ?? ticket?.assigneeID
            return [id.map { SliceKey(key: String($0), label: label(for: String($0), in: .assignee)) } ?? SliceKey(key: nil, label: "(none)")]
        default:
            guard let ticket else { return [SliceKey(key: nil, label: "(none)")] }
            return sliceKeys(ticket, dimension)
        }
    }

    func label(for key: String, in dimension: Dimension) -> String {
        guard let id = Int64(key), !facts.names.names(for: dimension).isEmpty || [.group, .assignee, .organization, .form, .brand].contains(dimension) else {
            return key
        }
        return facts.names.label(id, in: dimension)
    }
}

/// Running totals for one slice.
struct Accumulator {
    var values = KPIValues()
    var samples: [KPI: [Clock: [Double]]] = [:]
    var backlog = 0

    mutating func add(_ ticket: TicketFact, created: Bool, solved: Bool, backlog inBacklog: Bool) {
        if created {
            values.created += 1
            if let metrics = ticket.metrics { sample(.firstReplyTime, metrics) }
        }
        if solved, let metrics = ticket.metrics {
            values.solved += 1
            for kpi in KPI.durations where kpi != .firstReplyTime { sample(kpi, metrics) }
            values.reopen.denominator += 1
            values.oneTouch.denominator += 1
            if (metrics.reopens ?? 0) > 0 { values.reopen.numerator += 1 }
            if (metrics.replies ?? 0) < 2 { values.oneTouch.numerator += 1 }
        }
        if inBacklog {
            backlog += 1
            values.backlogByStatus[ticket.status ?? "unknown", default: 0] += 1
        }
    }

    mutating func sample(_ kpi: KPI, _ metrics: MetricFact) {
        guard let pair = kpi.duration(of: metrics) else { return }
        for clock in Clock.allCases {
            if let value = pair.value(on: clock) { samples[kpi, default: [:]][clock, default: []].append(value) }
        }
    }

    mutating func add(_ rating: RatingFact) {
        switch rating.score {
        case "good": values.csat.good += 1
        case "bad": values.csat.bad += 1
        case "offered": values.csat.offered += 1
        default: break
        }
    }

    func values(includeBacklog: Bool) -> KPIValues {
        var result = values
        result.backlog = includeBacklog ? backlog : nil
        for kpi in KPI.durations {
            for clock in Clock.allCases {
                result.durations[kpi, default: [:]][clock] = DurationStats(samples[kpi]?[clock] ?? [])
            }
        }
        return result
    }
}
