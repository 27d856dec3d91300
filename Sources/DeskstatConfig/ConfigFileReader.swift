import DeskstatBasics
import Yams

/// The settings found in one config file, each with its line.
struct ConfigFileContents: Sendable, Equatable {
    /// The file as shown to the user.
    let path: String
    /// One raw setting per key present, its source `.file(path, line)` (the key's line).
    let settings: [ConfigKey: RawSetting]

    /// The setting for `key`, if the file has it.
    func setting(for key: ConfigKey) -> RawSetting? { settings[key] }
}

/// Reads `deskstat.yaml`: a mapping of known snake_case keys to text or lists of text.
///
/// Unknown keys (with a did-you-mean), duplicate keys, nested values and empty values are errors
/// that name the file, the line and the key. Scalars are read as written, so `start_date:
/// 2017-01-25` needs no quotes.
enum ConfigFileReader {
    /// Checks permissions, then reads and parses the file.
    static func read(_ file: LocatedConfigFile, fileSystem: any FileSystem) throws(ConfigError) -> ConfigFileContents {
        let text = try PrivateFile.read(
            absolutePath: file.absolutePath, displayPath: file.displayPath, role: .configFile, fileSystem: fileSystem)
        return try parse(text, path: file.displayPath)
    }

    /// Parses config text; `path` is used in messages and sources only.
    static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFileContents {
        guard let root = try compose(text, path: path) else {
            return ConfigFileContents(path: path, settings: [:])
        }
        guard case .mapping(let mapping) = root else {
            throw .syntax(
                path: path, line: root.mark?.line, column: nil,
                problem: "the file must be a mapping of keys, like \"subdomain: acme\"; found \(describe(root))")
        }
        var settings: [ConfigKey: RawSetting] = [:]
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark?.line ?? valueNode.mark?.line ?? 0
            let name = keyNode.string ?? ""
            guard let key = ConfigKey(rawValue: name) else {
                let suggestion = NameSuggestion.closest(to: name, in: ConfigKey.allCases.map(\.yamlKey))
                throw .unknownKey(path: path, line: line, key: name, suggestion: suggestion)
            }
            let source = ConfigSource.file(path: path, line: line)
            guard settings[key] == nil else { throw .duplicateKey(path: path, line: line, key: name) }
            settings[key] = RawSetting(key: key, value: try value(valueNode, key: key, source: source), source: source)
        }
        return ConfigFileContents(path: path, settings: settings)
    }

    // MARK: - Pieces

    private static func compose(_ text: String, path: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, path: path, text: text)
        } catch {
            throw .syntax(path: path, line: nil, column: nil, problem: String(describing: error))
        }
    }

    /// A scalar as `.text`, a sequence of scalars as `.list`; anything else is a wrong type.
    private static func value(_ node: Node, key: ConfigKey, source: ConfigSource) throws(ConfigError) -> RawValue {
        switch node {
        case .scalar(let scalar):
            guard !isNull(node) else {
                throw .invalidValue(key: key, source: source, problem: "has no value; give one or delete the line")
            }
            return .text(scalar.string)
        case .sequence(let sequence) where key == .tables:
            var items: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item, !isNull(item) else {
                    let found = isNull(item) ? "an empty item" : describe(item)
                    throw .wrongType(
                        key: key, source: itemSource(item, in: source), expected: "a list of table names", found: found)
                }
                items.append(scalar.string)
            }
            return .list(items)
        default:
            let expected = key == .tables ? "a list of table names, or text like \"tickets, users\"" : "text"
            throw .wrongType(key: key, source: source, expected: expected, found: describe(node))
        }
    }

    private static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): QuotedValue.quoted(scalar.string)
        case .sequence: "a list"
        case .mapping: "a mapping (nested keys)"
        case .alias: "an alias"
        }
    }

    /// The source of a list item: its own line when known, else the key's.
    private static func itemSource(_ item: Node, in source: ConfigSource) -> ConfigSource {
        guard case .file(let path, _) = source, let line = item.mark?.line else { return source }
        return .file(path: path, line: line)
    }

    /// The line (from 1) where the top-level `key:` appears for the second time.
    private static func secondLine(of key: String, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let matches = lines.indices.filter { index in
            let line = lines[index]
            guard line.hasPrefix(key) else { return false }
            return line.dropFirst(key.count).drop(while: { $0 == " " }).first == ":"
        }
        return matches.count >= 2 ? matches[1] + 1 : nil
    }

    private static func syntaxError(_ error: YamlError, path: String, text: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return .syntax(path: path, line: mark.line, column: mark.column, problem: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            return .duplicateKey(
                path: path, line: secondLine(of: key, in: text) ?? context.mark.line,
                key: duplicates.joined(separator: "\", \""))
        case .reader(let problem, _, _, _):
            return .syntax(path: path, line: nil, column: nil, problem: problem)
        default:
            return .syntax(path: path, line: nil, column: nil, problem: String(describing: error))
        }
    }
}
