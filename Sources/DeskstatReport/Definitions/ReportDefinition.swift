/// A report definition: what a named report (`deskstat report weekly`) shows, read from a YAML
/// file such as `reports/weekly.yaml`. The format is documented in `reports/README.md`.
///
/// Loading (`ReportDefinitions.load(path:)`) checks the file's structure: YAML syntax, unknown
/// keys, types, required keys and fixed vocabularies (clock, kind, compare, ids). Names that
/// belong to the engine — KPIs, slices, statistics, filter fields — are checked by
/// `validate(knownKPIs:knownSlices:knownStats:)`, which the caller runs with the engine's lists.
public struct ReportDefinition: Sendable, Equatable {
    /// The report's name; the file name without `.yaml` unless the file says otherwise.
    public var name: String
    /// The report title, e.g. "Weekly support report".
    public var title: String
    /// A longer human description.
    public var description: String?
    /// The period used when the command line gives none, e.g. `"last-week"` (YAML key `period`).
    public var defaultPeriod: String?
    /// The comparison used when the command line gives none: `"previous"` or `"none"`.
    public var compare: String?
    /// The sections, in display order.
    public var sections: [SectionDefinition]
    /// Where the definition was read from, for error messages; `nil` when built in code.
    public var origin: DefinitionOrigin?

    /// Creates a definition.
    public init(
        name: String,
        title: String,
        description: String? = nil,
        defaultPeriod: String? = nil,
        compare: String? = nil,
        sections: [SectionDefinition],
        origin: DefinitionOrigin? = nil
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.defaultPeriod = defaultPeriod
        self.compare = compare
        self.sections = sections
        self.origin = origin
    }
}

/// The file a definition came from and the line of each key path, for error messages.
public struct DefinitionOrigin: Sendable, Equatable {
    /// The path as it was given, e.g. `reports/weekly.yaml`.
    public var file: String
    /// The 1-based line of each key path's value, e.g. `"sections[2].by": 31`.
    public var lines: [String: Int]

    /// Creates an origin.
    public init(file: String, lines: [String: Int] = [:]) {
        self.file = file
        self.lines = lines
    }

    /// The line of `keyPath`, or of its nearest enclosing key path.
    public func line(of keyPath: String) -> Int? {
        var path = keyPath
        while !path.isEmpty {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = String(path[..<cut])
        }
        return lines[""]
    }
}
