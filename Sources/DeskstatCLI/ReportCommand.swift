import ArgumentParser
import DeskstatCache
import DeskstatEngine
import DeskstatReport
import Foundation

/// `deskstat report NAME|PATH`: a report definition rendered for a window.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Render a report (weekly, monthly, sla, csat, history, agents, groups, or a YAML definition) as text, Markdown, JSON, CSV or HTML.",
        discussion: """
            Examples:
              deskstat report weekly
              deskstat report weekly --period 2026-W47 --format markdown -o weekly.md
              deskstat report sla --fail-on "sla.breached > 0" --fail-on-warning all
              deskstat report csat --by assignee --format csv
              deskstat report sla --sla-source recorded --at-risk 4h
              deskstat report sla --policies draft-policies.yaml
              deskstat report agents --limit 10 --period last-30d

            The window defaults to the definition's period (default: last-week for weekly and sla, \
            last-month for monthly and csat, last-30d for history), as of now unless --as-of. \
            The built-in definitions (weekly, monthly, sla, csat, history) are compiled in; a file NAME.yaml \
            in --reports DIR, $DESKSTAT_REPORTS or ./reports overrides the built-in of that name \
            (`deskstat report --list` shows which is used). Format: reports/README.md; KPI definitions: \
            docs/metrics.md. README.md ("CI gates") says exactly when a gate fails.

            \(ExitStatus.helpText(
                [.success, .runtimeError, .thresholdFailed, .usage, .dataError, .noInput],
                runtime: "the cache is missing, unreadable or locked"))
            """)

    @OptionGroup var cacheOptions: CacheOptions
    @OptionGroup var windowOptions: WindowOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var slaOptions: SLAOptions

    @Argument(
        help: ArgumentHelp(
            "A report name (weekly, monthly, sla, csat, history, agents, groups) or a .yaml file.", valueName: "report")
    )
    var report: String = "weekly"

    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("FIELD=VALUE or FIELD!=VALUE applied to every section (repeatable).", valueName: "filter"))
    var filters: [String] = []

    @Option(
        help: ArgumentHelp(
            "Slice every section that slices by a ticket field by this one instead: group, assignee, brand, "
                + "channel, priority, type, organization, tag, form, day, week or month.",
            discussion: "Sections sliced by time (the weekly trend) and unsliced sections stay as defined.",
            valueName: "slice"))
    var by: String?

    @Option(help: ArgumentHelp("A folder of report definitions to search first.", valueName: "dir"))
    var reports: String?

    @Flag(name: .long, help: "List the report definitions (name, title, and the file or built-in they come from).")
    var list = false

    @Option(
        help: ArgumentHelp(
            "Keep the first N rows of scorecard sections (agents, groups), sorted by solved.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be a whole number of at least 1") }
    }

    func run() throws {
        try reportingErrors {
            if list {
                Terminal.standardOutput.write(ReportDefinitionSource.listing(explicitDirectory: reports))
                return
            }
            let now = Int64(Date().timeIntervalSince1970)
            var definition = try ReportDefinitionSource.load(report, explicitDirectory: reports)
            if let by {
                let slice: Slice
                do throws(EngineError) {
                    slice = try Slice.parse(by)
                } catch {
                    throw CLIError.usage(error.description)
                }
                definition = Self.slicing(definition, by: slice)
            }
            if let limit {
                for index in definition.sections.indices where definition.sections[index].sectionKind == .scorecard {
                    definition.sections[index].limit = limit
                }
            }
            let built = try ReportFrontend.build(
                definition: definition, cache: try cacheOptions.open(.readOnly), windowOptions: windowOptions,
                filters: filters, failOn: outputOptions.failOn, now: now, sla: slaOptions,
                staleAfterDays: outputOptions.staleAfter)
            try ReportOutput.emit(built, options: outputOptions)
        }
    }
}

extension ReportCommand {
    /// `definition` with every section that slices by a ticket field (or, like SLA breaches, by
    /// group by default) sliced by `slice` instead, its title following ("CSAT by group" →
    /// "CSAT by assignee").
    static func slicing(_ definition: ReportDefinition, by slice: Slice) -> ReportDefinition {
        var copy = definition
        var seen: Set<[String]> = []
        copy.sections = definition.sections.compactMap { section in
            let current = section.by ?? (section.sectionKind == .slaBreaches ? "group" : nil)
            guard section.sectionKind != .sla, section.sectionKind != .headline, let current,
                let parsed = try? Slice.parse(current), case .dimension = parsed
            else { return section }
            var changed = section
            changed.by = slice.name
            if let words = section.title.range(of: " by \(current)") {
                changed.title.replaceSubrange(words, with: " by \(slice.name)")
            } else {
                changed.title += " (by \(slice.name))"
            }
            // "CSAT by group" and "CSAT by channel" both become "CSAT by assignee": show it once.
            let signature =
                [changed.kind ?? "", changed.by ?? "", changed.clock ?? ""] + changed.kpis
                + (changed.stats ?? []) + (changed.filters ?? [])
            return seen.insert(signature).inserted ? changed : nil
        }
        return copy
    }
}

/// Resolves windows, loads facts once and builds a report: the glue every report-shaped command shares.
enum ReportFrontend {
    static func build(
        definition: ReportDefinition, cache: Cache, windowOptions: WindowOptions, filters: [String],
        failOn: [String] = [], now: Int64, sla given: SLAOptions? = nil,
        staleAfterDays: Int = DataCompleteness.defaultStaleAfterDays
    ) throws -> Report {
        let sla = try given ?? SLAOptions.parse([])
        guard staleAfterDays >= 0 else {
            throw CLIError.usage("--stale-after must be 0 or more days; got \(staleAfterDays)")
        }
        let windows = try windowOptions.resolve(
            now: now, defaultPeriod: definition.defaultPeriod, defaultCompare: definition.compare)
        let parsedFilters = try filters.map { text throws(EngineError) in try TicketFilter.parse(text) }
        let loader = FactLoader(cache: cache)
        let sectionFilters = try definition.sections.flatMap { section in
            try (section.filters ?? []).map { text throws(EngineError) in try TicketFilter.parse(text) }
        }
        try loader.checkValues(of: parsedFilters + sectionFilters)
        // Statistics a threshold names (`first_reply_time.calendar.within_1h`) join the metric map.
        let paths = try failOn.map { expression throws(ReportError) in try Threshold.parse(expression).path }
        var request = ReportRequest(
            definition: definition, window: windows.window, windowLabel: windows.label, previous: windows.previous,
            previousLabel: windows.previousLabel, asOf: windows.asOf, timeZone: windows.timeZone, filters: parsedFilters
        )
        request.slaSource = sla.source
        request.atRiskHorizon = try sla.horizon()
        request.draftPolicies = try sla.draft()
        request.completeness = try loader.completeness(window: windows.window)
        request.staleAfterDays = staleAfterDays
        request.history = TimelineLoader(cache: cache)
        request.extraStatistics = ReportRequest.statistics(inMetricPaths: paths)
        let range = request.factRange
        var facts = try loader.load(since: range.since, until: range.until)
        if sla.source != .evaluated { facts.slaEvents = try SLAEventSet.load(from: cache, for: facts) }
        return try ReportBuilder.build(request, facts: facts)
    }
}
