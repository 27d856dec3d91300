import DeskstatBasics
import DeskstatSync
import Foundation

/// Renders sync events on stderr: one progress line per table on a terminal, request lines with
/// `--verbose`, warnings always. Every line passes through the redactor first.
final class SyncProgress: @unchecked Sendable {
    private let quiet: Bool
    private let verbose: Bool
    private let redact: @Sendable (String) -> String
    private let lock = NSLock()
    private let isTTY = Terminal.standardError.isTTY
    private var lineOpen = false

    init(quiet: Bool, verbose: Bool, redact: @escaping @Sendable (String) -> String) {
        self.quiet = quiet
        self.verbose = verbose
        self.redact = redact
    }

    func handle(_ event: SyncEvent) {
        lock.withLock {
            switch event {
            case .request(let url, let status, let milliseconds):
                if verbose { line("GET \(url) → \(status) (\(milliseconds) ms)") }
            case .waiting(let seconds, let reason):
                if !quiet, seconds >= 1 { transient("waiting \(Int(seconds.rounded())) s: \(reason)") }
            case .page(let table, _, let total):
                if !quiet { transient("\(table): \(NumberText.grouped(total)) records") }
            case .tableFinished(let table, let summary):
                if !quiet { line("\(table): done. \(summary)") }
            case .warning(let message):
                line("warning: \(message)")
            }
        }
    }

    func finish() {
        lock.withLock {
            if lineOpen { Terminal.standardError.write("\r\u{1B}[K") }
            lineOpen = false
        }
    }

    private func transient(_ text: String) {
        if isTTY {
            Terminal.standardError.write("\r\u{1B}[K" + redact(text))
            lineOpen = true
        } else if verbose {
            line(text)
        }
    }

    private func line(_ text: String) {
        if lineOpen { Terminal.standardError.write("\r\u{1B}[K") }
        lineOpen = false
        Terminal.standardError.write("deskstat: " + redact(text) + "\n")
    }
}

/// The sync's result on stdout.
enum SyncSummaryText {
    static func report(_ report: SyncReport) -> String {
        var table = TextTable(
            ["table", "outcome", "new", "updated", "unchanged", "skipped", "removed"],
            alignments: [.left, .left, .right, .right, .right, .right, .right])
        for name in report.outcomes.keys.sorted() {
            let counts = report.counts.first { $0.key.rawValue == name }?.value ?? TableCountsSnapshot()
            table.rows.append([
                name, outcome(report.outcomes[name]), String(counts.inserted), String(counts.updated),
                String(counts.unchanged),
                String(counts.skipped), String(counts.removed),
            ])
        }
        return table.render() + (report.succeeded ? "sync complete\n" : "sync incomplete: run it again to resume\n")
    }

    static func check(_ result: (user: String?, tables: [String: TableOutcome])) -> String {
        var out = result.user.map { "credentials: ok, authenticated as \($0)\n" } ?? "credentials: refused\n"
        var table = TextTable(["table", "access"], alignments: [.left, .left])
        for name in result.tables.keys.sorted() { table.rows.append([name, outcome(result.tables[name])]) }
        out += table.render()
        return out
    }

    static func outcome(_ outcome: TableOutcome?) -> String {
        switch outcome {
        case .synced?: "ok"
        case .unavailable(let why)?: "unavailable: \(why)"
        case .failed(let why)?: "failed: \(why)"
        case .interrupted?: "interrupted"
        case nil: "-"
        }
    }
}
