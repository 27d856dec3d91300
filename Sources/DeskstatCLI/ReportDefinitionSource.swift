import DeskstatReport
import Foundation

/// Where report definitions are found: `--reports DIR`, `$DESKSTAT_REPORTS`, `./reports`, and the
/// `reports/` folder of the checkout the binary was built in.
enum ReportDefinitionSource {
    static func directories(explicit: String?) -> [String] {
        var directories: [String] = []
        if let explicit { directories.append(explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["DESKSTAT_REPORTS"], !fromEnvironment.isEmpty {
            directories.append(fromEnvironment)
        }
        directories.append("reports")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            directories.append(folder.appendingPathComponent("reports").path)
            folder = folder.deletingLastPathComponent()
        }
        directories.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("reports").path)
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
}
