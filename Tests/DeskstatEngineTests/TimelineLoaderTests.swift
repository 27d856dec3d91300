import DeskstatCache
import DeskstatEngine
import DeskstatImport
import DeskstatTime
import DeskstatTimeline
import Foundation
import Testing

/// The timeline read back from the cache, for `explain`: ticket events and an audit of the same
/// ticket, users' roles and the account schedule, all imported as API bodies.
@Suite struct TimelineLoaderTests {
    static let bodies = [
        // Mon 2026-11-16 08:00Z: created by end user 5; 09:00Z agent 6 replies publicly and opens it.
        #"""
        {"ticket_events": [
          {"id": 500, "ticket_id": 9, "timestamp": 1794816000, "updater_id": 5, "via": "Mail",
           "child_events": [{"id": 501, "status": "new", "event_type": "Create"},
                            {"id": 502, "event_type": "Comment", "author_id": 5, "public": true}]},
          {"id": 510, "ticket_id": 9, "timestamp": 1794819600, "updater_id": 6, "via": "Web form",
           "child_events": [{"id": 511, "status": "open", "previous_value": "new", "event_type": "Change"},
                            {"id": 512, "event_type": "Comment", "author_id": 6, "public": true}]}],
         "count": 2, "end_time": 1794819600, "next_page": null, "end_of_stream": true}
        """#,
        // Tue 2026-11-17 10:00Z: the end user writes again; 11:30Z agent 6 solves with a reply (an audit).
        #"""
        {"audits": [
          {"id": 520, "ticket_id": 9, "created_at": "2026-11-17T10:00:00Z", "author_id": 5,
           "events": [{"id": 521, "type": "Comment", "author_id": 5, "public": true}]},
          {"id": 530, "ticket_id": 9, "created_at": "2026-11-17T11:30:00Z", "author_id": 6,
           "events": [{"id": 531, "type": "Comment", "author_id": 6, "public": true},
                      {"id": 532, "type": "Change", "field_name": "status", "value": "solved", "previous_value": "open"}]}]}
        """#,
        #"{"users": [{"id": 5, "role": "end-user"}, {"id": 6, "role": "agent"}], "end_of_stream": true}"#,
        // Support hours 09:00–17:00 Europe/Berlin (08:00–16:00Z in November), Monday–Friday.
        #"""
        {"schedules": [{"id": 1, "name": "Hours", "time_zone": "Europe/Berlin", "created_at": "2026-01-01T00:00:00Z",
          "intervals": [{"start_time": 1980, "end_time": 2460}, {"start_time": 3420, "end_time": 3900},
                        {"start_time": 4860, "end_time": 5340}, {"start_time": 6300, "end_time": 6780},
                        {"start_time": 7740, "end_time": 8220}], "holidays": []},
          {"id": 2, "name": "Bad", "time_zone": "Eastern Standard Moon Time", "created_at": "2026-02-01T00:00:00Z",
           "intervals": [{"start_time": 1980, "end_time": 2460}]}]}
        """#,
    ]

    static func cache() throws -> Cache {
        let directory = NSTemporaryDirectory() + "deskstat-timeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for (index, body) in bodies.enumerated() {
            let path = directory + "/b\(index).json"
            try Data(body.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let cache = try Cache.open(at: directory + "/cache.sqlite")
        _ = try Importer(cache: cache, options: .init(now: 1_795_392_000)).run(try ImportSource.resolve(paths))
        return cache
    }

    @Test func explainShowsTheTimelineWithReplyTimes() throws {
        let loader = TimelineLoader(cache: try Self.cache())
        let timeline = try loader.timeline(9)
        #expect(timeline.solves == [1_794_915_000])  // 2026-11-17T11:30:00Z
        let (book, warnings) = try loader.scheduleBook()
        #expect(warnings.count == 1 && warnings.first?.contains("schedule 2") == true)
        let lines = TicketExplanation.timelineLines(timeline, schedule: book.defaultSchedule)
        #expect(
            lines.map { "\($0.label) \($0.value)" } == [
                "2026-11-16T08:00:00Z status new",
                "2026-11-16T08:00:00Z public comment by end-user 5",
                "2026-11-16T09:00:00Z status open",
                "2026-11-16T09:00:00Z public comment by agent 6",
                "2026-11-17T10:00:00Z public comment by end-user 5",
                "2026-11-17T11:30:00Z status solved",
                "2026-11-17T11:30:00Z solved",
                "2026-11-17T11:30:00Z public comment by agent 6",
                // 08:00Z is 09:00 in Berlin: the whole hour is business time. 10:00Z → 11:30Z: 90/90.
                "first reply 2026-11-16T09:00:00Z 60/60 min since 2026-11-16T08:00:00Z",
                "next reply 2026-11-17T11:30:00Z 90/90 min since 2026-11-17T10:00:00Z",
            ])
    }
}

/// The fixture account's audited tickets (1024, 1025), against fixtures/EXPECTED.md § 9.
@Suite struct FixtureTimelineTests {
    @Test func timelineOf1024() throws {
        let loader = TimelineLoader(cache: FixtureAccount.cache)
        let timeline = try loader.timeline(1024)
        #expect(timeline.reopens == [1_794_999_600])  // 2026-11-18T11:00:00Z
        #expect(timeline.solves == [1_794_929_400, 1_795_098_600])  // 11-17 15:30, 11-19 14:30
        #expect(timeline.isUnsolved(at: 1_794_916_800) && timeline.isUnsolved(at: 1_795_003_200))  // 11-17/18 12:00
        #expect(!timeline.isUnsolved(at: 1_794_960_000))  // 11-18 00:00, solved
        let schedule = try loader.scheduleBook().book.defaultSchedule
        let replies = HistoryKPIs.replies(timeline)
        #expect(replies.map(\.calendarSeconds) == [61_200, 1_800, 99_000])
        #expect(replies.map { $0.businessSeconds(on: schedule) } == [3_600, 1_800, 41_400])
    }

    @Test func reconcileAgreesOnEveryTicketWithHistory() throws {
        // § 9: the audited 1024 and 1025, and 1001 and 1049 from ticket_events.json (§ 14).
        let results = try TimelineLoader(cache: FixtureAccount.cache).reconcile(asOf: FixtureAccount.asOf)
        #expect(results.map(\.ticketID) == [1001, 1024, 1025, 1049])
        #expect(results.filter(\.agrees).count == 4)
        #expect(
            results.map { $0.checks.map(\.timelineMinutes) } == [[90, 90], [1_020, 4_200], [235, 235], [20, nil]])
    }
}
