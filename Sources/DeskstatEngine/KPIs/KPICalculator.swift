import DeskstatTime

/// One request's filters bound to a session: computes the KPIs and SLA counts of any window and
/// slice over the session's compact tickets (see `EngineSession`), each at most once per session.
///
/// Deleted tickets never reach the calculator (the loader leaves them out). Each KPI is anchored
/// on its own date (see `KPI.anchor`); a ticket counts in every slice it belongs to (a ticket
/// with two tags counts under both tags).
struct KPICalculator: Sendable {
    let filters: [TicketFilter]
    let resolvedFilters: [ResolvedFilter]
    let session: EngineSession
    let filterKey: FilterKey

    init(session: EngineSession, filters: [TicketFilter]) throws(EngineError) {
        self.session = session
        self.filters = filters
        var resolved: [ResolvedFilter] = []
        for filter in filters { resolved.append(try filter.resolve(with: session.facts.names)) }
        resolvedFilters = resolved
        filterKey = FilterKey(filters.map(\.text))
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
}
