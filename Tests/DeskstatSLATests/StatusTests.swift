import DeskstatSLA
import Testing

@Suite struct StatusTests {
    let created = Fixture.created
    let frt = Fixture.target("first_reply_time", minutes: 60)
    let trt = Fixture.target("total_resolution_time", minutes: 600)
    let rwt = Fixture.target("requester_wait_time", minutes: 60)

    @Test func equalToTargetIsAchievedAboveIsBreached() {
        let exactly = Fixture.outcome(frt, Fixture.ticket(replyTime: Clocked(calendar: 60)))
        #expect(exactly?.status == .achieved)
        #expect(exactly?.reason == "first reply after 60 min ≤ 60 min target")
        let over = Fixture.outcome(frt, Fixture.ticket(replyTime: Clocked(calendar: 60.5)))
        #expect(over?.status == .breached)
        #expect(over?.reason == "first reply after 60.5 min > 60 min target")
    }

    @Test func nonPausableMeasurementSettlesUnsolvedTickets() {
        #expect(
            Fixture.outcome(frt, Fixture.ticket(status: "open", replyTime: Clocked(calendar: 45)))?.status == .achieved)
        let reopened = Fixture.ticket(status: "open", fullResolution: Clocked(calendar: 700))
        #expect(Fixture.outcome(trt, reopened)?.status == .breached)
    }

    @Test func pausableMeasurementOnUnsolvedTicketIsActive() {
        let waiting = Fixture.ticket(status: "pending", requesterWait: Clocked(calendar: 500))
        let outcome = Fixture.outcome(rwt, waiting, asOf: created + 86_400)
        #expect(outcome?.status == .active)
        #expect(outcome?.measuredMinutes == 500)
        #expect(outcome?.attributedAt == nil)
        #expect(outcome?.reason == "not solved yet; requester wait time is final when the ticket is solved")
    }

    @Test(arguments: ["solved", "closed"])
    func solvedTicketsSettlePausableMetrics(status: String) {
        #expect(
            Fixture.outcome(rwt, Fixture.ticket(status: status, requesterWait: Clocked(calendar: 50)))?.status
                == .achieved)
        let late = Fixture.outcome(rwt, Fixture.ticket(status: status, requesterWait: Clocked(calendar: 70)))
        #expect(late?.status == .breached)
        #expect(late?.reason == "requester waited 70 min > 60 min target")
    }

    @Test(arguments: [Int64(0), nil] as [Int64?])
    func solvedWithoutReplyAchievesFirstReply(replies: Int64?) {
        let ticket = Fixture.ticket(status: "solved", solvedAt: created + 5000, replies: replies)
        let outcome = Fixture.outcome(frt, ticket)
        #expect(outcome?.status == .achieved)
        #expect(outcome?.measuredMinutes == nil)
        #expect(outcome?.reason == "solved without a public reply; the solve fulfils the first reply target")
        // The rule looks at the target's clock: a calendar-only reply time leaves a business
        // target to be fulfilled by the solve.
        let calendarOnly = Fixture.ticket(
            status: "solved", replyTime: Clocked(calendar: 30), solvedAt: created + 5000, replies: replies)
        #expect(Fixture.outcome(Fixture.target("first_reply_time", business: true), calendarOnly)?.status == .achieved)
    }

    @Test func solvedWithRepliesButNoReplyTimeIsUnmeasured() {
        let outcome = Fixture.outcome(frt, Fixture.ticket(status: "solved", solvedAt: created + 5000, replies: 2))
        #expect(outcome?.status == .unmeasured)
        #expect(outcome?.reason == "solved, but Zendesk recorded no reply time (calendar)")
        #expect(outcome?.attributedAt == nil)
    }

    @Test func solvedWithoutMeasurementIsUnmeasured() {
        let solved = Fixture.ticket(status: "solved", solvedAt: created + 5000)
        #expect(Fixture.outcome(rwt, solved)?.status == .unmeasured)
        #expect(
            Fixture.outcome(rwt, solved)?.reason == "solved, but Zendesk recorded no requester wait time (calendar)")
        let business = Fixture.outcome(Fixture.target("total_resolution_time", business: true), solved)
        #expect(business?.status == .unmeasured)
        #expect(business?.reason == "solved, but Zendesk recorded no full resolution time (business hours)")
    }

    @Test func solvedWithoutAMetricSetIsUnmeasured() {
        let ticket = Fixture.ticket(status: "solved", solvedAt: created + 5000, hasMetrics: false)
        for target in [frt, trt, rwt] {
            let outcome = Fixture.outcome(target, ticket)
            #expect(outcome?.status == .unmeasured)
            #expect(outcome?.reason == "solved, but the ticket has no metric set")
        }
    }

    @Test func unsolvedCalendarTargetBreachesOneSecondAfterTheTarget() {
        let ticket = Fixture.ticket(status: "open")
        let atTarget = Fixture.outcome(frt, ticket, asOf: created + 3600)
        #expect(atTarget?.status == .active)
        #expect(atTarget?.reason == "no first reply yet; 60 of 60 min elapsed")
        let oneSecondOver = Fixture.outcome(frt, ticket, asOf: created + 3601)
        #expect(oneSecondOver?.status == .breached)
        #expect(oneSecondOver?.reason == "no first reply yet and 60.02 min since creation > 60 min target")
        // Without a metric set the age rule still applies.
        let noMetrics = Fixture.ticket(status: "new", hasMetrics: false)
        #expect(Fixture.outcome(frt, noMetrics, asOf: created + 3601)?.status == .breached)
    }

    @Test func unsolvedTotalResolutionBreachesByAge() {
        let ticket = Fixture.ticket(status: "hold")
        #expect(Fixture.outcome(trt, ticket, asOf: created + 36_000)?.status == .active)
        let late = Fixture.outcome(trt, ticket, asOf: created + 36_001)
        #expect(late?.status == .breached)
        #expect(late?.reason == "not resolved yet and 600.02 min since creation > 600 min target")
    }

    @Test func unsolvedBusinessTargetStaysActive() {
        let outcome = Fixture.outcome(
            Fixture.target("first_reply_time", minutes: 60, business: true), Fixture.ticket(status: "open"),
            asOf: created + 864_000)
        #expect(outcome?.status == .active)
        #expect(outcome?.attributedAt == nil)
        #expect(outcome?.reason == "no first reply yet; business minutes are known only once Zendesk measures them")
    }

    @Test(arguments: ["next_reply_time", "periodic_update_time", "pausable_update_time"])
    func auditOnlyMetricsAreUnmeasured(metric: String) {
        for status in ["open", "solved"] {
            let ticket = Fixture.ticket(status: status, replyTime: Clocked(calendar: 5), solvedAt: created + 60)
            let outcome = Fixture.outcome(Fixture.target(metric), ticket, asOf: created + 999_999)
            #expect(outcome?.status == .unmeasured)
            #expect(outcome?.attributedAt == nil)
            #expect(outcome?.reason == "\(metric) needs ticket audits, which deskstat does not read yet")
        }
    }
}
