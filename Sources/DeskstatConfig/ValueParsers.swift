import DeskstatBasics
import Foundation

/// The validation of each kind of setting, shared by the loader and the `init` wizard.
///
/// Each parser takes text as given and either returns the normalised value or throws a
/// `ValueProblem` that quotes the value and says how to write it.
enum ValueParsers {
    /// A bare subdomain, lowercased. `https://acme.zendesk.com/`, `acme.zendesk.com` and `ACME`
    /// are all read as `acme`; any other host is refused with a hint to use `base_url`.
    static func subdomain(_ text: String) throws(ValueProblem) -> String {
        var name = text.trimmed.lowercased()
        for scheme in ["https://", "http://"] where name.hasPrefix(scheme) { name.removeFirst(scheme.count) }
        if let slash = name.firstIndex(of: "/") { name = String(name[..<slash]) }
        if name.hasSuffix(".zendesk.com") { name.removeLast(".zendesk.com".count) }
        guard !name.isEmpty else { throw ValueProblem("is empty; give the subdomain, e.g. acme for acme.zendesk.com") }
        if name.contains(".") {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) is not a Zendesk subdomain; give the first part of YOURNAME.zendesk.com "
                    + "(e.g. acme), and for another host set base_url")
        }
        let valid =
            name.allSatisfy { $0.isASCIILowercaseLetter || $0.isASCIIDigit || $0 == "-" }
            && name.first != "-" && name.last != "-"
        guard valid else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) is not a valid subdomain; use letters, digits and inner hyphens, "
                    + "e.g. acme for acme.zendesk.com")
        }
        return name
    }

    /// An email address: one `@` with text on both sides and no spaces. A pasted `…/token`
    /// suffix is refused, because deskstat adds it itself.
    static func email(_ text: String) throws(ValueProblem) -> String {
        let address = text.trimmed
        if address.lowercased().hasSuffix("/token") {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) ends in /token; give the bare address (deskstat signs in as EMAIL/token itself)"
            )
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !address.contains(where: { $0.isWhitespace || $0.isNewline })
        guard valid else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) is not an email address; give the admin's, e.g. admin@example.com")
        }
        return address
    }

    /// Epoch seconds (UTC) of `2017-01-25` or `2017-01-25T00:00:00Z`.
    static func startDate(_ text: String) throws(ValueProblem) -> Int64 {
        try UTCDate.parse(text)
    }

    /// Known table names in documentation order, duplicates dropped. `all` (alone) means every table,
    /// `default` (alone) every table but `ticket_audits`.
    static func tables(_ items: [String]) throws(ValueProblem) -> [String] {
        let names = items.map(\.trimmed)
        if names.count == 1, names[0].lowercased() == "all" { return ZendeskTable.allNames }
        if names.count == 1, names[0].lowercased() == "default" { return ZendeskTable.defaultNames }
        guard !names.allSatisfy(\.isEmpty) else {
            throw ValueProblem("is empty; list tables, e.g. tickets,users, or write all")
        }
        if let empty = names.firstIndex(of: "") {
            throw ValueProblem("has an empty name at position \(empty + 1); remove the extra comma")
        }
        for name in names where ZendeskTable(rawValue: name) == nil {
            let hint = NameSuggestion.closest(to: name, in: ZendeskTable.allNames).map { " (did you mean \"\($0)\"?)" }
            throw ValueProblem(
                "\(QuotedValue.quoted(name)) is not a table\(hint ?? ""); the tables are: \(ZendeskTable.allNames.joined(separator: ", "))"
            )
        }
        let chosen = Set(names)
        return ZendeskTable.allNames.filter(chosen.contains)
    }

    /// An `http` or `https` URL with a host and no credentials, query or fragment; a trailing
    /// slash is dropped.
    static func baseURL(_ text: String) throws(ValueProblem) -> URL {
        let trimmed = text.trimmed
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) is not a URL; write e.g. https://acme.zendesk.com or http://127.0.0.1:8080"
            )
        }
        guard scheme == "http" || scheme == "https" else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) must start with https:// (or http:// for a local test server)")
        }
        guard components.user == nil, components.password == nil else {
            throw ValueProblem(
                "has a user name or password in it; remove them and give the token through ZENDESK_API_TOKEN")
        }
        guard components.query == nil, components.fragment == nil else {
            throw ValueProblem(
                "\(QuotedValue.quoted(text)) has a query or fragment; give only scheme, host, port and path")
        }
        let normalised = trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
        guard let url = URL(string: normalised) else {
            throw ValueProblem("\(QuotedValue.quoted(text)) is not a URL; write e.g. https://acme.zendesk.com")
        }
        return url
    }

    /// A non-empty path (cache file or token file).
    static func path(_ text: String) throws(ValueProblem) -> String {
        guard !text.trimmed.isEmpty else { throw ValueProblem("is empty; give a file path") }
        return text
    }

    /// A token as found in the environment, a token file or the config: surrounding whitespace
    /// removed; must be non-empty and one word (a newline inside would corrupt the HTTP header).
    /// The message never quotes the token.
    static func token(_ text: String) throws(ValueProblem) -> Secret {
        let token = text.trimmed
        guard !token.isEmpty else { throw ValueProblem("the token is empty") }
        guard !token.contains(where: { $0.isWhitespace || $0.isNewline || $0.asciiValue.map { $0 < 32 } == true })
        else {
            throw ValueProblem("the token contains spaces or line breaks; it must be a single word")
        }
        return Secret(token)
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension Character {
    /// `a`…`z`.
    var isASCIILowercaseLetter: Bool { ("a"..."z").contains(self) }
    /// `0`…`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
