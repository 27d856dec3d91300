/// The faults a plan puts on each request, with the per-rule match counts that triggers need.
struct FaultBook: Sendable {
    private(set) var plan: FaultPlan
    private var counts: [Int]

    init(plan: FaultPlan) {
        self.plan = plan
        counts = Array(repeating: 0, count: plan.rules.count)
    }

    /// Counts a request against every matching rule; returns the faults that fire, in plan order.
    mutating func faults(forPath path: String) -> AppliedFaults {
        var fired: [Fault] = []
        for (index, rule) in plan.rules.enumerated() where rule.matches(path: path) {
            counts[index] += 1
            if rule.trigger.fires(onMatch: counts[index]) { fired.append(rule.fault) }
        }
        return AppliedFaults(fired)
    }
}

/// The faults that fired on one request, sorted by what they affect.
struct AppliedFaults: Sendable {
    let all: [Fault]

    init(_ faults: [Fault]) {
        all = faults
    }

    /// The status fault that answers instead of the endpoint, if any.
    var status: (code: Int, retryAfter: String?, body: String, contentType: String)? {
        for fault in all {
            if case .status(let code, let retryAfter, let body, let contentType) = fault {
                return (code, retryAfter, body, contentType)
            }
        }
        return nil
    }

    /// Seconds to wait before answering (unscaled).
    var delay: Double {
        all.reduce(0) { total, fault in
            if case .slow(let seconds) = fault { return total + max(0, seconds) }
            return total
        }
    }

    var truncatesBody: Bool { all.contains(.truncatedBody) }
    var dropsConnection: Bool { all.contains(.dropConnection) }

    /// Faults that change a paginated page's content.
    var page: PageFaults {
        PageFaults(
            emptyPage: all.contains(.emptyPage), duplicateBoundary: all.contains(.duplicateBoundary),
            nullFinalCursor: all.contains(.nullFinalCursor))
    }
}

/// Faults that change what a page holds rather than how it is delivered.
struct PageFaults: Sendable {
    var emptyPage = false
    var duplicateBoundary = false
    var nullFinalCursor = false
}
