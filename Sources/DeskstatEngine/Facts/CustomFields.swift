import DeskstatBasics
import DeskstatReport
public import ZendeskWire

/// A custom ticket field as the cache knows it (`ticket_fields`), with what slicing and filtering
/// by it need: how a ticket's stored value splits into keys, and each key's label.
///
/// Keys are the stored values: a dropdown's (`tagger`) option tag, each tag of a multiselect's
/// list, `true`/`false` for a checkbox, the text of a text, number or date field. Labels are
/// option names (`Billing`), `Yes`/`No` for a checkbox, the text otherwise; a tag no option has
/// any more is labelled `tag (deleted option)`.
public struct CustomFieldDefinition: Sendable, Equatable {
    public var id: Int64
    /// Zendesk's field type: `tagger` (dropdown), `multiselect`, `checkbox`, `text`, `textarea`,
    /// `integer`, `decimal`, `date`, `regexp`, …
    public var type: String
    public var title: String
    public var active: Bool
    public var options: [CustomFieldOption]

    public init(id: Int64, type: String, title: String, active: Bool, options: [CustomFieldOption] = []) {
        self.id = id
        self.type = type
        self.title = title
        self.active = active
        self.options = options
    }

    /// Zendesk's system fields, which are not custom fields (they have their own dimensions).
    static let systemTypes: Set<String> = [
        "subject", "description", "status", "custom_status", "tickettype", "priority", "group", "assignee", "brand",
    ]

    /// A ticket counts under each selected option.
    public var isMultiple: Bool { type == "multiselect" }
    /// Values are option tags.
    public var hasOptions: Bool { type == "tagger" || type == "dropdown" || type == "multiselect" }
    var isCheckbox: Bool { type == "checkbox" }

    /// The title as reports show it: marked when Zendesk has deactivated the field.
    public var displayTitle: String { active ? title : "\(title) (inactive field)" }

    /// The keys of a stored value (a multiselect's JSON list gives one per tag).
    func keys(of stored: String?) -> [String] {
        guard let stored, !stored.isEmpty else { return [] }
        guard isMultiple else { return [stored] }
        let value: JSONValue
        do {
            value = try Envelope.parseValue(Array(stored.utf8))
        } catch {
            return [stored]  // not JSON (a value written by hand): the text is the one value
        }
        guard case .array(let items) = value else { return [stored] }
        var keys: [String] = []
        for item in items {
            if let text = RecordReader.text(item), !text.isEmpty, !keys.contains(text) { keys.append(text) }
        }
        return keys
    }

    /// The label of a key.
    func label(of key: String) -> String {
        if hasOptions {
            return options.first { $0.value == key }?.name ?? "\(key) (deleted option)"
        }
        if isCheckbox {
            switch key {
            case "true": return "Yes"
            case "false": return "No"
            default: return key
            }
        }
        return key
    }

    /// The key a filter value names: an option's name or tag, `yes`/`no`/`true`/`false` for a
    /// checkbox, the text itself otherwise; `seen` (keys found on tickets) resolves deleted
    /// options. `nil` when an option field has no such option.
    func key(forFilterValue value: String, seen: Set<String>) -> String? {
        if hasOptions {
            if let option = options.first(where: { $0.name.caseInsensitiveEquals(value) }) { return option.value }
            if let option = options.first(where: { $0.value.caseInsensitiveEquals(value) }) { return option.value }
            return seen.first { $0.caseInsensitiveEquals(value) }
        }
        if isCheckbox {
            switch value.lowercased() {
            case "yes", "true", "checked": return "true"
            case "no", "false", "unchecked": return "false"
            default: return nil
            }
        }
        return value
    }

    /// What a filter value may be, for error messages.
    var filterValueHint: String {
        if isCheckbox { return "yes or no" }
        let names = options.map(\.name)
        return names.isEmpty ? "a value" : "one of \(names.joined(separator: ", "))"
    }
}

/// The account's custom ticket fields, read from the cache, and how names resolve to them.
public struct CustomFieldCatalog: Sendable, Equatable {
    /// Custom fields (system fields left out), in id order.
    public var fields: [CustomFieldDefinition]

    public init(fields: [CustomFieldDefinition] = []) {
        self.fields = fields.filter { !CustomFieldDefinition.systemTypes.contains($0.type) }.sorted { $0.id < $1.id }
    }

    /// The field a `field:` reference names: its id, or its title (any case). Unknown names and
    /// titles shared by several fields are errors that say what exists.
    public func resolve(_ reference: String) throws(EngineError) -> CustomFieldDefinition {
        if let id = Int64(reference) {
            if let field = fields.first(where: { $0.id == id }) { return field }
            throw .unknownCustomField(reference: reference, problem: "no custom ticket field has id \(id)\(known)")
        }
        let matches = fields.filter { $0.title.caseInsensitiveEquals(reference) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let ids = matches.map { String($0.id) }.joined(separator: ", ")
            throw .unknownCustomField(
                reference: reference,
                problem: "several custom fields are called \"\(reference)\" (ids \(ids)); use the id")
        }
        let hint = NameSuggestion.closest(to: reference, in: fields.map(\.title)).map { " (did you mean \"\($0)\"?)" }
        throw .unknownCustomField(
            reference: reference, problem: "no custom ticket field is called \"\(reference)\"\(hint ?? "")\(known)")
    }

    private var known: String {
        guard !fields.isEmpty else {
            return "; the cache has no custom ticket fields (import or sync ticket_fields first)"
        }
        return "; known: " + fields.map { "\"\($0.title)\" (\($0.id))" }.joined(separator: ", ")
    }

    /// Reads `field:NAME`, `field:"NAME"` or `field:ID`: the reference without the prefix and
    /// quotes, or `nil` when `text` does not start with `field:`.
    public static func reference(in text: String) -> String? {
        guard text.hasPrefix("field:") else { return nil }
        var name = String(text.dropFirst(6)).trimmingWhitespace()
        for quote in ["\"", "'"] where name.count >= 2 && name.hasPrefix(quote) && name.hasSuffix(quote) {
            name = String(name.dropFirst().dropLast())
        }
        return name
    }
}
