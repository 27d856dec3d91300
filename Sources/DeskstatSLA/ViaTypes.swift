/// Zendesk via ids, via types and ticket channels, for `via_id` conditions.
///
/// Source: Zendesk's "Via types reference"
/// (developer.zendesk.com/documentation/ticketing/reference-guides/via-types), which maps each via
/// id to a via type (`mail`) and, for ticket-creating ones, the channel a ticket's `via.channel`
/// shows (`email`). Only ids 0–41 were checked against that table; later ids (mobile, messaging,
/// API voice, …) are left out rather than guessed, so such tickets make `via_id` conditions
/// undecidable instead of silently wrong.
enum ViaTypes {
    /// Via type name → via id (checked entries only).
    static let idsByType: [String: Int64] = [
        "web_form": 0, "mail": 4, "web_service": 5, "rule": 8, "linked_problem": 9,
        "group_deletion": 10, "user_change": 11, "user_deletion": 12, "group_change": 13,
        "resource_push": 14, "iphone": 15, "get_satisfaction": 16, "dropbox": 17, "merge": 19,
        "batch": 20, "recovered_from_suspended_tickets": 21, "automatic_solution_suggestions": 22,
        "twitter_favorite": 23, "topic": 24, "user_merge": 25, "twitter_dm": 26, "closed_ticket": 27,
        "logmein_rescue": 28, "chat": 29, "twitter": 30, "ticket_sharing": 31, "macro_reference": 32,
        "voicemail": 33, "phone_call_inbound": 34, "phone_call_outbound": 35, "blog": 36,
        "text_message": 37, "facebook_post": 38, "import": 39, "github": 40, "facebook_message": 41,
    ]

    /// Ticket channel ("ticket created by") → every checked via id that shows that channel.
    /// `web` alone covers the web form, the feedback tab, batch and follow-ups of closed tickets.
    static let idsByChannel: [String: [Int64]] = [
        "web": [0, 17, 20, 27], "email": [4], "api": [5, 31, 36, 39, 40], "rule": [8],
        "forum": [24], "twitter": [23, 26, 30], "chat": [29], "voice": [33, 34, 35],
        "facebook": [38, 41],
    ]

    /// What a ticket's via tells about its via id.
    enum Resolution: Equatable {
        /// The via id is known.
        case exact(Int64)
        /// The channel name fits several via ids.
        case oneOf([Int64])
        /// Nothing usable: no via at all, or a channel outside the checked table.
        case unknown
    }

    /// The ticket's via id: `viaID` when set, else `viaChannel` read as an id, a channel name
    /// (which may fit several ids) or a via type name.
    static func resolve(_ ticket: SLATicket) -> Resolution {
        if let id = ticket.viaID { return .exact(id) }
        guard let channel = ticket.viaChannel, !channel.isEmpty else { return .unknown }
        if let id = Int64(channel) { return .exact(id) }
        if let ids = idsByChannel[channel] { return ids.count == 1 ? .exact(ids[0]) : .oneOf(ids) }
        if let id = idsByType[channel] { return .exact(id) }
        return .unknown
    }
}
