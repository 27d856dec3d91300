import ArgumentParser
import DeskstatEngine
import DeskstatTimeline
import Foundation

/// `deskstat reconcile`: tickets whose timeline disagrees with Zendesk's metric set, and why.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract:
            "Compare each ticket's timeline (events/audits) with Zendesk's first reply and full resolution times.",
        discussion:
            "Lists the tickets that have both a cached history and a metric set and disagree (by a minute or more), "
            + "with the reason. With --sla, compares each ticket's SLA instances as Zendesk recorded them (metric "
            + "events) with the instances deskstat evaluates from its timeline under today's policies, and lists the "
            + "ones that differ with the cause (policy changed, fields changed, pause rules, clock, missing events). "
            + "Example: deskstat reconcile --sla --as-of 2026-11-23T00:00:00Z --format json\n\n\(ExitStatus.helpText)")

    @OptionGroup var cacheOptions: CacheOptions
    @OptionGroup var windowOptions: WindowOptions

    @Flag(name: .long, help: "Reconcile SLA instances: recorded (metric events) against evaluated (timeline).")
    var sla = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReconcileFormat = .text

    func run() throws {
        try reportingErrors {
            let windows = try windowOptions.resolve(
                now: Int64(Date().timeIntervalSince1970), defaultPeriod: "last-week", defaultCompare: nil)
            let loader = TimelineLoader(cache: try cacheOptions.open(.readOnly))
            if sla {
                let result = try loader.reconcileSLA(asOf: windows.asOf)
                Terminal.standardOutput.write(
                    format == .json ? StableJSON.encode(SLAReconcileJSON(result), snakeCase: true) : Self.render(result)
                )
                return
            }
            let results = try loader.reconcile(asOf: windows.asOf)
            Terminal.standardOutput.write(
                format == .json
                    ? StableJSON.encode(results.map(ReconcileJSON.init), snakeCase: true) : Self.render(results))
        }
    }

    static func render(_ results: [Reconciliation]) -> String {
        let agreeing = results.filter(\.agrees).count
        guard !results.isEmpty else {
            return "No ticket has both a cached history (ticket events or audits) and a metric set.\n"
        }
        let percent = Double(agreeing) * 100 / Double(results.count)
        var out = "\(results.count) tickets with a history and a metric set: \(agreeing) agree "
        out += "(\(String(format: "%.1f", percent))%)\n"
        let disagreements = results.flatMap { result in
            result.checks.compactMap { check in check.reason.map { (result.ticketID, check, $0) } }
        }
        guard !disagreements.isEmpty else { return out }
        out += "\nticket  metric                zendesk  timeline  reason\n"
        for (ticket, check, reason) in disagreements {
            let zendesk = check.zendeskMinutes.map { String(format: "%.0f", $0) } ?? "–"
            let timeline = check.timelineMinutes.map { String(format: "%.0f", $0) } ?? "–"
            out += String(ticket).padding(toLength: 8, withPad: " ", startingAt: 0)
            out += check.metric.padding(toLength: 22, withPad: " ", startingAt: 0)
            out += zendesk.padding(toLength: 9, withPad: " ", startingAt: 0)
            out += timeline.padding(toLength: 10, withPad: " ", startingAt: 0) + reason + "\n"
        }
        return out
    }
}
