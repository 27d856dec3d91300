public import DeskstatCache
import DeskstatSLA
import DeskstatTime
import Foundation
public import ZendeskWire

/// Where SLA outcomes come from (`--sla-source`, docs/metrics.md).
public enum SLASource: String, Sendable, CaseIterable {
    /// Zendesk's ticket metric events: one instance per (ticket, metric, instance), as recorded.
    case recorded
    /// deskstat's evaluation of the current policies against the current tickets.
    case evaluated
    /// Recorded for tickets that have metric events, evaluated for the others.
    case auto
}

/// The ticket metric events of a fact set, by ticket id (decoded from the cache's API JSON).
public struct SLAEventSet: Sendable {
    public var byTicket: [Int64: [TicketMetricEvent]]

    public init(byTicket: [Int64: [TicketMetricEvent]] = [:]) {
        self.byTicket = byTicket
    }

    /// The stored events of the tickets in `facts`, decoded with ZendeskWire's event contract.
    public static func load(from cache: Cache, for facts: FactSet) throws(EngineError) -> SLAEventSet {
        let store = facts.store
        var ids = Set<Int64>()
        for record in store.records { ids.insert(record.id) }
        let stored: [StoredMetricEvent]
        do {
            stored = try cache.metricEvents(ticketIDs: ids)
        } catch {
            throw .cache(error.description)
        }
        var byTicket: [Int64: [TicketMetricEvent]] = [:]
        for (index, event) in stored.enumerated() {
            var decoded = TicketMetricEvent(
                id: event.id, ticketID: event.ticketID, metric: event.metric, instanceID: event.instanceID,
                type: event.type, time: event.time, deleted: event.deleted)
            if let raw = event.rawJSON {
                do {
                    let record = try Envelope.parseBareRecord(Array(raw.utf8), table: .ticketMetricEvents, index: index)
                    decoded.appliedTarget = try TicketMetricEvent(RecordReader(record)).appliedTarget
                } catch {
                    throw .cache(
                        "ticket metric event \(event.id) of ticket \(event.ticketID) cannot be read (\(error)); "
                            + "re-import ticket_metric_events or run `deskstat sync` again")
                }
            }
            byTicket[event.ticketID, default: []].append(decoded)
        }
        return SLAEventSet(byTicket: byTicket)
    }
}

/// Every loaded ticket's recorded SLA instances as of one instant.
struct RecordedSLAs: Sendable {
    /// Per ticket index: the ticket has at least one metric event (so `auto` uses the record).
    var covered: [Bool]
    /// Per ticket index with instances: the instances.
    var instances: [Int32: [SLAInstance]]

    init(store: TicketStore, events: SLAEventSet, asOf: Int64) {
        covered = [Bool](repeating: false, count: store.count)
        instances = [:]
        for (ticketID, ticketEvents) in events.byTicket {
            guard let index = store.index(of: ticketID), !ticketEvents.isEmpty else { continue }
            covered[index] = true
            let built = RecordedSLA.instances(ticketEvents, asOf: asOf)
            if !built.isEmpty { instances[Int32(index)] = built }
        }
    }
}

/// An active SLA target whose breach is due within the at-risk horizon.
public struct AtRiskTarget: Sendable, Equatable {
    public var ticketID: Int64
    public var metric: String
    public var instance: Int64?
    public var policyTitle: String
    public var priority: String
    public var targetMinutes: Double
    public var businessHours: Bool
    public var breachAt: Int64
    /// Minutes from as-of to the breach.
    public var minutesLeft: Double
    public var source: SLASource
}

/// How many tickets each source covered in a report.
public struct SLACoverage: Sendable, Equatable {
    public var source: SLASource
    public var recordedTickets = 0
    public var evaluatedTickets = 0
    /// Of the evaluated tickets, those judged from their timeline (ticket history) rather than
    /// their metric set.
    public var timelineTickets = 0

    /// "SLA source: auto — recorded metric events for 5 tickets, evaluated from policies for 40."
    public var note: String {
        let recorded = "\(recordedTickets) \(recordedTickets == 1 ? "ticket" : "tickets")"
        var evaluated = "\(evaluatedTickets) \(evaluatedTickets == 1 ? "ticket" : "tickets")"
        if timelineTickets > 0 { evaluated += " (\(timelineTickets) from their ticket history)" }
        switch source {
        case .recorded:
            return "SLA source: recorded — Zendesk's ticket metric events for \(recorded)"
                + " (tickets without events are left out)."
        case .evaluated:
            return "SLA source: evaluated — current policies applied to \(evaluated)."
        case .auto:
            return "SLA source: auto — Zendesk's ticket metric events for \(recorded), "
                + "current policies evaluated for \(evaluated) without events."
        }
    }
}

extension EngineSession {
    /// The recorded instances as of `asOf` (computed once per as-of).
    func recorded(asOf: Int64) -> RecordedSLAs {
        lock.lock()
        defer { lock.unlock() }
        if let cached = recordedByAsOf[asOf] { return cached }
        let built = RecordedSLAs(store: store, events: facts.slaEvents, asOf: asOf)
        recordedByAsOf[asOf] = built
        return built
    }

    /// Whether the ticket's SLA comes from its recorded events under the session's source.
    func usesRecord(_ index: Int, _ recorded: RecordedSLAs) -> Bool {
        switch slaSource {
        case .recorded: true
        case .evaluated: false
        case .auto: recorded.covered[index]
        }
    }

    /// `computeSLA` for the session's `slaSource`: evaluated outcomes, recorded instances, or
    /// both (each ticket from exactly one of them).
    func computeSLAForSource(
        window: Window, asOf: Int64, dimension: Dimension?, field: CustomFieldDefinition? = nil, includeActive: Bool,
        mask: [Bool]?
    )
        -> [SliceKey: SLASummary]
    {
        if slaSource == .evaluated {
            return computeEvaluatedSLA(
                window: window, asOf: asOf, dimension: dimension, field: field, includeActive: includeActive,
                mask: mask)
        }
        lock.lock()
        defer { lock.unlock() }
        let recorded = self.recorded(asOf: asOf)
        var result = computeRecordedSLA(
            recorded, window: window, dimension: dimension, field: field, includeActive: includeActive, mask: mask)
        if slaSource == .auto {
            var uncovered = mask ?? [Bool](repeating: true, count: store.count)
            for index in uncovered.indices where recorded.covered[index] { uncovered[index] = false }
            let evaluated = computeEvaluatedSLA(
                window: window, asOf: asOf, dimension: dimension, field: field, includeActive: includeActive,
                mask: uncovered)
            for (key, summary) in evaluated { result[key, default: SLASummary()].merge(summary) }
        }
        if result.isEmpty && dimension == nil && field == nil { result[.all] = SLASummary() }
        return result
    }

    /// The recorded instances counted in `window`, per slice: achieved and breached at their
    /// completion, active ones only for the current window.
    func computeRecordedSLA(
        _ recorded: RecordedSLAs, window: Window, dimension: Dimension?, field: CustomFieldDefinition? = nil,
        includeActive: Bool, mask: [Bool]?
    ) -> [SliceKey: SLASummary] {
        computeInstanceSLA(
            recorded.instances, window: window, dimension: dimension, field: field, includeActive: includeActive,
            mask: mask
        ) { usesRecord($0, recorded) }
    }

    /// SLA instances (recorded, or evaluated from timelines) of the tickets `selected` picks,
    /// counted in `window` per slice: achieved and breached at their completion, active ones
    /// only for the current window.
    func computeInstanceSLA(
        _ instancesByTicket: [Int32: [SLAInstance]], window: Window, dimension: Dimension?,
        field: CustomFieldDefinition? = nil, includeActive: Bool, mask: [Bool]?, selected: (Int) -> Bool
    ) -> [SliceKey: SLASummary] {
        let slices = field.map(fieldIndex) ?? dimensionIndex(dimension)
        let groups = dimensionIndex(.group)
        var result: [SliceKey: SLASummary] = [:]
        var keys: [Int32] = []
        for (ticketIndex, instances) in instancesByTicket {
            let index = Int(ticketIndex)
            if let mask, !mask[index] { continue }
            guard selected(index), !isDeleted(store.records[index]) else { continue }
            let priority = store.text(store.records[index].priority) ?? "none"
            let group = groups.keys[groups.ticketSlots.isEmpty ? 0 : Int(groups.ticketSlots[index])]
            keys.removeAll(keepingCapacity: true)
            if !slices.isSingle {
                slices.slots(ofTicket: index, store: store, into: &keys)
            } else {
                keys.append(slices.ticketSlots.isEmpty ? 0 : slices.ticketSlots[index])
            }
            for instance in instances {
                let counted: Bool =
                    switch instance.status {
                    case .achieved, .breached: instance.completedAt.map(window.contains) ?? false
                    case .active: includeActive
                    case .unmeasured: false
                    }
                guard counted else { continue }
                let target = targetKey(instance, priority: priority)
                for slot in keys {
                    var summary = result[slices.keys[Int(slot)]] ?? SLASummary()
                    summary.byTarget[target, default: SLACounts()].add(instance.status)
                    if instance.status == .breached { summary.breachesByGroup[group, default: 0] += 1 }
                    result[slices.keys[Int(slot)]] = summary
                }
            }
        }
        return result
    }

    /// The table key of a recorded instance: its policy as applied, ranked like the current
    /// policies (a policy that no longer exists, and group policies, after them, by id).
    func targetKey(_ instance: SLAInstance, priority: String) -> SLATargetKey {
        let order = evaluator.policyOrder
        let rank =
            instance.isGroupPolicy
            ? Int(Int32.max) : (order.firstIndex { $0.id == instance.policyID } ?? order.count + 1)
        return SLATargetKey(
            policyID: instance.policyID, policyTitle: instance.policyTitle, policyRank: rank, metric: instance.metric,
            priority: priority)
    }

    func isDeleted(_ record: TicketRecord) -> Bool {
        store.text(record.status) == "deleted"
    }

    /// How many tickets (passing `mask`, not deleted) each source covers.
    func slaCoverage(asOf: Int64, mask: [Bool]?) -> SLACoverage {
        lock.lock()
        defer { lock.unlock() }
        var coverage = SLACoverage(source: slaSource)
        let recorded = slaSource == .evaluated ? nil : self.recorded(asOf: asOf)
        let timeline = slaSource == .recorded ? nil : timelineSLAs(asOf: asOf)
        for index in 0..<store.count {
            if let mask, !mask[index] { continue }
            let record = store.records[index]
            if isDeleted(record) { continue }
            if let recorded, usesRecord(index, recorded) {
                if recorded.covered[index] { coverage.recordedTickets += 1 }
            } else if record.priority >= 0, store.text(record.priority)?.isEmpty == false {
                coverage.evaluatedTickets += 1
                if timeline?.covered[index] == true { coverage.timelineTickets += 1 }
            }
        }
        return coverage
    }

    /// Active targets whose breach is due in (asOf, asOf + horizon], soonest first: recorded
    /// instances with a scheduled breach, and evaluated calendar first-reply and total-resolution
    /// targets of unsolved tickets (due at created + target).
    func atRisk(asOf: Int64, horizon: Int64, mask: [Bool]?) -> [AtRiskTarget] {
        lock.lock()
        defer { lock.unlock() }
        let recorded = slaSource == .evaluated ? nil : self.recorded(asOf: asOf)
        let evaluations = self.evaluations(asOf: asOf)
        let timeline = timelineSLAs(asOf: asOf)
        var found: [AtRiskTarget] = []
        func due(_ at: Int64) -> Bool { at > asOf && at <= asOf + horizon }
        for index in 0..<store.count {
            if let mask, !mask[index] { continue }
            let record = store.records[index]
            if isDeleted(record) { continue }
            let priority = store.text(record.priority) ?? "none"
            // Instances (recorded, or evaluated from the timeline) carry their own breach instant.
            let instances: (list: [SLAInstance], source: SLASource)? =
                if let recorded, usesRecord(index, recorded) {
                    (recorded.instances[Int32(index)] ?? [], .recorded)
                } else if let timeline, timeline.covered[index] {
                    (timeline.instances[Int32(index)] ?? [], .evaluated)
                } else {
                    nil
                }
            if let instances {
                for instance in instances.list where instance.status == .active {
                    guard let at = instance.scheduledBreachAt, due(at) else { continue }
                    found.append(
                        AtRiskTarget(
                            ticketID: record.id, metric: instance.metric, instance: instance.instance,
                            policyTitle: instance.policyTitle, priority: priority,
                            targetMinutes: instance.targetMinutes, businessHours: instance.businessHours, breachAt: at,
                            minutesLeft: Double(at - asOf) / 60, source: instances.source))
                }
                continue
            }
            guard evaluations.policy[index] >= 0 else { continue }
            let range = evaluations.outcomeRanges[index]
            for outcomeIndex in Int(range.start)..<Int(range.start + range.count) {
                let outcome = evaluations.outcomes[outcomeIndex]
                guard outcome.status == .active, Int(outcome.target) < targetKeys.count else { continue }
                let key = targetKeys[Int(outcome.target)]
                let slot = evaluator.targetSlots[Int(outcome.target)]
                guard key.metric == "first_reply_time" || key.metric == "total_resolution_time", !slot.businessHours
                else { continue }
                let minutes = slot.targetMinutes
                let at = record.createdAt + Int64((minutes * 60).rounded())
                guard due(at) else { continue }
                found.append(
                    AtRiskTarget(
                        ticketID: record.id, metric: key.metric, instance: nil, policyTitle: key.policyTitle,
                        priority: priority, targetMinutes: minutes, businessHours: false, breachAt: at,
                        minutesLeft: Double(at - asOf) / 60, source: .evaluated))
            }
        }
        return found.sorted { ($0.breachAt, $0.ticketID, $0.metric) < ($1.breachAt, $1.ticketID, $1.metric) }
    }
}

extension SLASummary {
    /// Adds another summary's counts, breaches and warnings.
    mutating func merge(_ other: SLASummary) {
        for (key, counts) in other.byTarget { byTarget[key, default: SLACounts()].add(counts) }
        for (key, count) in other.breachesByGroup { breachesByGroup[key, default: 0] += count }
        warnings = Array(Set(warnings).union(other.warnings)).sorted()
    }
}
