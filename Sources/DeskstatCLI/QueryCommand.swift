import ArgumentParser
import DeskstatCache
import Foundation
import ZendeskWire

/// `deskstat query "SQL"`: read-only SQL over the cache.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run read-only SQL over the cache (writes, ATTACH and extensions are refused).",
        discussion: """
            The schema is in docs/cache.md. Example:
              deskstat query "SELECT status, COUNT(*) AS n FROM tickets WHERE deleted = 0 GROUP BY status" --format csv

            A query still running after --timeout seconds (default 60) is stopped with exit code 1.

            \(ExitStatus.helpText(
                [.success, .runtimeError, .usage],
                runtime: "the cache is missing, unreadable or locked, or the query ran past --timeout"))
            """)

    /// `text` and `table` are the same aligned table (`text` as every other command names it).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, table, json, csv
    }

    @OptionGroup var cacheOptions: CacheOptions

    @Argument(help: "One SQL statement.")
    var sql: String

    @Option(help: "Output format: text (an aligned table; also 'table'), json or csv.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "Stop the query after this many seconds (0 for no limit, at most \(Self.maximumTimeout)).",
            valueName: "seconds"))
    var timeout = 60

    /// The largest `--timeout` (a day); beyond that, 0 means no limit.
    static let maximumTimeout = 86_400

    /// Checks flag values that parse but make no sense (exit 64, without the usage text).
    func checkArguments() throws {
        guard (0...Self.maximumTimeout).contains(timeout) else {
            throw CLIError.usage(
                "--timeout must be between 0 (no limit) and \(Self.maximumTimeout) seconds; got \(timeout)")
        }
    }

    func run() throws {
        try reportingErrors {
            try checkArguments()
            let result = try ReadOnlyQuery(path: try cacheOptions.resolvedPath()).run(sql, timeLimit: timeLimit)
            Terminal.standardOutput.write(QueryOutput.render(result, as: format))
        }
    }

    /// `--timeout` as a time limit; `nil` for 0 (no limit).
    var timeLimit: Swift.Duration? { timeout == 0 ? nil : .seconds(timeout) }
}

/// Renders query results: an aligned table, a JSON array of objects (keys in column order), or CSV.
enum QueryOutput {
    static func render(_ result: ReadOnlyQuery.Result, as format: QueryCommand.Format) -> String {
        switch format {
        case .text, .table:
            var table = TextTable(
                result.columns,
                alignments: result.columns.indices.map { column in
                    result.rows.allSatisfy { isNumeric($0[column]) } && !result.rows.isEmpty ? .right : .left
                })
            table.rows = result.rows.map { $0.map(text) }
            return table.render()
        case .json:
            let objects = result.rows.map { row in
                "  {" + zip(result.columns, row).map { "\(JSONText.string($0)): \(json($1))" }.joined(separator: ", ")
                    + "}"
            }
            return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        case .csv:
            return ([result.columns.map(CSVText.field)] + result.rows.map { $0.map { CSVText.field(text($0)) } })
                .map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
    }

    static func isNumeric(_ value: SQLValue) -> Bool {
        switch value {
        case .integer, .real, .null: true
        default: false
        }
    }

    static func text(_ value: SQLValue) -> String {
        switch value {
        case .null: ""
        case .integer(let number): String(number)
        case .real(let number): JSONText.number(number)
        case .text(let string): string
        case .blob(let size): "<blob \(size) bytes>"
        }
    }

    static func json(_ value: SQLValue) -> String {
        switch value {
        case .null, .blob: "null"
        case .integer(let number): String(number)
        case .real(let number): JSONText.number(number)
        case .text(let string): JSONText.string(string)
        }
    }
}

/// Minimal JSON text helpers for hand-ordered output.
enum JSONText {
    static func string(_ text: String) -> String { JSONValue.quoted(text) }

    /// Shortest round-tripping decimal, never exponent notation for ordinary magnitudes; NaN/∞ → null.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// RFC 4180 field quoting.
enum CSVText {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
