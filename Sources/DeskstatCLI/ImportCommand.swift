import ArgumentParser
import DeskstatBasics
import DeskstatCache
import DeskstatHistory
import DeskstatImport
import Foundation
import ZendeskWire

/// `deskstat import PATH...`: reads Zendesk API response bodies into the cache.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Zendesk API JSON (exports, lists, single objects, NDJSON) into the cache.",
        discussion: """
            Each file may be any Zendesk response body: incremental exports (cursor or time-based), \
            cursor or offset lists, single objects ({"ticket": …}) and side-loads. Directories are \
            searched recursively for .json, .jsonl and .ndjson files; - reads standard input. \
            Each file is one transaction: a malformed file imports nothing.

            Example: deskstat import exports/ --cache acme.sqlite

            \(ExitStatus.helpText(
                [.success, .runtimeError, .partialSuccess, .usage, .dataError, .noInput],
                runtime: "the cache cannot be opened or is locked, or a file cannot be read"))
            """)

    @OptionGroup var cacheOptions: CacheOptions

    @Argument(help: ArgumentHelp("Files or directories to import; - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("The table of bare records (NDJSON lines, or one bare object).", valueName: "name"))
    var table: String?

    @Flag(help: "Import the good files and report the bad ones at the end (exit 2).")
    var keepGoing = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    /// Checks flag values that parse but make no sense (exit 64, without the usage text).
    func checkArguments() throws {
        if let table, WireTable.named(table) == nil {
            throw CLIError.usage(WireError.unknownTable(table).description)
        }
    }

    func run() throws {
        try reportingErrors {
            try checkArguments()
            let sources = try ImportSource.resolve(paths)
            let options = Importer.Options(
                table: table.flatMap(WireTable.named), keepGoing: keepGoing, now: Int64(Date().timeIntervalSince1970))
            // An existing cache is opened (and checked) before any input is read; a new one is
            // created only once an input file has decoded, so a failed import leaves none behind.
            let path = try cacheOptions.resolvedPath()
            let importer =
                FileManager.default.fileExists(atPath: path)
                ? Importer(
                    cache: try Cache.open(at: path, mode: .readWrite, timelines: TimelineCodec()), options: options)
                : Importer(openingCacheAt: path, options: options)
            let progress = ProgressBar(
                enabled: !quiet && (sources.count > 20 || sources.reduce(0) { $0 + $1.size } > 8_000_000))
            let report = try importer.run(sources) { step in
                let fraction = step.bytesTotal > 0 ? Double(step.bytesDone) / Double(step.bytesTotal) : 0
                progress.update(
                    fraction: fraction,
                    label: "\(step.filesDone)/\(step.filesTotal) files · \(NumberText.grouped(step.records)) records")
            }
            progress.finish()
            for warning in report.warnings { Terminal.standardError.write("deskstat: warning: \(warning)\n") }
            Terminal.standardOutput.write(json ? ImportSummaryText.json(report) : ImportSummaryText.text(report))
            if !report.failures.isEmpty {
                throw report.filesImported == 0
                    ? ImportError.nothingImported(failures: report.failures)
                    : ImportError.partial(failures: report.failures)
            }
        }
    }
}

/// Renders an import summary for people (a table) or programs (JSON).
enum ImportSummaryText {
    static func text(_ report: ImportReport) -> String {
        var table = TextTable(
            ["table", "inserted", "updated", "unchanged", "skipped"],
            alignments: [.left, .right, .right, .right, .right])
        for (name, counts) in report.tables.sorted(by: { $0.key < $1.key }) {
            table.rows.append(
                [name.rawValue]
                    + [counts.inserted, counts.updated, counts.unchanged, counts.skipped].map { NumberText.grouped($0) }
            )
        }
        let files =
            "\(report.filesImported) file(s) imported, \(NumberText.grouped(report.records)) records"
            + (report.failures.isEmpty ? "" : ", \(report.failures.count) file(s) failed")
        return (report.tables.isEmpty ? "" : table.render()) + files + "\n"
    }

    static func json(_ report: ImportReport) -> String {
        struct Summary: Encodable {
            let files_imported: Int
            let records: Int
            let tables: [String: TableCounts]
            let failures: [ImportFailure]
            let warnings: [String]
        }
        let summary = Summary(
            files_imported: report.filesImported, records: report.records,
            tables: Dictionary(uniqueKeysWithValues: report.tables.map { ($0.key.rawValue, $0.value) }),
            failures: report.failures, warnings: report.warnings)
        return StableJSON.encode(summary)
    }
}
