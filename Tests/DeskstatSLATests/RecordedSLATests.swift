import DeskstatSLA
import Testing
import ZendeskWire

/// Recorded SLA instances from metric-event streams shaped like the Ticket Metric Events
/// reference's examples. Every expected value is worked out by hand in the comments.
@Suite struct RecordedSLATests {
    /// 2026-11-16T00:00:00Z (a Monday), and minutes/hours after it.
    static let monday: Int64 = 1_794_787_200
    static func at(_ hours: Double) -> Int64 { monday + Int64(hours * 3600) }

    static func target(_ minutes: Double, business: Bool = false, seconds: Double? = nil, policy: Int64 = 8101)
        -> MetricEventTarget
    {
        MetricEventTarget(
            policyID: policy, policyTitle: "P\(policy)", target: minutes, targetInSeconds: seconds,
            businessHours: business)
    }

    /// Events of ticket 1 numbered in order.
    struct Stream {
        var events: [TicketMetricEvent] = []
        mutating func add(
            _ metric: String, _ instance: Int64, _ type: String, _ time: Int64, deleted: Bool? = nil,
            target: MetricEventTarget? = nil, status: Duration? = nil, ticket: Int64 = 1
        ) {
            events.append(
                TicketMetricEvent(
                    id: Int64(events.count + 1), ticketID: ticket, metric: metric, instanceID: instance, type: type,
                    time: time, deleted: deleted, appliedTarget: target, status: status))
        }
    }

    @Test func firstReplyFulfilledBeforeItsBreachIsAchieved() {
        // Urgent first reply, 3630 s (60.5 min) calendar, applied 13:00; the breach Zendesk had
        // scheduled for 14:00:30 is deleted because the reply came at 13:50.
        var stream = Stream()
        stream.add("reply_time", 1, "apply_sla", Self.at(13), target: Self.target(60, seconds: 3630))
        stream.add("reply_time", 1, "activate", Self.at(13))
        stream.add("reply_time", 1, "breach", Self.at(14) + 30, deleted: true)
        stream.add("reply_time", 1, "fulfill", Self.at(13 + 50.0 / 60))
        let instances = RecordedSLA.instances(stream.events, asOf: Self.at(48))
        #expect(instances.count == 1)
        #expect(instances.first?.metric == "first_reply_time")
        #expect(instances.first?.targetMinutes == 60.5)
        #expect(instances.first?.status == .achieved)
        #expect(instances.first?.completedAt == Self.at(13 + 50.0 / 60))
    }

    @Test func businessHoursBreachOverAWeekend() {
        // Next reply, 120 business min (Mon–Fri 09–17), applied Fri 2026-11-13 15:30: 90 min on
        // Friday, 30 on Monday → Zendesk's breach at Mon 09:30; the reply at 10:10 is late.
        var stream = Stream()
        let friday = Self.monday - 3 * 86_400
        stream.add("reply_time", 2, "apply_sla", friday + 15 * 3600 + 1800, target: Self.target(120, business: true))
        stream.add("reply_time", 2, "activate", friday + 15 * 3600 + 1800)
        stream.add("reply_time", 2, "breach", Self.at(9.5), deleted: false)
        stream.add("reply_time", 2, "fulfill", Self.at(10 + 10.0 / 60))
        stream.add(
            "reply_time", 2, "update_status", Self.at(10 + 10.0 / 60), status: Duration(calendar: 4000, business: 160))
        let instance = RecordedSLA.instances(stream.events, asOf: Self.at(48)).first
        #expect(instance?.metric == "next_reply_time")
        #expect(instance?.status == .breached)
        #expect(instance?.completedAt == Self.at(9.5))
        #expect(instance?.elapsed == Clocked(calendar: 4000, business: 160))
        // As of Monday 09:00 the breach has not happened yet: active, due at 09:30.
        let before = RecordedSLA.instances(stream.events, asOf: Self.at(9)).first
        #expect(before?.status == .active)
        #expect(before?.scheduledBreachAt == Self.at(9.5))
    }

    @Test func threeNextRepliesOneBreachedCountAsThreeInstances() {
        var stream = Stream()
        stream.add("reply_time", 1, "apply_sla", Self.at(0), target: Self.target(120))
        stream.add("reply_time", 1, "activate", Self.at(0))
        stream.add("reply_time", 1, "fulfill", Self.at(0.5))
        // Next replies: 240 business min each; the second is answered after its breach.
        for (instance, start, breach, reply, deleted) in [
            (Int64(2), 14.0, 34.0, 15.0, true), (3, 33.0, 37.0, 38.5, false), (4, 58.0, 62.0, 59.0, true),
        ] {
            stream.add("reply_time", instance, "apply_sla", Self.at(start), target: Self.target(240, business: true))
            stream.add("reply_time", instance, "activate", Self.at(start))
            stream.add("reply_time", instance, "breach", Self.at(breach), deleted: deleted)
            stream.add("reply_time", instance, "fulfill", Self.at(reply))
        }
        let instances = RecordedSLA.instances(stream.events, asOf: Self.at(100))
        #expect(instances.map(\.metric) == ["first_reply_time"] + Array(repeating: "next_reply_time", count: 3))
        #expect(instances.map(\.instance) == [1, 2, 3, 4])
        #expect(instances.map(\.status) == [.achieved, .achieved, .breached, .achieved])
        #expect(instances.map(\.completedAt) == [Self.at(0.5), Self.at(15), Self.at(37), Self.at(59)])
    }

    @Test func pausedRequesterWaitCountsOnlyRunningTime() {
        // 480 min calendar requester wait: runs 08:00–09:00 (60), paused (pending) 09:00–13:00,
        // runs again from 13:00. As of 14:00 it is active and, with 420 min left, due at 20:00.
        var stream = Stream()
        stream.add("requester_wait_time", 1, "apply_sla", Self.at(8), target: Self.target(480))
        stream.add("requester_wait_time", 1, "activate", Self.at(8))
        stream.add("requester_wait_time", 1, "pause", Self.at(9))
        stream.add("requester_wait_time", 1, "activate", Self.at(13))
        let running = RecordedSLA.instances(stream.events, asOf: Self.at(14)).first
        #expect(running?.status == .active)
        #expect(running?.scheduledBreachAt == Self.at(20))
        // While paused there is no scheduled breach.
        let paused = RecordedSLA.instances(stream.events, asOf: Self.at(10)).first
        #expect(paused?.status == .active)
        #expect(paused?.scheduledBreachAt == nil)
        // Fulfilled at 13:40 (solved): achieved then.
        stream.add("requester_wait_time", 1, "fulfill", Self.at(13 + 40.0 / 60))
        let solved = RecordedSLA.instances(stream.events, asOf: Self.at(14)).first
        #expect(solved?.status == .achieved)
        #expect(solved?.completedAt == Self.at(13 + 40.0 / 60))
        // Reopened at 15:00: the metric runs again, so it is active again as of 16:00.
        stream.add("requester_wait_time", 1, "activate", Self.at(15))
        #expect(RecordedSLA.instances(stream.events, asOf: Self.at(16)).first?.status == .active)
    }

    @Test func periodicUpdateInstances() {
        var stream = Stream()
        stream.add("periodic_update_time", 1, "apply_sla", Self.at(11), target: Self.target(1440))
        stream.add("periodic_update_time", 1, "activate", Self.at(11))
        stream.add("periodic_update_time", 1, "breach", Self.at(35), deleted: true)
        stream.add("periodic_update_time", 1, "fulfill", Self.at(33))
        stream.add("periodic_update_time", 2, "apply_sla", Self.at(33), target: Self.target(1440))
        stream.add("periodic_update_time", 2, "activate", Self.at(33))
        stream.add("periodic_update_time", 2, "breach", Self.at(57), deleted: false)
        let instances = RecordedSLA.instances(stream.events, asOf: Self.at(100))
        #expect(instances.map(\.metric) == ["periodic_update_time", "periodic_update_time"])
        #expect(instances.map(\.status) == [.achieved, .breached])
        #expect(instances.map(\.completedAt) == [Self.at(33), Self.at(57)])
    }

    @Test func groupSLAFromApplyGroupSLA() throws {
        let record = try Envelope.parseBareRecord(
            Array(
                """
                {"id": 9, "ticket_id": 1033, "metric": "group_ownership_time", "instance_id": 1,
                 "type": "apply_group_sla", "time": "2026-11-19T09:00:00Z",
                 "group_sla": {"target": 240, "business_hours": true,
                               "policy": {"id": "9101", "title": "Tier 2 ownership", "description": null}}}
                """.utf8), table: .ticketMetricEvents, index: 0)
        let applied = try TicketMetricEvent(RecordReader(record))
        #expect(
            applied.appliedTarget
                == MetricEventTarget(
                    policyID: 9101, policyTitle: "Tier 2 ownership", target: 240, businessHours: true,
                    isGroupPolicy: true))
        let start: Int64 = 1_795_078_800  // 2026-11-19T09:00:00Z
        var stream = Stream()
        stream.events = [applied]
        stream.add("group_ownership_time", 1, "activate", start, ticket: 1033)
        stream.add("group_ownership_time", 1, "breach", start + 4 * 3600, deleted: false, ticket: 1033)
        let instance = try #require(RecordedSLA.instances(stream.events, asOf: start + 86_400).first)
        #expect(instance.metric == "group_ownership_time" && instance.isGroupPolicy)
        #expect(instance.policyTitle == "Tier 2 ownership" && instance.policyID == 9101)
        #expect(instance.status == .breached && instance.completedAt == start + 4 * 3600)
    }

    @Test func policyChangedMidTicketKeepsThePolicyAsApplied() {
        // First reply under Standard (8101, 480 business) while in Support; the ticket then
        // moved to Tier 2 and its next reply was applied by Tier 2 (8103, 240 business).
        var stream = Stream()
        stream.add("reply_time", 1, "apply_sla", Self.at(16.5), target: Self.target(480, business: true, policy: 8101))
        stream.add("reply_time", 1, "activate", Self.at(16.5))
        stream.add("reply_time", 1, "fulfill", Self.at(33.5))
        stream.add("reply_time", 2, "apply_sla", Self.at(58), target: Self.target(240, business: true, policy: 8103))
        stream.add("reply_time", 2, "activate", Self.at(58))
        stream.add("reply_time", 2, "fulfill", Self.at(59))
        let instances = RecordedSLA.instances(stream.events, asOf: Self.at(100))
        #expect(instances.map(\.policyID) == [8101, 8103])
        #expect(instances.map(\.targetMinutes) == [480, 240])
        #expect(instances.map(\.status) == [.achieved, .achieved])
    }

    @Test func activeTargetDueInTwoHoursIsAtRisk() {
        // Total resolution 2880 min calendar from Sat 2026-11-21 20:00; Zendesk scheduled the
        // breach for Mon 2026-11-23 20:00. As of Mon 18:00: active, 120 min left.
        var stream = Stream()
        let saturday = Self.monday + 5 * 86_400 + 20 * 3600
        stream.add("resolution_time", 1, "apply_sla", saturday, target: Self.target(2880))
        stream.add("resolution_time", 1, "activate", saturday)
        stream.add("resolution_time", 1, "breach", saturday + 2 * 86_400, deleted: false)
        let asOf = saturday + 2 * 86_400 - 2 * 3600
        let instance = RecordedSLA.instances(stream.events, asOf: asOf).first
        #expect(instance?.metric == "total_resolution_time")
        #expect(instance?.status == .active)
        #expect(instance?.scheduledBreachAt == asOf + 7200)
        // Without Zendesk's breach event, the calendar target gives the same instant.
        stream.events.removeLast()
        #expect(RecordedSLA.instances(stream.events, asOf: asOf).first?.scheduledBreachAt == asOf + 7200)
    }

    @Test func eventsWithoutAnAppliedTargetAreNoInstance() {
        var stream = Stream()
        stream.add("reply_time", 1, "breach", Self.at(1), deleted: true)
        stream.add("agent_work_time", 0, "measure", Self.at(1))
        stream.add("reply_time", 1, "activate", Self.at(1))
        #expect(RecordedSLA.instances(stream.events, asOf: Self.at(10)).isEmpty)
        // A target applied after as-of does not exist yet.
        stream.add("reply_time", 1, "apply_sla", Self.at(20), target: Self.target(60))
        #expect(RecordedSLA.instances(stream.events, asOf: Self.at(10)).isEmpty)
    }
}

@Suite struct ScheduledBreachTests {
    @Test func aBreachDeletedByALaterFulfilWasStillDueAsOfAnEarlierInstant() {
        // First reply applied at 10:00, 120 business min, Zendesk's breach at 12:00 (deleted when
        // the reply came at 11:30). As of 11:00 the breach at 12:00 was still due.
        let ten = RecordedSLATests.at(10)
        var stream = RecordedSLATests.Stream()
        stream.add("reply_time", 1, "apply_sla", ten, target: RecordedSLATests.target(120, business: true))
        stream.add("reply_time", 1, "activate", ten)
        stream.add("reply_time", 1, "breach", ten + 7200, deleted: true)
        stream.add("reply_time", 1, "fulfill", ten + 5400)
        let asOfEleven = RecordedSLA.instances(stream.events, asOf: ten + 3600).first
        #expect(asOfEleven?.status == .active)
        #expect(asOfEleven?.scheduledBreachAt == ten + 7200)
        #expect(RecordedSLA.instances(stream.events, asOf: ten + 6000).first?.status == .achieved)
    }
}
