import ArgumentParser
import DeskstatBasics
import DeskstatBench
import DeskstatGenerator
import Foundation
import ZendeskWire

/// `deskstat bench`: the performance figures in docs/performance.md.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark import and reports on generated accounts (run a release build).",
        discussion: """
            For each size, generates the demo account as API-shaped JSON files, then times this \
            binary: import (records/s, peak RSS), the weekly report (text and JSON) and a \
            full-history report. Each figure is the median of --runs runs after a warm-up. Tickets \
            come with their history (the incremental ticket event export, about \
            --events-per-ticket events a ticket; 0 for none), which the import counts as records \
            and the reports read as the timeline.

            Example: swift build -c release && .build/release/deskstat bench --tickets 10000,100000,1000000

            \(ExitStatus.helpText([.success, .runtimeError, .usage], runtime: "a run failed or a file cannot be written"))
            """)

    @Option(help: ArgumentHelp("Account sizes, comma-separated.", valueName: "n,n"))
    var tickets = "10000,100000,1000000"

    @Option(help: "Measured runs per figure (after one warm-up), 1 to \(Self.runRange.upperBound).")
    var runs = 3

    /// How many measured runs a figure may take: enough for a stable median, few enough to finish.
    static let runRange = 1...100

    @Option(help: ArgumentHelp("Where to generate accounts (default: a temporary folder).", valueName: "dir"))
    var directory: String?

    @Option(help: ArgumentHelp("Write the results as JSON to FILE.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("End of the generated history (YYYY-MM-DD).", valueName: "date"))
    var end = "2026-11-30"

    @Option(
        help:
            "Length of the generated history in days, 7 to \(Self.dayRange.upperBound) (more days: fewer tickets a week)."
    )
    var days = 365

    /// How long a generated history may be: at least the weekly report's week, at most 30 years.
    static let dayRange = 7...10_950

    @Option(
        help: ArgumentHelp(
            "Average ticket events (history updates) a ticket, 0 to \(GeneratorConfig.eventsPerTicketRange.upperBound); 0: no history.",
            valueName: "n"))
    var eventsPerTicket = 20

    /// Checks flag values that parse but make no sense (exit 64, without the usage text).
    func checkArguments() throws {
        guard Self.runRange.contains(runs) else {
            throw CLIError.usage(
                "--runs must be between \(Self.runRange.lowerBound) and \(Self.runRange.upperBound); got \(runs)")
        }
        guard Self.dayRange.contains(days) else {
            throw CLIError.usage(
                "--days must be between \(Self.dayRange.lowerBound) and \(Self.dayRange.upperBound); got \(days)")
        }
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
            let counts = tickets.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else {
                throw CLIError.usage("--tickets needs positive sizes like 10000,100000")
            }
            guard let endEpoch = Timestamp.parse(end) else {
                throw CLIError.usage("--end must be a date like 2026-11-30")
            }
            let folder =
                directory ?? (NSTemporaryDirectory() + "deskstat-bench-\(ProcessInfo.processInfo.processIdentifier)")
            let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
            let plan = BenchmarkPlan(
                ticketCounts: counts, runs: runs, directory: folder, executable: executable, end: endEpoch,
                days: days, eventsPerTicket: eventsPerTicket)
            let results = try Benchmark(plan: plan).run { Terminal.standardError.write($0 + "\n") }
            Terminal.standardOutput.write(Self.table(results))
            if let json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                try encoder.encode(results).write(to: URL(fileURLWithPath: json), options: .atomic)
            }
        }
    }

    static func table(_ results: [BenchmarkResult]) -> String {
        var table = TextTable(
            [
                "tickets", "events", "records", "input", "import s", "records/s", "peak RSS", "weekly text s",
                "weekly json s",
                "history s", "cache",
            ],
            alignments: Array(repeating: .right, count: 11))
        func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
        for result in results {
            table.rows.append([
                NumberText.grouped(result.tickets), NumberText.grouped(result.ticketEvents),
                NumberText.grouped(result.records),
                NumberText.bytes(result.inputBytes),
                seconds(result.importSeconds), NumberText.grouped(Int(result.importRecordsPerSecond)),
                NumberText.bytes(result.importPeakRSSBytes), seconds(result.weeklyTextSeconds),
                seconds(result.weeklyJSONSeconds),
                seconds(result.historySeconds), NumberText.bytes(result.cacheBytes),
            ])
        }
        return table.render()
    }
}
