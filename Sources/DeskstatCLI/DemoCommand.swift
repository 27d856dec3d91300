import ArgumentParser
import DeskstatBasics
import DeskstatCache
import DeskstatGenerator
import DeskstatHistory
import DeskstatImport
import Foundation
import ZendeskWire

/// `deskstat demo`: builds a generated account's cache and shows what deskstat does with it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a demo account (about 20,000 tickets over a year), import it and show its weekly report.",
        discussion: """
            Needs nothing configured. The account is seeded, so the same --seed and --end give the same data \
            and the same report (the report is as of --end). The cache goes to a new file in the temporary \
            directory unless --cache names one; afterwards, try `deskstat report`, `kpi`, `explain` and \
            `query` with --cache on it. Tickets come with their history (the incremental ticket event \
            export), so the history KPIs — backlog trend, reopens, next reply times — have values; \
            `deskstat reconcile` compares it with the metric sets.

            Example: deskstat demo --tickets 5000 --end 2026-11-30 --cache demo.sqlite

            \(ExitStatus.helpText([.success, .runtimeError, .usage], runtime: "the cache cannot be written"))
            """)

    @Option(help: "How many tickets to generate.")
    var tickets = 20_000

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 42

    @Option(
        help: ArgumentHelp(
            "Average ticket events (history updates) a ticket, 0 to \(GeneratorConfig.eventsPerTicketRange.upperBound); 0: no history.",
            valueName: "n"))
    var eventsPerTicket = GeneratorConfig.defaultEventsPerTicket

    @Option(
        help: ArgumentHelp("The end of the generated history (YYYY-MM-DD, UTC); defaults to today.", valueName: "date"))
    var end: String?

    @Option(help: ArgumentHelp("Where to write the demo cache (must not exist yet).", valueName: "path"))
    var cache: String?

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    @Option(help: ArgumentHelp("The report's format: text, markdown, json, csv or html.", valueName: "format"))
    var format = "text"

    /// Checks flag values that parse but make no sense (exit 64, without the usage text).
    func checkArguments() throws {
        guard tickets > 0, tickets <= 5_000_000 else {
            throw CLIError.usage("--tickets must be between 1 and 5,000,000")
        }
        if let end, Timestamp.parse(end) == nil { throw CLIError.usage("--end must be a date like 2026-11-30") }
        let events = GeneratorConfig.eventsPerTicketRange
        guard events.contains(eventsPerTicket) else {
            throw CLIError.usage(
                "--events-per-ticket must be between \(events.lowerBound) and \(events.upperBound); got \(eventsPerTicket)"
            )
        }
    }

    func run() throws {
        try reportingErrors {
            try checkArguments()
            let now = Int64(Date().timeIntervalSince1970)
            let endEpoch = end.flatMap(Timestamp.parse) ?? (now / 86_400 + 1) * 86_400
            let path = cache ?? Self.temporaryPath()
            if FileManager.default.fileExists(atPath: path) {
                throw CLIError.usage("\(path) already exists; the demo writes a new cache — pass another --cache path")
            }
            let report = try Self.build(
                at: path,
                config: GeneratorConfig(tickets: tickets, seed: seed, end: endEpoch, eventsPerTicket: eventsPerTicket),
                now: now, quiet: quiet)
            Terminal.standardError.write(
                "deskstat: demo account imported: \(NumberText.grouped(report.records)) records into \(path)\n")
            let weekly = try ReportDefinitionSource.load("weekly", explicitDirectory: nil)
            let windowOptions = try WindowOptions.parse(["--as-of", Timestamp.format(endEpoch)])
            let built = try ReportFrontend.build(
                definition: weekly, cache: try Cache.open(at: path, mode: .readOnly), windowOptions: windowOptions,
                filters: [], now: now)
            try ReportOutput.emit(built, options: try OutputOptions.parse(["--format", format]))
            Terminal.standardError.write(
                "\ndeskstat: the demo cache is \(path); try `deskstat status --cache \(path)` or "
                    + "`deskstat kpi first_reply_time --by group --cache \(path)`\n")
        }
    }

    /// Generates the account and imports it file by file, without touching the disk in between.
    /// `observe` sees the fraction done after each file (what the progress bar draws).
    static func build(
        at path: String, config: GeneratorConfig, now: Int64, quiet: Bool, observe: (Double) -> Void = { _ in }
    ) throws -> ImportReport {
        let cache = try Cache.open(at: path, mode: .readWrite, timelines: TimelineCodec())
        let importer = Importer(cache: cache, options: Importer.Options(now: now))
        let progress = ProgressBar(enabled: !quiet)
        var total = ImportReport()
        try AccountGenerator(config: config).generate { file in
            let report = try importer.run([ImportSource.inMemory(name: file.name, bytes: file.bytes)])
            for (table, counts) in report.tables { total.tables[table, default: TableCounts()].add(counts) }
            total.filesImported += 1
            let fraction = progressFraction(total, tickets: config.tickets)
            observe(fraction)
            progress.update(fraction: fraction, label: "\(file.name) · \(NumberText.grouped(total.records)) records")
        }
        progress.finish()
        return total
    }

    /// How far the demo import is: tickets imported of those generated (the account's other
    /// files are small next to the ticket pages and their children), from 0 to 1.
    static func progressFraction(_ imported: ImportReport, tickets: Int) -> Double {
        guard tickets > 0 else { return 1 }
        let counts = imported.tables[.tickets] ?? TableCounts()
        let seen = counts.inserted + counts.updated + counts.unchanged + counts.skipped
        return min(1, Double(seen) / Double(tickets))
    }

    static func temporaryPath() -> String {
        let directory = NSTemporaryDirectory()
        return (directory as NSString).appendingPathComponent(
            "deskstat-demo-\(ProcessInfo.processInfo.processIdentifier).sqlite")
    }
}
