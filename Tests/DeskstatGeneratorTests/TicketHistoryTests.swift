import DeskstatGenerator
import Foundation
import Testing

/// The generated ticket history (`ticket_events-NNNN.json`) checked by rules against the tickets,
/// metric sets and users of the same account: the export's shape, a replay of every ticket's
/// field changes, and the values Zendesk's metric set derives from the same history.
@Suite struct TicketHistoryTests {
    let account = GeneratedAccount.standard
    static let unsolved: Set<String> = ["new", "open", "pending", "hold"]

    /// One ticket event as the tests read it.
    struct Event {
        let id: Int64
        let ticketID: Int64
        let time: Int64
        let updaterID: Int64
        let children: [[String: Any]]
    }

    var events: [Event] {
        account.records("ticket_events").map { record in
            Event(
                id: record.int("id") ?? -1, ticketID: record.int("ticket_id") ?? -1,
                time: record.int("timestamp") ?? -1,
                updaterID: record.int("updater_id") ?? 0, children: record.objects("child_events"))
        }
    }

    func eventsByTicket() -> [Int64: [Event]] {
        Dictionary(grouping: events, by: \.ticketID).mapValues { $0.sorted { ($0.time, $0.id) < ($1.time, $1.id) } }
    }

    /// The field a `Create`/`Change` child event sets, and its value as text (tags sorted, joined).
    static func field(of child: [String: Any]) -> (name: String, value: String?, previous: String?)? {
        let names = [
            "status", "priority", "type", "group_id", "assignee_id", "tags", "requester_id",
            "organization_id", "brand_id", "ticket_form_id", "satisfaction_score",
        ]
        guard let name = names.first(where: { child[$0] != nil }) else { return nil }
        return (name, text(child[name]), text(child["previous_value"]))
    }

    static func text(_ value: Any?) -> String? {
        switch value {
        case let words as [String]: words.isEmpty ? nil : words.sorted().joined(separator: " ")
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    // MARK: The export's shape

    @Test func pagesFollowTheTimeBasedExport() throws {
        let pages = account.pages("ticket_events")
        try #require(pages.count > 1, "the standard account should need several event pages")
        var previousTime = Int64.min
        var previousID = Int64.min
        for (index, page) in pages.enumerated() {
            let records = page.objects("ticket_events")
            let isLast = index == pages.count - 1
            #expect(page.int("count") == Int64(records.count))
            #expect(page.bool("end_of_stream") == isLast)
            let endTime = try #require(page.int("end_time"))
            #expect(records.last?.int("timestamp") == endTime)
            if isLast {
                #expect(page.isNull("next_page"))
            } else {
                #expect(
                    page.string("next_page")
                        == "https://deskstat-demo.zendesk.com/api/v2/incremental/ticket_events.json?start_time=\(endTime)&include=comment_events"
                )
                // A page holds at most pageSize events unless it would split a second.
                let times = records.compactMap { $0.int("timestamp") }
                if times.count > account.config.pageSize {
                    #expect(Set(times[(account.config.pageSize - 1)...]).count == 1)
                }
                #expect(records.count >= account.config.pageSize)
            }
            for record in records {
                let time = record.int("timestamp") ?? .min
                let id = record.int("id") ?? .min
                #expect((previousTime, previousID) < (time, id), "events out of (timestamp, id) order at \(id)")
                (previousTime, previousID) = (time, id)
                #expect(record.time("created_at") == time)
                #expect(record.string("event_type") == "Audit")
            }
        }
    }

    @Test func idsAreUniqueAndApartFromOtherRecords() {
        var ids: Set<Int64> = []
        var count = 0
        for event in events {
            ids.insert(event.id)
            count += 1
            for child in event.children {
                ids.insert(child.int("id") ?? -1)
                count += 1
            }
        }
        #expect(ids.count == count, "an id is used twice")
        #expect(ids.isDisjoint(with: account.ids("tickets")))
        #expect(ids.isDisjoint(with: Set(account.metricSets.compactMap { $0.int("id") })))
        #expect(ids.isDisjoint(with: account.ids("ticket_metric_events")))
    }

    // MARK: Events and tickets

    @Test func everyTicketsHistoryReplaysToTheTicket() throws {
        let byTicket = eventsByTicket()
        #expect(Set(byTicket.keys) == account.ids("tickets"))
        for ticket in account.tickets {
            let id = ticket.int("id") ?? -1
            let history = try #require(byTicket[id])
            let created = try #require(ticket.time("created_at"))
            #expect(history.first?.time == created, "ticket \(id) does not start with its creation")
            #expect(history.last?.time == ticket.time("updated_at"), "ticket \(id): last event is not updated_at")
            // A ticket starts without a survey; the export has no Create for it.
            var fields: [String: String?] = ["satisfaction_score": "unoffered"]
            for (index, event) in history.enumerated() {
                for child in event.children {
                    let type = child.string("event_type")
                    guard type == "Create" || type == "Change", let change = Self.field(of: child) else { continue }
                    #expect((type == "Create") == (index == 0), "ticket \(id): \(type ?? "") in event \(event.id)")
                    if type == "Change" {
                        #expect(fields[change.name] ?? nil == change.previous, "ticket \(id): \(change.name) previous")
                        #expect(change.previous != change.value, "ticket \(id): \(change.name) changes to itself")
                    }
                    fields[change.name] = change.value
                }
            }
            #expect(fields["status"] ?? nil == ticket.string("status"), "ticket \(id) status")
            #expect(fields["group_id"] ?? nil == Self.text(ticket["group_id"]), "ticket \(id) group")
            #expect(fields["assignee_id"] ?? nil == Self.text(ticket["assignee_id"]), "ticket \(id) assignee")
            #expect(fields["priority"] ?? nil == Self.text(ticket["priority"]), "ticket \(id) priority")
            #expect(fields["type"] ?? nil == Self.text(ticket["type"]), "ticket \(id) type")
            #expect(fields["requester_id"] ?? nil == Self.text(ticket["requester_id"]), "ticket \(id) requester")
            let tags = (ticket["tags"] as? [String] ?? []).sorted().joined(separator: " ")
            #expect(fields["tags"] ?? nil == (tags.isEmpty ? nil : tags), "ticket \(id) tags")
            if ticket.string("status") != "deleted" {
                let rating = ticket.object("satisfaction_rating")?.string("score")
                #expect(fields["satisfaction_score"] ?? nil == rating ?? "unoffered", "ticket \(id) satisfaction")
            }
        }
    }

    @Test func commentsAreWrittenByTheRightPeople() throws {
        let users = Dictionary(account.users.map { ($0.int("id") ?? -1, $0) }) { first, _ in first }
        let tickets = Dictionary(account.tickets.map { ($0.int("id") ?? -1, $0) }) { first, _ in first }
        var publicAgentComments = 0
        var privateNotes = 0
        for event in events {
            let ticket = try #require(tickets[event.ticketID])
            let requester = ticket.int("requester_id")
            if event.updaterID != -1 {
                let updater = try #require(users[event.updaterID], "unknown updater \(event.updaterID)")
                #expect(
                    (updater.time("created_at") ?? .max) <= event.time, "updater \(event.updaterID) not yet created")
            }
            for child in event.children where child.string("event_type") == "Comment" {
                let author = try #require(child.int("author_id"))
                let user = try #require(users[author], "comment by unknown user \(author)")
                #expect(author == event.updaterID, "comment author is not the event's updater")
                #expect(child.string("body")?.isEmpty == false)
                let isAgent = user.string("role") == "agent" || user.string("role") == "admin"
                if user.string("role") == "end-user" {
                    #expect(author == requester, "end-user comment by someone other than the requester")
                    #expect(child.bool("public") == true)
                } else {
                    #expect(isAgent, "comment by a \(user.string("role") ?? "?")")
                    if child.bool("public") == true { publicAgentComments += 1 } else { privateNotes += 1 }
                }
            }
        }
        #expect(publicAgentComments > 0 && privateNotes > 0)
    }

    // MARK: Events and metric sets

    /// What the history says, computed here by the rules of docs/metrics.md: public comments walked
    /// in order, solves (into solved, or into closed from an unsolved status) and reopens (solved →
    /// unsolved) from the status changes.
    struct Derived {
        var firstReply: Int64?
        var agentReplies = 0
        var solves: [Int64] = []
        var reopens = 0
    }

    func derive(_ history: [Event], roles: [Int64: String]) -> Derived {
        var derived = Derived()
        var openingCommentSeen = false
        var status: String?
        for event in history {
            for child in event.children {
                switch child.string("event_type") {
                case "Comment":
                    defer { openingCommentSeen = true }
                    let role = roles[child.int("author_id") ?? -1]
                    guard child.bool("public") == true, role == "agent" || role == "admin", openingCommentSeen
                    else { continue }
                    derived.agentReplies += 1
                    if derived.firstReply == nil { derived.firstReply = event.time }
                case "Create", "Change":
                    guard let change = Self.field(of: child), change.name == "status", let next = change.value else {
                        continue
                    }
                    let wasUnsolved = status.map { Self.unsolved.contains($0) } ?? true
                    if next == "solved" || (next == "closed" && wasUnsolved) { derived.solves.append(event.time) }
                    if status == "solved", Self.unsolved.contains(next) { derived.reopens += 1 }
                    status = next
                default:
                    continue
                }
            }
        }
        return derived
    }

    @Test func historyAgreesWithEveryMetricSet() throws {
        let byTicket = eventsByTicket()
        let roles = Dictionary(account.users.map { ($0.int("id") ?? -1, $0.string("role") ?? "") }) { first, _ in first
        }
        let tickets = Dictionary(account.tickets.map { ($0.int("id") ?? -1, $0) }) { first, _ in first }
        var reopened = 0
        var replied = 0
        for metric in account.metricSets {
            let id = metric.int("ticket_id") ?? -1
            let ticket = try #require(tickets[id])
            let created = try #require(ticket.time("created_at"))
            let derived = derive(try #require(byTicket[id]), roles: roles)
            #expect(Int64(derived.agentReplies) == metric.int("replies"), "ticket \(id) replies")
            #expect(Int64(derived.reopens) == metric.int("reopens"), "ticket \(id) reopens")
            // Zendesk's minutes are seconds / 60 rounded; the history's are exact.
            let reply = metric.minutes("reply_time_in_minutes").calendar
            #expect((derived.firstReply == nil) == (reply == nil), "ticket \(id) first reply")
            if let at = derived.firstReply, let reply {
                #expect(abs(Double(at - created) / 60 - Double(reply)) <= 0.5, "ticket \(id) first reply time")
                replied += 1
            }
            let full = metric.minutes("full_resolution_time_in_minutes").calendar
            if let solvedAt = metric.time("solved_at"), let full {
                #expect(derived.solves.last == solvedAt, "ticket \(id) solved_at")
                #expect(abs(Double(solvedAt - created) / 60 - Double(full)) <= 0.5, "ticket \(id) full resolution")
            } else {
                #expect(Self.unsolved.contains(ticket.string("status") ?? ""), "ticket \(id) solved without solved_at")
            }
            if derived.reopens > 0 { reopened += 1 }
        }
        #expect(reopened > 0 && replied > account.metricSets.count / 2)
    }

    // MARK: Volume and determinism

    @Test func volumeFollowsEventsPerTicket() {
        var config = DeterminismTests.small
        for average in [0, 12, 40] {
            config.eventsPerTicket = average
            let files = DeterminismTests.files(config).filter { $0.0.hasPrefix("ticket_events-") }
            let count = files.reduce(0) { total, file in
                let body = (try? JSONSerialization.jsonObject(with: Data(file.1))) as? [String: Any] ?? [:]
                return total + body.objects("ticket_events").count
            }
            let perTicket = Double(count) / Double(config.tickets)
            if average == 0 {
                #expect(files.isEmpty, "no history with 0 events a ticket")
            } else {
                #expect(perTicket > Double(average) * 0.85 && perTicket < Double(average) * 1.15, "\(perTicket)")
            }
        }
    }

    /// The history draws from its own random stream: with or without it, and at any volume, every
    /// other file is byte for byte the same.
    @Test func historyLeavesEveryOtherFileAlone() {
        var without = DeterminismTests.small
        without.eventsPerTicket = 0
        var heavy = DeterminismTests.small
        heavy.eventsPerTicket = 30
        let reference = DeterminismTests.files(without)
        for config in [DeterminismTests.small, heavy] {
            let others = DeterminismTests.files(config).filter { !$0.0.hasPrefix("ticket_events-") }
            #expect(others.map(\.0) == reference.map(\.0))
            #expect(others.map(\.1) == reference.map(\.1))
        }
    }
}
