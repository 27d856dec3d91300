import ArgumentParser
import DeskstatCache
import DeskstatConfig
import DeskstatHistory
import DeskstatSync
import Foundation

/// `deskstat sync`: pulls the account from the Zendesk API into the cache, incrementally.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync the account from the Zendesk API into the cache (incremental after the first run).",
        discussion: """
            Settings: flags > environment > deskstat.yaml > defaults (`deskstat config show`). The token comes \
            from ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN, or a 0600 token file) and is never written to the \
            cache or printed.

            Examples:
              deskstat sync --check
              deskstat sync --tables tickets,users,satisfaction_ratings
              deskstat sync --every 30m --quiet

            Exit codes: 0 every chosen table synced (tables the plan does not allow are skipped with a \
            warning) · 1 a table failed or the sync was interrupted · 64 usage · 78 configuration error.
            """)

    @OptionGroup var configOptions: ConfigOptions

    @Flag(help: "Check the credentials and which tables the account allows, then exit.")
    var check = false

    @Option(help: ArgumentHelp("Keep running and sync every DURATION (e.g. 30m, 1h, 90s).", valueName: "duration"))
    var every: String?

    @Flag(name: .shortAndLong, help: "Only errors and the final summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log every request (the Authorization header is never shown).")
    var verbose = false

    /// Checks flag values that parse but make no sense (exit 64, without the usage text).
    func checkArguments() throws {
        if let every, Self.seconds(every) == nil {
            throw CLIError.usage("--every \"\(every)\": expected a duration like 90s, 30m or 2h (at least 60s)")
        }
    }

    func run() throws {
        try reportingErrors {
            try checkArguments()
            let configuration = try configOptions.load()
            let settings = try configuration.syncSettings()
            for warning in configuration.warnings { Terminal.standardError.write("deskstat: warning: \(warning)\n") }
            let stop = StopSignal()
            let interval = every.flatMap(Self.seconds)
            var status: Int32 = 0
            repeat {
                status = try Self.runOnce(settings: settings, check: check, quiet: quiet, verbose: verbose, stop: stop)
                guard let interval, !check, !stop.isRequested else { break }
                Terminal.standardError.write("deskstat: next sync in \(Int(interval)) s\n")
                var waited = 0.0
                while waited < interval && !stop.isRequested {
                    Thread.sleep(forTimeInterval: 0.5)
                    waited += 0.5
                }
            } while !stop.isRequested
            if status != 0 { throw ExitCode(status) }
        }
    }

    static func runOnce(settings: SyncSettings, check: Bool, quiet: Bool, verbose: Bool, stop: StopSignal) throws
        -> Int32
    {
        let cache = try Cache.open(at: settings.cachePath, timelines: TimelineCodec())
        let progress = SyncProgress(quiet: quiet, verbose: verbose, redact: settings.redact)
        let client = ZendeskClient(
            settings: ZendeskClient.Settings(
                baseURL: settings.baseURL, authorization: settings.authorization.reveal(),
                incrementalPerMinute: settings.incrementalRequestsPerMinute,
                standardPerMinute: settings.requestsPerMinute),
            transport: URLSessionTransport(), clock: SystemClock(), events: { progress.handle($0) })
        let tables = Set(settings.tables.compactMap(CacheTable.init(rawValue:)))
        let plan = SyncPlan(
            tables: tables, startTime: settings.startTime, auditConcurrency: settings.auditConcurrency,
            ticketEvents: settings.tables.contains(ZendeskTable.ticketEvents.rawValue))
        let syncer = Syncer(
            cache: cache, client: client, plan: plan, clock: SystemClock(), events: { progress.handle($0) },
            stopRequested: { stop.isRequested })
        if check {
            let result = try BlockingTask.run { await syncer.check() }
            Terminal.standardOutput.write(settings.redact(SyncSummaryText.check(result)))
            return result.user == nil ? ExitStatus.runtimeError.rawValue : 0
        }
        let report = try BlockingTask.run { await syncer.run() }
        progress.finish()
        Terminal.standardOutput.write(settings.redact(SyncSummaryText.report(report)))
        return report.succeeded ? 0 : ExitStatus.runtimeError.rawValue
    }

    /// "90s", "30m", "2h" → seconds (at least 60).
    static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let amount = Double(text.dropLast()), amount > 0 else { return nil }
        let multiplier: Double
        switch unit {
        case "s": multiplier = 1
        case "m": multiplier = 60
        case "h": multiplier = 3600
        default: return nil
        }
        let seconds = amount * multiplier
        return seconds >= 60 ? seconds : nil
    }
}
