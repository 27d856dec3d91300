import DeskstatSLA
import Testing

@Suite struct MeasuredValueTests {
    let created = Fixture.created

    @Test func eachMetricReadsItsMeasurement() {
        let ticket = Fixture.ticket(
            status: "solved", replyTime: Clocked(calendar: 10), requesterWait: Clocked(calendar: 50),
            onHold: Clocked(calendar: 20), fullResolution: Clocked(calendar: 90), solvedAt: created + 5400)
        let targets = ["total_resolution_time", "requester_wait_time", "first_reply_time", "agent_work_time"]
            .map { Fixture.target($0, minutes: 1000) }
        let outcomes = SLAEvaluator(policies: [Fixture.policy(id: 1, targets: targets)])
            .evaluate(ticket, asOf: created).outcomes
        #expect(
            outcomes.map(\.metric) == [
                "agent_work_time", "first_reply_time", "requester_wait_time", "total_resolution_time",
            ])
        #expect(outcomes.map(\.measuredMinutes) == [30, 10, 50, 90])
        #expect(outcomes.allSatisfy { $0.status == .achieved })
        #expect(outcomes[0].reason == "agent work time 30 min ≤ 1000 min target")
    }

    @Test func agentWorkTimeIsRequesterWaitMinusOnHoldOnTheSameClock() {
        let target = Fixture.target("agent_work_time", minutes: 25, business: true)
        let ticket = Fixture.ticket(
            status: "solved", requesterWait: Clocked(calendar: 500, business: 40),
            onHold: Clocked(calendar: 400, business: 10))
        let outcome = Fixture.outcome(target, ticket)
        #expect(outcome?.measuredMinutes == 30)
        #expect(outcome?.status == .breached)
        #expect(outcome?.reason == "agent work time 30 business min > 25 business min target")
        let noHold = Fixture.ticket(
            status: "solved", requesterWait: Clocked(business: 20), onHold: Clocked(business: 0))
        #expect(Fixture.outcome(target, noHold)?.measuredMinutes == 20)
    }

    @Test func agentWorkTimeNeedsBothMeasurements() {
        let target = Fixture.target("agent_work_time", minutes: 60)
        let cases = [
            Fixture.ticket(status: "solved", requesterWait: Clocked(calendar: 50)),
            Fixture.ticket(status: "solved", onHold: Clocked(calendar: 5)),
            // Different clocks do not mix.
            Fixture.ticket(status: "solved", requesterWait: Clocked(calendar: 50), onHold: Clocked(business: 5)),
            // Inconsistent data (on-hold longer than the whole wait) is not a measurement.
            Fixture.ticket(status: "solved", requesterWait: Clocked(calendar: 5), onHold: Clocked(calendar: 50)),
        ]
        for ticket in cases {
            let outcome = Fixture.outcome(target, ticket)
            #expect(outcome?.status == .unmeasured)
            #expect(outcome?.measuredMinutes == nil)
            #expect(outcome?.reason == "solved, but Zendesk recorded no requester wait or on-hold time (calendar)")
        }
    }

    @Test func agentWorkTimeOnUnsolvedTicketIsActive() {
        let ticket = Fixture.ticket(status: "open", requesterWait: Clocked(calendar: 90), onHold: Clocked(calendar: 10))
        let outcome = Fixture.outcome(Fixture.target("agent_work_time", minutes: 60), ticket, asOf: created + 999_999)
        #expect(outcome?.status == .active)
        #expect(outcome?.measuredMinutes == 80)
    }

    @Test func fractionalMinutesAreShortInReasons() {
        let outcome = Fixture.outcome(
            Fixture.target("first_reply_time", minutes: nil, seconds: 100),
            Fixture.ticket(replyTime: Clocked(calendar: 1.5)))
        #expect(outcome?.targetMinutes == 100.0 / 60)
        #expect(outcome?.reason == "first reply after 1.5 min ≤ 1.67 min target")
    }
}
