import DeskstatReport
import DeskstatTime
import Testing

@testable import DeskstatEngine

/// Which ticket timelines a report reads (`EngineSession.timelineTicketIDs`), on the fixture
/// account (fixtures/EXPECTED.md § 1 for the solves, § 7.5 for the tickets with metric events).
@Suite("Timeline selection")
struct TimelineSelectionTests {
    /// The facts of P and W, with the recorded SLA events of their tickets.
    static func session() throws -> EngineSession {
        var facts = try FixtureAccount.facts()
        facts.slaEvents = try SLAEventSet.load(from: FixtureAccount.cache, for: facts)
        return EngineSession(facts: facts)
    }

    /// § 1: solved in P (solved_at before W's start), so in no backlog snapshot from W's start on.
    static let solvedInP: Set<Int64> = [1005, 1006, 1007, 1008, 1009, 1012, 1015, 1016, 1017, 1019]
    /// § 7.5: the tickets with Zendesk metric events.
    static let withMetricEvents: Set<Int64> = [
        1002, 1011, 1014, 1021, 1023, 1024, 1027, 1029, 1030, 1033, 1043, 1045,
    ]

    @Test func aBacklogFromWsStartSkipsOnlyTheTicketsSolvedBeforeIt() throws {
        let session = try Self.session()
        let loaded = Set(session.store.records.map(\.id))
        #expect(Self.solvedInP.isSubset(of: loaded))
        let ids = session.timelineTicketIDs(
            everyTicket: false, backlogFrom: FixtureAccount.currentWindow.from, autoSLAAsOf: nil)
        #expect(ids == ids.sorted())
        #expect(Set(ids) == loaded.subtracting(Self.solvedInP))
        // From P's start every loaded ticket can be in a snapshot (P's own solves come after it).
        let fromP = session.timelineTicketIDs(
            everyTicket: false, backlogFrom: FixtureAccount.previousWindow.from, autoSLAAsOf: nil)
        #expect(Set(fromP) == loaded)
    }

    /// § 7.1: the tickets no policy applies to (1004, 1026, 1041, 1050) or without a priority (1018, 1044).
    static let withoutPolicy: Set<Int64> = [1004, 1026, 1041, 1050, 1018, 1044]

    @Test func autoSLAReadsTheTimelinesOfTicketsWithAPolicyAndWithoutMetricEvents() throws {
        let session = try Self.session()
        let loaded = Set(session.store.records.map(\.id))
        let ids = session.timelineTicketIDs(everyTicket: false, backlogFrom: nil, autoSLAAsOf: FixtureAccount.asOf)
        #expect(Set(ids) == loaded.subtracting(Self.withMetricEvents).subtracting(Self.withoutPolicy))
        // Both needs: the union. Every ticket solved in P has a policy (§ 7.1) and no metric
        // events, so the SLA brings back what the backlog from W's start leaves out: all of them.
        let both = session.timelineTicketIDs(
            everyTicket: false, backlogFrom: FixtureAccount.currentWindow.from, autoSLAAsOf: FixtureAccount.asOf)
        #expect(Set(both) == loaded)
        #expect(
            session.timelineTicketIDs(everyTicket: true, backlogFrom: nil, autoSLAAsOf: nil).count
                == loaded.count)
    }

    /// The narrowed timelines give every daily backlog of W the figures all timelines give.
    @Test func theNarrowedTimelinesGiveTheSameBacklogs() throws {
        let loader = TimelineLoader(cache: FixtureAccount.cache)
        let series = BucketSeries(FixtureAccount.currentWindow, by: .day, in: try ReportTimeZone("UTC"))
        func backlogs(_ ids: [Int64]) throws -> [[String]] {
            let session = try Self.session()
            session.history = try loader.historyFacts(ticketIDs: ids)
            session.history?.kpisRequested = false
            let trend = session.computeTrend(
                series: series, asOf: FixtureAccount.asOf, mask: nil, filtersGiven: false, backlog: true)
            return trend.kpis.map { values in
                [
                    "\(values.backlog.map(String.init) ?? "-")", "\(values.backlogWithoutHistory ?? -1)",
                    "\(values.backlogByStatus.sorted { $0.key < $1.key })",
                    "\(values.backlogAges.sorted { $0.key < $1.key })",
                ]
            }
        }
        let session = try Self.session()
        let narrowed = session.timelineTicketIDs(
            everyTicket: false, backlogFrom: FixtureAccount.currentWindow.from, autoSLAAsOf: nil)
        let all = session.store.records.map(\.id).sorted()
        #expect(narrowed.count < all.count)
        let expected = try backlogs(all)
        #expect(try backlogs(narrowed) == expected)
        // § 10 as changed by § 14: 2, 1, 2, 1, 1, 1, 1 by the timeline; 17 at the last day's end.
        #expect(expected.last?.first == "17")
    }
}
