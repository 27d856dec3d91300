import DeskstatTime
import DeskstatTimeline
import Testing

@testable import ZendeskWire

/// One ticket's story, hand-written, with every expected value worked out by hand below.
///
/// T0 = Mon 2026-11-16 08:00Z (1794816000). Requester 1 is an end user, agent 2 an agent, author 99
/// is not in the cache. Business hours: Monday–Friday 09:00–17:00 UTC.
///
/// | at       | update | what                                                                 |
/// |----------|--------|----------------------------------------------------------------------|
/// | T0       | 1000   | create: status new, priority normal, group 10; user 1 public comment |
/// | T0+1h    | 1010   | new→open, assignee –→2; agent 2 public reply (first reply)           |
/// | T0+2h    | 1020   | agent 2 private note; open→pending                                   |
/// | T0+26h   | 1030   | user 1 public comment; pending→open                                  |
/// | T0+27h   | 1035   | user 1 public comment (the wait still runs from T0+26h)              |
/// | T0+30h   | 1040   | agent 2 public reply (next reply); open→solved                       |
/// | T0+50h   | 1050   | user 1 public comment; solved→open (a reopen)                        |
/// | T0+51h   | 1055   | author 99 public comment (unknown: ignored by reply times)           |
/// | T0+74h   | 1060   | agent 2 public reply (next reply); open→solved, priority →high       |
enum Story {
    static let t0: Int64 = 1_794_816_000
    static let hour: Int64 = 3_600
    static let ticket: Int64 = 100
    static let roles: [Int64: AuthorRole] = [1: .endUser, 2: .agent]

    enum Child {
        case create(Int64, String, String)
        case change(Int64, String, String?, from: String?)
        case comment(Int64, author: Int64, isPublic: Bool)
    }

    static let updates: [(id: Int64, hours: Int64, author: Int64, children: [Child])] = [
        (
            1000, 0, 1,
            [
                .create(1001, "status", "new"), .create(1002, "priority", "normal"), .create(1003, "group_id", "10"),
                .comment(1004, author: 1, isPublic: true),
            ]
        ),
        (
            1010, 1, 2,
            [
                .change(1011, "status", "open", from: "new"), .change(1012, "assignee_id", "2", from: nil),
                .comment(1013, author: 2, isPublic: true),
            ]
        ),
        (1020, 2, 2, [.comment(1021, author: 2, isPublic: false), .change(1022, "status", "pending", from: "open")]),
        (1030, 26, 1, [.comment(1031, author: 1, isPublic: true), .change(1032, "status", "open", from: "pending")]),
        (1035, 27, 1, [.comment(1036, author: 1, isPublic: true)]),
        (1040, 30, 2, [.comment(1041, author: 2, isPublic: true), .change(1042, "status", "solved", from: "open")]),
        (1050, 50, 1, [.comment(1051, author: 1, isPublic: true), .change(1052, "status", "open", from: "solved")]),
        (1055, 51, 99, [.comment(1056, author: 99, isPublic: true)]),
        (
            1060, 74, 2,
            [
                .comment(1061, author: 2, isPublic: true), .change(1062, "status", "solved", from: "open"),
                .change(1063, "priority", "high", from: "normal"),
            ]
        ),
    ]

    static func quoted(_ text: String?) -> String { text.map { "\"\($0)\"" } ?? "null" }

    /// The story as ticket events from the incremental export (field as key, `event_type`).
    static func exportJSON(_ update: (id: Int64, hours: Int64, author: Int64, children: [Child])) -> String {
        let children = update.children.map { child -> String in
            switch child {
            case .create(let id, let field, let value):
                return #"{"id": \#(id), "via": "Web form", "\#(field)": "\#(value)", "event_type": "Create"}"#
            case .change(let id, let field, let value, let from):
                return
                    #"{"id": \#(id), "\#(field)": \#(quoted(value)), "previous_value": \#(quoted(from)), "event_type": "Change"}"#
            case .comment(let id, let author, let isPublic):
                return
                    #"{"id": \#(id), "event_type": "Comment", "author_id": \#(author), "public": \#(isPublic), "body": "…"}"#
            }
        }
        return #"""
            {"id": \#(update.id), "ticket_id": \#(ticket), "timestamp": \#(t0 + update.hours * hour),
             "updater_id": \#(update.author), "via": "Web form", "event_type": "Audit",
             "child_events": [\#(children.joined(separator: ", "))]}
            """#
    }

    /// The same story as ticket audits (`type`, `field_name`, `value`).
    static func auditJSON(_ update: (id: Int64, hours: Int64, author: Int64, children: [Child])) -> String {
        let events = update.children.map { child -> String in
            switch child {
            case .create(let id, let field, let value):
                return #"{"id": \#(id), "type": "Create", "field_name": "\#(field)", "value": "\#(value)"}"#
            case .change(let id, let field, let value, let from):
                return
                    #"{"id": \#(id), "type": "Change", "field_name": "\#(field)", "value": \#(quoted(value)), "previous_value": \#(quoted(from))}"#
            case .comment(let id, let author, let isPublic):
                return
                    #"{"id": \#(id), "type": "Comment", "author_id": \#(author), "public": \#(isPublic), "body": "…"}"#
            }
        }
        return #"""
            {"id": \#(update.id), "ticket_id": \#(ticket), "created_at": "\#(Timestamp.format(t0 + update.hours * hour))",
             "author_id": \#(update.author), "via": {"channel": "web"}, "events": [\#(events.joined(separator: ", "))]}
            """#
    }

    static func reader(_ text: String) throws -> RecordReader {
        RecordReader(try Envelope.parseBareRecord(Array(text.utf8), table: .tickets, index: 0))
    }

    static func events() throws -> [TicketEvent] {
        try updates.map { try TicketEvent(reader(exportJSON($0))) }
    }

    static func audits() throws -> [TicketAudit] {
        try updates.map { try TicketAudit(reader(auditJSON($0))) }
    }

    static func timelineFromEvents() throws -> TicketTimeline {
        let events = try events()
        return TicketTimeline(
            ticketID: ticket, createdAt: t0, changes: events.flatMap(\.changes), comments: events.flatMap(\.comments),
            roles: roles)
    }

    static var weekdays: BusinessSchedule? {
        var intervals: [(start: Int64, end: Int64)] = []
        for day: Int64 in 1...5 { intervals.append((start: day * 1_440 + 540, end: day * 1_440 + 1_020)) }
        return try? BusinessSchedule(timeZone: .utc, intervals: intervals)
    }
}

@Suite struct TimelineTests {
    let t0 = Story.t0
    let hour = Story.hour

    @Test func statusIntervalsSolvesAndReopens() throws {
        let timeline = try Story.timelineFromEvents()
        #expect(
            timeline.status == [
                TimelineInterval(from: t0, to: t0 + hour, value: "new"),
                TimelineInterval(from: t0 + hour, to: t0 + 2 * hour, value: "open"),
                TimelineInterval(from: t0 + 2 * hour, to: t0 + 26 * hour, value: "pending"),
                TimelineInterval(from: t0 + 26 * hour, to: t0 + 30 * hour, value: "open"),
                TimelineInterval(from: t0 + 30 * hour, to: t0 + 50 * hour, value: "solved"),
                TimelineInterval(from: t0 + 50 * hour, to: t0 + 74 * hour, value: "open"),
                TimelineInterval(from: t0 + 74 * hour, to: nil, value: "solved"),
            ])
        #expect(timeline.solves == [t0 + 30 * hour, t0 + 74 * hour])
        #expect(timeline.reopens == [t0 + 50 * hour])
    }

    @Test func groupAssigneeAndPriorityIntervals() throws {
        let timeline = try Story.timelineFromEvents()
        #expect(timeline.group == [TimelineInterval(from: t0, to: nil, value: "10")])
        // The first assignee change (–→2, no Create) starts the history unassigned at creation.
        #expect(
            timeline.assignee == [
                TimelineInterval(from: t0, to: t0 + hour, value: nil),
                TimelineInterval(from: t0 + hour, to: nil, value: "2"),
            ])
        #expect(
            timeline.priority == [
                TimelineInterval(from: t0, to: t0 + 74 * hour, value: "normal"),
                TimelineInterval(from: t0 + 74 * hour, to: nil, value: "high"),
            ])
    }

    @Test func commentsCarryTheAuthorsRole() throws {
        let timeline = try Story.timelineFromEvents()
        #expect(timeline.comments.map(\.id) == [1004, 1013, 1021, 1031, 1036, 1041, 1051, 1056, 1061])
        #expect(
            timeline.comments.map(\.role) == [
                .endUser, .agent, .agent, .endUser, .endUser, .agent, .endUser, .unknown, .agent,
            ])
        #expect(timeline.comments.filter { !$0.isPublic }.map(\.id) == [1021])
    }

    @Test func eventsAuditsAndBothGiveOneTimeline() throws {
        let fromEvents = try Story.timelineFromEvents()
        let audits = try Story.audits()
        let fromAudits = TicketTimeline(
            ticketID: Story.ticket, createdAt: t0, changes: audits.flatMap(\.changes),
            comments: audits.flatMap(\.comments), roles: Story.roles)
        #expect(fromAudits == fromEvents)
        let events = try Story.events()
        let both = TicketTimeline(
            ticketID: Story.ticket, createdAt: t0,
            changes: (events.flatMap(\.changes) + audits.flatMap(\.changes)).reversed(),
            comments: audits.flatMap(\.comments) + events.flatMap(\.comments), roles: Story.roles)
        #expect(both == fromEvents)
        #expect(both.comments.count == 9)
    }

    @Test func backlogAtInstants() throws {
        let timeline = try Story.timelineFromEvents()
        #expect(timeline.isUnsolved(at: t0 - 1) == false)  // before the ticket existed
        #expect(timeline.isUnsolved(at: t0) == true)
        #expect(timeline.isUnsolved(at: t0 + 30 * hour - 1) == true)
        #expect(timeline.isUnsolved(at: t0 + 30 * hour) == false)  // solved at that instant
        #expect(timeline.isUnsolved(at: t0 + 60 * hour) == true)  // reopened
        #expect(timeline.isUnsolved(at: t0 + 100 * hour) == false)
        // Ages: at T0+60h the ticket is 60 h old, bucket 1–3 d.
        let ages = HistoryKPIs.backlogAges([timeline], at: t0 + 60 * hour)
        #expect(ages[.oneToThreeDays] == 1)
        #expect(ages.values.reduce(0, +) == 1)
        #expect(HistoryKPIs.backlog([timeline], at: t0 + 40 * hour).isEmpty)
    }

    @Test func reopenEventsInAWindow() throws {
        let timeline = try Story.timelineFromEvents()
        #expect(HistoryKPIs.reopens([timeline], from: t0, to: t0 + 50 * hour).isEmpty)
        let reopens = HistoryKPIs.reopens([timeline], from: t0 + 50 * hour, to: t0 + 51 * hour)
        #expect(reopens.map(\.ticketID) == [100] && reopens.map(\.at) == [t0 + 50 * hour])
    }

    @Test func replyTimesFirstAndNext() throws {
        let timeline = try Story.timelineFromEvents()
        let replies = HistoryKPIs.replies(timeline)
        #expect(replies.map(\.commentID) == [1013, 1041, 1061])
        #expect(replies.map(\.isFirst) == [true, false, false])
        // 08:00→09:00 Mon; Tue 10:00 (oldest unanswered, not 11:00)→14:00; Wed 10:00→Thu 10:00.
        #expect(replies.map(\.calendarSeconds) == [3_600, 14_400, 86_400])
        let schedule = try #require(Story.weekdays)
        // Business: Mon 08–09 is before opening (0); Tue 10–14 (4 h); Wed 10–17 + Thu 09–10 (8 h).
        #expect(replies.map { $0.businessSeconds(on: schedule) } == [0, 14_400, 28_800])
        #expect(HistoryKPIs.replies([timeline], from: t0 + 2 * hour, to: t0 + 74 * hour).map(\.commentID) == [1041])
    }

    @Test func agentRepliesAndTimeInStatus() throws {
        let timeline = try Story.timelineFromEvents()
        #expect(HistoryKPIs.agentReplies(timeline) == 3)
        #expect(HistoryKPIs.finalSolve(timeline, asOf: t0 + 60 * hour) == nil)  // reopened at that time
        let solve = try #require(HistoryKPIs.finalSolve(timeline, asOf: t0 + 100 * hour))
        #expect(solve == t0 + 74 * hour)
        let times = HistoryKPIs.timeInStatus(timeline, until: solve, schedule: try #require(Story.weekdays))
        // new 1 h (0 business); open 1 + 4 + 24 h (business 1 + 4 + 8 h); pending 24 h (Mon 10–17 + Tue 09–10).
        #expect(times["new"] == StatusTime(calendarSeconds: 3_600, businessSeconds: 0))
        #expect(times["open"] == StatusTime(calendarSeconds: 104_400, businessSeconds: 46_800))
        #expect(times["pending"] == StatusTime(calendarSeconds: 86_400, businessSeconds: 28_800))
        #expect(times["hold"] == StatusTime(calendarSeconds: 0, businessSeconds: 0))
    }

    @Test func agentCreatedTicketsFirstCommentIsNoReply() throws {
        let comments = [
            try comment(1, at: t0, author: 2, ticket: 7), try comment(2, at: t0 + hour, author: 1, ticket: 7),
            try comment(3, at: t0 + 2 * hour, author: 2, ticket: 7),
            try comment(4, at: t0 + 3 * hour, author: 2, ticket: 7),
        ]
        let timeline = TicketTimeline(ticketID: 7, createdAt: t0, changes: [], comments: comments, roles: Story.roles)
        let replies = HistoryKPIs.replies(timeline)
        #expect(replies.map(\.commentID) == [3])
        #expect(replies.map(\.calendarSeconds) == [3_600])
        // Agent replies exclude the agent's ticket-opening comment: comments 3 and 4.
        #expect(HistoryKPIs.agentReplies(timeline) == 2)
    }

    @Test func sameSecondReplyAnswersTheEndUser() throws {
        // The agent's comment has the lower id but the same second: the end user's comes first.
        let comments = [try comment(10, at: t0, author: 2, ticket: 8), try comment(11, at: t0, author: 1, ticket: 8)]
        let timeline = TicketTimeline(ticketID: 8, createdAt: t0, changes: [], comments: comments, roles: Story.roles)
        #expect(HistoryKPIs.replies(timeline).map(\.calendarSeconds) == [0])
    }

    @Test func closedWithoutSolveIsASolveAndClosedAfterSolveIsNot() {
        let changes = [
            change(1, at: t0, "open", from: nil, create: true), change(2, at: t0 + hour, "closed", from: "open"),
            change(3, at: t0 + 2 * hour, "solved", from: nil, create: true, ticket: 9),
            change(4, at: t0 + 3 * hour, "closed", from: "solved", ticket: 9),
        ]
        let closedDirectly = TicketTimeline(ticketID: 8, createdAt: nil, changes: changes, comments: [], roles: [:])
        #expect(closedDirectly.solves == [t0 + hour])
        #expect(closedDirectly.createdAt == t0)
        let solvedThenClosed = TicketTimeline(ticketID: 9, createdAt: nil, changes: changes, comments: [], roles: [:])
        #expect(solvedThenClosed.solves == [t0 + 2 * hour])
        #expect(solvedThenClosed.reopens.isEmpty)
    }

    @Test func partialHistoryStartsFromThePreviousValue() {
        // Only a later change is known: the ticket was pending from creation until it.
        let timeline = TicketTimeline(
            ticketID: 8, createdAt: t0, changes: [change(5, at: t0 + 5 * hour, "open", from: "pending")],
            comments: [], roles: [:])
        #expect(timeline.status(at: t0 + hour) == "pending")
        #expect(timeline.status(at: t0 + 5 * hour) == "open")
    }

    @Test func authorRoles() {
        #expect(AuthorRole(userRole: "end-user") == .endUser)
        #expect(AuthorRole(userRole: "agent") == .agent)
        #expect(AuthorRole(userRole: "admin") == .agent)
        #expect(AuthorRole(userRole: nil) == .unknown)
    }

    @Test func backlogAgeBucketsIncludeTheirLowerBound() {
        #expect(BacklogAge(ageSeconds: 86_399) == .underOneDay)
        #expect(BacklogAge(ageSeconds: 86_400) == .oneToThreeDays)
        #expect(BacklogAge(ageSeconds: 3 * 86_400) == .threeToSevenDays)
        #expect(BacklogAge(ageSeconds: 7 * 86_400) == .sevenToThirtyDays)
        #expect(BacklogAge(ageSeconds: 30 * 86_400) == .overThirtyDays)
    }

    @Test func scheduleBookPicksTheTicketsElseTheEarliest() throws {
        let early = try BusinessSchedule(timeZone: .utc, intervals: [(1_440 + 540, 1_440 + 600)])
        let late = try BusinessSchedule(timeZone: .utc, intervals: [(1_440 + 600, 1_440 + 660)])
        let book = ScheduleBook([(id: 2, createdAt: 200, schedule: late), (id: 1, createdAt: 100, schedule: early)])
        #expect(book.schedule(for: 2) == late)
        #expect(book.schedule(for: nil) == early)
        #expect(book.schedule(for: 77) == early)
        #expect(ScheduleBook([]).schedule(for: nil) == .alwaysOpen)
    }

    func comment(_ id: Int64, at: Int64, author: Int64, ticket: Int64) throws -> TicketComment {
        let text = #"{"id": \#(id), "author_id": \#(author), "public": true, "created_at": "\#(Timestamp.format(at))"}"#
        return try TicketComment(Story.reader(text), ticketID: ticket)
    }

    func change(
        _ id: Int64, at: Int64, _ status: String, from: String?, create: Bool = false, ticket: Int64 = 8
    ) -> TicketFieldChange {
        TicketFieldChange(
            id: id, ticketID: ticket, auditID: id, createdAt: at, field: "status", value: status, previousValue: from,
            isCreate: create)
    }
}

@Suite struct ReconciliationTests {
    let t0 = Story.t0

    @Test func storyAgreesWithItsOwnMetricSet() throws {
        let timeline = try Story.timelineFromEvents()
        // First public agent reply at T0+1h (60 min); final solve at T0+74h (4440 min).
        let result = Reconciliation.compare(
            timeline, zendeskFirstReply: 60, zendeskFullResolution: 4_440, asOf: t0 + 100 * Story.hour)
        #expect(result.agrees)
        #expect(result.checks.map(\.timelineMinutes) == [60, 4_440])
    }

    @Test func disagreementsNameTheirReason() throws {
        let timeline = try Story.timelineFromEvents()
        let result = Reconciliation.compare(
            timeline, zendeskFirstReply: 45, zendeskFullResolution: nil, asOf: t0 + 100 * Story.hour)
        #expect(!result.agrees)
        #expect(
            result.checks.map(\.reason) == [
                "differs by 15 min", "Zendesk has no value yet (metric set older than the history?)",
            ])
        let early = Reconciliation.compare(
            timeline, zendeskFirstReply: 60, zendeskFullResolution: 4_440, asOf: t0 + 60 * Story.hour)
        #expect(early.checks.last?.reason?.hasPrefix("the timeline has not solved at as-of") == true)
    }

    @Test func agentOpenedTicketsCountTheSecondAgentComment() throws {
        let test = TimelineTests()
        let comments = [
            try test.comment(1, at: t0, author: 2, ticket: 7), try test.comment(2, at: t0 + 600, author: 2, ticket: 7),
        ]
        let timeline = TicketTimeline(ticketID: 7, createdAt: t0, changes: [], comments: comments, roles: Story.roles)
        #expect(HistoryKPIs.firstReplyFromCreation(timeline) == t0 + 600)
    }
}
