import DeskstatCache
public import DeskstatSLA
import DeskstatTimeline

/// `deskstat reconcile --sla`: every ticket with both metric events and a timeline, its recorded
/// instances beside the ones evaluated from its timeline.
public struct SLAReconcileResult: Sendable, Equatable {
    /// Per ticket, in ticket id order.
    public var tickets: [SLAReconciliation]

    /// Instances compared across all tickets.
    public var compared: Int { tickets.reduce(0) { $0 + $1.compared } }
    /// Instances that differ.
    public var differing: Int { tickets.reduce(0) { $0 + $1.differences.count } }
    /// agreeing / compared instances (`nil` when nothing was compared).
    public var agreementRate: Double? {
        compared == 0 ? nil : Double(compared - differing) / Double(compared)
    }
}

extension TimelineLoader {
    /// Compares, for every non-deleted ticket with both cached metric events and a cached history,
    /// Zendesk's recorded SLA instances with the instances deskstat evaluates from the timeline
    /// under today's policies, as of `asOf` (docs/metrics.md, "Recorded and evaluated, reconciled").
    public func reconcileSLA(asOf: Int64) throws(EngineError) -> SLAReconcileResult {
        let ids: [Int64]
        let schedules = try scheduleBook().book
        do {
            ids = try cache.ticketIDsWithHistory()
        } catch {
            throw .cache(String(describing: error))
        }
        var tickets: [SLAReconciliation] = []
        for id in ids {
            var facts: FactSet
            do {
                facts = try FactLoader(cache: cache).loadTicket(id)
            } catch {
                throw .cache(String(describing: error))
            }
            facts.slaEvents = try SLAEventSet.load(from: cache, for: facts)
            guard facts.slaEvents.ticketIDs.contains(id), let index = facts.store.index(of: id) else {
                continue
            }
            let session = EngineSession(facts: facts)
            if session.isDeleted(session.store.records[index]) { continue }
            session.slaHistory = HistoryFacts(timelines: [id: try timeline(id)], schedules: schedules)
            let evaluations = session.evaluations(asOf: asOf)
            let policyIndex = Int(evaluations.policy[index])
            let order = session.evaluator.policyOrder
            tickets.append(
                SLAReconciliation.compare(
                    ticketID: id, recorded: session.recorded(asOf: asOf).instances[Int32(index)] ?? [],
                    evaluated: session.timelineSLAs(asOf: asOf)?.instances[Int32(index)] ?? [],
                    evaluatedPolicy: policyIndex >= 0 ? order[policyIndex] : nil, currentPolicyIDs: Set(order.map(\.id))
                ))
        }
        return SLAReconcileResult(tickets: tickets)
    }
}
