import Foundation

/// What `deskstat config show` prints: every setting with its value and where it came from.
///
/// ```
/// config_file                      ./deskstat.yaml           default
/// subdomain                        acme                      file ./deskstat.yaml:3
/// email                            admin@acme.com            env ZENDESK_EMAIL
/// …
/// token                            set (env ZENDESK_API_TOKEN)
/// ```
///
/// The token is only ever reported as `set (SOURCE)` or `not set`.
public enum ConfigReport {
    /// One line of the report.
    public struct Row: Sendable, Equatable {
        /// The YAML key (`start_date`), or `config_file` / `token`.
        public let key: String
        /// The value as text, `not set`, or for the token `set (SOURCE)`.
        public let value: String
        /// `flag --email`, `env ZENDESK_EMAIL`, `file ./deskstat.yaml:3`, `default`; empty when unset
        /// and for the token (whose value already says where it came from).
        public let source: String
    }

    /// What an unset value shows.
    public static let notSet = "not set"

    /// The rows in display order.
    public static func rows(_ configuration: DeskstatConfiguration) -> [Row] {
        let c = configuration
        return [
            row("config_file", c.configFile),
            row("subdomain", c.subdomain),
            row("email", c.email),
            row("start_date", c.startDate.map { Sourced(UTCDate.format($0.value), from: $0.source) }),
            row("tables", Sourced(tablesText(c.tables.value), from: c.tables.source)),
            row("cache", c.cachePath),
            row("base_url", c.effectiveBaseURL.map { Sourced($0.value.absoluteString, from: $0.source) }),
            row("incremental_requests_per_minute", c.incrementalRequestsPerMinute.map(String.init)),
            row("requests_per_minute", c.requestsPerMinute.map(String.init)),
            row("audit_concurrency", c.auditConcurrency.map(String.init)),
            row("token_file", c.tokenFile),
            Row(key: "token", value: c.credentials.map(\.description) ?? notSet, source: ""),
        ]
    }

    /// The rows as aligned text, one line per key, ending with a newline.
    public static func render(_ configuration: DeskstatConfiguration) -> String {
        let rows = rows(configuration)
        let keyWidth = rows.map(\.key.count).max() ?? 0
        let valueWidth = rows.filter { !$0.source.isEmpty }.map(\.value.count).max() ?? 0
        return rows.map { row in
            let line =
                pad(row.key, keyWidth) + "  " + (row.source.isEmpty ? row.value : pad(row.value, valueWidth))
                + (row.source.isEmpty ? "" : "  " + row.source)
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// The same content as JSON with sorted keys: `{"email": {"source": "env ZENDESK_EMAIL",
    /// "value": "admin@acme.com"}, …, "token": {"kind": "api_token", "set": true, "source": …},
    /// "warnings": […]}`. Numbers stay numbers; unset values are `null`; tables are an array.
    public static func renderJSON(_ configuration: DeskstatConfiguration) -> String {
        let c = configuration
        var object: [String: JSONNode] = [
            "config_file": entry(c.configFile.map { ($0.value, $0.source) }, JSONNode.string),
            "subdomain": entry(c.subdomain.map { ($0.value, $0.source) }, JSONNode.string),
            "email": entry(c.email.map { ($0.value, $0.source) }, JSONNode.string),
            "start_date": entry(c.startDate.map { (UTCDate.format($0.value), $0.source) }, JSONNode.string),
            "tables": entry((c.tables.value, c.tables.source)) { .array($0.map(JSONNode.string)) },
            "cache": entry((c.cachePath.value, c.cachePath.source), JSONNode.string),
            "base_url": entry(c.effectiveBaseURL.map { ($0.value.absoluteString, $0.source) }, JSONNode.string),
            "incremental_requests_per_minute": entry(
                (c.incrementalRequestsPerMinute.value, c.incrementalRequestsPerMinute.source), JSONNode.integer),
            "requests_per_minute": entry((c.requestsPerMinute.value, c.requestsPerMinute.source), JSONNode.integer),
            "audit_concurrency": entry((c.auditConcurrency.value, c.auditConcurrency.source), JSONNode.integer),
            "token_file": entry(c.tokenFile.map { ($0.value, $0.source) }, JSONNode.string),
            "warnings": .array(c.warnings.map(JSONNode.string)),
        ]
        object["token"] = .object([
            "set": .bool(c.credentials != nil),
            "kind": c.credentials.map { .string($0.kind.rawValue) } ?? .null,
            "source": c.credentials.map { .string($0.source.description) } ?? .null,
        ])
        return JSONNode.object(object).encoded()
    }

    // MARK: - Pieces

    private static func row(_ key: String, _ value: Sourced<String>?) -> Row {
        guard let value else { return Row(key: key, value: notSet, source: "") }
        return Row(key: key, value: value.value, source: value.source.description)
    }

    /// `all` when every table is chosen, `default` for the default set, else the names joined with `, `.
    private static func tablesText(_ tables: [String]) -> String {
        if tables == ZendeskTable.allNames { return "all" }
        if tables == ZendeskTable.defaultNames { return "default (all but ticket_audits)" }
        return tables.joined(separator: ", ")
    }

    private static func entry<T>(_ value: (T, ConfigSource)?, _ node: (T) -> JSONNode) -> JSONNode {
        guard let (value, source) = value else { return .object(["value": .null, "source": .null]) }
        return .object(["value": node(value), "source": .string(source.description)])
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension Sourced {
    /// The same source with the value transformed.
    func map<T>(_ transform: (Value) -> T) -> Sourced<T> { Sourced<T>(transform(value), from: source) }
}

/// A JSON value for `ConfigReport.renderJSON`, encoded with sorted keys.
enum JSONNode: Encodable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONNode])
    case object([String: JSONNode])

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try container.encode(value, forKey: Key(stringValue: key)) }
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .integer(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    /// Pretty-printed JSON with sorted keys and unescaped slashes, ending with a newline.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
