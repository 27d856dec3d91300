/// Every KPI's value for one window and one slice.
public struct KPIValues: Sendable, Equatable {
    public var created = 0
    public var solved = 0
    /// `nil` for windows other than the current one: backlog is the current status as of as-of.
    public var backlog: Int?
    public var backlogByStatus: [String: Int] = [:]
    /// Per duration KPI, per clock.
    public var durations: [KPI: [Clock: DurationStats]] = [:]
    public var reopen = Rate(numerator: 0, denominator: 0)
    public var oneTouch = Rate(numerator: 0, denominator: 0)
    public var csat = CSATCounts()
    /// Reopen events in the window (`nil` unless a history KPI was asked for).
    public var reopenEvents: Int?
    /// The backlog snapshot per age bucket (instant − created), when computed from history.
    public var backlogAges: [String: Int] = [:]
    /// How many tickets of a past backlog snapshot had no cached history (counted by the metric set).
    public var backlogWithoutHistory: Int?

    public init() {}

    /// The statistics of a duration KPI on a clock (empty when nothing was measured).
    public func stats(_ kpi: KPI, _ clock: Clock) -> DurationStats {
        durations[kpi]?[clock] ?? DurationStats([])
    }
}

/// Satisfaction ratings by score.
public struct CSATCounts: Sendable, Equatable {
    public var good = 0
    public var bad = 0
    public var offered = 0

    public init(good: Int = 0, bad: Int = 0, offered: Int = 0) {
        self.good = good
        self.bad = bad
        self.offered = offered
    }

    /// good / (good + bad).
    public var score: Rate { Rate(numerator: good, denominator: good + bad) }
    /// (good + bad) / (good + bad + offered).
    public var responseRate: Rate { Rate(numerator: good + bad, denominator: good + bad + offered) }
}
