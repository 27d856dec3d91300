/// One generated ticket's life: when it was created, assigned, answered, solved and closed.
struct TicketTimeline {
    var created: Int64
    var assigned: Int64?
    var firstReply: Int64?
    var waiting: Int64?
    var solved: Int64?
    var closed: Int64?
    var rated: Int64?

    /// The last thing that happened.
    var last: Int64 {
        [created, assigned, firstReply, waiting, solved, closed, rated].compactMap { $0 }.max() ?? created
    }

    /// A timeline that ends in `status`.
    static func make(status: String, created: Int64, random: inout SeededRandom) -> TicketTimeline {
        var timeline = TicketTimeline(created: created)
        guard status != "new" else { return timeline }
        timeline.assigned = created + random.int(5...60) * 60
        let replied = status != "open" || random.int(0...1) == 1
        if replied, let assigned = timeline.assigned { timeline.firstReply = assigned + random.int(5...240) * 60 }
        if status == "pending" || status == "hold" { timeline.waiting = (timeline.firstReply ?? created) + 600 }
        if status == "solved" || status == "closed" {
            timeline.solved = (timeline.firstReply ?? created) + random.int(1...48) * 3600
        }
        if status == "closed", let solved = timeline.solved { timeline.closed = solved + 4 * 86_400 }
        return timeline
    }
}

/// Builds the ticket half of a generated account: tickets with metric sets, their audits,
/// satisfaction ratings and ticket metric events.
struct GeneratedTickets {
    let setup: GeneratedSetup
    var random: SeededRandom
    var tickets: [FakeTicket] = []
    var audits: [Int64: [FakeAudit]] = [:]
    var ratings: [FakeSatisfactionRating] = []
    var events: [FakeTicketMetricEvent] = []

    static let statuses = ["new", "open", "open", "pending", "hold", "solved", "solved", "closed", "closed", "closed"]
    static let priorities: [String?] = ["low", "normal", "normal", "normal", "high", "urgent", nil]
    static let types: [String?] = ["question", "question", "incident", "problem", "task", nil]

    /// Generates `count` tickets (ids 1001…); the second and the second-to-last are deleted.
    mutating func generate(count: Int) {
        let deleted: Set<Int> = count >= 3 ? [1, count - 2] : []
        for index in 0..<count {
            let created = setup.start + Int64(index) * 3600 + random.int(0...1799)
            if deleted.contains(index) {
                tickets.append(deletedTicket(index: index, created: created))
            } else {
                addLiveTicket(index: index, created: created)
            }
        }
    }

    /// A ticket deleted two hours after it was created: no metrics, no audits.
    mutating func deletedTicket(index: Int, created: Int64) -> FakeTicket {
        let requester = random.pick(setup.endUsers)
        return FakeTicket(
            id: 1001 + Int64(index), subject: "Spam \(index + 1)", description: "Buy now!", status: "deleted",
            requesterID: requester.id, organizationID: requester.organizationID, groupID: 360_001, brandID: 100_100,
            ticketFormID: 100_001, viaChannel: "email", createdAt: created, updatedAt: created + 7200)
    }

    mutating func addLiveTicket(index: Int, created: Int64) {
        let id = 1001 + Int64(index)
        let status = random.pick(Self.statuses)
        var timeline = TicketTimeline.make(status: status, created: created, random: &random)
        let requester = random.pick(setup.endUsers)
        let membership = random.pick(GeneratedSetup.memberships)
        let product = random.pick(GeneratedSetup.products)
        let priority = random.pick(Self.priorities)
        var ticket = FakeTicket(
            id: id, subject: "Question \(index + 1) about \(product.dropFirst(8))",
            description: "\(requester.name) needs help with \(product.dropFirst(8)).", status: status,
            priority: priority, type: random.pick(Self.types), requesterID: requester.id,
            assigneeID: timeline.assigned == nil ? nil : membership.0, organizationID: requester.organizationID,
            groupID: membership.1, brandID: 100_100, ticketFormID: 100_001,
            viaChannel: random.pick(["email", "web", "api"]),
            recipient: "support@deskstat-fake.example", tags: [product] + requester.tags,
            customFields: [
                FakeCustomFieldValue(id: 900_001, value: .string(product)),
                FakeCustomFieldValue(id: 900_002, value: .bool(priority == "urgent")),
            ], createdAt: created)
        if let solved = timeline.solved, index % 2 == 0 {
            let rating = makeRating(ticket: ticket, solved: solved)
            ticket.satisfactionRating = FakeRatingSummary(id: rating.id, score: rating.score, comment: rating.comment)
            timeline.rated = rating.updatedAt
            ratings.append(rating)
        }
        ticket.updatedAt = timeline.last
        ticket.generatedTimestamp = timeline.last + random.int(0...30)
        ticket.metricSet = Self.metricSet(ticket: ticket, timeline: timeline)
        audits[id] = Self.audits(ticket: ticket, timeline: timeline)
        events += Self.metricEvents(ticket: ticket, timeline: timeline)
        tickets.append(ticket)
    }

    /// A rating offered an hour after the solve; answered two hours later unless still `offered`.
    mutating func makeRating(ticket: FakeTicket, solved: Int64) -> FakeSatisfactionRating {
        let score = random.pick(["good", "good", "bad", "offered"])
        let created = solved + 3600
        let comment: String? = ["good": "Thanks, quick and clear!", "bad": "Took far too long."][score]
        return FakeSatisfactionRating(
            id: 9001 + Int64(ratings.count), ticketID: ticket.id, assigneeID: ticket.assigneeID,
            groupID: ticket.groupID,
            requesterID: ticket.requesterID, score: score, comment: comment, createdAt: created,
            updatedAt: score == "offered" ? created : created + 7200)
    }
}
