import ArgumentParser
import DeskstatCache
import DeskstatEngine
import DeskstatReport
import Foundation

/// `deskstat report NAME|PATH`: a report definition rendered for a window.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a report (weekly, monthly, sla, csat, or a YAML definition) as text, Markdown, JSON or CSV.",
        discussion: """
            Examples:
              deskstat report weekly
              deskstat report weekly --period 2026-W47 --as-of 2026-11-23T00:00:00Z --format markdown -o weekly.md
              deskstat report sla --format json --fail-on "sla.breached > 0"
              deskstat report sla --sla-source recorded --at-risk 4h
              deskstat report sla --policies draft-policies.yaml

            Definitions live in reports/ (see reports/README.md); KPI definitions in docs/metrics.md.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var cacheOptions: CacheOptions
    @OptionGroup var windowOptions: WindowOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var slaOptions: SLAOptions

    @Argument(help: ArgumentHelp("A report name (weekly, monthly, sla, csat) or a .yaml file.", valueName: "report"))
    var report: String = "weekly"

    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("FIELD=VALUE or FIELD!=VALUE applied to every section (repeatable).", valueName: "filter"))
    var filters: [String] = []

    @Option(help: ArgumentHelp("A folder of report definitions to search first.", valueName: "dir"))
    var reports: String?

    func run() throws {
        try reportingErrors {
            let now = Int64(Date().timeIntervalSince1970)
            let definition = try ReportDefinitionSource.load(report, explicitDirectory: reports)
            let built = try ReportFrontend.build(
                definition: definition, cache: try cacheOptions.open(.readOnly), windowOptions: windowOptions,
                filters: filters, now: now, sla: slaOptions, staleAfterDays: outputOptions.staleAfter)
            try ReportOutput.emit(built, options: outputOptions)
        }
    }
}

/// Resolves windows, loads facts once and builds a report: the glue every report-shaped command shares.
enum ReportFrontend {
    static func build(
        definition: ReportDefinition, cache: Cache, windowOptions: WindowOptions, filters: [String], now: Int64,
        sla given: SLAOptions? = nil, staleAfterDays: Int = DataCompleteness.defaultStaleAfterDays
    ) throws -> Report {
        let sla = try given ?? SLAOptions.parse([])
        let windows = try windowOptions.resolve(
            now: now, defaultPeriod: definition.defaultPeriod, defaultCompare: definition.compare)
        let parsedFilters = try filters.map { text throws(EngineError) in try TicketFilter.parse(text) }
        let loader = FactLoader(cache: cache)
        var request = ReportRequest(
            definition: definition, window: windows.window, windowLabel: windows.label, previous: windows.previous,
            previousLabel: windows.previousLabel, asOf: windows.asOf, timeZone: windows.timeZone, filters: parsedFilters
        )
        request.slaSource = sla.source
        request.atRiskHorizon = try sla.horizon()
        request.draftPolicies = try sla.draft()
        request.completeness = try loader.completeness(window: windows.window)
        request.staleAfterDays = staleAfterDays
        let since = min(windows.window.from, windows.previous?.from ?? windows.window.from)
        var facts = try loader.load(since: since, until: max(windows.window.to, windows.asOf + 1))
        if sla.source != .evaluated { facts.slaEvents = try SLAEventSet.load(from: cache, for: facts) }
        return try ReportBuilder.build(request, facts: facts)
    }
}
