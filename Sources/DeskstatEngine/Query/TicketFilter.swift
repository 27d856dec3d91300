import DeskstatBasics
import DeskstatReport

/// A parsed `--where` filter: `FIELD=VALUE`, `FIELD!=VALUE`, values comma-separated (any of).
///
/// Values may be names or ids (`group=Billing`, `group=360001`); `none` matches an empty field.
/// Filters are evaluated in Swift on loaded facts — never spliced into SQL.
public struct TicketFilter: Sendable, Equatable {
    /// The filtered dimension; unused (`.status`) for a custom-field filter, which sets `field`.
    public let dimension: Dimension
    /// A custom field's title or id for `field:"Product area"=Billing`; `nil` for dimensions.
    public var field: String?
    public let negated: Bool
    public let values: [String]
    /// The original text, for reports.
    public let text: String

    /// Parses one `--where` expression.
    public static func parse(_ text: String) throws(EngineError) -> TicketFilter {
        let (field, rawValue, negated): (Substring, Substring, Bool)
        if let range = text.firstRange(of: "!=") {
            (field, rawValue, negated) = (text[..<range.lowerBound], text[range.upperBound...], true)
        } else if let index = text.firstIndex(of: "=") {
            (field, rawValue, negated) = (text[..<index], text[text.index(after: index)...], false)
        } else {
            throw .badFilter(
                expression: text, problem: "expected FIELD=VALUE or FIELD!=VALUE, e.g. priority=high,urgent")
        }
        let name = field.trimmingWhitespace()
        if let reference = CustomFieldCatalog.reference(in: name) {
            let values = rawValue.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !reference.isEmpty else {
                throw .badFilter(
                    expression: text, problem: "name the field: field:\"Product area\"=VALUE or field:ID=VALUE")
            }
            guard !values.isEmpty else { throw .badFilter(expression: text, problem: "no value after the operator") }
            var filter = TicketFilter(dimension: .status, negated: negated, values: values, text: text)
            filter.field = reference
            return filter
        }
        guard let dimension = Dimension(rawValue: name) else {
            let fields = Dimension.allCases.map(\.rawValue)
            let hint = NameSuggestion.closest(to: name, in: fields).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw .badFilter(
                expression: text,
                problem:
                    "unknown field \"\(name)\"\(hint); expected one of \(fields.joined(separator: ", ")) or field:NAME")
        }
        let values = rawValue.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !values.isEmpty else { throw .badFilter(expression: text, problem: "no value after the operator") }
        return TicketFilter(dimension: dimension, negated: negated, values: values, text: text)
    }

    /// Binds names to ids; unknown names are errors so typos never filter silently.
    func resolve(with names: NameDirectory) throws(EngineError) -> ResolvedFilter {
        var accepted: Set<String?> = []
        let known = names.names(for: dimension)
        for value in values {
            if value == "none" {
                accepted.insert(nil)
            } else if !dimension.hasNames || Int64(value) != nil {
                accepted.insert(value)
            } else {
                let ids = known.filter { $0.value.caseInsensitiveEquals(value) }.keys
                guard !ids.isEmpty else {
                    let names = Array(Set(known.values)).sorted()
                    guard !names.isEmpty else {
                        throw .badFilter(
                            expression: text,
                            problem: "no \(dimension.rawValue) named \"\(value)\": the cache holds no "
                                + "\(dimension.rawValue) names; sync or import them, or use the id")
                    }
                    let hint = NameSuggestion.closest(to: value, in: names).map { "did you mean \"\($0)\"? " } ?? ""
                    throw .badFilter(
                        expression: text,
                        problem: "no \(dimension.rawValue) named \"\(value)\" (\(hint)known: "
                            + "\(names.prefix(8).joined(separator: ", "))); use the name or the id")
                }
                for id in ids { accepted.insert(String(id)) }
            }
        }
        return ResolvedFilter(dimension: dimension, negated: negated, accepted: accepted)
    }

    /// Binds a custom-field filter: the field by title or id, each value to a key (option names
    /// or tags, yes/no, texts; `seen` holds the keys found on tickets, for deleted options).
    func resolveField(_ field: CustomFieldDefinition, seen: Set<String>) throws(EngineError) -> ResolvedFilter {
        var accepted: Set<String?> = []
        for value in values {
            if value == "none" {
                accepted.insert(nil)
                continue
            }
            guard let key = field.key(forFilterValue: value, seen: seen) else {
                let names = field.isCheckbox ? ["yes", "no"] : field.options.map(\.name)
                let hint = NameSuggestion.closest(to: value, in: names).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw .badFilter(
                    expression: text,
                    problem:
                        "\"\(field.title)\" has no option \"\(value)\"\(hint); expected \(field.filterValueHint), or none"
                )
            }
            accepted.insert(key)
        }
        var resolved = ResolvedFilter(dimension: dimension, negated: negated, accepted: accepted)
        resolved.field = field
        return resolved
    }
}

/// A filter with names bound to ids (texts, ids in decimal, `nil` for none); `FilterMatcher` tests tickets with it.
struct ResolvedFilter: Sendable {
    let dimension: Dimension
    let negated: Bool
    let accepted: Set<String?>
    /// The custom field a `field:` filter tests (then `dimension` is unused).
    var field: CustomFieldDefinition?

    init(dimension: Dimension, negated: Bool, accepted: Set<String?>) {
        self.dimension = dimension
        self.negated = negated
        self.accepted = accepted
    }

}

/// A resolved filter tested on compact tickets: a ticket passes when one of its values for the
/// dimension (its tags, for `tag`) is accepted, or it has none and `none` is accepted; `!=`
/// inverts that. Each text's membership is looked up once per string code.
struct FilterMatcher {
    let filter: ResolvedFilter
    let store: TicketStore
    /// Per string code: whether `accepted` holds the text.
    private let acceptedCodes: [Bool]
    private let acceptsNone: Bool

    init(_ filter: ResolvedFilter, store: TicketStore) {
        self.filter = filter
        self.store = store
        acceptedCodes = store.strings.strings.map { filter.accepted.contains($0) }
        acceptsNone = filter.accepted.contains(nil)
    }

    func matches(_ index: Int) -> Bool {
        if let field = filter.field {
            let keys = field.keys(of: store.customFields[Int32(index)]?[field.id])
            let hit = keys.isEmpty ? acceptsNone : keys.contains { filter.accepted.contains($0) }
            return hit != filter.negated
        }
        let record = store.records[index]
        let hit: Bool
        switch record.field(filter.dimension) {
        case .id(let value): hit = value.map { filter.accepted.contains(String($0)) } ?? acceptsNone
        case .text(let code): hit = code >= 0 ? acceptedCodes[Int(code)] : acceptsNone
        case .tags:
            if record.tagCount == 0 {
                hit = acceptsNone
            } else {
                hit = (Int(record.tagStart)..<Int(record.tagStart + record.tagCount)).contains {
                    acceptedCodes[Int(store.tagCodes[$0])]
                }
            }
        }
        return hit != filter.negated
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    func caseInsensitiveEquals(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
