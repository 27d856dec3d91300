import ZendeskWire

/// A condition compiled into a test on a ticket's current fields.
enum ConditionTest: Sendable {
    /// Not evaluable; never matches.
    case unusable(Problem)
    /// `type`, `priority`, `status` equal (or not) to one of the texts.
    case text(ConditionField, Membership<String>)
    /// `priority` / `status` ordered by rank against a rank.
    case rank(ConditionField, Comparison, Int)
    /// An id field equal (or not) to one of the ids.
    case id(ConditionField, Membership<Int64>)
    /// `via_id` equal (or not) to one of the ids.
    case via(positive: Bool, ids: Set<Int64>)
    /// `current_tags` includes (or not) any of the tags.
    case tags(positive: Bool, tags: Set<String>)
    /// A custom field's value (or any of a multi-select's values) equal (or not) to one of the texts.
    case customText(Int64, Membership<String>)
    /// A custom field's numeric value ordered against a number.
    case customNumber(Int64, Comparison, Double)

    /// What a test decided for a ticket.
    struct Verdict {
        var matched: Bool
        /// Set when the condition could not be decided for this ticket.
        var problem: Problem?

        static let yes = Verdict(matched: true, problem: nil)
        static let no = Verdict(matched: false, problem: nil)
        static func of(_ flag: Bool) -> Verdict { flag ? .yes : .no }
    }

    /// Evaluates the test on a ticket whose via id was resolved once (`ViaTypes.resolve`).
    func evaluate(_ ticket: SLATicket, via: ViaTypes.Resolution) -> Verdict {
        switch self {
        case .unusable(let problem):
            return Verdict(matched: false, problem: problem)
        case .text(let field, let membership):
            return .of(membership.holds(field.text(of: ticket)))
        case .rank(let field, let comparison, let rank):
            return .of(Self.rankHolds(field, comparison, rank, ticket))
        case .id(let field, let membership):
            return .of(membership.holds(field.id(of: ticket)))
        case .via(let positive, let ids):
            return Self.via(positive: positive, ids: ids, resolution: via, channel: ticket.viaChannel)
        case .tags(let positive, let tags):
            return .of(!ticket.tags.isDisjoint(with: tags) == positive)
        case .customText(let fieldID, let membership):
            return .of(Self.customTextHolds(membership, ticket.customFields[fieldID]))
        case .customNumber(let fieldID, let comparison, let number):
            guard let text = ticket.customFields[fieldID], let value = Double(text), value.isFinite else { return .no }
            return .of(comparison.holds(value, number))
        }
    }

    /// A ticket without the field, or with a value outside the known ranks, never satisfies an
    /// ordering.
    private static func rankHolds(
        _ field: ConditionField, _ comparison: Comparison, _ rank: Int, _ ticket: SLATicket
    ) -> Bool {
        guard let text = field.text(of: ticket) else { return false }
        let ticketRank = field == .priority ? TicketRank.priority(text) : TicketRank.status(text)
        guard let ticketRank else { return false }
        return comparison.holds(ticketRank, rank)
    }

    /// Rule: a ticket's via id comes from `viaID`, else from its channel text. A channel name that
    /// fits several via ids decides the condition only when all of them agree; otherwise (and for a
    /// channel outside the checked table) the condition is not understood for this ticket.
    private static func via(
        positive: Bool, ids: Set<Int64>, resolution: ViaTypes.Resolution, channel: String?
    ) -> Verdict {
        switch resolution {
        case .exact(let id):
            return .of(ids.contains(id) == positive)
        case .oneOf(let candidates):
            if candidates.allSatisfy(ids.contains) { return .of(positive) }
            if !candidates.contains(where: ids.contains) { return .of(!positive) }
            let list = candidates.map(String.init).joined(separator: ", ")
            return Verdict(
                matched: false,
                problem: Problem(
                    "the ticket's channel '\(channel ?? "")' may be via id \(list), which this condition tells apart"))
        case .unknown:
            let name = channel.map { "'\($0)'" } ?? "(none)"
            return Verdict(matched: false, problem: Problem("the ticket's channel \(name) has no known via id"))
        }
    }

    /// A multi-select value (stored as a JSON list) holds when any of its options matches.
    private static func customTextHolds(_ membership: Membership<String>, _ stored: String?) -> Bool {
        guard let stored, !stored.isEmpty, stored != "null" else { return membership.holds(nil) }
        guard stored.hasPrefix("["), case .array(let items)? = try? Envelope.parseValue(Array(stored.utf8)) else {
            return membership.holds(stored)
        }
        let options = items.map { item -> String in
            if case .string(let text) = item { return text }
            return item.canonicalText
        }
        return membership.holdsForAny(options)
    }
}

/// "Equal to one of these" (positive) or "equal to none of these" (negative); `none` lets the
/// empty value (`""` in the condition) match a ticket without a value.
struct Membership<Value: Hashable & Sendable>: Sendable {
    var positive: Bool
    var values: Set<Value>
    var none: Bool

    /// Whether a single ticket value (or no value) satisfies the condition.
    func holds(_ value: Value?) -> Bool {
        let hit = value.map(values.contains) ?? none
        return hit == positive
    }

    /// Whether a multi-valued ticket field satisfies it: any value hits (none when empty).
    func holdsForAny(_ ticketValues: [Value]) -> Bool {
        let hit = ticketValues.isEmpty ? none : ticketValues.contains(where: values.contains)
        return hit == positive
    }
}
