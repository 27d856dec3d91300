/// One usable policy target, ready to judge tickets.
struct CompiledTarget: Sendable {
    let metricName: String
    let metric: SLAMetric
    let priority: String
    let minutes: Double
    let businessHours: Bool
    /// "60 min target" / "60 business min target", for reasons.
    let targetText: String

    init(metricName: String, metric: SLAMetric, priority: String, minutes: Double, businessHours: Bool) {
        self.metricName = metricName
        self.metric = metric
        self.priority = priority
        self.minutes = minutes
        self.businessHours = businessHours
        targetText = "\(Minutes.text(minutes)) \(businessHours ? "business min" : "min") target"
    }

    /// Rule: targets sort by metric name (then calendar before business, then by target), so
    /// outcomes come out sorted without sorting per ticket.
    static func precedes(_ lhs: CompiledTarget, _ rhs: CompiledTarget) -> Bool {
        if lhs.metricName != rhs.metricName { return lhs.metricName < rhs.metricName }
        if lhs.businessHours != rhs.businessHours { return !lhs.businessHours }
        return lhs.minutes < rhs.minutes
    }

    /// The clock's name in reasons.
    var unit: String { businessHours ? "business min" : "min" }
}
