/// A satisfaction rating as the plot leaves it at the as-of instant.
struct RatingDraft {
    enum Score { case offered, good, bad }

    let created: Int64
    var updated: Int64
    var score: Score
    var comment: Int?
    var reason: Int?
    /// Group and assignee at rating time (the ticket may move on afterwards).
    let groupID: Int64
    let assigneeID: Int64
}

/// The outcome of playing a ticket's plot.
struct PlayedTicket {
    let story: TicketStory
    let rating: RatingDraft?
    let merged: Bool
    let escalated: Bool
}

/// The random decisions that shape a ticket's life, all drawn before it starts.
private struct Plan {
    let merged: Bool
    let neglected: Bool
    let zeroReply: Bool
    let rounds: Int
    let holdRound: Int?
    let escalationRound: Int?
    let staleRound: Int?
    let waitBeforeSolve: Bool
    let reopen: Bool
    let rated: Bool
    let answered: Bool
    let movedAfterRating: Bool

    private static let roundCounts = Weighted<Int>([(1, 40), (2, 30), (3, 15), (4, 8), (5, 4), (6, 3)])

    init(_ draft: TicketDraft, _ generator: inout SplitMix64) {
        merged = draft.submitter == nil && draft.type != .problem && generator.chance(0.008)
        neglected = generator.chance(0.004)
        zeroReply = generator.chance(0.06)
        let rounds = Self.roundCounts.pick(&generator)
        self.rounds = rounds
        holdRound = generator.chance(0.08) ? generator.below(rounds) : nil
        let escalates: Bool
        switch (draft.routedGroup, draft.topic) {
        case (.support, .bug), (.support, .outage), (.technical, .bug), (.technical, .integration),
            (.enterprise, .outage):
            escalates = generator.chance(0.3)
        default:
            escalates = false
        }
        escalationRound = escalates ? min(1, rounds - 1) : nil
        staleRound = generator.chance(0.03) ? generator.below(rounds) : nil
        waitBeforeSolve = generator.chance(0.3) || staleRound == rounds - 1
        reopen = generator.chance(0.09)
        rated = generator.chance(1.0 / 3.0)
        answered = generator.chance(0.75)
        movedAfterRating = generator.chance(0.04)
    }
}

/// The script of a ticket's life: assignment, a conversation of replies and waits (with the
/// odd hold, escalation or stall), a solve, perhaps a reopen, a satisfaction survey and the
/// automatic close four days after the solve. Agents mostly act in business hours; requesters
/// answer whenever. The story stops at the as-of instant (the end of the history, or the
/// deletion of a deleted ticket).
struct TicketPlot {
    private let account: Account
    private let draft: TicketDraft
    private let pace: Double

    private init(account: Account, draft: TicketDraft) {
        self.account = account
        self.draft = draft
        pace = draft.priority?.pace ?? 1.2
    }

    static func play(_ draft: TicketDraft, account: Account, generator: inout SplitMix64) -> PlayedTicket {
        let plot = TicketPlot(account: account, draft: draft)
        let plan = Plan(draft, &generator)
        var story = TicketStory(
            created: draft.created, asOf: draft.deletedAt ?? account.end, group: draft.routedGroup,
            requesterCreated: draft.submitter == nil, schedule: account.calendar)
        plot.open(&story, plan, &generator)
        if plan.merged {
            plot.merge(&story, &generator)
            return PlayedTicket(story: story, rating: nil, merged: story.status.isSolved, escalated: false)
        }
        let escalated = plot.converse(&story, plan, &generator)
        plot.reopen(&story, plan, &generator)
        let rating = plot.survey(&story, plan, &generator)
        plot.close(&story, &generator)
        return PlayedTicket(story: story, rating: rating, merged: false, escalated: escalated)
    }

    // MARK: Acts

    private func open(_ story: inout TicketStory, _ plan: Plan, _ generator: inout SplitMix64) {
        if let submitter = draft.submitter {
            story.assign(to: submitter, in: story.group)
            story.setStatus(.open)
            return
        }
        let assignAt =
            plan.neglected
            ? requesterTime(after: story.now, median: 20 * 86_400, spread: 0.6, &generator)
            : agentTime(after: story.now, median: 1_500, spread: 1.1, &generator)
        guard story.advance(to: assignAt) else { return }
        story.assign(to: account.staff.assignee(in: story.group, at: story.now, &generator), in: story.group)
        story.setStatus(.open)
    }

    private func merge(_ story: inout TicketStory, _ generator: inout SplitMix64) {
        guard story.advance(to: agentTime(after: story.now, median: 1_800, spread: 1, &generator)) else { return }
        story.solve()
        story.setStatus(.closed)
    }

    /// Replies and waits until the solve; returns whether the ticket was escalated to Tier 2.
    private func converse(_ story: inout TicketStory, _ plan: Plan, _ generator: inout SplitMix64) -> Bool {
        guard !story.isOver else { return false }
        if plan.zeroReply {
            if story.advance(to: agentTime(after: story.now, median: 4 * 3_600, spread: 1.2, &generator)) {
                story.solve()
            }
            return false
        }
        var escalated = false
        for round in 0..<plan.rounds {
            let stall: Double = round == plan.staleRound ? 30 : 1
            if round == plan.holdRound {
                guard story.advance(to: agentTime(after: story.now, median: 1_800, spread: 1, &generator))
                else { return escalated }
                story.agentUpdate()
                story.setStatus(.hold)
                let release = requesterTime(after: story.now, median: 20 * 3_600 * stall, spread: 1, &generator)
                guard story.advance(to: release) else { return escalated }
                story.agentUpdate()
                story.setStatus(.open)
            }
            if round == plan.escalationRound, story.group != .tier2 {
                guard story.advance(to: agentTime(after: story.now, median: 3_600, spread: 1, &generator))
                else { return escalated }
                story.assign(to: account.staff.assignee(in: .tier2, at: story.now, &generator), in: .tier2)
                story.markEscalated()
                escalated = true
            }
            let replyMedian: Double = round == 0 ? 5_400 : 7_200
            guard story.advance(to: agentTime(after: story.now, median: replyMedian, spread: 1.2, &generator))
            else { return escalated }
            story.agentReply()
            if round < plan.rounds - 1 {
                story.setStatus(.pending)
                let answer = requesterTime(after: story.now, median: 8 * 3_600 * stall, spread: 1.3, &generator)
                guard story.advance(to: answer) else { return escalated }
                story.requesterComment()
                story.setStatus(.open)
            } else if plan.waitBeforeSolve {
                story.setStatus(.pending)
                let solve = requesterTime(after: story.now, median: 2 * 86_400 * stall, spread: 0.4, &generator)
                guard story.advance(to: solve) else { return escalated }
                story.solve()
            } else {
                story.solve()
            }
        }
        return escalated
    }

    /// The requester writes back after the solve; included only if the re-solve also happens
    /// before the as-of instant, so an unsolved ticket is never half-reopened.
    private func reopen(_ story: inout TicketStory, _ plan: Plan, _ generator: inout SplitMix64) {
        guard plan.reopen, story.status == .solved, !story.isOver, let solvedAt = story.solvedAt else { return }
        let reopenAt = requesterTime(after: solvedAt, median: 20 * 3_600, spread: 0.8, &generator)
        let replyAt = agentTime(after: reopenAt, median: 3 * 3_600, spread: 1, &generator)
        guard reopenAt < solvedAt + 84 * 3_600, replyAt <= story.asOf else { return }
        guard story.advance(to: reopenAt) else { return }
        story.reopen()
        guard story.advance(to: replyAt) else { return }
        story.agentReply()
        story.solve()
    }

    /// A third of solved tickets are surveyed about a day after the solve; most requesters answer.
    private func survey(_ story: inout TicketStory, _ plan: Plan, _ generator: inout SplitMix64) -> RatingDraft? {
        let offerDelay = generator.int(in: (20 * 3_600)...(28 * 3_600))
        let answerDelay = min(60 * 3_600, Int64(generator.logNormal(median: 3 * 3_600, spread: 1.2)) + 60)
        let moveDelay = generator.int(in: 600...(6 * 3_600))
        let mood = generator.unit()
        let remark = generator.unit()
        guard plan.rated, story.status == .solved, let solvedAt = story.solvedAt, let assignee = story.assignee,
            story.advance(to: solvedAt + offerDelay)
        else { return nil }
        story.touchTicketOnly()
        var rating = RatingDraft(
            created: story.now, updated: story.now, score: .offered, comment: nil, reason: nil,
            groupID: story.group.id, assigneeID: assignee.id)
        guard plan.answered, story.advance(to: story.now + answerDelay) else { return rating }
        story.touchTicketOnly()
        rating.updated = story.now
        if mood < badOdds(story) {
            rating.score = .bad
            rating.comment = remark < 0.7 ? Int(remark / 0.7 * Double(Vocabulary.badComments.count)) : nil
            rating.reason = Int(mood * 1_000) % Vocabulary.badReasons.count
        } else {
            rating.score = .good
            rating.comment = remark < 0.5 ? Int(remark / 0.5 * Double(Vocabulary.goodComments.count)) : nil
        }
        if plan.movedAfterRating, story.advance(to: story.now + moveDelay) {
            let others = SupportGroup.active.filter { $0 != story.group }
            let group = generator.pick(others)
            story.assign(to: account.staff.assignee(in: group, at: story.now, &generator), in: group)
        }
        return rating
    }

    private func close(_ story: inout TicketStory, _ generator: inout SplitMix64) {
        let jitter = generator.int(in: 0...3_600)
        guard story.status == .solved, let solvedAt = story.solvedAt,
            story.advance(to: solvedAt + 4 * 86_400 + jitter)
        else { return }
        story.setStatus(.closed)
    }

    // MARK: Timing

    /// Slow, reopened or long conversations are rated bad more often.
    private func badOdds(_ story: TicketStory) -> Double {
        var odds = 0.1
        if story.reopens > 0 { odds += 0.15 }
        if let solvedAt = story.solvedAt, solvedAt - story.created > 3 * 86_400 { odds += 0.1 }
        if story.replies >= 4 { odds += 0.08 }
        return odds
    }

    /// When an agent acts: a log-normal delay, mostly counted in business hours.
    private func agentTime(after instant: Int64, median: Double, spread: Double, _ generator: inout SplitMix64) -> Int64
    {
        let seconds = Self.bounded(generator.logNormal(median: median * pace, spread: spread))
        guard generator.chance(0.8) else { return instant + seconds }
        return account.calendar.advance(from: instant, by: min(seconds, 20 * BusinessCalendar.secondsPerBusinessDay))
    }

    /// When a requester (or a third party) acts: a log-normal delay on the calendar.
    private func requesterTime(after instant: Int64, median: Double, spread: Double, _ generator: inout SplitMix64)
        -> Int64
    {
        instant + Self.bounded(generator.logNormal(median: median, spread: spread))
    }

    /// Between a minute and 400 days.
    private static func bounded(_ seconds: Double) -> Int64 {
        Int64(min(max(seconds, 60), 400 * 86_400))
    }
}
