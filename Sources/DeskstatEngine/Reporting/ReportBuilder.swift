public import DeskstatReport
import DeskstatTime

/// Turns KPI results into the report model: one table per section, plus the flat metric map
/// that JSON output and `--fail-on` thresholds read.
public struct ReportBuilder {
    let request: ReportRequest
    let facts: FactSet
    /// One session for every section: facts prepared, SLA evaluated and windows computed once.
    let session: EngineSession
    private var results: [String: KPIResult] = [:]

    /// Builds the report (every section computed from the same facts).
    public static func build(_ request: ReportRequest, facts: FactSet) throws(EngineError) -> Report {
        var builder = ReportBuilder(request: request, facts: facts)
        return try builder.build()
    }

    init(request: ReportRequest, facts: FactSet) {
        self.request = request
        self.facts = facts
        session = EngineSession(facts: facts)
        session.durationNeeds = Self.durationNeeds(request)
    }

    /// Which duration statistics each (filters, slice) result needs: all of them for the report's
    /// own totals (the metric map shows every statistic), and for each headline or KPI section the
    /// duration KPIs it lists. Results nobody reads statistics from skip the percentiles.
    static func durationNeeds(_ request: ReportRequest) -> [String: Set<KPI>] {
        func filterKey(_ section: [String]) -> String {
            (request.filters.map(\.text) + section).joined(separator: "\u{1F}")
        }
        var needs: [String: Set<KPI>] = [
            EngineSession.needsKey(filterKey: filterKey([]), dimension: nil): Set(KPI.durations)
        ]
        for section in request.definition.sections {
            guard section.sectionKind == .headline || section.sectionKind == .kpis else { continue }
            let kpis = Set(section.kpis.compactMap(KPI.init(rawValue:))).intersection(KPI.durations)
            let slice = try? section.by.map { text throws(EngineError) in try Slice.parse(text) }
            let dimension: Dimension? = if case .dimension(let dimension)?? = slice { dimension } else { nil }
            let filters = (try? (section.filters ?? []).map { text throws(EngineError) in try TicketFilter.parse(text).text }) ?? []
            needs[EngineSession.needsKey(filterKey: filterKey(filters), dimension: dimension), default: []].formUnion(kpis)
        }
        return needs
    }

    mutating func build() throws(EngineError) -> Report {
        let base = try result(filters: [], slice: nil)
        var sections: [ReportSection] = []
        for section in request.definition.sections {
            let slice = try section.by.map { text throws(EngineError) in try Slice.parse(text) }
            let filters = try (section.filters ?? []).map { text throws(EngineError) in try TicketFilter.parse(text) }
            let sectionResult = try result(filters: filters, slice: slice ?? defaultSlice(for: section))
            let context = SectionContext(definition: section, result: sectionResult, slice: slice ?? defaultSlice(for: section))
            var built = SectionBuilder.build(context)
            if !filters.isEmpty { built.notes.append("Filtered: " + filters.map(\.text).joined(separator: "; ")) }
            sections.append(built)
        }
        let warnings = base.current.sla[.all]?.warnings ?? []
        return Report(
            name: request.definition.name, title: request.definition.title,
            window: ReportWindow(from: request.window.from, to: request.window.to, label: request.windowLabel),
            previousWindow: request.previous.map {
                ReportWindow(from: $0.from, to: $0.to, label: request.previousLabel ?? InstantFormat.iso($0.from))
            },
            asOf: request.asOf, timeZone: request.timeZone.identifier, filters: request.filters.map(\.text),
            sections: sections, warnings: warnings, metrics: MetricMap.metrics(of: base))
    }

    /// CSAT sections slice by group unless they say otherwise; breaches always do.
    func defaultSlice(for section: SectionDefinition) -> Slice? {
        switch section.sectionKind {
        case .slaBreaches: .dimension(.group)
        default: nil
        }
    }

    /// Computes (once) the KPIs for the request's windows with extra filters and a slice.
    mutating func result(filters: [TicketFilter], slice: Slice?) throws(EngineError) -> KPIResult {
        let key = (filters.map(\.text) + ["by:" + (slice?.name ?? "-")]).joined(separator: "\u{1F}")
        if let cached = results[key] { return cached }
        let kpiRequest = KPIRequest(
            window: request.window, previous: request.previous, asOf: request.asOf, timeZone: request.timeZone,
            filters: request.filters + filters, slice: slice)
        let computed = try KPIEngine.compute(kpiRequest, session: session)
        results[key] = computed
        return computed
    }
}

/// What a section builder needs.
struct SectionContext {
    let definition: SectionDefinition
    let result: KPIResult
    let slice: Slice?

    var kpis: [KPI] { definition.kpis.compactMap(KPI.init(rawValue:)) }
    var stats: [Stat] { (definition.stats ?? ["median"]).compactMap(Stat.init(rawValue:)) }
    var clocks: [Clock] {
        switch definition.clock {
        case "business": [.business]
        case "both": [.calendar, .business]
        default: [.calendar]
        }
    }
    var comparing: Bool { result.previous != nil }
}
