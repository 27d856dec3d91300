import DeskstatBasics
import DeskstatGenerator
public import Foundation

/// What to measure: account sizes, runs per figure, where to put the generated files.
public struct BenchmarkPlan: Sendable {
    public var ticketCounts: [Int]
    public var runs: Int
    public var directory: String
    /// The deskstat binary to measure (normally the running one).
    public var executable: String
    /// The end of the generated history; the weekly report is as of this instant.
    public var end: Int64
    /// The length of the generated history in days: with more days, the same tickets are spread
    /// thinner (fewer per week).
    public var days: Int
    /// The average ticket events (updates) a generated ticket's history gets; 0: no history.
    public var eventsPerTicket: Int

    public init(
        ticketCounts: [Int], runs: Int, directory: String, executable: String, end: Int64, days: Int = 365,
        eventsPerTicket: Int = 0
    ) {
        self.ticketCounts = ticketCounts
        self.runs = runs
        self.directory = directory
        self.executable = executable
        self.end = end
        self.days = days
        self.eventsPerTicket = eventsPerTicket
    }
}

/// The figures for one account size. Times are medians of `runs` runs after one warm-up.
public struct BenchmarkResult: Sendable, Codable {
    public var tickets: Int
    /// The ticket events (the history's updates) imported with the tickets.
    public var ticketEvents: Int
    /// Records the import read, ticket events and their comments included.
    public var records: Int
    public var inputBytes: Int64
    public var generateSeconds: Double
    public var importSeconds: Double
    public var importRecordsPerSecond: Double
    public var importPeakRSSBytes: Int64
    public var weeklyTextSeconds: Double
    public var weeklyJSONSeconds: Double
    public var historySeconds: Double
    public var cacheBytes: Int64
    public var runs: Int
}

/// Generates accounts with the project's generator as API-shaped JSON files, then times the real
/// `deskstat` binary on them: import, the weekly report (text and JSON) and the full-history report.
public struct Benchmark: Sendable {
    public let plan: BenchmarkPlan

    public init(plan: BenchmarkPlan) {
        self.plan = plan
    }

    public func run(progress: (String) -> Void) throws(BenchError) -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        for tickets in plan.ticketCounts {
            results.append(try measure(tickets: tickets, progress: progress))
        }
        return results
    }

    func measure(tickets: Int, progress: (String) -> Void) throws(BenchError) -> BenchmarkResult {
        var name = plan.days == 365 ? "account-\(tickets)" : "account-\(tickets)-\(plan.days)d"
        if plan.eventsPerTicket > 0 { name += "-\(plan.eventsPerTicket)e" }
        let folder = (plan.directory as NSString).appendingPathComponent(name)
        progress("generating \(tickets) tickets into \(folder)")
        let started = Date()
        let (files, bytes) = try generate(tickets: tickets, into: folder)
        let generateSeconds = Date().timeIntervalSince(started)
        progress("  \(files) files, \(bytes / 1_000_000) MB in \(String(format: "%.1f", generateSeconds)) s")
        let cache = folder + ".sqlite"
        let output = folder + ".out"

        var importRuns: [ChildProcess.Measurement] = []
        for run in 0...plan.runs {
            removeCache(cache)
            let measured = try step(
                "import", ["import", folder, "--cache", cache, "--quiet", "--json"], output: output)
            if run > 0 { importRuns.append(measured) }
            progress(
                "  import run \(run == 0 ? "warm-up" : String(run)): \(String(format: "%.2f", measured.seconds)) s")
        }
        let summary = importRuns.last?.stdout ?? ""
        let records = Self.records(inSummary: summary)
        let asOf = CivilCalendar.isoTimestamp(plan.end)
        let weekly = ["report", "weekly", "--cache", cache, "--as-of", asOf]
        let weeklyText = try timed(
            "weekly report (text)", weekly + ["--format", "text"], output: output, progress: progress)
        let weeklyJSON = try timed(
            "weekly report (json)", weekly + ["--format", "json"], output: output, progress: progress)
        let history = try timed(
            "full-history report",
            ["report", "history", "--cache", cache, "--from", "1970-01-01", "--as-of", asOf, "--format", "json"],
            output: output, progress: progress)
        let importSeconds = Self.median(importRuns.map(\.seconds))
        return BenchmarkResult(
            tickets: tickets, ticketEvents: Self.records(inSummary: summary, table: "ticket_audits"), records: records,
            inputBytes: bytes, generateSeconds: generateSeconds,
            importSeconds: importSeconds,
            importRecordsPerSecond: importSeconds > 0 ? Double(records) / importSeconds : 0,
            importPeakRSSBytes: importRuns.map(\.peakRSSBytes).max() ?? 0, weeklyTextSeconds: weeklyText,
            weeklyJSONSeconds: weeklyJSON, historySeconds: history,
            cacheBytes: Self.size(cache) + Self.size(cache + "-wal"),
            runs: plan.runs)
    }

    func generate(tickets: Int, into folder: String) throws(BenchError) -> (files: Int, bytes: Int64) {
        let manager = FileManager.default
        try? manager.removeItem(atPath: folder)
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var files = 0
            var bytes: Int64 = 0
            let config = GeneratorConfig(
                tickets: tickets, seed: 42, end: plan.end, days: plan.days, eventsPerTicket: plan.eventsPerTicket)
            try AccountGenerator(config: config)
                .generate { file in
                    let path = (folder as NSString).appendingPathComponent(file.name)
                    try Data(file.bytes).write(to: URL(fileURLWithPath: path))
                    files += 1
                    bytes += Int64(file.bytes.count)
                }
            return (files, bytes)
        } catch {
            throw .io("cannot write the generated account to \(folder): \(error)")
        }
    }

    func step(_ name: String, _ arguments: [String], output: String) throws(BenchError) -> ChildProcess.Measurement {
        let measured = try ChildProcess.run(plan.executable, arguments, stdoutPath: output)
        guard measured.status == 0 else { throw .failed(step: name, status: measured.status) }
        return measured
    }

    /// Median seconds of `runs` runs after a warm-up.
    func timed(_ name: String, _ arguments: [String], output: String, progress: (String) -> Void) throws(BenchError)
        -> Double
    {
        var seconds: [Double] = []
        for run in 0...plan.runs {
            let measured = try step(name, arguments, output: output)
            if run > 0 { seconds.append(measured.seconds) }
        }
        let median = Self.median(seconds)
        progress("  \(name): median \(String(format: "%.3f", median)) s")
        return median
    }

    func removeCache(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The record count from `deskstat import --json`'s summary: all records, or one table's
    /// (ticket events are stored as `ticket_audits`). 0 when the summary does not say.
    static func records(inSummary text: String, table: String? = nil) -> Int {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return 0 }
        guard let table else { return object["records"] as? Int ?? 0 }
        let counts = (object["tables"] as? [String: Any])?[table] as? [String: Any] ?? [:]
        return ["inserted", "updated", "unchanged", "skipped"].reduce(0) { $0 + (counts[$1] as? Int ?? 0) }
    }
}
