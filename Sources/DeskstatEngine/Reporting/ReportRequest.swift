public import DeskstatReport
public import DeskstatTime

/// A report to build: its definition, resolved windows, as-of, time zone and global filters.
public struct ReportRequest: Sendable {
    public var definition: ReportDefinition
    public var window: Window
    public var windowLabel: String
    /// The comparison window, when the report compares.
    public var previous: Window?
    public var previousLabel: String?
    public var asOf: Int64
    public var timeZone: ReportTimeZone
    /// `--where` filters applied to every section (sections may add their own).
    public var filters: [TicketFilter]
    /// Where SLA outcomes come from (recorded needs `FactSet.slaEvents`).
    public var slaSource: SLASource = .evaluated
    /// `--at-risk`: list active SLA targets due to breach within this many seconds of as-of.
    public var atRiskHorizon: Int64?
    /// `--policies`: a draft SLA policy set to compare with the current one (what-if).
    public var draftPolicies: DraftPolicies?
    /// What the cache says about its completeness for the window (`FactLoader.completeness`);
    /// `nil` leaves the data-completeness warnings out.
    public var completeness: CacheCompleteness?
    /// Days after the last ticket sync or import before the report warns `stale_data`.
    public var staleAfterDays = DataCompleteness.defaultStaleAfterDays
    /// Where ticket history comes from, for the KPIs that need it (`ReportBuilder.needsHistory`);
    /// `nil`: history KPIs stay empty and a past window's backlog is not reported.
    public var history: TimelineLoader?
    /// Statistics beyond count, median, p90 and mean that the metric map must hold for every
    /// duration KPI (e.g. `within_1h` named by a `--fail-on` threshold; see `statistics(inMetricPaths:)`).
    public var extraStatistics: [StatisticName] = []

    public init(
        definition: ReportDefinition, window: Window, windowLabel: String, previous: Window?, previousLabel: String?,
        asOf: Int64, timeZone: ReportTimeZone, filters: [TicketFilter]
    ) {
        self.definition = definition
        self.window = window
        self.windowLabel = windowLabel
        self.previous = previous
        self.previousLabel = previousLabel
        self.asOf = asOf
        self.timeZone = timeZone
        self.filters = filters
    }

    /// The periods of each trend section, by section id: the last `limit` (default 12) calendar
    /// periods of its `by` unit, ending with the one holding the window's last instant.
    public var trendSeries: [String: BucketSeries] {
        var series: [String: BucketSeries] = [:]
        for section in definition.sections where section.sectionKind == .trend {
            guard let size = section.by.flatMap(BucketSize.init(rawValue:)) else { continue }
            series[section.id] = BucketSeries.trailing(
                section.limit ?? SectionKind.defaultTrendPeriods, endingWith: window.to - 1, by: size, in: timeZone)
        }
        return series
    }

    /// The facts to load, `[since, until)`: every window the report reads (current, previous and
    /// trend periods) and everything up to as-of.
    public var factRange: (since: Int64, until: Int64) {
        let starts = [window.from, previous?.from ?? window.from] + trendSeries.values.map(\.window.from)
        let ends = [window.to, asOf + 1] + trendSeries.values.map(\.window.to)
        return (starts.min() ?? window.from, ends.max() ?? window.to)
    }
}

extension ReportRequest {
    /// The statistics named by metric paths such as `first_reply_time.calendar.within_1h` or
    /// `full_resolution_time.business.p75`, in order, without repeats.
    public static func statistics(inMetricPaths paths: [String]) -> [StatisticName] {
        var found: [StatisticName] = []
        for path in paths {
            let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let kpi = KPI(rawValue: parts[0]), kpi.kind == .duration,
                Clock(rawValue: parts[1]) != nil, let statistic = StatisticName.parse(parts[2]),
                !StatisticName.standard.contains(statistic), !found.contains(statistic)
            else { continue }
            found.append(statistic)
        }
        return found
    }
}
