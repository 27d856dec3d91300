import ArgumentParser
import DeskstatEngine
import DeskstatReport
import Foundation

/// `deskstat kpi NAME`: one KPI, optionally sliced, in any output format.
struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Compute one KPI for a window, optionally sliced and filtered; --list shows every KPI.",
        discussion: """
            Examples:
              deskstat kpi first_reply_time --stat median,p90 --by group --period last-30d
              deskstat kpi first_reply_time --stat median,within:1h,within:8h-business --clock both
              deskstat kpi first_reply_time --fail-on "first_reply_time.calendar.within_1h < 80%"
              deskstat kpi csat --by group --compare previous
              deskstat kpi created --by week --from 2026-09-01 --format csv

            The window defaults to the last full ISO week (default: last-week), as of now unless --as-of.

            \(ExitStatus.helpText(
                [.success, .runtimeError, .thresholdFailed, .usage], runtime: "the cache is missing, unreadable or locked"))
            """)

    @OptionGroup var cacheOptions: CacheOptions
    @OptionGroup var windowOptions: WindowOptions
    @OptionGroup var sliceOptions: SliceOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var slaOptions: SLAOptions

    @Argument(help: ArgumentHelp("The KPI (see --list).", valueName: "kpi"))
    var name: String?

    @Option(
        help: ArgumentHelp(
            "Statistics for durations, comma-separated: count, median, mean, p1…p99, within:TARGET (60, 1h, 8h-business).",
            valueName: "stats"))
    var stat = "median,p90,mean,count"

    @Option(help: ArgumentHelp("calendar, business or both.", valueName: "clock"))
    var clock = "both"

    @Flag(help: "List the KPIs with one-line definitions.")
    var list = false

    /// Checks flag values that parse but make no sense (exit 64, without the usage text).
    func checkArguments() throws {
        if list { return }
        guard let name else { throw CLIError.usage("name a KPI, or use --list") }
        guard KPI(rawValue: name) != nil else { throw CLIError.usage(EngineError.unknownKPI(name).description) }
        for item in stat.split(separator: ",") where StatisticName.parse(String(item)) == nil {
            throw CLIError.usage(EngineError.unknownStat(String(item)).description)
        }
        guard ["calendar", "business", "both"].contains(clock) else {
            throw CLIError.usage("--clock must be calendar, business or both")
        }
        if let by = sliceOptions.by {
            do {
                _ = try Slice.parse(by)
            } catch {
                throw CLIError.usage(error.description)
            }
        }
    }

    func run() throws {
        try reportingErrors {
            try checkArguments()
            if list {
                Terminal.standardOutput.write(Self.listing())
                return
            }
            guard let name, let kpi = KPI(rawValue: name) else { throw CLIError.usage("name a KPI, or use --list") }
            let kind: SectionKind
            switch kpi {
            case .sla: kind = sliceOptions.by == nil ? .sla : .slaBreaches
            case .backlog: kind = .backlog
            case .csat, .csatResponseRate: kind = .csat
            default: kind = .kpis
            }
            var section = SectionDefinition(
                id: kpi.rawValue, title: kpi.title, kpis: [kpi.rawValue],
                stats: stat.split(separator: ",").map(String.init),
                clock: clock, by: sliceOptions.by, kind: kind.rawValue)
            section.comparesRows = true
            let definition = ReportDefinition(
                name: "kpi", title: kpi.title, defaultPeriod: "last-week", sections: [section])
            let report = try ReportFrontend.build(
                definition: definition, cache: try cacheOptions.open(.readOnly), windowOptions: windowOptions,
                filters: sliceOptions.filters, failOn: outputOptions.failOn, now: Int64(Date().timeIntervalSince1970),
                sla: slaOptions, staleAfterDays: outputOptions.staleAfter)
            try ReportOutput.emit(report, options: outputOptions)
        }
    }

    static func listing() -> String {
        var table = TextTable(["kpi", "anchor", "definition"], alignments: [.left, .left, .left])
        table.rows = KPI.allCases.map { [$0.rawValue, $0.anchor, $0.definition] }
        return table.render()
    }
}
