import DeskstatSLA
import Testing

@Suite struct AttributionTests {
    let created = Fixture.created
    let solvedAt = Fixture.created + 86_400

    @Test func achievedFirstReplyCountsAtTheReply() {
        // Business target, but the completion time comes from the calendar measurement.
        let ticket = Fixture.ticket(replyTime: Clocked(calendar: 45, business: 30))
        let outcome = Fixture.outcome(Fixture.target("first_reply_time", business: true), ticket)
        #expect(outcome?.status == .achieved)
        #expect(outcome?.attributedAt == created + 2700)
    }

    @Test func achievedFirstReplyWithOnlyABusinessMeasurementCountsAtTheSolve() {
        let ticket = Fixture.ticket(status: "solved", replyTime: Clocked(business: 30), solvedAt: solvedAt)
        #expect(Fixture.outcome(Fixture.target("first_reply_time", business: true), ticket)?.attributedAt == solvedAt)
        let unsolved = Fixture.ticket(status: "open", replyTime: Clocked(business: 30))
        let outcome = Fixture.outcome(Fixture.target("first_reply_time", business: true), unsolved)
        #expect(outcome?.status == .achieved)
        #expect(outcome?.attributedAt == nil)
    }

    @Test func firstReplyFulfilledBySolveCountsAtTheSolve() {
        let ticket = Fixture.ticket(status: "closed", solvedAt: solvedAt, replies: 0)
        #expect(Fixture.outcome(Fixture.target("first_reply_time"), ticket)?.attributedAt == solvedAt)
    }

    @Test func achievedResolutionCountsAtCreationPlusMeasurement() {
        let ticket = Fixture.ticket(
            status: "solved", fullResolution: Clocked(calendar: 120, business: 50), solvedAt: solvedAt)
        let outcome = Fixture.outcome(Fixture.target("total_resolution_time", minutes: 600), ticket)
        #expect(outcome?.attributedAt == created + 7200)
    }

    @Test(arguments: ["requester_wait_time", "agent_work_time"])
    func waitMetricsCountAtTheSolve(metric: String) {
        let ticket = Fixture.ticket(
            status: "solved", requesterWait: Clocked(calendar: 50, business: 20),
            onHold: Clocked(calendar: 10, business: 5),
            solvedAt: solvedAt)
        for (minutes, status) in [(60.0, SLAStatus.achieved), (10, .breached)] {
            for business in [false, true] {
                let outcome = Fixture.outcome(Fixture.target(metric, minutes: minutes, business: business), ticket)
                #expect(outcome?.status == status)
                #expect(outcome?.attributedAt == solvedAt)
            }
        }
    }

    @Test(arguments: ["first_reply_time", "total_resolution_time"])
    func breachedCalendarTargetCountsAtTheBreachInstant(metric: String) {
        let ticket = Fixture.ticket(
            status: "solved", replyTime: Clocked(calendar: 100), fullResolution: Clocked(calendar: 100),
            solvedAt: solvedAt)
        let outcome = Fixture.outcome(Fixture.target(metric, minutes: 60), ticket)
        #expect(outcome?.status == .breached)
        #expect(outcome?.attributedAt == created + 3600)
    }

    @Test func breachedBusinessTargetCountsAtCompletion() {
        let unsolved = Fixture.ticket(status: "open", replyTime: Clocked(calendar: 300, business: 90))
        let outcome = Fixture.outcome(Fixture.target("first_reply_time", business: true), unsolved)
        #expect(outcome?.status == .breached)
        #expect(outcome?.attributedAt == created + 18_000)

        let businessOnly = Fixture.ticket(status: "solved", replyTime: Clocked(business: 90), solvedAt: solvedAt)
        #expect(
            Fixture.outcome(Fixture.target("first_reply_time", business: true), businessOnly)?.attributedAt == solvedAt)

        let nothingToAnchor = Fixture.ticket(status: "open", fullResolution: Clocked(business: 900))
        let resolution = Fixture.outcome(
            Fixture.target("total_resolution_time", minutes: 600, business: true), nothingToAnchor)
        #expect(resolution?.status == .breached)
        #expect(resolution?.attributedAt == nil)
    }

    @Test func breachByAgeCountsAtTheBreachInstant() {
        let ticket = Fixture.ticket(status: "new")
        let minutes = Fixture.outcome(Fixture.target("first_reply_time", minutes: 60), ticket, asOf: created + 100_000)
        #expect(minutes?.attributedAt == created + 3600)
        let seconds = Fixture.outcome(
            Fixture.target("first_reply_time", minutes: 60, seconds: 90), ticket, asOf: created + 91)
        #expect(seconds?.status == .breached)
        #expect(seconds?.attributedAt == created + 90)
    }

    @Test func activeAndUnmeasuredTargetsHaveNoAttribution() {
        let active = Fixture.outcome(
            Fixture.target("first_reply_time"), Fixture.ticket(status: "open"), asOf: created + 60)
        #expect(active?.status == .active)
        #expect(active?.attributedAt == nil)
        let unmeasured = Fixture.outcome(
            Fixture.target("requester_wait_time"), Fixture.ticket(status: "solved", solvedAt: solvedAt))
        #expect(unmeasured?.status == .unmeasured)
        #expect(unmeasured?.attributedAt == nil)
    }
}
