import DeskstatBasics
import DeskstatReport

/// Everything that can go wrong computing KPIs.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// A `--where` filter is malformed or names an unknown field or value.
    case badFilter(expression: String, problem: String)
    /// `--by` names no known slice.
    case badSlice(String)
    /// A KPI name is unknown.
    case unknownKPI(String)
    /// `--stat` names an unknown statistic.
    case unknownStat(String)
    /// A `field:` slice names no custom ticket field the cache knows.
    case unknownCustomField(reference: String, problem: String)
    /// A ticket asked for by `explain` is not in the cache.
    case ticketNotFound(Int64)
    /// A ticket asked for by `explain` is not in the cache, but some of its audits, comments or
    /// metric set are: the ticket record itself was never imported or synced.
    case ticketOnlyInChildren(Int64, children: [String])
    /// Reading the cache failed.
    case cache(String)
    /// A `--policies` draft cannot be read as Zendesk SLA policies.
    case badPolicies(file: String, problem: String)

    public var description: String {
        switch self {
        case .badFilter(let expression, let problem):
            return "--where \"\(expression)\": \(problem)"
        case .badSlice(let name):
            let hint =
                NameSuggestion.closest(
                    to: name, in: Slice.allNames.split(separator: ",").map { $0.trimmingWhitespace() }
                )
                .map { " (did you mean \"\($0)\"?)" } ?? ""
            return "--by \"\(name)\" is not a slice\(hint); expected one of \(Slice.allNames)"
        case .unknownKPI(let name):
            let hint =
                NameSuggestion.closest(to: name, in: KPI.allCases.map(\.rawValue))
                .map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown KPI \"\(name)\"\(hint); `deskstat kpi --list` shows them all"
        case .unknownStat(let name):
            return "unknown statistic \"\(name)\"; expected \(StatisticName.syntax)"
        case .unknownCustomField(let reference, let problem):
            return "field:\"\(reference)\": \(problem)"
        case .ticketNotFound(let id):
            return "ticket \(id) is not in the cache; import or sync it first"
        case .ticketOnlyInChildren(let id, let children):
            return "ticket \(id) is not in the cache, although it holds \(children.joined(separator: ", ")) of it: the "
                + "ticket record itself was never imported or synced; import its tickets export or run "
                + "`deskstat sync --tables tickets`"
        case .cache(let message):
            return message
        case .badPolicies(let file, let problem):
            return "--policies \(file): \(problem); the file must hold Zendesk SLA policy API bodies "
                + "(as `GET /api/v2/slas/policies` returns them)"
        }
    }
}
