import ArgumentParser
import DeskstatConfig
import Foundation

/// The sync settings that can be given as flags (they beat the environment and deskstat.yaml).
struct ConfigOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The config file (default ./deskstat.yaml, then $XDG_CONFIG_HOME/deskstat/).", valueName: "path"))
    var config: String?

    @Option(help: ArgumentHelp("Zendesk subdomain (acme for acme.zendesk.com).", valueName: "name"))
    var subdomain: String?

    @Option(help: ArgumentHelp("The Zendesk admin's email (the token's owner).", valueName: "email"))
    var email: String?

    @Option(
        name: .customLong("start-date"),
        help: ArgumentHelp("Where history starts (UTC), e.g. 2017-01-25T00:00:00Z.", valueName: "date"))
    var startDate: String?

    @Option(
        help: ArgumentHelp(
            "Tables to sync, comma-separated, or all, or default (all but ticket_audits).", valueName: "a,b"))
    var tables: String?

    @Option(help: ArgumentHelp("The cache file.", valueName: "path"))
    var cache: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("Replace https://SUBDOMAIN.zendesk.com (proxies, sandboxes, tests).", valueName: "url"))
    var baseURL: String?

    @Option(
        name: .customLong("incremental-requests-per-minute"),
        help: ArgumentHelp("Requests a minute to incremental exports (1–30).", valueName: "n"))
    var incrementalRequestsPerMinute: Int?

    @Option(
        name: .customLong("requests-per-minute"),
        help: ArgumentHelp("Requests a minute to other endpoints.", valueName: "n"))
    var requestsPerMinute: Int?

    @Option(
        name: .customLong("audit-concurrency"),
        help: ArgumentHelp("Tickets whose audits are fetched at once.", valueName: "n"))
    var auditConcurrency: Int?

    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp("A file holding the API token (mode 0600).", valueName: "path"))
    var tokenFile: String?

    var flags: ConfigFlags {
        ConfigFlags(
            configPath: config, subdomain: subdomain, email: email, startDate: startDate,
            tables: tables.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            cachePath: cache,
            baseURL: baseURL, incrementalRequestsPerMinute: incrementalRequestsPerMinute,
            requestsPerMinute: requestsPerMinute,
            auditConcurrency: auditConcurrency, tokenFile: tokenFile)
    }

    /// The resolved configuration (flags > environment > file > defaults).
    func load() throws -> DeskstatConfiguration {
        try ConfigLoader.load(
            flags: flags, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
    }
}
