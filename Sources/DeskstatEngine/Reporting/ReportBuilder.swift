public import DeskstatReport
import DeskstatTime

/// Turns KPI results into the report model: one table per section, plus the flat metric map
/// that JSON output and `--fail-on` thresholds read.
public struct ReportBuilder {
    let request: ReportRequest
    let facts: FactSet
    /// One session for every section: facts prepared, SLA evaluated and windows computed once.
    let session: EngineSession
    /// The definition's sections with their slices and filters parsed.
    let sections: [ParsedSection]
    private var results: [ResultKey: SectionResult] = [:]

    /// A section with its `by` and `where` parsed.
    struct ParsedSection {
        let definition: SectionDefinition
        let slice: Slice?
        let filters: [TicketFilter]
    }

    /// Which filters and slice a section result is for.
    private struct ResultKey: Hashable {
        let filters: [String]
        let slice: String?
    }

    /// Builds the report (every section computed from the same facts).
    public static func build(_ request: ReportRequest, facts: FactSet) throws(EngineError) -> Report {
        var builder = try ReportBuilder(request: request, facts: facts)
        return try builder.build()
    }

    init(request: ReportRequest, facts: FactSet) throws(EngineError) {
        self.request = request
        self.facts = facts
        var sections: [ParsedSection] = []
        for section in request.definition.sections {
            let slice = try section.by.map { text throws(EngineError) in try Slice.parse(text) }
            let filters = try (section.filters ?? []).map { text throws(EngineError) in try TicketFilter.parse(text) }
            sections.append(ParsedSection(definition: section, slice: slice, filters: filters))
        }
        self.sections = sections
        session = EngineSession(facts: facts)
        session.slaSource = request.slaSource
        session.durationNeeds = Self.durationNeeds(request, sections: sections)
        session.distributionNeeds = Self.distributionNeeds(request)
    }

    /// Every statistic beyond the standard four that a section or the request names (the
    /// metric map holds them for every duration KPI).
    static func extraStatistics(_ request: ReportRequest) -> [StatisticName] {
        var extra: [StatisticName] = []
        let named = request.definition.sections.flatMap { ($0.stats ?? []).compactMap(StatisticName.parse) }
        for statistic in named + request.extraStatistics {
            let unpinned = MetricMap.unpinned(statistic)
            if !StatisticName.standard.contains(unpinned) && !extra.contains(unpinned) { extra.append(unpinned) }
        }
        return extra
    }

    /// The percentiles, thresholds and histograms the report's sections and metric map read.
    static func distributionNeeds(_ request: ReportRequest) -> DistributionNeeds {
        var needs = DistributionNeeds()
        for statistic in extraStatistics(request) { needs.add(statistic) }
        needs.histogram = request.definition.sections.contains { $0.sectionKind == .histogram }
        return needs
    }

    /// Which duration statistics each (filters, slice) result needs: all of them for the report's
    /// own totals (the metric map shows every statistic), and for each headline or KPI section the
    /// duration KPIs it lists. Results nobody reads statistics from skip the percentiles.
    static func durationNeeds(_ request: ReportRequest, sections: [ParsedSection]) -> [NeedsKey: Set<KPI>] {
        func filterKey(_ section: [TicketFilter]) -> FilterKey {
            FilterKey((request.filters + section).map(\.text))
        }
        var needs: [NeedsKey: Set<KPI>] = [NeedsKey(filters: filterKey([]), dimension: nil): Set(KPI.durations)]
        for section in sections {
            let definition = section.definition
            guard [.headline, .kpis, .histogram, .scorecard].contains(definition.sectionKind) else { continue }
            let kpis: Set<KPI> =
                definition.sectionKind == .scorecard
                ? [.firstReplyTime, .fullResolutionTime]
                : Set(definition.kpis.compactMap(KPI.init(rawValue:))).intersection(KPI.durations)
            let dimension: Dimension? = if case .dimension(let dimension)? = section.slice { dimension } else { nil }
            needs[NeedsKey(filters: filterKey(section.filters), dimension: dimension), default: []].formUnion(kpis)
        }
        return needs
    }

    mutating func build() throws(EngineError) -> Report {
        // Tags are loaded up front when a section slices or filters by them; after that nothing
        // below can fail, and each window is computed only if a section reads it.
        let usesTags =
            request.filters.contains { $0.dimension == .tag }
            || sections.contains { section in
                section.slice == .dimension(.tag) || section.filters.contains { $0.dimension == .tag }
            }
        if usesTags { try session.needTags() }
        if let loader = request.history {
            let kpisNeedHistory = Self.needsHistory(request, sections: sections)
            let slaNeedsHistory = Self.evaluatesSLAFromTimelines(request)
            if kpisNeedHistory || slaNeedsHistory {
                let historyKPIs = kpisNeedHistory && Self.listsHistoryKPIs(request)
                let ids = session.timelineTicketIDs(
                    everyTicket: historyKPIs || (slaNeedsHistory && Self.evaluatesEveryTicket(request)),
                    backlogFrom: kpisNeedHistory ? Self.earliestBacklogSnapshot(request) : nil,
                    autoSLAAsOf: slaNeedsHistory ? request.asOf : nil)
                let loaded = try loader.historyFacts(ticketIDs: ids)
                if kpisNeedHistory {
                    session.history = loaded
                    session.history?.kpisRequested = historyKPIs
                }
                if slaNeedsHistory { session.slaHistory = loaded }
            }
        }
        let base = try result(filters: [], slice: nil)
        var sections: [ReportSection] = []
        let trendSeries = request.trendSeries
        for parsed in self.sections {
            let section = parsed.definition
            let (slice, filters) = (parsed.slice, parsed.filters)
            if section.sectionKind == .trend, let series = trendSeries[section.id] {
                let calculator = try KPICalculator(session: session, filters: request.filters + filters)
                let backlog = section.kpis.contains(KPI.backlog.rawValue)
                var built = SectionBuilder.trend(
                    section, values: calculator.trend(series, asOf: request.asOf, backlog: backlog),
                    asOf: request.asOf)
                if !filters.isEmpty { built.notes.append("Filtered: " + filters.map(\.text).joined(separator: "; ")) }
                sections.append(built)
                continue
            }
            let sectionResult = try result(filters: filters, slice: slice ?? defaultSlice(for: section))
            let context = SectionContext(
                definition: section, result: sectionResult, slice: slice ?? defaultSlice(for: section))
            var built = SectionBuilder.build(context)
            built.notes += Self.fieldNotes(sectionResult.field)
            if !filters.isEmpty { built.notes.append("Filtered: " + filters.map(\.text).joined(separator: "; ")) }
            if context.showsSLA || [.sla, .slaBreaches, .scorecard].contains(section.sectionKind) {
                built.notes.append(slaSourceNote(sectionResult))
            }
            sections.append(built)
        }
        sections += try slaExtraSections(base)
        let completeness =
            request.completeness.map {
                DataCompleteness.warnings($0, asOf: request.asOf, staleAfterDays: request.staleAfterDays)
            } ?? []
        let warnings =
            completeness
            + (base.current.sla[.all]?.warnings ?? []).map {
                ReportWarning(code: ReportWarning.Code.slaPolicyNotUnderstood.rawValue, message: $0)
            }
        return Report(
            name: request.definition.name, title: request.definition.title,
            window: ReportWindow(from: request.window.from, to: request.window.to, label: request.windowLabel),
            previousWindow: request.previous.map {
                ReportWindow(from: $0.from, to: $0.to, label: request.previousLabel ?? InstantFormat.iso($0.from))
            },
            asOf: request.asOf, timeZone: request.timeZone.identifier, filters: request.filters.map(\.text),
            sections: sections, warnings: warnings,
            metrics: MetricMap.metrics(
                totals: base.totals.result, previousTotals: base.previousTotals?.result,
                extra: Self.extraStatistics(request)))
    }

    /// What a reader must know about a custom-field slice: double counting, inactive fields.
    static func fieldNotes(_ field: CustomFieldDefinition?) -> [String] {
        guard let field else { return [] }
        var notes: [String] = []
        if field.isMultiple {
            notes.append(
                "\"\(field.title)\" is a multiselect field: a ticket counts under each selected option, "
                    + "so the rows add up to more than the total.")
        }
        if !field.active { notes.append("\"\(field.title)\" is inactive in Zendesk; its stored values are shown.") }
        return notes
    }

    /// CSAT sections slice by group unless they say otherwise; breaches always do.
    func defaultSlice(for section: SectionDefinition) -> Slice? {
        switch section.sectionKind {
        case .slaBreaches: .dimension(.group)
        default: nil
        }
    }

    /// The KPIs for the request's windows with extra filters and a slice; each window is
    /// computed the first time a section reads it (and at most once per session).
    mutating func result(filters: [TicketFilter], slice: Slice?) throws(EngineError) -> SectionResult {
        let key = ResultKey(filters: filters.map(\.text), slice: slice?.name)
        if let cached = results[key] { return cached }
        let kpiRequest = KPIRequest(
            window: request.window, previous: request.previous, asOf: request.asOf, timeZone: request.timeZone,
            filters: request.filters + filters, slice: slice)
        let calculator = try KPICalculator(session: session, filters: kpiRequest.filters)
        let computed = SectionResult(
            request: kpiRequest, calculator: calculator, field: try calculator.customField(of: slice))
        results[key] = computed
        return computed
    }
}

/// A request's windows, each computed when first read (`KPIResult`, lazily).
final class SectionResult {
    let request: KPIRequest
    let calculator: KPICalculator
    /// The custom field of a `field:` slice.
    let field: CustomFieldDefinition?

    init(request: KPIRequest, calculator: KPICalculator, field: CustomFieldDefinition? = nil) {
        self.request = request
        self.calculator = calculator
        self.field = field
    }

    /// Whether the report compares with a previous window.
    var comparing: Bool { request.previous != nil }

    lazy var current = LazyWindow(
        request.window, calculator, request, current: true, slice: request.slice, field: field)
    lazy var previous: LazyWindow? = request.previous.map {
        LazyWindow($0, calculator, request, current: false, slice: request.slice, field: field)
    }
    lazy var totals: LazyWindow =
        request.slice == nil ? current : LazyWindow(request.window, calculator, request, current: true, slice: nil)
    lazy var previousTotals: LazyWindow? =
        request.slice == nil
        ? previous : request.previous.map { LazyWindow($0, calculator, request, current: false, slice: nil) }
}

/// One window of a `SectionResult`: KPIs and SLA counts, each computed when first read.
final class LazyWindow {
    let window: Window
    let calculator: KPICalculator
    let request: KPIRequest
    let current: Bool
    let slice: Slice?
    /// The custom field of a `field:` slice (its values already loaded).
    let field: CustomFieldDefinition?

    init(
        _ window: Window, _ calculator: KPICalculator, _ request: KPIRequest, current: Bool, slice: Slice?,
        field: CustomFieldDefinition? = nil
    ) {
        self.window = window
        self.calculator = calculator
        self.request = request
        self.current = current
        self.slice = slice
        self.field = field
    }

    lazy var kpis: [SliceKey: KPIValues] = perSlice { window, dimension, current in
        calculator.kpiValues(window, asOf: request.asOf, by: dimension, field: field, current: current)
    }

    lazy var sla: [SliceKey: SLASummary] = perSlice { window, dimension, current in
        calculator.slaCounts(window, asOf: request.asOf, by: dimension, field: field, current: current)
    }

    /// `compute` for the window sliced by the dimension, or once per time bucket (each bucket
    /// unsliced and without backlog), keyed by the bucket's start.
    private func perSlice<Value>(_ compute: (Window, Dimension?, Bool) -> [SliceKey: Value]) -> [SliceKey: Value] {
        guard let size = bucketSize else { return compute(window, dimension, current) }
        var values: [SliceKey: Value] = [:]
        for bucket in Buckets.split(window, by: size, in: request.timeZone) {
            // A bucket cut by the window's edge or running past as-of is not a whole period.
            let whole = BucketSeries.trailing(1, endingWith: bucket.window.from, by: size, in: request.timeZone)
            let partial = whole.window != bucket.window || bucket.window.to > request.asOf
            values[SliceKey(key: String(bucket.window.from), label: bucket.label + (partial ? " (partial)" : ""))] =
                compute(bucket.window, nil, false)[.all]
        }
        return values
    }

    /// The unsliced (or only) values.
    var overall: KPIValues { kpis[.all] ?? KPIValues() }

    var result: WindowResult { WindowResult(window: window, kpis: kpis, sla: sla) }

    /// The slice's dimension (`nil` for none and for time buckets). Tags are loaded before any
    /// window is read (`ReportBuilder.build`), so computing cannot fail.
    private var dimension: Dimension? {
        if case .dimension(let dimension)? = slice { return dimension }
        return nil
    }

    /// The bucket size of a time slice.
    private var bucketSize: BucketSize? {
        switch slice {
        case .day?: .day
        case .week?: .week
        case .month?: .month
        default: nil
        }
    }
}

/// What a section builder needs.
struct SectionContext {
    let definition: SectionDefinition
    let result: SectionResult
    let slice: Slice?

    var kpis: [KPI] { definition.kpis.compactMap(KPI.init(rawValue:)) }
    var stats: [StatisticName] { (definition.stats ?? ["median"]).compactMap(StatisticName.parse) }
    var clocks: [Clock] {
        switch definition.clock {
        case "business": [.business]
        case "both": [.calendar, .business]
        default: [.calendar]
        }
    }
    var comparing: Bool { result.comparing }
    /// The heading of the slice column: the custom field's title, else the slice name.
    func sliceTitle(_ name: String) -> String { result.field?.displayTitle ?? name.capitalized }
    /// Whether the section shows SLA counts (only then are they computed).
    var showsSLA: Bool { kpis.contains(.sla) }
}
