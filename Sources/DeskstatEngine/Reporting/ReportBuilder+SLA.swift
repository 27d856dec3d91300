import DeskstatReport
public import DeskstatSLA
import DeskstatTime
import ZendeskWire

/// A proposed SLA policy set for a what-if comparison (`deskstat report sla --policies FILE`).
public struct DraftPolicies: Sendable, Equatable {
    /// Where the draft came from, for the report's notes.
    public var file: String
    public var policies: [SLAPolicyDefinition]
    /// The draft is a whole policy set (a list); otherwise it updates or adds the policies it
    /// holds and keeps the other current ones (a single `{"sla_policy": …}` body or policy object).
    public var replacesAll: Bool

    public init(file: String, policies: [SLAPolicyDefinition], replacesAll: Bool = true) {
        self.file = file
        self.policies = policies
        self.replacesAll = replacesAll
    }

    /// The proposed policy set, given the current policies.
    public func proposedSet(current: [SLAPolicyDefinition]) -> [SLAPolicyDefinition] {
        guard !replacesAll else { return policies }
        let changed = Set(policies.map(\.id))
        return current.filter { !changed.contains($0.id) } + policies
    }

    /// Reads Zendesk SLA policy API bodies: `{"sla_policies": [...]}` or a list (the whole proposed
    /// set, as `GET /api/v2/slas/policies` returns it), or `{"sla_policy": {...}}` or a bare policy
    /// object (one policy updated or added, as a `PUT`/`POST` body; the other policies stay).
    /// A policy without an `id` (a new one) gets a negative id in file order.
    public static func parse(json bytes: [UInt8], file: String) throws(EngineError) -> DraftPolicies {
        let value: JSONValue
        do {
            value = try Envelope.parseValue(bytes)
        } catch {
            throw .badPolicies(file: file, problem: "\(error)")
        }
        let bodies: [JSONValue]
        var replacesAll = true
        switch value {
        case .array(let items): bodies = items
        case .object(let members):
            if case .array(let items)? = members["sla_policies"] {
                bodies = items
            } else if let single = members["sla_policy"] {
                bodies = [single]
                replacesAll = false
            } else if members["policy_metrics"] != nil {
                bodies = [value]
                replacesAll = false
            } else {
                throw .badPolicies(
                    file: file,
                    problem: "expected {\"sla_policies\": [...]}, {\"sla_policy\": {...}} or a policy object "
                        + "with \"policy_metrics\"; found keys \(members.keys.sorted().joined(separator: ", "))")
            }
        default:
            throw .badPolicies(file: file, problem: "expected an object or a list of SLA policies")
        }
        var policies: [SLAPolicyDefinition] = []
        for (index, body) in bodies.enumerated() {
            guard var members = body.objectValue else {
                throw .badPolicies(file: file, problem: "policy \(index + 1) is not an object")
            }
            if members["id"] == nil || members["id"] == .null { members["id"] = .integer(-Int64(index + 1)) }
            let reader = RecordReader(
                members: members, context: RecordContext(key: "sla_policies", index: index, id: nil))
            do {
                let policy = SLAPolicyDefinition(try SLAPolicy(reader))
                if policy.targets.isEmpty {
                    throw EngineError.badPolicies(
                        file: file, problem: "policy \(index + 1) (\(policy.title)) has no \"policy_metrics\"")
                }
                policies.append(policy)
            } catch let error as EngineError {
                throw error
            } catch {
                throw .badPolicies(file: file, problem: "policy \(index + 1): \(error)")
            }
        }
        if policies.isEmpty { throw .badPolicies(file: file, problem: "the file holds no SLA policy") }
        return DraftPolicies(file: file, policies: policies, replacesAll: replacesAll)
    }
}

/// One what-if row's identity: the same policy id, metric and priority in both policy sets.
struct WhatIfKey: Hashable {
    var policyID: Int64
    var metric: String
    var priority: String
}

extension ReportBuilder {
    /// "SLA source: …" for a section (tickets passing the report's and the section's filters).
    func slaSourceNote(_ result: SectionResult) -> String {
        let calculator = result.calculator
        let mask = session.mask(calculator.resolvedFilters, key: calculator.filterKey)
        return session.slaCoverage(asOf: request.asOf, mask: mask).note
    }

    /// The at-risk and what-if sections, when asked for.
    func slaExtraSections(_ base: SectionResult) throws(EngineError) -> [ReportSection] {
        var sections: [ReportSection] = []
        let mask = session.mask(base.calculator.resolvedFilters, key: base.calculator.filterKey)
        if let horizon = request.atRiskHorizon {
            sections.append(atRiskSection(horizon: horizon, mask: mask, note: slaSourceNote(base)))
        }
        if let draft = request.draftPolicies {
            sections.append(try whatIfSection(draft, mask: mask))
        }
        return sections
    }

    func atRiskSection(horizon: Int64, mask: [Bool]?, note: String) -> ReportSection {
        let items = session.atRisk(asOf: request.asOf, horizon: horizon, mask: mask)
        let columns = [
            ReportColumn(id: "ticket", title: "Ticket", kind: .label),
            ReportColumn(id: "metric", title: "Metric", kind: .label),
            ReportColumn(id: "instance", title: "Instance", kind: .label),
            ReportColumn(id: "policy", title: "Policy", kind: .label),
            ReportColumn(id: "priority", title: "Priority", kind: .label),
            ReportColumn(id: "target_minutes", title: "Target", kind: .minutes),
            ReportColumn(id: "clock", title: "Clock", kind: .label),
            ReportColumn(id: "breach_at", title: "Breaches at", kind: .timestamp),
            ReportColumn(id: "minutes_left", title: "Time left", kind: .minutes),
            ReportColumn(id: "source", title: "Source", kind: .label),
        ]
        let rows: [[ReportValue]] = items.map { item in
            [
                .integer(item.ticketID), .text(item.metric), item.instance.map { .integer($0) } ?? .null,
                .text(item.policyTitle), .text(item.priority), .number(item.targetMinutes),
                .text(item.businessHours ? "business" : "calendar"), .integer(item.breachAt),
                .number(item.minutesLeft), .text(item.source.rawValue),
            ]
        }
        return ReportSection(
            id: "sla_at_risk", title: "SLA targets at risk (due within \(Self.horizonText(horizon)) of as-of)",
            tables: [ReportTable(id: "at_risk", columns: columns, rows: rows)],
            notes: [
                note,
                "Active targets whose breach is due after as-of and within the horizon, soonest first. Time left "
                    + "is wall-clock minutes. Evaluated targets are listed only on the calendar clock (first reply "
                    + "and total resolution, due at created + target).",
            ])
    }

    static func horizonText(_ seconds: Int64) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400) d" }
        if seconds % 3600 == 0 { return "\(seconds / 3600) h" }
        if seconds % 60 == 0 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }

    /// Current policies and the draft, both evaluated by deskstat against the same tickets and
    /// window, side by side per policy × metric × priority: from the ticket's timeline where the
    /// cache has its history (every next reply, updates, pauses, business-hour breaches), else
    /// from its metric set, the same way on both sides.
    func whatIfSection(_ draft: DraftPolicies, mask: [Bool]?) throws(EngineError) -> ReportSection {
        let current = EngineSession(facts: facts)
        let proposed = EngineSession(
            facts: facts, policies: draft.proposedSet(current: facts.policies.map(\.definition)))
        current.slaHistory = session.slaHistory
        proposed.slaHistory = session.slaHistory
        if !proposed.evaluator.testedTags.isSubset(of: current.evaluator.testedTags) {
            try proposed.needTags()
        }
        func counts(_ session: EngineSession) -> [WhatIfKey: (key: SLATargetKey, counts: SLACounts)] {
            let summary =
                session.computeEvaluatedSLA(
                    window: request.window, asOf: request.asOf, dimension: nil, field: nil, includeActive: true,
                    mask: mask)[.all] ?? SLASummary()
            var result: [WhatIfKey: (key: SLATargetKey, counts: SLACounts)] = [:]
            for (key, value) in summary.byTarget {
                result[WhatIfKey(policyID: key.policyID, metric: key.metric, priority: key.priority)] = (key, value)
            }
            return result
        }
        let before = counts(current)
        let after = counts(proposed)
        let keys = Set(before.keys).union(after.keys).sorted { lhs, rhs in
            let left = after[lhs]?.key ?? before[lhs]?.key
            let right = after[rhs]?.key ?? before[rhs]?.key
            let leftRank = after[lhs] == nil ? 1 : 0
            let rightRank = after[rhs] == nil ? 1 : 0
            if leftRank != rightRank { return leftRank < rightRank }
            guard let left, let right else { return false }
            return left < right
        }
        let columns = [
            ReportColumn(id: "policy", title: "Policy", kind: .label),
            ReportColumn(id: "metric", title: "Metric", kind: .label),
            ReportColumn(id: "priority", title: "Priority", kind: .label),
            ReportColumn(id: "current_target", title: "Target now", kind: .minutes),
            ReportColumn(id: "draft_target", title: "Draft target", kind: .minutes),
            ReportColumn(id: "current_achieved", title: "Achieved now", kind: .count),
            ReportColumn(id: "current_breached", title: "Breached now", kind: .count),
            ReportColumn(id: "draft_achieved", title: "Achieved (draft)", kind: .count),
            ReportColumn(id: "draft_breached", title: "Breached (draft)", kind: .count),
            ReportColumn(id: "breached_change", title: "Breached Δ", kind: .delta),
            ReportColumn(id: "current_rate", title: "Achieved % now", kind: .ratio),
            ReportColumn(id: "draft_rate", title: "Achieved % (draft)", kind: .ratio),
            ReportColumn(id: "rate_change", title: "Achieved % Δ", kind: .ratioDelta),
        ]
        func target(_ session: EngineSession, _ key: WhatIfKey) -> ReportValue {
            let order = session.evaluator.policyOrder
            guard
                let slot = session.evaluator.targetSlots.first(where: {
                    order[$0.policyIndex].id == key.policyID && $0.metric == key.metric && $0.priority == key.priority
                })
            else { return .null }
            return .number(slot.targetMinutes)
        }
        var rows: [[ReportValue]] = []
        var totalBefore = SLACounts()
        var totalAfter = SLACounts()
        func row(_ labels: [ReportValue], _ old: SLACounts, _ new: SLACounts) -> [ReportValue] {
            let oldRate = old.achievementRate.value
            let newRate = new.achievementRate.value
            return labels + [
                .integer(Int64(old.achieved)), .integer(Int64(old.breached)), .integer(Int64(new.achieved)),
                .integer(Int64(new.breached)), .integer(Int64(new.breached - old.breached)),
                MetricItem.number(oldRate), MetricItem.number(newRate),
                oldRate.flatMap { old in newRate.map { .number($0 - old) } } ?? .null,
            ]
        }
        for key in keys {
            let old = before[key]?.counts ?? SLACounts()
            let new = after[key]?.counts ?? SLACounts()
            totalBefore.add(old)
            totalAfter.add(new)
            let title = after[key]?.key.policyTitle ?? before[key]?.key.policyTitle ?? ""
            rows.append(
                row(
                    [
                        .text(title), .text(key.metric), .text(key.priority), target(current, key),
                        target(proposed, key),
                    ], old, new))
        }
        rows.append(row([.text("All policies"), .text("all"), .text("all"), .null, .null], totalBefore, totalAfter))
        var notes = [
            "What-if: the current policies and the draft in \(draft.file), both evaluated by deskstat from the "
                + "policy definitions against the same tickets, window and as-of (active targets included), so the "
                + "difference comes only from the policy change. The cache is not changed.",
            "Targets are matched by policy id, metric and priority; a draft policy without an id is new. "
                + (draft.replacesAll
                    ? "The draft is the whole proposed policy set."
                    : "The draft updates or adds the policies it holds; the other current policies stay."),
        ]
        let untestedFields = Set(draft.policies.flatMap { $0.all + $0.any }.compactMap(\.field))
            .filter { $0.hasPrefix("custom_fields_") }
            .subtracting(facts.policies.flatMap { $0.conditions.compactMap(\.field) })
        if !untestedFields.isEmpty {
            notes.append(
                "The draft tests custom fields the current policies do not (\(untestedFields.sorted().joined(separator: ", "))); "
                    + "deskstat loads only the custom fields current policies test, so those conditions do not hold.")
        }
        return ReportSection(
            id: "sla_what_if", title: "What-if: draft SLA policies (\(draft.file))",
            tables: [ReportTable(id: "what_if", columns: columns, rows: rows)], notes: notes)
    }
}
