import ArgumentParser
import DeskstatConfig
import Foundation

/// `deskstat init`: writes a commented deskstat.yaml.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented deskstat.yaml (asks on a terminal, or takes flags). The token is never written.",
        discussion: """
            Example: deskstat init --subdomain acme --email ops@acme.com --start-date 2024-01-01

            \(ExitStatus.helpText([.success, .runtimeError, .configuration], runtime: "the file cannot be written"))
            """)

    @OptionGroup var configOptions: ConfigOptions

    @Flag(help: "Write to $XDG_CONFIG_HOME/deskstat/deskstat.yaml (or ~/.config/deskstat/) instead of ./deskstat.yaml.")
    var global = false

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        try reportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let defaults = InitDefaults(flags: configOptions.flags, environment: environment)
            let values: InitValues
            if Terminal.standardError.isTTY && isatty(0) == 1 && configOptions.subdomain == nil {
                values = try InitWizard.run(prompter: StandardInputPrompter(), defaults: defaults)
            } else {
                values = try InitWizard.values(from: defaults)
            }
            let path = configOptions.config ?? (global ? Self.globalPath(environment) : "deskstat.yaml")
            try ConfigWriter.write(ConfigTemplate.render(values: values), to: path, overwrite: force)
            Terminal.standardOutput.write(
                "wrote \(path) (mode 0600). Next: export ZENDESK_API_TOKEN=… and run `deskstat sync --check`.\n")
        }
    }

    static func globalPath(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/deskstat/deskstat.yaml" }
        return (environment["HOME"] ?? ".") + "/.config/deskstat/deskstat.yaml"
    }
}

/// `deskstat config show`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Inspect the configuration.",
        discussion: ExitStatus.helpText([.success, .configuration]), subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every setting with its source (flag, environment, file, default); never the token.",
            discussion: ExitStatus.helpText([.success, .configuration]))

        @OptionGroup var configOptions: ConfigOptions

        @Flag(help: "Print as JSON.")
        var json = false

        func run() throws {
            try reportingErrors {
                let configuration = try configOptions.load()
                for warning in configuration.warnings {
                    Terminal.standardError.write("deskstat: warning: \(warning)\n")
                }
                Terminal.standardOutput.write(
                    json ? ConfigReport.renderJSON(configuration) : ConfigReport.render(configuration))
            }
        }
    }
}
