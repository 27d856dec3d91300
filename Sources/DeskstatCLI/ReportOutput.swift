import DeskstatReport
import Foundation

/// Renders a report in the chosen format, writes it (stdout or an atomic file), then checks thresholds.
enum ReportOutput {
    static func emit(_ report: Report, options: OutputOptions) throws {
        guard let format = ReportFormat(rawValue: options.format) else {
            throw CLIError.usage("--format \"\(options.format)\": expected text, markdown, json or csv")
        }
        let thresholds = try options.failOn.map { expression throws(ReportError) in try Threshold.parse(expression) }
        for threshold in thresholds { try threshold.validate(against: report) }
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
        let violated = thresholds.map { $0.evaluate(report) }.filter(\.violated)
        guard violated.isEmpty else {
            for result in violated { Terminal.standardError.write("deskstat: threshold failed: \(result.message)\n") }
            throw CLIError.thresholdFailed(violated.count)
        }
    }
}
