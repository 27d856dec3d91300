import Foundation
import Testing

/// The rules every ticket and metric set of a generated account obeys.
@Suite struct TicketInvariantTests {
    let account = GeneratedAccount.standard
    static let unsolved: Set<String> = ["new", "open", "pending", "hold"]

    @Test func producesExactlyTheRequestedTicketsInIDOrder() {
        let ids = account.tickets.compactMap { $0.int("id") }
        #expect(ids == Array(1...Int64(account.config.tickets)))
        let created = account.tickets.compactMap { $0.time("created_at") }
        #expect(created.count == ids.count)
        #expect(created == created.sorted())
    }

    @Test func deletedTicketsHaveNoMetricSetAndLiveOnesHaveOne() {
        let metrics = account.metricSetsByTicket()
        #expect(metrics.count == account.metricSets.count)
        for ticket in account.tickets {
            let id = ticket.int("id") ?? -1
            if ticket.string("status") == "deleted" {
                #expect(metrics[id] == nil, "deleted ticket \(id) has a metric set")
                #expect(ticket.isNull("satisfaction_rating"))
            } else {
                #expect(metrics[id] != nil, "ticket \(id) has no metric set")
            }
        }
    }

    @Test func solvedStateAgreesWithTheMetricSet() throws {
        let metrics = account.metricSetsByTicket()
        for ticket in account.tickets where ticket.string("status") != "deleted" {
            let id = ticket.int("id") ?? -1
            let metric = try #require(metrics[id])
            let status = ticket.string("status") ?? ""
            let first = metric.minutes("first_resolution_time_in_minutes")
            let full = metric.minutes("full_resolution_time_in_minutes")
            if status == "solved" || status == "closed" {
                let solvedAt = try #require(metric.time("solved_at"), "solved ticket \(id) lacks solved_at")
                #expect(solvedAt >= (ticket.time("created_at") ?? .max))
                #expect(first.calendar != nil && full.calendar != nil && first.business != nil)
            } else {
                #expect(Self.unsolved.contains(status), "unexpected status \(status)")
                #expect(metric.isNull("solved_at"), "unsolved ticket \(id) has solved_at")
                #expect(first.calendar == nil && first.business == nil && full.calendar == nil && full.business == nil)
                #expect(metric.int("reopens") == 0)
            }
        }
    }

    @Test func fullResolutionCoversFirstAndReopensLengthenIt() {
        for metric in account.metricSets {
            let first = metric.minutes("first_resolution_time_in_minutes")
            let full = metric.minutes("full_resolution_time_in_minutes")
            guard let firstCalendar = first.calendar, let fullCalendar = full.calendar,
                let firstBusiness = first.business, let fullBusiness = full.business
            else { continue }
            #expect(fullCalendar >= firstCalendar)
            #expect(fullBusiness >= firstBusiness)
            if (metric.int("reopens") ?? 0) > 0 {
                #expect(fullCalendar > firstCalendar, "reopened ticket \(metric.int("ticket_id") ?? -1)")
            }
        }
        #expect(account.metricSets.contains { ($0.int("reopens") ?? 0) > 0 })
    }

    @Test func replyTimeIsNullExactlyWhenThereAreNoReplies() {
        for metric in account.metricSets {
            let reply = metric.minutes("reply_time_in_minutes")
            let replies = metric.int("replies") ?? -1
            #expect((reply.calendar == nil) == (replies == 0), "ticket \(metric.int("ticket_id") ?? -1)")
            #expect((reply.business == nil) == (replies == 0))
        }
        let solvedWithoutReply = account.metricSets.contains {
            $0.int("replies") == 0 && !$0.isNull("solved_at")
        }
        #expect(solvedWithoutReply)
    }

    @Test func businessMinutesNeverExceedCalendarMinutes() {
        let durations = [
            "reply_time_in_minutes", "first_resolution_time_in_minutes", "full_resolution_time_in_minutes",
            "agent_wait_time_in_minutes", "requester_wait_time_in_minutes", "on_hold_time_in_minutes",
        ]
        var differing = 0
        var measured = 0
        for metric in account.metricSets {
            for key in durations {
                let duration = metric.minutes(key)
                guard let calendar = duration.calendar, let business = duration.business else { continue }
                #expect(business >= 0 && business <= calendar, "\(key) of \(metric.int("ticket_id") ?? -1)")
                if key == "full_resolution_time_in_minutes" {
                    measured += 1
                    if business != calendar { differing += 1 }
                }
            }
        }
        #expect(differing * 2 > measured, "business and calendar resolution times should usually differ")
    }

    @Test func waitsAddUpToNoMoreThanTheResolution() {
        for metric in account.metricSets {
            guard let full = metric.minutes("full_resolution_time_in_minutes").calendar,
                let agent = metric.minutes("agent_wait_time_in_minutes").calendar,
                let requester = metric.minutes("requester_wait_time_in_minutes").calendar,
                let hold = metric.minutes("on_hold_time_in_minutes").calendar
            else { continue }
            #expect(agent + requester <= full + 1)
            #expect(hold <= requester)
        }
    }

    @Test func timesAreOrderedAndInsideTheHistory() {
        let end = account.config.end
        for ticket in account.tickets {
            let created = ticket.time("created_at") ?? .min
            let updated = ticket.time("updated_at") ?? .min
            #expect(created >= account.start && created <= updated && updated <= end)
            #expect((ticket.int("generated_timestamp") ?? .min) >= updated)
        }
        for metric in account.metricSets {
            let created = metric.time("created_at") ?? .min
            for key in [
                "solved_at", "assigned_at", "initially_assigned_at", "latest_comment_added_at", "status_updated_at",
            ] {
                if let instant = metric.time(key) { #expect(instant >= created && instant <= end, "\(key)") }
            }
            if let initially = metric.time("initially_assigned_at"), let latest = metric.time("assigned_at") {
                #expect(initially <= latest)
            }
        }
    }

    @Test func everyTimestampInEveryFileIsInsideTheHistory() {
        var checked = 0
        func visit(_ value: Any, _ file: String) {
            switch value {
            case let text as String where ISO8601.looksLikeTimestamp(text):
                let instant = ISO8601.epoch(text) ?? .min
                #expect(instant >= account.start && instant <= account.config.end, "\(text) in \(file)")
                checked += 1
            case let object as [String: Any]:
                // Zendesk writes a metric's breach event ahead of time, at the instant the target
                // will be missed; such a scheduled breach may lie after the history's end.
                if file.hasPrefix("ticket_metric_events"), object["type"] as? String == "breach" {
                    if let time = object["time"] as? String { #expect((ISO8601.epoch(time) ?? .min) >= account.start) }
                    return
                }
                for (key, member) in object {
                    if key == "generated_timestamp", let number = member as? NSNumber {
                        #expect(number.int64Value >= account.start && number.int64Value <= account.config.end)
                    }
                    visit(member, file)
                }
            case let array as [Any]:
                for element in array { visit(element, file) }
            default:
                break
            }
        }
        for (name, body) in account.bodies {
            visit(body, name)
            if let endTime = body.int("end_time") {
                #expect(endTime >= account.start && endTime <= account.config.end, "end_time of \(name)")
            }
        }
        #expect(checked > 5_000)
    }

    /// Zendesk fulfils every running or paused clock of a ticket when it is solved, so a ticket
    /// solved for good has no requester-wait or agent-work instance left open: its last event of
    /// each kind after the last activation is a fulfil (a pending ticket's paused clocks included).
    @Test func aSolvedTicketsClocksAreAllFulfilled() {
        var events: [Int64: [(time: Int64, id: Int64, metric: String, type: String)]] = [:]
        for event in account.records("ticket_metric_events") {
            guard let ticket = event.int("ticket_id"), let id = event.int("id"),
                let metric = event.string("metric"), let type = event.string("type"), let time = event.time("time")
            else { continue }
            events[ticket, default: []].append((time, id, metric, type))
        }
        var checked = 0
        var pausedThenSolved = 0
        for ticket in account.tickets where ["solved", "closed"].contains(ticket.string("status") ?? "") {
            let id = ticket.int("id") ?? -1
            let stream = (events[id] ?? []).sorted { ($0.time, $0.id) < ($1.time, $1.id) }
            for metric in ["requester_wait_time", "agent_work_time"] {
                let kinds = stream.filter { $0.metric == metric && $0.type != "breach" && $0.type != "update_status" }
                    .map(\.type)
                guard let lastActivation = kinds.lastIndex(of: "activate") else { continue }
                let after = Array(kinds[(lastActivation + 1)...])
                #expect(after.last == "fulfill", "ticket \(id) \(metric): \(after) after the last activation")
                if after == ["pause", "fulfill"] { pausedThenSolved += 1 }
                checked += 1
            }
        }
        #expect(checked > 100)
        #expect(pausedThenSolved > 0, "no clock was paused when its ticket was solved")
    }

    @Test func unassignedTicketsAreNewAndNewTicketsAreUnassigned() {
        for ticket in account.tickets where ticket.string("status") != "deleted" {
            #expect((ticket.string("status") == "new") == ticket.isNull("assignee_id"))
        }
    }

    @Test func ratingsFollowSolves() throws {
        let tickets = Dictionary(uniqueKeysWithValues: account.tickets.map { ($0.int("id") ?? -1, $0) })
        let metrics = account.metricSetsByTicket()
        var ratedTickets: Set<Int64> = []
        for rating in account.ratings {
            let ticketID = rating.int("ticket_id") ?? -1
            let ticket = try #require(tickets[ticketID])
            let metric = try #require(metrics[ticketID])
            #expect(["solved", "closed"].contains(ticket.string("status") ?? ""))
            let solvedAt = try #require(metric.time("solved_at"))
            let created = rating.time("created_at") ?? .min
            #expect(created > solvedAt && created <= (rating.time("updated_at") ?? .min))
            #expect((rating.time("updated_at") ?? .max) <= (ticket.time("updated_at") ?? .min))
            #expect(["good", "bad", "offered"].contains(rating.string("score") ?? ""))
            #expect(rating.string("score") == "bad" || rating.isNull("reason_id"))
            let summary = try #require(ticket.object("satisfaction_rating"))
            #expect(summary.int("id") == rating.int("id"))
            #expect(summary.string("score") == rating.string("score"))
            #expect(ratedTickets.insert(ticketID).inserted, "two ratings for ticket \(ticketID)")
        }
        for ticket in account.tickets where !ticket.isNull("satisfaction_rating") {
            #expect(ratedTickets.contains(ticket.int("id") ?? -1))
        }
    }

    @Test func customFieldsAreDuplicatedInFields() {
        for ticket in account.tickets {
            let custom = ticket.objects("custom_fields").map {
                "\($0.int("id") ?? -1)=\(String(describing: $0["value"]))"
            }
            let fields = ticket.objects("fields").map { "\($0.int("id") ?? -1)=\(String(describing: $0["value"]))" }
            #expect(!custom.isEmpty && custom == fields)
        }
    }
}
