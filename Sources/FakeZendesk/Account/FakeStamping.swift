/// How ``FakeZendeskServer/mutate(stamping:_:)`` moves version timestamps of what a change touched.
public enum FakeStamping: Sendable, Equatable {
    /// An agent-visible update: changed and new records get `updated_at` (and tickets
    /// `generated_timestamp`) set to the next tick of the account clock.
    case asZendeskWould
    /// A system-only update (automation, auto-close): changed tickets get a new
    /// `generated_timestamp` but keep `updated_at`. Other tables are stamped as ``asZendeskWould``.
    case systemUpdate
    /// Timestamps stay exactly as the closure left them.
    case none
}

/// A record with an id, a creation time and a version time that `mutate` can stamp.
protocol FakeVersioned: Equatable {
    var stampID: String { get }
    var createdAt: Int64 { get set }
    var updatedAt: Int64 { get set }
}

extension FakeUser: FakeVersioned { var stampID: String { String(id) } }
extension FakeOrganization: FakeVersioned { var stampID: String { String(id) } }
extension FakeGroup: FakeVersioned { var stampID: String { String(id) } }
extension FakeTicketField: FakeVersioned { var stampID: String { String(id) } }
extension FakeTicketForm: FakeVersioned { var stampID: String { String(id) } }
extension FakeMacro: FakeVersioned { var stampID: String { String(id) } }
extension FakeSLAPolicy: FakeVersioned { var stampID: String { String(id) } }
extension FakeSatisfactionRating: FakeVersioned { var stampID: String { String(id) } }
extension FakeSchedule: FakeVersioned { var stampID: String { String(id) } }

extension FakeAccount {
    /// Stamps what changed since `old`: records that are new or differ, and whose version the
    /// closure did not move past the old clock, get `tick` (the old clock + 1 second).
    mutating func stamp(changesSince old: FakeAccount, _ stamping: FakeStamping) {
        let oldNow = max(old.now, old.latestTimestamp)
        guard stamping != .none, self != old else {
            now = max(now, oldNow, latestTimestamp)
            return
        }
        let tick = oldNow + 1
        stampTickets(old: old, oldNow: oldNow, tick: tick, systemOnly: stamping == .systemUpdate)
        Self.stamp(&users, old: old.users, oldNow: oldNow, tick: tick)
        Self.stamp(&organizations, old: old.organizations, oldNow: oldNow, tick: tick)
        Self.stamp(&groups, old: old.groups, oldNow: oldNow, tick: tick)
        Self.stamp(&ticketFields, old: old.ticketFields, oldNow: oldNow, tick: tick)
        Self.stamp(&ticketForms, old: old.ticketForms, oldNow: oldNow, tick: tick)
        Self.stamp(&macros, old: old.macros, oldNow: oldNow, tick: tick)
        Self.stamp(&slaPolicies, old: old.slaPolicies, oldNow: oldNow, tick: tick)
        Self.stamp(&satisfactionRatings, old: old.satisfactionRatings, oldNow: oldNow, tick: tick)
        Self.stamp(&schedules, old: old.schedules, oldNow: oldNow, tick: tick)
        stampMemberships(old: old.groupMemberships, oldNow: oldNow, tick: tick)
        stampEventsAndAudits(tick: tick)
        now = max(tick, latestTimestamp)
    }

    /// Stamps new or changed records of one table.
    static func stamp<Record: FakeVersioned>(_ records: inout [Record], old: [Record], oldNow: Int64, tick: Int64) {
        let previous = Dictionary(old.map { ($0.stampID, $0) }, uniquingKeysWith: { first, _ in first })
        for index in records.indices where records[index] != previous[records[index].stampID] {
            if records[index].createdAt == 0 { records[index].createdAt = tick }
            if records[index].updatedAt <= oldNow { records[index].updatedAt = tick }
        }
    }

    /// Tickets change when their record or their audits change; metric sets get their own stamp.
    mutating func stampTickets(old: FakeAccount, oldNow: Int64, tick: Int64, systemOnly: Bool) {
        let previous = Dictionary(old.tickets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in tickets.indices {
            let id = tickets[index].id
            let before = previous[id]
            guard tickets[index] != before || audits[id] != old.audits[id] else { continue }
            if tickets[index].createdAt == 0 { tickets[index].createdAt = tick }
            if tickets[index].generatedTimestamp <= oldNow { tickets[index].generatedTimestamp = tick }
            if (!systemOnly || before == nil) && tickets[index].updatedAt <= oldNow { tickets[index].updatedAt = tick }
            if let metric = tickets[index].metricSet, metric != before?.metricSet, metric.updatedAt <= oldNow {
                tickets[index].metricSet?.updatedAt = tick
                if metric.createdAt == 0 { tickets[index].metricSet?.createdAt = tick }
            }
        }
    }

    /// Memberships may lack `updated_at`; a changed one gets one.
    mutating func stampMemberships(old: [FakeGroupMembership], oldNow: Int64, tick: Int64) {
        let previous = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in groupMemberships.indices where groupMemberships[index] != previous[groupMemberships[index].id] {
            if groupMemberships[index].createdAt == 0 { groupMemberships[index].createdAt = tick }
            if (groupMemberships[index].updatedAt ?? 0) <= oldNow { groupMemberships[index].updatedAt = tick }
        }
    }

    /// Metric events and audits are immutable: only new ones without a time get the tick.
    mutating func stampEventsAndAudits(tick: Int64) {
        for index in ticketMetricEvents.indices where ticketMetricEvents[index].time == 0 {
            ticketMetricEvents[index].time = tick
        }
        for ticketID in audits.keys {
            guard var list = audits[ticketID], list.contains(where: { $0.createdAt == 0 }) else { continue }
            for index in list.indices where list[index].createdAt == 0 { list[index].createdAt = tick }
            audits[ticketID] = list
        }
    }
}
