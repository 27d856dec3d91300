import ArgumentParser
import DeskstatEngine
import Foundation
import Yams

/// `--sla-source`'s values (the engine's `SLASource`).
enum SLASourceArgument: String, ExpressibleByArgument, CaseIterable {
    case recorded, evaluated, auto

    var source: SLASource { SLASource(rawValue: rawValue) ?? .auto }
}

/// `--sla-source`, `--at-risk` and `--policies`: where SLA outcomes come from, the at-risk list
/// and the what-if comparison (docs/metrics.md, "SLA").
struct SLAOptions: ParsableArguments {
    @Option(
        name: .customLong("sla-source"),
        help: ArgumentHelp(
            "recorded (Zendesk's ticket metric events), evaluated (current policies) or auto (recorded where a "
                + "ticket has metric events, evaluated otherwise).", valueName: "source"))
    var sourceArgument: SLASourceArgument = .auto

    var source: SLASource { sourceArgument.source }

    @Option(
        name: .customLong("at-risk"),
        help: ArgumentHelp(
            "List active SLA targets due to breach within this long after as-of, e.g. 4h, 90m, 2d.",
            valueName: "duration"))
    var atRisk: String?

    @Option(
        help: ArgumentHelp(
            "A draft SLA policy set (Zendesk SLA policy API bodies, JSON or YAML) to compare with the current "
                + "policies (what-if); the cache is not changed.", valueName: "file"))
    var policies: String?

    /// The at-risk horizon in seconds.
    func horizon() throws -> Int64? {
        guard let atRisk else { return nil }
        guard let seconds = Self.parseDuration(atRisk) else {
            throw CLIError.usage(
                "--at-risk \"\(atRisk)\" is not a duration; write a positive number with a unit: 30m, 4h, 2d")
        }
        return seconds
    }

    /// `4h`, `90m`, `90min`, `2d`, `45s` → seconds; `nil` when not a positive duration.
    static func parseDuration(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count)
        guard let number = Int64(digits), number > 0, number <= 8_760 * 3600 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1
        case "m", "min": scale = 60
        case "h": scale = 3600
        case "d": scale = 86_400
        default: return nil
        }
        let seconds = number.multipliedReportingOverflow(by: scale)
        return seconds.overflow ? nil : seconds.partialValue
    }

    /// The draft policies of `--policies`, read as JSON (`.json`) or YAML (anything else).
    func draft() throws -> DraftPolicies? {
        guard let policies else { return nil }
        guard let data = FileManager.default.contents(atPath: policies) else {
            throw CLIError.usage("--policies \(policies): no such readable file")
        }
        let lowered = policies.lowercased()
        if lowered.hasSuffix(".json") { return try DraftPolicies.parse(json: Array(data), file: policies) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EngineError.badPolicies(file: policies, problem: "not UTF-8 text")
        }
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw EngineError.badPolicies(file: policies, problem: "not valid YAML (\(error))")
        }
        guard let loaded, JSONSerialization.isValidJSONObject(loaded),
            let json = try? JSONSerialization.data(withJSONObject: loaded, options: [.sortedKeys])
        else {
            throw EngineError.badPolicies(file: policies, problem: "the YAML is not a mapping or list of policies")
        }
        return try DraftPolicies.parse(json: Array(json), file: policies)
    }
}
