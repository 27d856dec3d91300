import Foundation

/// Finding, loading and listing report definition files (`reports/*.yaml`).
public enum ReportDefinitions {
    /// The KPI names the engine computes, in report order (the default for `validate`).
    public static let defaultKPIs: [String] =
        [
            "created", "solved", "backlog", "first_reply_time", "first_resolution_time", "full_resolution_time",
            "requester_wait_time", "agent_wait_time", "on_hold_time", "agent_work_time", "reopen_rate",
            "one_touch_rate", "csat", "csat_response_rate", "sla",
        ] + historyKPIs

    /// The KPIs computed from ticket history (loaded only when a section lists one).
    public static let historyKPIs: [String] = [
        "reopen_events", "reply_time", "next_reply_time", "agent_replies", "time_in_new", "time_in_open",
        "time_in_pending", "time_in_hold",
    ]

    /// The slices a section can be split `by` (the default for `validate`).
    public static let defaultSlices: [String] = [
        "group", "assignee", "brand", "channel", "priority", "type", "organization", "tag", "form", "day", "week",
        "month",
    ]

    /// The statistics of duration KPIs (the default for `validate`).
    public static let defaultStats: [String] = ["count", "median", "p90", "mean"]

    /// The ticket fields a section `filters` entry may name: the non-time slices plus `status`.
    public static func filterFields(knownSlices: Set<String>) -> Set<String> {
        knownSlices.subtracting(["day", "week", "month"]).union(["status"])
    }

    /// The values of a section's `clock`.
    public static let clocks: [String] = ["calendar", "business", "both"]

    /// The values of a definition's `compare`.
    public static let compareModes: [String] = ["previous", "none"]

    /// The named periods a definition's `period` may use; `last-Nd` (e.g. `last-30d`),
    /// `YYYY-Www` and `YYYY-MM` are accepted too.
    public static let namedPeriods: [String] = ["last-week", "this-week", "last-month", "this-month"]

    /// The file extensions of definition files.
    static let extensions = ["yaml", "yml"]

    /// Reads, parses and structurally checks the definition at `path`.
    ///
    /// The name defaults to the file name without its extension. Names of KPIs, slices and
    /// statistics are checked afterwards by `ReportDefinition.validate(…)`.
    public static func load(path: String) throws(ReportError) -> ReportDefinition {
        guard let data = FileManager.default.contents(atPath: path) else {
            guard FileManager.default.fileExists(atPath: path) else { throw .definitionFileNotFound(path: path) }
            throw .definitionUnreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .definitionUnreadable(path: path, reason: "not UTF-8 text; save the file as UTF-8")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses definition text; `file` names it in errors and gives the default name.
    public static func parse(yaml: String, file: String) throws(ReportError) -> ReportDefinition {
        let base = (file as NSString).lastPathComponent
        let stem =
            extensions.contains((base as NSString).pathExtension) ? (base as NSString).deletingPathExtension : base
        var parser = DefinitionParser(file: file)
        return try parser.parse(yaml, defaultName: stem)
    }

    /// The definition called `name`: `NAME.yaml` (or `NAME.yml`) in the first of
    /// `searchDirectories` that has it, else the built-in definition of that name
    /// (`builtInReports`). A `name` with a `/` or a `.yaml`/`.yml` extension is loaded as a path.
    public static func builtIn(named name: String, searchDirectories: [String]) throws(ReportError)
        -> ReportDefinition
    {
        if name.contains("/") || extensions.contains((name as NSString).pathExtension) {
            return try load(path: name)
        }
        if let path = file(named: name, in: searchDirectories) { return try load(path: path) }
        if let embedded = builtInReports.first(where: { $0.name == name }) { return try embedded.definition() }
        throw .definitionNotFound(name: name, searched: searchDirectories, available: available(in: searchDirectories))
    }

    /// The path of `NAME.yaml` (or `.yml`) in the first directory that has it.
    static func file(named name: String, in directories: [String]) -> String? {
        for directory in directories {
            for fileExtension in extensions {
                let path = (directory as NSString).appendingPathComponent("\(name).\(fileExtension)")
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The names of the definitions in `directories` (files ending in `.yaml` or `.yml`) and the
    /// built-in ones, sorted and without duplicates. Missing directories are skipped.
    public static func available(in directories: [String]) -> [String] {
        Set(fileNames(in: directories) + builtInReports.map(\.name)).sorted()
    }

    /// The definition names found as files in `directories`, in directory order.
    private static func fileNames(in directories: [String]) -> [String] {
        var names: [String] = []
        for directory in directories {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for file in files where extensions.contains((file as NSString).pathExtension) && !file.hasPrefix(".") {
                names.append((file as NSString).deletingPathExtension)
            }
        }
        return names
    }

    /// Every definition `builtIn(named:searchDirectories:)` can find, sorted by name: the one
    /// each name resolves to, its title and where it comes from (a file path or `built-in`).
    /// A file that does not parse is listed with the error instead of a title.
    public static func listing(searchDirectories: [String]) -> [DefinitionListing] {
        available(in: searchDirectories).map { name in
            let path = file(named: name, in: searchDirectories)
            let source = path ?? DefinitionListing.builtInSource
            do throws(ReportError) {
                let definition: ReportDefinition?
                if let path {
                    definition = try load(path: path)
                } else {
                    definition = try builtInReports.first { $0.name == name }?.definition()
                }
                return DefinitionListing(name: name, title: definition?.title ?? "", source: source)
            } catch {
                return DefinitionListing(name: name, title: "(invalid: \(error.description))", source: source)
            }
        }
    }

    /// Whether `text` is a period a definition may name (see `namedPeriods`).
    public static func isKnownPeriod(_ text: String) -> Bool {
        if namedPeriods.contains(text) { return true }
        let characters = Array(text)
        if text.hasPrefix("last-"), text.hasSuffix("d") {
            let days = text.dropFirst(5).dropLast()
            return !days.isEmpty && days.allSatisfy(\.isASCIIDigit) && (Int(days) ?? 0) > 0
        }
        if characters.count == 8, text.dropFirst(4).hasPrefix("-W") {
            let week = Int(String(characters[6...])) ?? 0
            return characters[0..<4].allSatisfy(\.isASCIIDigit) && characters[6...].allSatisfy(\.isASCIIDigit)
                && (1...53).contains(week)
        }
        if characters.count == 7, characters[4] == "-" {
            let month = Int(String(characters[5...])) ?? 0
            return characters[0..<4].allSatisfy(\.isASCIIDigit) && characters[5...].allSatisfy(\.isASCIIDigit)
                && (1...12).contains(month)
        }
        return false
    }
}

/// A report definition compiled into the binary (`reports/*.yaml`, embedded by
/// `scripts/embed-reports.sh`).
public struct BuiltInReport: Sendable, Equatable {
    /// The report name, e.g. `"weekly"`.
    public let name: String
    /// The YAML text of `reports/NAME.yaml` without its final newline.
    public let yaml: String

    /// Creates an embedded definition.
    public init(name: String, yaml: String) {
        self.name = name
        self.yaml = yaml
    }

    /// The parsed definition; its origin file reads `built-in/NAME.yaml` in error messages.
    public func definition() throws(ReportError) -> ReportDefinition {
        try ReportDefinitions.parse(yaml: yaml + "\n", file: "built-in/\(name).yaml")
    }
}

/// One line of `deskstat report --list`.
public struct DefinitionListing: Sendable, Equatable {
    /// What `source` says for a definition compiled into the binary.
    public static let builtInSource = "built-in"
    /// The report name.
    public var name: String
    /// Its title (or the problem, for a file that does not parse).
    public var title: String
    /// The file it is read from, or `built-in`.
    public var source: String
}
