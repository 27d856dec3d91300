import DeskstatEngine
import DeskstatReport
import DeskstatSLA
import DeskstatTime
import Testing
import ZendeskWire

/// The evaluated SLA source with ticket timelines, and `reconcile --sla`, on the fixture account
/// (fixtures/EXPECTED.md § 15.2 and § 15.3, worked out by hand; 1024 and 1025 have history).
@Suite struct EvaluatedSLAFixtureTests {
    static func report(_ source: SLASource, history: Bool = true) throws -> Report {
        let definition = ReportDefinition(
            name: "sla", title: "SLA", sections: [SectionDefinition(id: "policies", title: "SLA", kind: "sla")])
        var request = ReportRequest(
            definition: definition, window: FixtureAccount.currentWindow, windowLabel: "2026-W47", previous: nil,
            previousLabel: nil, asOf: FixtureAccount.asOf, timeZone: try ReportTimeZone("UTC"), filters: [])
        request.slaSource = source
        if history { request.history = TimelineLoader(cache: FixtureAccount.cache) }
        var facts = try FixtureAccount.facts()
        facts.slaEvents = try SLAEventSet.load(from: FixtureAccount.cache, for: facts)
        return try ReportBuilder.build(request, facts: facts)
    }

    @Test func evaluatedWithTimelinesMeasuresNextReplies() throws {
        let metrics = try Self.report(.evaluated).metrics
        #expect(metrics["sla.achieved"] == .integer(51))
        #expect(metrics["sla.breached"] == .integer(14))
        #expect(metrics["sla.active"] == .integer(21))
        #expect(metrics["sla.unmeasured"] == .integer(23))
        // 1024, 1025 and 1049 have a status history and a policy (1001, solved 10-19, is not loaded
        // for windows from P on).
        let notes = try #require(try Self.report(.evaluated).section(id: "policies")).notes
        #expect(notes.contains { $0.hasSuffix("(3 from their ticket history).") }, "\(notes)")
        // Without history the evaluation is § 7.3's.
        let before = try Self.report(.evaluated, history: false).metrics
        #expect(before["sla.achieved"] == .integer(50))
        #expect(before["sla.unmeasured"] == .integer(25))
    }

    @Test func autoEvaluates1025And1049FromTheirTimelines() throws {
        let withHistory = try Self.report(.auto).metrics
        let without = try Self.report(.auto, history: false).metrics
        #expect(withHistory["sla.achieved"] == without["sla.achieved"])
        #expect(withHistory["sla.breached"] == without["sla.breached"])
        let unmeasured = try #require(without["sla.unmeasured"]?.doubleValue)
        #expect(withHistory["sla.unmeasured"]?.doubleValue == unmeasured - 1)
        let active = try #require(without["sla.active"]?.doubleValue)
        #expect(withHistory["sla.active"]?.doubleValue == active - 2)
    }

    @Test func reconcileExplainsThePolicyChange() throws {
        let result = try TimelineLoader(cache: FixtureAccount.cache).reconcileSLA(asOf: FixtureAccount.asOf)
        #expect(result.tickets.map(\.ticketID) == [1024])
        #expect(result.compared == 5)
        #expect(result.differing == 5)
        #expect(result.agreementRate == 0)
        let differences = try #require(result.tickets.first).differences
        #expect(
            differences.map(\.metric) == [
                "first_reply_time", "next_reply_time", "next_reply_time", "requester_wait_time", "agent_work_time",
            ])
        #expect(differences.map(\.instance) == [1, 2, 3, 1, 1])
        #expect(differences.map(\.cause) == [.fieldsChanged, .clock, .missingEvents, .missingEvents, .missingEvents])
        let first = differences[0]
        #expect(first.recorded?.policyTitle == "Standard support")
        #expect(first.evaluated?.policyTitle == "Tier 2 incidents and problems")
        #expect(first.reason.contains("fields changed: the ticket was under 'Standard support'"))
        // Next reply #2: recorded 11-18 11:00, evaluated 11-17 15:30; #3 breaches 11-18 15:00.
        let asOf = FixtureAccount.asOf  // Mon 11-23 00:00
        #expect(differences[1].recorded?.completedAt == asOf - 5 * 86_400 + 11 * 3_600)
        #expect(differences[1].evaluated?.completedAt == asOf - 6 * 86_400 + 15 * 3_600 + 1_800)
        #expect(differences[2].evaluated?.status == .breached)
        #expect(differences[2].evaluated?.completedAt == asOf - 5 * 86_400 + 15 * 3_600)
    }

    /// 1049 on its last schedule (US East, holiday 10-30, DST end 11-01), § 15.2.
    @Test func ticket1049BreachesOnItsOwnBusinessHours() throws {
        let history = try TimelineLoader(cache: FixtureAccount.cache).historyFacts()
        let timeline = try #require(history.timelines[1049])
        let targets = [
            TimelineTarget(metric: "first_reply_time", minutes: 60, businessHours: true),
            TimelineTarget(metric: "next_reply_time", minutes: 60, businessHours: true),
            TimelineTarget(metric: "requester_wait_time", minutes: 480, businessHours: true),
            TimelineTarget(metric: "agent_work_time", minutes: 240, businessHours: true),
        ]
        let found = TimelineSLA.instances(
            timeline, policy: SLAAppliedPolicy(id: 8103, title: "Tier 2 incidents and problems"), targets: targets,
            schedule: history.schedule(for: timeline, asOf: FixtureAccount.asOf), asOf: FixtureAccount.asOf)
        func iso(_ text: String) throws -> Int64 { try #require(Timestamp.parse(text)) }
        #expect(
            found.map(\.metric) == [
                "first_reply_time", "next_reply_time", "next_reply_time", "requester_wait_time", "agent_work_time",
            ])
        #expect(found.map(\.status) == [.achieved, .breached, .breached, .breached, .breached])
        #expect(
            found.map(\.completedAt) == [
                try iso("2026-10-26T15:20:00Z"), try iso("2026-11-01T04:30:00Z"), try iso("2026-11-02T15:00:00Z"),
                try iso("2026-11-02T14:10:00Z"), try iso("2026-11-01T07:10:00Z"),
            ])
    }
}
