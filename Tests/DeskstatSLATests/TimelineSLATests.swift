import DeskstatSLA
import DeskstatTime
import DeskstatTimeline
import Testing

@testable import ZendeskWire

/// Evaluated SLA from hand-written timelines: every expected value is fixtures/EXPECTED.md § 15.1,
/// worked out by hand. Business hours: "Support hours", Monday–Friday 09:00–17:00 UTC.
@Suite struct TimelineSLATests {
    /// Mon 2026-11-16 00:00 UTC.
    static let monday: Int64 = 1_794_787_200
    static func at(day: Int64, _ hour: Int64, _ minute: Int64 = 0) -> Int64 {
        monday + day * 86_400 + hour * 3_600 + minute * 60
    }
    static let policy = SLAAppliedPolicy(id: 7, title: "Test policy")
    static let supportHours: BusinessSchedule = {
        let days: [Int64] = [1, 2, 3, 4, 5]
        let intervals = days.map { (start: $0 * 1_440 + 540, end: $0 * 1_440 + 1_020) }
        return (try? BusinessSchedule(timeZone: .utc, intervals: intervals)) ?? .alwaysOpen
    }()

    enum Step {
        case status(String)
        case endUser, agent, note
    }

    /// A timeline from (instant, steps); the first step's status change is the create.
    static func timeline(_ ticket: Int64, _ steps: [(Int64, [Step])]) throws -> TicketTimeline {
        var changes: [TicketFieldChange] = []
        var comments: [TicketComment] = []
        var previous: String?
        var id: Int64 = ticket * 100
        for (at, list) in steps {
            for step in list {
                id += 1
                switch step {
                case .status(let value):
                    changes.append(
                        TicketFieldChange(
                            id: id, ticketID: ticket, auditID: id, createdAt: at, field: "status", value: value,
                            previousValue: previous, isCreate: previous == nil))
                    previous = value
                case .endUser, .agent, .note:
                    let author: Int64 = if case .endUser = step { 1 } else { 2 }
                    var isPublic = true
                    if case .note = step { isPublic = false }
                    let text =
                        #"{"id": \#(id), "author_id": \#(author), "public": \#(isPublic), "created_at": "\#(Timestamp.format(at))"}"#
                    let record = try Envelope.parseBareRecord(Array(text.utf8), table: .ticketComments, index: 0)
                    comments.append(try TicketComment(RecordReader(record), ticketID: ticket))
                }
            }
        }
        return TicketTimeline(
            ticketID: ticket, createdAt: steps.first?.0, changes: changes, comments: comments,
            roles: [1: .endUser, 2: .agent])
    }

    static func instances(
        _ timeline: TicketTimeline, _ targets: [TimelineTarget], asOf: Int64
    ) -> [SLAInstance] {
        TimelineSLA.instances(timeline, policy: policy, targets: targets, schedule: supportHours, asOf: asOf)
    }

    /// (metric, instance, status, completedAt) for compact comparisons.
    struct Outcome: Equatable {
        var metric: String
        var instance: Int64
        var status: SLAStatus
        var at: Int64?
    }

    static func outcomes(_ instances: [SLAInstance]) -> [Outcome] {
        instances.map { Outcome(metric: $0.metric, instance: $0.instance, status: $0.status, at: $0.completedAt) }
    }

    @Test func threeNextRepliesOneBreaches() throws {
        let ticket = try Self.timeline(
            2001,
            [
                (Self.at(day: 0, 9), [.status("new"), .endUser]),
                (Self.at(day: 0, 9, 30), [.agent, .status("open")]),
                (Self.at(day: 0, 10), [.endUser]),
                (Self.at(day: 0, 10, 45), [.agent]),
                (Self.at(day: 0, 12), [.endUser]),
                (Self.at(day: 0, 14, 30), [.agent]),
                (Self.at(day: 0, 15), [.endUser]),
                (Self.at(day: 0, 15, 20), [.agent, .status("solved")]),
            ])
        let found = Self.instances(
            ticket,
            [
                TimelineTarget(metric: "next_reply_time", minutes: 120, businessHours: false),
                TimelineTarget(metric: "first_reply_time", minutes: 60, businessHours: false),
            ], asOf: Self.at(day: 7, 0))
        #expect(
            Self.outcomes(found) == [
                Outcome(metric: "first_reply_time", instance: 1, status: .achieved, at: Self.at(day: 0, 9, 30)),
                Outcome(metric: "next_reply_time", instance: 2, status: .achieved, at: Self.at(day: 0, 10, 45)),
                Outcome(metric: "next_reply_time", instance: 3, status: .breached, at: Self.at(day: 0, 14)),
                Outcome(metric: "next_reply_time", instance: 4, status: .achieved, at: Self.at(day: 0, 15, 20)),
            ])
        #expect(found.allSatisfy { $0.policyID == 7 && $0.policyTitle == "Test policy" })
    }

    static func pausedTicket() throws -> TicketTimeline {
        try timeline(
            2002,
            [
                (at(day: 1, 9), [.status("new"), .endUser]),
                (at(day: 1, 10), [.agent, .status("open")]),
                (at(day: 1, 11), [.status("pending")]),
                (at(day: 2, 10), [.endUser, .status("open")]),
                (at(day: 2, 12), [.status("solved")]),
            ])
    }

    @Test func requesterWaitPausedByPending() throws {
        let target = TimelineTarget(metric: "requester_wait_time", minutes: 240, businessHours: true)
        let settled = try #require(Self.instances(try Self.pausedTicket(), [target], asOf: Self.at(day: 7, 0)).first)
        #expect(settled.status == .achieved)
        #expect(settled.completedAt == Self.at(day: 2, 12))
        #expect(settled.elapsed?.business == 240)
        let paused = try #require(Self.instances(try Self.pausedTicket(), [target], asOf: Self.at(day: 1, 12)).first)
        #expect(paused.status == .active)
        #expect(paused.elapsed?.business == 120)
        #expect(paused.scheduledBreachAt == nil)
    }

    @Test func periodicAndPausableUpdates() throws {
        let ticket = try Self.timeline(
            2003,
            [
                (Self.at(day: 3, 9), [.status("new"), .endUser]),
                (Self.at(day: 3, 9, 20), [.agent, .status("open")]),
                (Self.at(day: 3, 10), [.agent, .status("pending")]),
                (Self.at(day: 3, 11, 30), [.endUser, .status("open")]),
                (Self.at(day: 3, 12), [.agent]),
                (Self.at(day: 3, 12, 30), [.agent, .status("solved")]),
            ])
        let found = Self.instances(
            ticket,
            [
                TimelineTarget(metric: "periodic_update_time", minutes: 60, businessHours: false),
                TimelineTarget(metric: "pausable_update_time", minutes: 60, businessHours: false),
            ], asOf: Self.at(day: 7, 0))
        #expect(
            Self.outcomes(found) == [
                Outcome(metric: "periodic_update_time", instance: 1, status: .achieved, at: Self.at(day: 3, 10)),
                Outcome(metric: "periodic_update_time", instance: 2, status: .breached, at: Self.at(day: 3, 11)),
                Outcome(metric: "periodic_update_time", instance: 3, status: .achieved, at: Self.at(day: 3, 12, 30)),
                Outcome(metric: "pausable_update_time", instance: 1, status: .achieved, at: Self.at(day: 3, 10)),
                Outcome(metric: "pausable_update_time", instance: 2, status: .achieved, at: Self.at(day: 3, 12)),
                Outcome(metric: "pausable_update_time", instance: 3, status: .achieved, at: Self.at(day: 3, 12, 30)),
            ])
    }

    @Test func businessHoursTargetOfAnUnsolvedTicketBreachesOverAWeekend() throws {
        let ticket = try Self.timeline(2004, [(Self.at(day: 4, 15), [.status("new"), .endUser])])
        let target = TimelineTarget(metric: "first_reply_time", minutes: 240, businessHours: true)
        let monday = try #require(Self.instances(ticket, [target], asOf: Self.at(day: 7, 0)).first)
        #expect(monday.status == .active)
        #expect(monday.scheduledBreachAt == Self.at(day: 7, 11))
        let later = try #require(Self.instances(ticket, [target], asOf: Self.at(day: 7, 12)).first)
        #expect(later.status == .breached)
        #expect(later.completedAt == Self.at(day: 7, 11))
    }

    @Test func businessDeadlineSkipsClosedHours() {
        // Fri 16:00 + 90 business minutes: 60 on Friday, 30 on Monday → Mon 09:30.
        #expect(
            Self.supportHours.instant(afterBusinessSeconds: 90 * 60, from: Self.at(day: 4, 16))
                == Self.at(day: 7, 9, 30))
        #expect(Self.supportHours.instant(afterBusinessSeconds: 0, from: 5) == 5)
    }
}
