import DeskstatReport
import Foundation

/// Where report definitions are found, first match by name wins: `--reports DIR`,
/// `$DESKSTAT_REPORTS`, `./reports`, then the definitions compiled into the binary. Nothing is
/// looked up next to the binary or at the build machine's paths, so an installed copy works anywhere.
enum ReportDefinitionSource {
    static func directories(explicit: String?) -> [String] {
        var directories: [String] = []
        if let explicit { directories.append(explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["DESKSTAT_REPORTS"], !fromEnvironment.isEmpty {
            directories.append(fromEnvironment)
        }
        directories.append("reports")
        var seen: Set<String> = []
        return directories.filter { seen.insert($0).inserted }
    }

    /// A definition by name (`weekly`) or path (`my/report.yaml`).
    static func load(_ nameOrPath: String, explicitDirectory: String?) throws -> ReportDefinition {
        let definition: ReportDefinition
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            definition = try ReportDefinitions.load(path: nameOrPath)
        } else {
            definition = try ReportDefinitions.builtIn(
                named: nameOrPath, searchDirectories: directories(explicit: explicitDirectory))
        }
        try definition.validate(
            knownKPIs: Set(ReportDefinitions.defaultKPIs), knownSlices: Set(ReportDefinitions.defaultSlices))
        return definition
    }

    /// The `report --list` table: name, title and source of every definition a name can reach.
    static func listing(explicitDirectory: String?) -> String {
        let rows = ReportDefinitions.listing(searchDirectories: directories(explicit: explicitDirectory)).map {
            [$0.name, $0.title, $0.source]
        }
        var table = TextTable(["NAME", "TITLE", "SOURCE"], alignments: [.left, .left, .left])
        table.rows = rows
        return table.render()
    }
}
