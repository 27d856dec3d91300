import DeskstatBasics
import DeskstatCache
import DeskstatReport
import ZendeskWire

/// The values a `--where` filter may name, so that a typo is an error (exit 64) and never a
/// silent zero: a value that exists but matches nothing in the window is fine; one that cannot
/// exist is not.
///
/// - `priority`, `status`, `type`, `channel`: Zendesk's values (below), plus any value a ticket
///   in the cache has (an account may show channels newer than this list).
/// - `tag`: a tag some cached ticket carries, or one in the `tags` table.
/// - `brand`: ids only (the cache holds no brand names).
/// - `group`, `assignee`, `organization`, `form`: names or ids, checked by `TicketFilter.resolve`.
public enum FilterVocabulary {
    /// Zendesk's values for the enumerated fields.
    public static let enumerations: [Dimension: [String]] = [
        .priority: ["urgent", "high", "normal", "low"],
        .status: (TicketStatus.unsolved + TicketStatus.solvedOrClosed).map(\.rawValue),
        .type: ["question", "incident", "problem", "task"],
        .channel: [
            "any_channel", "answer_bot", "api", "batch", "chat", "closed_ticket", "email", "facebook", "forum",
            "help_center", "import", "instagram_dm", "line", "linked_problem", "merge", "messenger", "mobile",
            "mobile_sdk", "native_messaging", "rule", "sample_ticket", "side_conversation", "slack", "sms",
            "telegram", "ticket_sharing", "twitter", "viber", "voice", "web", "wechat", "whatsapp",
        ],
    ]

    /// The tickets column of an enumerated field.
    static let columns: [Dimension: String] = [
        .priority: "priority", .status: "status", .type: "type", .channel: "via_channel",
    ]

    /// "did you mean" text for `value` among `candidates`, or "".
    static func hint(_ value: String, _ candidates: [String]) -> String {
        NameSuggestion.closest(to: value, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}

extension FactLoader {
    /// Checks that every value of `filters` can exist (see `FilterVocabulary`); throws
    /// `EngineError.badFilter` with a suggestion otherwise.
    public func checkValues(of filters: [TicketFilter]) throws {
        // Custom-field filters (`field:`) are checked against the field's options when resolved.
        let checked = filters.filter {
            $0.field == nil && [.priority, .status, .type, .channel, .tag, .brand].contains($0.dimension)
        }
        guard !checked.isEmpty else { return }
        try cache.snapshot { reader in
            for filter in checked {
                for value in filter.values where value != "none" {
                    try Self.check(value, of: filter, reader: reader)
                }
            }
        }
    }

    private static func check(_ value: String, of filter: TicketFilter, reader: CacheReader) throws {
        let dimension = filter.dimension
        switch dimension {
        case .brand:
            guard Int64(value) == nil else { return }
            throw EngineError.badFilter(
                expression: filter.text,
                problem: "brand values are ids (the cache holds no brand names); \"\(value)\" is not a number")
        case .tag:
            guard try !reader.tagIsKnown(value) else { return }
            let candidates = try reader.knownTags(limit: 200_000)
            throw EngineError.badFilter(
                expression: filter.text,
                problem: "no ticket in the cache has the tag \"\(value)\"\(FilterVocabulary.hint(value, candidates))")
        default:
            guard let column = FilterVocabulary.columns[dimension] else { return }
            let listed = FilterVocabulary.enumerations[dimension] ?? []
            if listed.contains(value) { return }
            if dimension == .channel, Int64(value) != nil { return }  // a via id
            guard try !reader.ticketsHave(column, equalTo: value) else { return }
            let cached = try reader.distinctTicketValues(of: column, limit: 1000)
            let candidates = Array(Set(listed + cached)).sorted()
            throw EngineError.badFilter(
                expression: filter.text,
                problem:
                    "\"\(value)\" is not a Zendesk \(dimension.rawValue)\(FilterVocabulary.hint(value, candidates)); "
                    + "expected one of \(candidates.joined(separator: ", ")) or none")
        }
    }
}
