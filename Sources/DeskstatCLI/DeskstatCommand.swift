public import ArgumentParser
import Foundation

/// The `deskstat` command: Zendesk Support KPIs from a local cache.
public struct DeskstatCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "deskstat",
        abstract: "Trustworthy Zendesk Support KPIs from a local SQLite cache, offline.",
        discussion: """
            Start with `deskstat demo` to see it on a generated account, then `deskstat import` your \
            own API exports.

            \(ExitStatus.helpText)
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ImportCommand.self, StatusCommand.self, ReportCommand.self, KPICommand.self,
            QueryCommand.self,
            ExplainCommand.self, ReconcileCommand.self, SyncCommand.self, InitCommand.self, ConfigCommand.self,
            BenchCommand.self,
        ])

    public init() {}

    /// Parses the command line, runs the command and exits, printing every error in one style:
    /// `deskstat: error: MESSAGE` on standard error. Only argument-syntax errors (an unknown
    /// flag, a missing or unparsable value) add the usage text; help and version go to
    /// standard output with status 0.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exitForParseError(error)
        }
        do {
            try command.run()
        } catch let error as ExitCode {
            exit(withError: error)  // already reported
        } catch {
            // `deskstat help kpi` and `kpi --help` run a help command that throws its text.
            if exitCode(for: error) == .success || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                exitForParseError(error)
            }
            Terminal.standardError.write("deskstat: error: \(error)\n")
            Foundation.exit(ExitStatus.forError(error).rawValue)
        }
        Foundation.exit(0)
    }

    private static func exitForParseError(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }  // --help, --version
        var text = fullMessage(for: error)
        if text.hasPrefix("Error: ") { text = "deskstat: error: " + text.dropFirst("Error: ".count) }
        Terminal.standardError.write(text.hasSuffix("\n") ? text : text + "\n")
        Foundation.exit(code.rawValue)
    }
}
