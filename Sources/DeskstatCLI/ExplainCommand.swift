import ArgumentParser
import DeskstatEngine
import Foundation

/// `deskstat explain TICKET_ID`: every input and decision behind one ticket's numbers.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Show, for one ticket, which KPIs it counts in, its durations, its SLA policy, conditions and targets.",
        discussion: """
            Example: deskstat explain 1034 --period 2026-W47

            The window defaults to the last full ISO week (default: last-week), as of now unless --as-of.

            \(ExitStatus.helpText(
                [.success, .runtimeError, .usage],
                runtime: "the cache is missing, unreadable or locked, or the ticket is not in the cache"))
            """)

    @OptionGroup var cacheOptions: CacheOptions
    @OptionGroup var windowOptions: WindowOptions

    @Argument(help: "The ticket id.")
    var ticket: Int64

    func run() throws {
        try reportingErrors {
            let windows = try windowOptions.resolve(
                now: Int64(Date().timeIntervalSince1970), defaultPeriod: "last-week", defaultCompare: nil)
            let cache = try cacheOptions.open(.readOnly)
            let facts = try FactLoader(cache: cache).loadTicket(ticket)
            var explanation = try TicketExplanation.explain(
                ticket, facts: facts, window: windows.window, asOf: windows.asOf)
            let loader = TimelineLoader(cache: cache)
            let schedules = try loader.scheduleBook()
            // Business minutes on the ticket's last assigned schedule by as-of, else the default.
            let timeline = try loader.timeline(ticket)
            explanation.timeline = TicketExplanation.timelineLines(
                timeline, schedule: schedules.book.schedule(for: timeline.scheduleID(asOf: windows.asOf)))
            explanation.warnings += schedules.warnings
            Terminal.standardOutput.write(Self.render(explanation, windowLabel: windows.label))
        }
    }

    static func render(_ explanation: TicketExplanation, windowLabel: String) -> String {
        func block(_ title: String, _ lines: [TicketExplanation.Line]) -> String {
            guard !lines.isEmpty else { return "" }
            let width = lines.map(\.label.count).max() ?? 0
            return title + "\n"
                + lines.map {
                    "  " + $0.label + String(repeating: " ", count: width - $0.label.count) + "  " + $0.value
                }.joined(separator: "\n") + "\n\n"
        }
        var out = "Ticket \(explanation.ticketID)\n\n"
        out += block("Fields", explanation.fields)
        out += block("Counts in \(windowLabel)", explanation.membership)
        out += block("Durations (minutes)", explanation.durations)
        // The applied policy is named once: marked in the list of policies tried.
        let applied = explanation.appliedPolicy != nil ? explanation.slaTrials.firstIndex { $0.matched } : nil
        if applied == nil { out += "SLA policy: \(explanation.slaPolicy ?? "none")\n" }
        if !explanation.slaTrials.isEmpty {
            out += "SLA policies, in order (the first whose conditions match applies)\n"
        }
        for (index, trial) in explanation.slaTrials.enumerated() {
            out += "  \(trial.matched ? "✓" : "✗") \(trial.policy)\(index == applied ? "  ← applied" : "")\n"
            for condition in trial.conditions { out += "      \(condition.label): \(condition.value)\n" }
        }
        out += "\n" + block("SLA targets", explanation.slaTargets)
        out += block(
            "Timeline (reply times in calendar/business minutes, account default schedule)", explanation.timeline)
        for warning in explanation.warnings { out += "warning: \(warning)\n" }
        return out
    }
}
