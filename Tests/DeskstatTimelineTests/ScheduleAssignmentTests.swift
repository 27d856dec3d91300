import DeskstatTime
import DeskstatTimeline
import Testing
import ZendeskWire

/// A ticket's schedule assignments in every shape deskstat reads (docs/metrics.md "The ticket's
/// schedule"), from ticket events and audits, and the schedule its business time is measured on.
///
/// Hand-built history of ticket 7, T0 = Mon 2026-11-16 08:00Z:
/// T0 created with a `ScheduleAssignment` event (none → 11); T0+1h an audit `Change` with
/// `field_name` `schedule` (11 → 12); T0+2h a `Change` with `field_name` `schedule_id` (12 → 13);
/// T0+3h a `ScheduleAssignment` clearing it (13 → none).
@Suite struct ScheduleAssignmentTests {
    static let t0: Int64 = 1_794_816_000
    static let hour: Int64 = 3_600

    static func reader(_ text: String) throws -> RecordReader {
        RecordReader(try Envelope.parseBareRecord(Array(text.utf8), table: .tickets, index: 0))
    }

    static func changes() throws -> [TicketFieldChange] {
        let created = try TicketEvent(
            reader(
                #"""
                {"id": 1, "ticket_id": 7, "timestamp": \#(t0), "via": "Mail", "child_events": [
                  {"id": 10, "status": "new", "event_type": "Create"},
                  {"id": 11, "event_type": "ScheduleAssignment", "previous_schedule_id": null, "new_schedule_id": 11}]}
                """#))
        let renamed = try TicketAudit(
            reader(
                #"""
                {"id": 2, "ticket_id": 7, "created_at": "2026-11-16T09:00:00Z", "events": [
                  {"id": 20, "type": "Change", "field_name": "schedule", "value": "12", "previous_value": "11"}]}
                """#))
        let changed = try TicketEvent(
            reader(
                #"""
                {"id": 3, "ticket_id": 7, "timestamp": \#(t0 + 2 * hour), "child_events": [
                  {"id": 30, "event_type": "Change", "field_name": "schedule_id", "value": 13, "previous_value": 12}]}
                """#))
        let cleared = try TicketAudit(
            reader(
                #"""
                {"id": 4, "ticket_id": 7, "created_at": "2026-11-16T11:00:00Z", "events": [
                  {"id": 40, "type": "ScheduleAssignment", "previous_schedule_id": 13, "new_schedule_id": null}]}
                """#))
        return created.changes + renamed.changes + changed.changes + cleared.changes
    }

    @Test func everyShapeBecomesAScheduleChange() throws {
        let schedule = try Self.changes().filter { $0.field == TicketFieldChange.scheduleField }
        #expect(schedule.map(\.id) == [11, 20, 30, 40])
        #expect(schedule.map(\.value) == ["11", "12", "13", nil])
        #expect(schedule.map(\.previousValue) == [nil, "11", "12", "13"])
    }

    @Test func theTimelineHasScheduleIntervalsAndTheLastOneByAsOfCounts() throws {
        let timeline = TicketTimeline(
            ticketID: 7, createdAt: Self.t0, changes: try Self.changes(), comments: [], roles: [:])
        #expect(
            timeline.schedule == [
                TimelineInterval(from: Self.t0, to: Self.t0 + Self.hour, value: "11"),
                TimelineInterval(from: Self.t0 + Self.hour, to: Self.t0 + 2 * Self.hour, value: "12"),
                TimelineInterval(from: Self.t0 + 2 * Self.hour, to: Self.t0 + 3 * Self.hour, value: "13"),
                TimelineInterval(from: Self.t0 + 3 * Self.hour, to: nil, value: nil),
            ])
        #expect(timeline.scheduleID(asOf: Self.t0 - 1) == nil)
        #expect(timeline.scheduleID(asOf: Self.t0 + Self.hour + 1) == 12)
        #expect(timeline.scheduleID(asOf: Self.t0 + 2 * Self.hour) == 13)
        #expect(timeline.scheduleID(asOf: Self.t0 + 10 * Self.hour) == nil)  // cleared: the default
    }

    @Test func theBookMeasuresOnTheTicketsScheduleElseTheDefault() throws {
        // 11: the default (created first), open 09:00–17:00 UTC on weekdays; 13: open around the clock.
        var weekdays: [(start: Int64, end: Int64)] = []
        for day: Int64 in 1...5 { weekdays.append((start: day * 1_440 + 540, end: day * 1_440 + 1_020)) }
        let office = try BusinessSchedule(timeZone: .utc, intervals: weekdays)
        let book = ScheduleBook([
            (id: 13, createdAt: Self.t0, schedule: .alwaysOpen), (id: 11, createdAt: 0, schedule: office),
        ])
        let timeline = TicketTimeline(
            ticketID: 7, createdAt: Self.t0, changes: try Self.changes(), comments: [], roles: [:])
        // T0 (08:00Z) → T0+2h (10:00Z): 7200 s on 13, 3600 s on the default (09:00–10:00).
        let on13 = book.schedule(for: timeline.scheduleID(asOf: Self.t0 + 2 * Self.hour))
        #expect(on13.businessSeconds(from: Self.t0, to: Self.t0 + 2 * Self.hour) == 7_200)
        let onDefault = book.schedule(for: timeline.scheduleID(asOf: Self.t0 + 5 * Self.hour))
        #expect(onDefault.businessSeconds(from: Self.t0, to: Self.t0 + 2 * Self.hour) == 3_600)
        // A schedule the book does not hold (12) measures on the default too.
        let on12 = book.schedule(for: timeline.scheduleID(asOf: Self.t0 + Self.hour))
        #expect(on12.businessSeconds(from: Self.t0, to: Self.t0 + 2 * Self.hour) == 3_600)
    }
}
