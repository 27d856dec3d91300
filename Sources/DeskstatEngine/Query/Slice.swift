import ZendeskWire

/// A ticket attribute reports can be sliced or filtered by.
public enum Dimension: String, Sendable, CaseIterable, Codable {
    case group, assignee, brand, channel, priority, type, organization, tag, form, status

    /// Whether `--where` values may be names looked up in the cache (`group=Billing`).
    var hasNames: Bool {
        switch self {
        case .group, .assignee, .organization, .form: true
        default: false
        }
    }
}

/// How a report splits its numbers: by a ticket attribute, or into time buckets.
public enum Slice: Sendable, Equatable {
    case dimension(Dimension)
    case day, week, month
    /// A custom ticket field by title or id (`field:Product area`, `field:360012345`), resolved
    /// against the cache's `ticket_fields` when the report is built.
    case field(String)

    /// Parses a `--by` value.
    public static func parse(_ text: String) throws(EngineError) -> Slice {
        switch text {
        case "day": return .day
        case "week": return .week
        case "month": return .month
        default:
            if let reference = CustomFieldCatalog.reference(in: text) {
                guard !reference.isEmpty else {
                    throw .unknownCustomField(
                        reference: "", problem: "name the field: field:\"Product area\" or field:ID")
                }
                return .field(reference)
            }
            guard let dimension = Dimension(rawValue: text), dimension != .status else { throw .badSlice(text) }
            return .dimension(dimension)
        }
    }

    static var allNames: String {
        (Dimension.allCases.filter { $0 != .status }.map(\.rawValue) + ["day", "week", "month", "field:NAME"])
            .joined(separator: ", ")
    }

    public var name: String {
        switch self {
        case .dimension(let dimension): dimension.rawValue
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .field: "field"
        }
    }
}

/// One slice's identity: the raw key (an id, a name, or `nil` for "none") and its display label.
public struct SliceKey: Sendable, Hashable, Comparable {
    public let key: String?
    public let label: String
    /// A natural order where one exists (priorities urgent → low, statuses new → closed).
    public let rank: Int

    /// The whole population (no slicing).
    public static let all = SliceKey(key: "all", label: "All")

    public init(key: String?, label: String, rank: Int = 0) {
        self.key = key
        self.label = label
        self.rank = rank
    }

    /// Natural rank first, then labels alphabetically, "(none)" last.
    public static func < (lhs: SliceKey, rhs: SliceKey) -> Bool {
        if (lhs.key == nil) != (rhs.key == nil) { return rhs.key == nil }
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        if lhs.label != rhs.label { return lhs.label < rhs.label }
        return (lhs.key ?? "") < (rhs.key ?? "")
    }

    static let naturalOrder: [Dimension: [String]] = [
        .priority: ["urgent", "high", "normal", "low"],
        .status: (TicketStatus.unsolved + TicketStatus.solvedOrClosed).map(\.rawValue),
    ]

    /// The rank of a raw key in a dimension with a natural order (unknown values after known ones).
    static func rank(of key: String, in dimension: Dimension) -> Int {
        guard let order = naturalOrder[dimension] else { return 0 }
        return order.firstIndex(of: key) ?? order.count
    }
}
