public import DeskstatCache
public import DeskstatTime

/// What to compute: a window (and optionally the one before it), as-of, filters and a slice.
public struct KPIRequest: Sendable {
    public var window: Window
    public var previous: Window?
    public var asOf: Int64
    public var timeZone: ReportTimeZone
    public var filters: [TicketFilter]
    public var slice: Slice?
    /// Where SLA outcomes come from (docs/metrics.md); recorded needs `FactSet.slaEvents`.
    public var slaSource: SLASource = .evaluated

    public init(
        window: Window, previous: Window?, asOf: Int64, timeZone: ReportTimeZone, filters: [TicketFilter], slice: Slice?
    ) {
        self.window = window
        self.previous = previous
        self.asOf = asOf
        self.timeZone = timeZone
        self.filters = filters
        self.slice = slice
    }
}

/// The numbers for one window: KPIs and SLA outcomes per slice.
public struct WindowResult: Sendable {
    public var window: Window
    public var kpis: [SliceKey: KPIValues]
    public var sla: [SliceKey: SLASummary]

    /// The unsliced (or only) values.
    public var overall: KPIValues { kpis[.all] ?? KPIValues() }
}

/// The result of a request: the current window, the previous one when asked, and facts used.
public struct KPIResult: Sendable {
    public var request: KPIRequest
    public var current: WindowResult
    public var previous: WindowResult?
    /// Unsliced totals of the current window (equal to `current` when there is no slice).
    public var totals: WindowResult
    public var previousTotals: WindowResult?
    public var names: NameDirectory
}

/// Reads the cache and computes KPIs. It never touches the network or the clock.
public struct KPIEngine: Sendable {
    public let cache: Cache

    public init(cache: Cache) {
        self.cache = cache
    }

    public func run(_ request: KPIRequest) throws -> KPIResult {
        let since = min(request.window.from, request.previous?.from ?? request.window.from)
        let until = max(request.window.to, request.asOf + 1)
        let facts = try FactLoader(cache: cache).load(since: since, until: until)
        return try Self.compute(request, facts: facts)
    }

    /// Computes a request over already loaded facts (tests call this directly).
    public static func compute(_ request: KPIRequest, facts: FactSet) throws(EngineError) -> KPIResult {
        let session = EngineSession(facts: facts)
        session.slaSource = request.slaSource
        return try compute(request, session: session)
    }

    /// Computes a request in a session: every window, slice and filter set is computed once per
    /// session (a sliced request's totals are the unsliced request's windows).
    static func compute(_ request: KPIRequest, session: EngineSession) throws(EngineError) -> KPIResult {
        let calculator = try KPICalculator(session: session, filters: request.filters)
        func window(_ window: Window, current: Bool, slice: Slice?) throws(EngineError) -> WindowResult {
            switch slice {
            case nil:
                let (kpis, sla) = try calculator.window(window, asOf: request.asOf, by: nil, current: current)
                return WindowResult(window: window, kpis: kpis, sla: sla)
            case .dimension(let dimension)?:
                let (kpis, sla) = try calculator.window(window, asOf: request.asOf, by: dimension, current: current)
                return WindowResult(window: window, kpis: kpis, sla: sla)
            case .field?:
                let field = try calculator.customField(of: slice)
                let (kpis, sla) = try calculator.window(
                    window, asOf: request.asOf, by: nil, field: field, current: current)
                return WindowResult(window: window, kpis: kpis, sla: sla)
            case .day?, .week?, .month?:
                var kpis: [SliceKey: KPIValues] = [:]
                var slas: [SliceKey: SLASummary] = [:]
                let size: BucketSize = slice == .day ? .day : slice == .week ? .week : .month
                for bucket in Buckets.split(window, by: size, in: request.timeZone) {
                    let key = SliceKey(key: String(bucket.window.from), label: bucket.label)
                    let (bucketKPIs, bucketSLA) = try calculator.window(
                        bucket.window, asOf: request.asOf, by: nil, current: false)
                    kpis[key] = bucketKPIs[.all]
                    slas[key] = bucketSLA[.all]
                }
                return WindowResult(window: window, kpis: kpis, sla: slas)
            }
        }
        let current = try window(request.window, current: true, slice: request.slice)
        let previous = try request.previous.map { previous throws(EngineError) in
            try window(previous, current: false, slice: request.slice)
        }
        let totals = request.slice == nil ? current : try window(request.window, current: true, slice: nil)
        let previousTotals =
            request.slice == nil
            ? previous
            : try request.previous.map { previous throws(EngineError) in
                try window(previous, current: false, slice: nil)
            }
        return KPIResult(
            request: request, current: current, previous: previous, totals: totals, previousTotals: previousTotals,
            names: session.facts.names)
    }
}
