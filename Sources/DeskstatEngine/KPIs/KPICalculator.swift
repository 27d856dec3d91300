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
        for filter in filters {
            if let reference = filter.field {
                resolved.append(try session.resolveFieldFilter(filter, reference: reference))
            } else {
                resolved.append(try filter.resolve(with: session.facts.names))
            }
        }
        resolvedFilters = resolved
        filterKey = FilterKey(filters.map(\.text))
    }

    /// Both KPIs and SLA counts for a window, cached in the session.
    func window(
        _ window: Window, asOf: Int64, by dimension: Dimension?, field: CustomFieldDefinition? = nil, current: Bool
    ) throws(EngineError) -> (kpis: [SliceKey: KPIValues], sla: [SliceKey: SLASummary]) {
        try session.window(
            window, asOf: asOf, filters: resolvedFilters, filterKey: filterKey, filtersGiven: !filters.isEmpty,
            dimension: dimension, field: field, current: current)
    }

    /// The KPIs of a window (tags must already be loaded when slicing or filtering by them, and
    /// a custom field's values when slicing by it: `customField(_:)`).
    func kpiValues(
        _ window: Window, asOf: Int64, by dimension: Dimension?, field: CustomFieldDefinition? = nil, current: Bool
    ) -> [SliceKey: KPIValues] {
        session.kpis(
            window, asOf: asOf, filters: resolvedFilters, filterKey: filterKey, filtersGiven: !filters.isEmpty,
            dimension: dimension, field: field, current: current)
    }

    /// The SLA counts of a window (same condition).
    func slaCounts(
        _ window: Window, asOf: Int64, by dimension: Dimension?, field: CustomFieldDefinition? = nil, current: Bool
    ) -> [SliceKey: SLASummary] {
        session.slaSummaries(
            window, asOf: asOf, filters: resolvedFilters, filterKey: filterKey, dimension: dimension, field: field,
            current: current)
    }

    /// The custom field a slice names (its values loaded), or `nil` for other slices.
    func customField(of slice: Slice?) throws(EngineError) -> CustomFieldDefinition? {
        guard case .field(let reference)? = slice else { return nil }
        return try session.customField(reference)
    }

    /// The KPIs and SLA counts of every period of `series`, in one pass (see `EngineSession.computeTrend`);
    /// `backlog`: each period's end-of-period backlog too (from ticket history).
    func trend(_ series: BucketSeries, asOf: Int64, backlog: Bool = false) -> TrendValues {
        session.computeTrend(
            series: series, asOf: asOf, mask: session.mask(resolvedFilters, key: filterKey),
            filtersGiven: !filters.isEmpty, backlog: backlog)
    }
}
