import DeskstatBasics
import Yams

/// Turns definition YAML into a `ReportDefinition`, checking structure as it goes and recording
/// the line of every key path for later messages. The first problem stops parsing.
struct DefinitionParser {
    /// The top-level keys, in documentation order.
    static let definitionKeys = ["name", "title", "description", "period", "compare", "sections"]
    /// The keys of a section, in documentation order.
    static let sectionKeys = ["id", "title", "kind", "kpis", "stats", "clock", "by", "filters", "limit"]

    let file: String
    private var lines: [String: Int] = [:]

    init(file: String) {
        self.file = file
    }

    /// Parses one definition document.
    mutating func parse(_ yaml: String, defaultName: String) throws(ReportError) -> ReportDefinition {
        let root = try compose(yaml)
        let fields = try mapping(root, at: "", allowed: Self.definitionKeys, required: ["title", "sections"])
        let name = try fields["name"].map { node throws(ReportError) in try identifier(node, at: "name", kebab: true) }
        if let name, name != defaultName {
            throw error(
                fields["name"], "name",
                "\"\(name)\" does not match the file name \"\(defaultName)\"; rename the file or remove the key")
        }
        var definition = ReportDefinition(
            name: name ?? defaultName,
            title: try text(fields["title"], at: "title"),
            description: try fields["description"].map { node throws(ReportError) in try text(node, at: "description")
            },
            defaultPeriod: try fields["period"].map { node throws(ReportError) in try text(node, at: "period") },
            compare: try fields["compare"].map { node throws(ReportError) in
                try oneOf(node, at: "compare", ReportDefinitions.compareModes, what: "comparison")
            },
            sections: try sections(fields["sections"]))
        definition.origin = DefinitionOrigin(file: file, lines: lines)
        return definition
    }

    // MARK: - Document structure

    private func compose(_ yaml: String) throws(ReportError) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            throw Self.syntaxError(yamlError, file: file)
        } catch {
            throw .definitionSyntax(path: file, line: nil, column: nil, problem: "\(error)")
        }
        guard let node else {
            throw .invalidDefinition(
                path: file, line: nil, keyPath: "", problem: "the file is empty; it needs at least title and sections")
        }
        return node
    }

    private mutating func sections(_ node: Node?) throws(ReportError) -> [SectionDefinition] {
        let items = try list(node, at: "sections", example: "a list of sections, each starting with \"- id: …\"")
        guard !items.isEmpty else { throw error(node, "sections", "needs at least one section") }
        var result: [SectionDefinition] = []
        for (index, item) in items.enumerated() {
            let section = try self.section(item, at: "sections[\(index)]")
            if let first = result.firstIndex(where: { $0.id == section.id }) {
                throw error(
                    item, "sections[\(index)].id",
                    "\"\(section.id)\" is already the id of sections[\(first)]; section ids must be unique")
            }
            result.append(section)
        }
        return result
    }

    private mutating func section(_ node: Node, at path: String) throws(ReportError) -> SectionDefinition {
        let fields = try mapping(node, at: path, allowed: Self.sectionKeys, required: ["id", "title"])
        func key(_ name: String) -> String { "\(path).\(name)" }
        return SectionDefinition(
            id: try identifier(fields["id"], at: key("id"), kebab: false),
            title: try text(fields["title"], at: key("title")),
            kpis: try fields["kpis"].map { node throws(ReportError) in try names(node, at: key("kpis")) } ?? [],
            stats: try fields["stats"].map { node throws(ReportError) in try names(node, at: key("stats")) },
            clock: try fields["clock"].map { node throws(ReportError) in
                try oneOf(node, at: key("clock"), ReportDefinitions.clocks, what: "clock")
            },
            by: try fields["by"].map { node throws(ReportError) in try text(node, at: key("by")) },
            filters: try fields["filters"].map { node throws(ReportError) in try names(node, at: key("filters")) },
            limit: try fields["limit"].map { node throws(ReportError) in try positiveInteger(node, at: key("limit")) },
            kind: try fields["kind"].map { node throws(ReportError) in
                try oneOf(node, at: key("kind"), SectionKind.allCases.map(\.rawValue), what: "section kind")
            })
    }

    // MARK: - Typed readers

    /// A mapping's values by key, after rejecting unknown, duplicate and missing keys.
    private mutating func mapping(_ node: Node, at path: String, allowed: [String], required: [String])
        throws(ReportError) -> [String: Node]
    {
        record(node, path)
        guard case .mapping(let mapping) = node else {
            let what = path.isEmpty ? "the file" : path
            throw error(
                node, path,
                "expected a mapping of keys (\(allowed.joined(separator: ", "))) for \(what); got \(Self.describe(node))"
            )
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                let hint = NameSuggestion.closest(to: key, in: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw error(keyNode, keyPath, "unknown key\(hint); expected one of \(allowed.joined(separator: ", "))")
            }
            record(value, keyPath)
            fields[key] = value
        }
        for key in required where fields[key] == nil {
            let place = path.isEmpty ? "" : path
            throw error(node, place, "missing the required key \"\(key)\"")
        }
        return fields
    }

    /// A non-empty scalar, as text.
    private func text(_ node: Node?, at path: String) throws(ReportError) -> String {
        guard let node, case .scalar(let scalar) = node else {
            throw error(node, path, "expected text; got \(node.map(Self.describe) ?? "nothing")")
        }
        guard !Self.isNull(node), !scalar.string.trimmingWhitespace().isEmpty else {
            throw error(node, path, "has no value; give one or remove the key")
        }
        return scalar.string
    }

    /// A list of scalars (`[a, b]` or one `- a` per line).
    private mutating func names(_ node: Node, at path: String) throws(ReportError) -> [String] {
        let items = try list(node, at: path, example: "a list, e.g. [created, solved]")
        var result: [String] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            record(item, itemPath)
            result.append(try text(item, at: itemPath))
        }
        return result
    }

    private func list(_ node: Node?, at path: String, example: String) throws(ReportError) -> [Node] {
        guard let node, case .sequence(let sequence) = node else {
            throw error(node, path, "expected \(example); got \(node.map(Self.describe) ?? "nothing")")
        }
        return Array(sequence)
    }

    /// One of `allowed`, with a did-you-mean hint.
    private func oneOf(_ node: Node, at path: String, _ allowed: [String], what: String) throws(ReportError) -> String {
        let value = try text(node, at: path)
        guard allowed.contains(value) else {
            throw error(node, path, Self.notOneOf(value, what: what, allowed: allowed))
        }
        return value
    }

    /// A snake_case id (`volume`, `sla_breaches`), or a kebab/snake name when `kebab` is set.
    private func identifier(_ node: Node?, at path: String, kebab: Bool) throws(ReportError) -> String {
        let value = try text(node, at: path)
        let allowedPunctuation: Set<Character> = kebab ? ["_", "-"] : ["_"]
        let valid =
            value.first.map { $0.isASCIILowercase } == true
            && value.allSatisfy { $0.isASCIILowercase || $0.isASCIIDigit || allowedPunctuation.contains($0) }
        guard valid else {
            let rule = kebab ? "lowercase letters, digits, - and _" : "lowercase letters, digits and _ (snake_case)"
            throw error(
                node, path,
                "\"\(value)\" is not a valid \(path.hasSuffix("name") ? "name" : "id"); use \(rule), starting with a letter"
            )
        }
        return value
    }

    private func positiveInteger(_ node: Node, at path: String) throws(ReportError) -> Int {
        let value = try text(node, at: path)
        guard let number = Int(value), number.description == value else {
            throw error(node, path, "expected a whole number, e.g. 10; got \"\(value)\"")
        }
        guard number >= 1 else { throw error(node, path, "must be at least 1; got \(number)") }
        return number
    }

    // MARK: - Errors and lines

    private mutating func record(_ node: Node, _ path: String) {
        if let line = node.mark?.line, lines[path] == nil { lines[path] = line }
    }

    private func error(_ node: Node?, _ path: String, _ problem: String) -> ReportError {
        .invalidDefinition(path: file, line: node?.mark?.line ?? lines[path], keyPath: path, problem: problem)
    }

    /// `"grop" is not a slice (did you mean "group"?); expected one of group, assignee, …`.
    static func notOneOf(_ value: String, what: String, allowed: [String]) -> String {
        let hint = NameSuggestion.closest(to: value, in: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
        return "\"\(value)\" is not a \(what)\(hint); expected one of \(allowed.joined(separator: ", "))"
    }

    private static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): isNull(node) ? "nothing" : "\"\(scalar.string)\""
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ReportError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return .definitionSyntax(path: file, line: mark.line, column: mark.column, problem: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .invalidDefinition(
                path: file, line: context.mark.line, keyPath: "",
                problem: "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")); keep one")
        case .reader(let problem, _, _, _):
            return .definitionSyntax(path: file, line: nil, column: nil, problem: problem)
        default:
            return .definitionSyntax(path: file, line: nil, column: nil, problem: "\(error)")
        }
    }
}
