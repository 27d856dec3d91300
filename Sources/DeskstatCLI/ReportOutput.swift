import DeskstatReport
import Foundation

/// Renders a report in the chosen format, writes it (stdout or an atomic file), then checks the
/// gates: `--fail-on` thresholds and `--fail-on-warning` codes (README.md, "CI gates").
enum ReportOutput {
    static func emit(_ report: Report, options: OutputOptions) throws {
        guard let format = ReportFormat(rawValue: options.format) else {
            throw CLIError.usage("--format \"\(options.format)\": expected text, markdown, json, csv or html")
        }
        let thresholds = try options.failOn.map { expression throws(ReportError) in try Threshold.parse(expression) }
        for threshold in thresholds { try threshold.validate(against: report) }
        let warningGate = try options.warningGate()
        let terminal = Terminal.standardOutput
        let toTerminal = options.output == nil
        let renderOptions = RenderOptions(
            text: TextOptions(width: toTerminal ? terminal.width : nil, color: toTerminal && terminal.allowsColor),
            csv: CSVOptions(section: options.section))
        let renderer = format.renderer(options: renderOptions)
        try renderer.validate(report)
        let text = renderer.render(report)
        if let path = options.output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CLIError.runtime("cannot write \(path): \(error.localizedDescription)")
            }
        } else {
            terminal.write(text)
        }
        // One CSV table has no room for warnings: they go to standard error instead.
        if format == .csv, options.section != nil {
            for warning in report.warnings { Terminal.standardError.write("deskstat: warning: \(warning.text)\n") }
        }
        let failures = gateFailures(
            report, thresholds: thresholds, allowMissing: options.allowMissing, warningGate: warningGate,
            gatesWarnings: !options.failOnWarning.isEmpty)
        guard failures.isEmpty else {
            for failure in failures { Terminal.standardError.write("deskstat: \(failure)\n") }
            throw CLIError.thresholdFailed(failures.count)
        }
    }

    /// The lines of every failed gate, in order: violated thresholds, thresholds on undefined
    /// metrics (unless `allowMissing`), then warnings the warning gate names (`nil`: all).
    static func gateFailures(
        _ report: Report, thresholds: [Threshold], allowMissing: Bool, warningGate: Set<String>?, gatesWarnings: Bool
    ) -> [String] {
        var failures: [String] = []
        for result in thresholds.map({ $0.evaluate(report) }) {
            switch result.outcome {
            case .violated, .unknownMetric: failures.append("threshold failed: \(result.message)")
            case .undefined where !allowMissing:
                failures.append("threshold failed: \(result.message) (pass --allow-missing to let it pass)")
            case .undefined, .passed: break
            }
        }
        if gatesWarnings {
            for warning in report.warnings where warningGate?.contains(warning.code) ?? true {
                failures.append("warning gate failed: \(warning.text)")
            }
        }
        return failures
    }
}
