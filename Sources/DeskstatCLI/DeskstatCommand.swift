public import ArgumentParser

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
            ExplainCommand.self, SyncCommand.self, InitCommand.self, ConfigCommand.self, BenchCommand.self,
        ])

    public init() {}
}
