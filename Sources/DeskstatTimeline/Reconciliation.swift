/// Whether a ticket's timeline agrees with Zendesk's metric set, for `deskstat reconcile`.
public struct Reconciliation: Sendable, Equatable {
    /// One value compared: Zendesk's minutes and the timeline's, with the reason they differ.
    public struct Check: Sendable, Equatable {
        /// `first_reply_time` or `full_resolution_time`.
        public var metric: String
        public var zendeskMinutes: Double?
        public var timelineMinutes: Double?
        /// `nil` when the two agree (within a minute, or both absent).
        public var reason: String?
    }

    public var ticketID: Int64
    public var checks: [Check]

    /// Whether every checked value agrees.
    public var agrees: Bool { checks.allSatisfy { $0.reason == nil } }

    /// Compares the timeline's first reply time and full resolution time (calendar minutes) with
    /// Zendesk's. Values agree when both are absent or they differ by less than a minute (Zendesk
    /// rounds to whole minutes).
    public static func compare(
        _ timeline: TicketTimeline, zendeskFirstReply: Double?, zendeskFullResolution: Double?, asOf: Int64
    ) -> Reconciliation {
        let created = timeline.createdAt
        let reply = HistoryKPIs.firstReplyFromCreation(timeline).flatMap { at in created.map { Double(at - $0) / 60 } }
        let solve = HistoryKPIs.finalSolve(timeline, asOf: asOf).flatMap { at in created.map { Double(at - $0) / 60 } }
        return Reconciliation(
            ticketID: timeline.ticketID,
            checks: [
                check(
                    "first_reply_time", zendesk: zendeskFirstReply, timeline: reply, missing: "no public agent reply"),
                check(
                    "full_resolution_time", zendesk: zendeskFullResolution, timeline: solve,
                    missing: "not solved at as-of"),
            ])
    }

    static func check(_ metric: String, zendesk: Double?, timeline: Double?, missing: String) -> Check {
        let reason: String?
        switch (zendesk, timeline) {
        case (nil, nil): reason = nil
        case (_?, nil): reason = "the timeline has \(missing) (history incomplete: events or audits missing?)"
        case (nil, _?): reason = "Zendesk has no value yet (metric set older than the history?)"
        case (let zendesk?, let timeline?):
            reason = abs(zendesk - timeline) < 1 ? nil : "differs by \(Self.text(timeline - zendesk)) min"
        }
        return Check(metric: metric, zendeskMinutes: zendesk, timelineMinutes: timeline, reason: reason)
    }

    static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}

extension HistoryKPIs {
    /// Zendesk's first reply instant: the first public agent comment that is not the comment that
    /// opened the ticket (so an agent-created ticket counts its second public agent comment, and a
    /// ticket opened with a private note counts its first public agent comment).
    public static func firstReplyFromCreation(_ timeline: TicketTimeline) -> Int64? {
        let opening = timeline.comments.first?.id
        return timeline.comments.first { $0.isPublic && $0.role == .agent && $0.id != opening }?.createdAt
    }
}
