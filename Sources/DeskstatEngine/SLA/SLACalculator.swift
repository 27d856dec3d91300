public import DeskstatSLA
public import DeskstatTime

/// Evaluates every relevant ticket's SLA targets and counts the outcomes of one window.
///
/// Window rules (see docs/metrics.md): achieved and breached targets count in the window that
/// holds their attribution time; active targets are counted as of as-of (current window only);
/// unmeasured targets count for tickets created in the window.
///
/// Each ticket is evaluated once per as-of (see `EngineSession`), whatever the windows, slices
/// and filters asked afterwards.
public struct SLACalculator: Sendable {
    let calculator: KPICalculator

    public init(calculator: KPICalculator) {
        self.calculator = calculator
    }

    /// Every evaluation, ticket by ticket (tickets with a priority that pass the filters).
    public func evaluations(asOf: Int64) -> [(TicketFact, SLAEvaluation)] {
        let evaluator = calculator.session.evaluator
        return calculator.facts.tickets.compactMap { ticket in
            guard ticket.priority != nil, ticket.status != "deleted", calculator.includes(ticket) else { return nil }
            return (ticket, evaluator.evaluate(ticket.slaTicket, asOf: asOf, recordingConditions: false))
        }
    }

    /// Counts for `window`, split by `dimension` (or one `SliceKey.all` entry).
    public func compute(window: Window, asOf: Int64, by dimension: Dimension?, includeActive: Bool) -> [SliceKey:
        SLASummary]
    {
        let session = calculator.session
        if dimension == .tag || calculator.resolvedFilters.contains(where: { $0.dimension == .tag }) {
            try? session.needTags()
        }
        return session.computeSLA(
            window: window, asOf: asOf, dimension: dimension, includeActive: includeActive,
            mask: session.mask(calculator.resolvedFilters, key: calculator.filterKey))
    }

    func counts(_ outcome: SLATargetOutcome, ticket: TicketFact, window: Window, includeActive: Bool) -> Bool {
        switch outcome.status {
        case .achieved, .breached: outcome.attributedAt.map(window.contains) ?? false
        case .active: includeActive
        case .unmeasured: window.contains(ticket.createdAt)
        }
    }
}
