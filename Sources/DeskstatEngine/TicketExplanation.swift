import DeskstatSLA
public import DeskstatTime

/// Every input and decision behind one ticket's numbers, for `deskstat explain`.
public struct TicketExplanation: Sendable {
    /// A labelled line: what was looked at and what was decided.
    public struct Line: Sendable, Equatable {
        public let label: String
        public let value: String
    }

    public var ticketID: Int64
    public var fields: [Line]
    /// Which KPIs the ticket counts in for the window, and why (or why not).
    public var membership: [Line]
    public var durations: [Line]
    /// The applied policy ("Standard (id 8101)"), or why none applies.
    public var slaPolicy: String?
    /// The applied policy, `nil` when none applies.
    public var appliedPolicy: String?
    /// Every policy tried, in order, with each condition's outcome.
    public var slaTrials: [(policy: String, matched: Bool, conditions: [Line])]
    public var slaTargets: [Line]
    /// The ticket's history from its cached updates and comments (``timelineLines(_:schedule:)``).
    public var timeline: [Line] = []
    public var warnings: [String]

    /// Explains ticket `id` against `window` as of `asOf`.
    public static func explain(_ id: Int64, facts: FactSet, window: Window, asOf: Int64) throws(EngineError)
        -> TicketExplanation
    {
        guard let ticket = try facts.ticket(id) else {
            throw facts.childRecords.isEmpty
                ? .ticketNotFound(id) : .ticketOnlyInChildren(id, children: facts.childRecords)
        }
        let names = facts.names
        let fields: [Line] = [
            Line(label: "status", value: ticket.status ?? "–"),
            Line(label: "priority", value: ticket.priority ?? "(none)"),
            Line(label: "type", value: ticket.type ?? "(none)"),
            Line(label: "channel", value: ticket.viaChannel ?? "(none)"),
            Line(label: "group", value: names.label(ticket.groupID, in: .group)),
            Line(label: "assignee", value: names.label(ticket.assigneeID, in: .assignee)),
            Line(label: "organization", value: names.label(ticket.organizationID, in: .organization)),
            Line(label: "created_at", value: InstantFormat.iso(ticket.createdAt)),
            Line(label: "solved_at", value: ticket.metrics?.solvedAt.map(InstantFormat.iso) ?? "–"),
            Line(label: "tags", value: ticket.tags.isEmpty ? "(none)" : ticket.tags.joined(separator: " ")),
            Line(
                label: "metric set",
                value: ticket.metrics == nil ? "missing: no durations, not counted as solved" : "present"),
        ]
        let evaluation = SLAEvaluator(policies: facts.policies.map(\.definition)).evaluate(ticket.slaTicket, asOf: asOf)
        let applied = evaluation.policy.map { "\($0.title) (id \($0.id))" }
        var targets = evaluation.outcomes.map { outcome in
            let clock = outcome.businessHours ? "business" : "calendar"
            let when = outcome.attributedAt.map { " at \(InstantFormat.iso($0))" } ?? ""
            let counted =
                outcome.attributedAt.map { window.contains($0) ? " (in the window)" : " (outside the window)" } ?? ""
            return Line(
                label: "\(outcome.metric) [\(outcome.priority), \(format(outcome.targetMinutes)) min \(clock)]",
                value: "\(outcome.status.rawValue)\(when)\(counted): \(outcome.reason)")
        }
        if let policy = evaluation.policy, targets.isEmpty {
            let priority = ticket.priority.map { "priority \($0)" } ?? "tickets without a priority"
            targets = [
                Line(
                    label: "none",
                    value: "the applied policy \"\(policy.title)\" has no target for \(priority), "
                        + "so the ticket counts in no SLA figure")
            ]
        }
        return TicketExplanation(
            ticketID: id, fields: fields, membership: membership(ticket, window: window, asOf: asOf),
            durations: durations(ticket), slaPolicy: applied ?? evaluation.noSLAReason, appliedPolicy: applied,
            slaTrials: evaluation.conditionsByPolicy.map { trial in
                (
                    "\(trial.title) (id \(trial.policyID))", trial.matched,
                    trial.conditions.map { condition in
                        Line(
                            label:
                                "\(condition.kind.rawValue) \(condition.field) \(condition.operatorName) \(condition.valueText)",
                            value: (condition.matched ? "matched" : "not matched")
                                + (condition.note.map { " — \($0)" } ?? ""))
                    }
                )
            },
            slaTargets: targets,
            warnings: evaluation.warnings)
    }

    static func membership(_ ticket: TicketFact, window: Window, asOf: Int64) -> [Line] {
        let created = window.contains(ticket.createdAt)
        let solvedAt = ticket.isSolved ? ticket.metrics?.solvedAt : nil
        let solved = solvedAt.map(window.contains) ?? false
        return [
            Line(
                label: "created",
                value: created ? "yes: created_at is in the window" : "no: created_at is outside the window"),
            Line(
                label: "solved",
                value: solved
                    ? "yes: solved/closed and solved_at is in the window"
                    : ticket.isSolved
                        ? (solvedAt == nil
                            ? "no: no solved_at in the metric set" : "no: solved_at is outside the window")
                        : "no: status is \(ticket.status ?? "unknown")"),
            Line(
                label: "backlog",
                value: ticket.isUnsolved && ticket.createdAt <= asOf
                    ? "yes: unsolved (\(ticket.status ?? "")) as of as-of" : "no"),
            Line(label: "first reply time sample", value: created && ticket.metrics != nil ? "yes" : "no"),
            Line(label: "resolution and wait samples", value: solved ? "yes" : "no"),
        ]
    }

    static func durations(_ ticket: TicketFact) -> [Line] {
        guard let metrics = ticket.metrics else { return [] }
        var lines = KPI.durations.compactMap { kpi -> Line? in
            guard let pair = kpi.duration(of: metrics) else { return nil }
            return Line(
                label: kpi.rawValue,
                value: "calendar \(pair.calendar.map(format) ?? "–"), business \(pair.business.map(format) ?? "–") min")
        }
        lines.append(Line(label: "reopens", value: metrics.reopens.map(String.init) ?? "–"))
        lines.append(Line(label: "replies", value: metrics.replies.map(String.init) ?? "–"))
        return lines
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String((value * 100).rounded() / 100)
    }
}
