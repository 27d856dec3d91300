import DeskstatBasics

/// Everything that can go wrong in the report module, with a message that says what failed,
/// where (file, line, key path or column) and how to fix it.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A report definition file could not be read.
    case definitionUnreadable(path: String, reason: String)
    /// A report definition path names no file.
    case definitionFileNotFound(path: String)
    /// A report definition file is not valid YAML.
    case definitionSyntax(path: String, line: Int?, column: Int?, problem: String)
    /// A report definition is valid YAML but not a valid definition: an unknown key, a wrong type,
    /// an unknown KPI or slice. `keyPath` is like `sections[2].by` (indexes count from 0).
    case invalidDefinition(path: String, line: Int?, keyPath: String, problem: String)
    /// No definition file of that name exists in the searched directories.
    case definitionNotFound(name: String, searched: [String], available: [String])
    /// A `--fail-on` expression is malformed; `position` is the 1-based column of the problem.
    case badThreshold(expression: String, position: Int, message: String)
    /// A `--fail-on` expression names a metric the report does not have; `available` holds the
    /// closest names (a few, not every metric).
    case unknownMetric(expression: String, metric: String, available: [String])
    /// A CSV `--section` names no section (or `section.table`) of the report.
    case unknownSection(requested: String, available: [String])

    /// Whether the error is a mistake on the command line (exit code 64) rather than in a file.
    public var isUsageError: Bool {
        switch self {
        case .badThreshold, .unknownMetric, .unknownSection, .definitionNotFound: true
        case .definitionUnreadable, .definitionFileNotFound, .definitionSyntax, .invalidDefinition: false
        }
    }

    /// Whether the error is a definition path that does not exist (exit code 66).
    public var isMissingInput: Bool {
        if case .definitionFileNotFound = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .definitionUnreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .definitionFileNotFound(let path):
            return "\(path): no such file; check the path, or give the name of a definition in reports/ (e.g. weekly)"
        case .definitionSyntax(let path, let line, let column, let problem):
            return "\(Self.place(path, line, column)): not valid YAML: \(problem); fix the syntax (indentation, "
                + "a missing ':' or an unclosed quote or bracket)"
        case .invalidDefinition(let path, let line, let keyPath, let problem):
            let key = keyPath.isEmpty ? "" : " \(keyPath):"
            return "\(Self.place(path, line, nil)):\(key) \(problem)"
        case .definitionNotFound(let name, let searched, let available):
            let places = searched.isEmpty ? "no report directory" : searched.joined(separator: ", ")
            let known = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "no report definition named \"\(name)\"\(Self.suggestion(name, available)) (searched \(places)); "
                + "available: \(known)"
        case .badThreshold(let expression, let position, let message):
            return "--fail-on \"\(expression)\": at column \(position): \(message); write METRIC OP NUMBER, "
                + "e.g. \"sla.breached > 0\" or \"csat < 85%\""
        case .unknownMetric(let expression, let metric, let closest):
            let hint = closest.isEmpty ? "" : "; closest: \(closest.joined(separator: ", "))"
            return "--fail-on \"\(expression)\": unknown metric '\(metric)'\(Self.suggestion(metric, closest))\(hint); "
                + "`deskstat report NAME --format json` lists every metric under \"metrics\""
        case .unknownSection(let requested, let available):
            return "--section \"\(requested)\": no such section or table\(Self.suggestion(requested, available)); "
                + "available: \(Self.list(available))"
        }
    }

    /// `path:line:column`, leaving out what is unknown.
    private static func place(_ path: String, _ line: Int?, _ column: Int?) -> String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    private static func suggestion(_ name: String, _ candidates: [String]) -> String {
        NameSuggestion.closest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
