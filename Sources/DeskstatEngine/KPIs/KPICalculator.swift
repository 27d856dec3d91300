public import DeskstatTime

/// Computes every non-SLA KPI for one window in one pass over the facts, split by a slice.
///
/// Deleted tickets never reach the calculator (the loader leaves them out). Each KPI is anchored
/// on its own date (see `KPI.anchor`); a ticket counts in every slice it belongs to (a ticket
/// with two tags counts under both tags).
///
/// The pass runs over the fact set's compact tickets (see `EngineSession`); a calculator keeps
/// what it has worked out (filter matches, SLA evaluations) for its later calls.
public struct KPICalculator: Sendable {
    public let facts: FactSet
    public let filters: [TicketFilter]
    let resolvedFilters: [ResolvedFilter]
    let session: EngineSession
    let filterKey: String

    public init(facts: FactSet, filters: [TicketFilter]) throws(EngineError) {
        try self.init(session: EngineSession(facts: facts), filters: filters)
    }

    init(session: EngineSession, filters: [TicketFilter]) throws(EngineError) {
        self.session = session
        facts = session.facts
        self.filters = filters
        var resolved: [ResolvedFilter] = []
        for filter in filters { resolved.append(try filter.resolve(with: session.facts.names)) }
        resolvedFilters = resolved
        filterKey = filters.map(\.text).joined(separator: "\u{1F}")
    }

    /// Whether a ticket passes every filter.
    public func includes(_ ticket: TicketFact) -> Bool {
        resolvedFilters.allSatisfy { $0.matches(ticket) }
    }

    /// KPIs for `window`, split by `dimension` (or one `SliceKey.all` entry). Backlog is counted
    /// only when `includeBacklog` (the current window) and is as of `asOf`.
    public func compute(window: Window, asOf: Int64, by dimension: Dimension?, includeBacklog: Bool) -> [SliceKey:
        KPIValues]
    {
        if dimension == .tag || resolvedFilters.contains(where: { $0.dimension == .tag }) { try? session.needTags() }
        return session.computeKPIs(
            window: window, asOf: asOf, dimension: dimension, includeBacklog: includeBacklog,
            mask: session.mask(resolvedFilters, key: filterKey), filtersGiven: !filters.isEmpty)
    }

    /// Both KPIs and SLA counts for a window, cached in the session.
    func window(_ window: Window, asOf: Int64, by dimension: Dimension?, current: Bool) throws(EngineError) -> (
        kpis: [SliceKey: KPIValues], sla: [SliceKey: SLASummary]
    ) {
        try session.window(
            window, asOf: asOf, filters: resolvedFilters, filterKey: filterKey, filtersGiven: !filters.isEmpty,
            dimension: dimension, current: current)
    }

    /// The KPIs of a window (tags must already be loaded when slicing or filtering by them).
    func kpiValues(_ window: Window, asOf: Int64, by dimension: Dimension?, current: Bool) -> [SliceKey: KPIValues] {
        session.kpis(
            window, asOf: asOf, filters: resolvedFilters, filterKey: filterKey, filtersGiven: !filters.isEmpty,
            dimension: dimension, current: current)
    }

    /// The SLA counts of a window (same condition).
    func slaCounts(_ window: Window, asOf: Int64, by dimension: Dimension?, current: Bool) -> [SliceKey: SLASummary] {
        session.slaSummaries(
            window, asOf: asOf, filters: resolvedFilters, filterKey: filterKey, dimension: dimension, current: current)
    }

    /// The KPIs and SLA counts of every period of `series`, in one pass (see `EngineSession.computeTrend`).
    func trend(_ series: BucketSeries, asOf: Int64) -> TrendValues {
        session.computeTrend(
            series: series, asOf: asOf, mask: session.mask(resolvedFilters, key: filterKey),
            filtersGiven: !filters.isEmpty)
    }

    func sliceKeys(_ ticket: TicketFact, _ dimension: Dimension?) -> [SliceKey] {
        guard let dimension else { return [.all] }
        let raw = TicketKeys.values(of: ticket, for: dimension)
        if raw.isEmpty { return [SliceKey(key: nil, label: "(none)")] }
        return raw.map {
            SliceKey(key: $0, label: label(for: $0, in: dimension), rank: SliceKey.rank(of: $0, in: dimension))
        }
    }

    func label(for key: String, in dimension: Dimension) -> String {
        SliceMapper.label(for: key, in: dimension, names: facts.names)
    }
}
