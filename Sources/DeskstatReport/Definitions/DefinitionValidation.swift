extension ReportDefinition {
    /// Checks the names the engine owns: KPIs, slices (`by`), statistics, filter fields, the
    /// period, and which KPIs fit which section kind. Throws the first problem, naming the file,
    /// the line and the key path, e.g.
    /// `reports/weekly.yaml:31: sections[2].by: "grop" is not a slice (did you mean "group"?); expected one of group, …`.
    ///
    /// - Parameters:
    ///   - knownKPIs: the KPI names the engine computes (default `ReportDefinitions.defaultKPIs`).
    ///   - knownSlices: the values `by` accepts (default `ReportDefinitions.defaultSlices`).
    ///   - knownStats: the statistics `stats` accepts (default `ReportDefinitions.defaultStats`).
    public func validate(
        knownKPIs: Set<String> = Set(ReportDefinitions.defaultKPIs),
        knownSlices: Set<String> = Set(ReportDefinitions.defaultSlices),
        knownStats: Set<String> = Set(ReportDefinitions.defaultStats)
    ) throws(ReportError) {
        if let period = defaultPeriod, !ReportDefinitions.isKnownPeriod(period) {
            let expected = ReportDefinitions.namedPeriods + ["last-Nd (e.g. last-30d)", "YYYY-Www", "YYYY-MM"]
            throw problem("period", DefinitionParser.notOneOf(period, what: "period", allowed: expected))
        }
        let names = DefinitionVocabulary(kpis: knownKPIs, slices: knownSlices, stats: knownStats)
        for (index, section) in sections.enumerated() {
            try validate(section, at: "sections[\(index)]", names: names)
        }
    }

    private func validate(_ section: SectionDefinition, at path: String, names: DefinitionVocabulary)
        throws(ReportError)
    {
        let kind = section.sectionKind
        for (index, kpi) in section.kpis.enumerated() {
            try check(kpi, in: names.kpis, what: "KPI", at: "\(path).kpis[\(index)]")
            if kind.allowedKPIs == [] {
                throw problem(
                    "\(path).kpis[\(index)]", "a \(kind.rawValue) section has fixed columns; remove kpis")
            }
            if let allowed = kind.allowedKPIs, !allowed.contains(kpi) {
                throw problem(
                    "\(path).kpis[\(index)]",
                    "\"\(kpi)\" does not belong in a \(kind.rawValue) section; expected \(allowed.joined(separator: " or ")), "
                        + "or use kind: kpis")
            }
        }
        try rejectRepeats(section.kpis, at: "\(path).kpis")
        try rejectRepeats(section.stats ?? [], at: "\(path).stats")
        if kind.requiresKPIs && section.kpis.isEmpty {
            throw problem(
                "\(path).kpis", "a \(kind.rawValue) section needs at least one KPI, e.g. kpis: [created, solved]")
        }
        for (index, stat) in (section.stats ?? []).enumerated()
        where !names.stats.contains(stat) && StatisticName.parse(stat) == nil {
            throw problem(
                "\(path).stats[\(index)]",
                DefinitionParser.notOneOf(stat, what: "statistic", allowed: DefinitionVocabulary.ordered(names.stats))
                    + "; or p1 … p99, within:TARGET (e.g. within:1h, within:8h-business)")
        }
        try validateSlicing(section, at: path, names: names)
        for (index, filter) in (section.filters ?? []).enumerated() {
            try validateFilter(filter, fields: names.filterFields, at: "\(path).filters[\(index)]")
        }
    }

    private func validateSlicing(_ section: SectionDefinition, at path: String, names: DefinitionVocabulary)
        throws(ReportError)
    {
        if section.sectionKind == .trend {
            guard let by = section.by, SectionKind.trendSlices.contains(by) else {
                throw problem(
                    "\(path).by", "a trend section needs a time slice: by: week, by: month or by: day")
            }
            return
        }
        if let by = section.by {
            // `field:NAME` names a custom field, resolved from the cache when the report is built.
            if !by.hasPrefix("field:") { try check(by, in: names.slices, what: "slice", at: "\(path).by") }
            if section.sectionKind == .scorecard && ["day", "week", "month"].contains(by) {
                throw problem(
                    "\(path).by",
                    "a scorecard has one row per agent, group or other value, not per \(by); use e.g. by: assignee")
            }
            if by.hasPrefix("field:") && by.dropFirst(6).allSatisfy(\.isWhitespace) {
                throw problem("\(path).by", "name the custom field, e.g. by: field:Product area")
            }
            if section.sectionKind == .headline || section.sectionKind == .histogram {
                throw problem(
                    "\(path).by",
                    "a \(section.sectionKind.rawValue) section cannot be split by a slice; remove by or use kind: kpis")
            }
        } else if section.sectionKind == .scorecard {
            throw problem("\(path).by", "a scorecard needs by (e.g. by: assignee or by: group)")
        } else if section.limit != nil {
            throw problem("\(path).limit", "has no effect without by; add by (e.g. by: group) or remove limit")
        }
    }

    /// `FIELD=VALUE[,VALUE…]` or `FIELD!=VALUE[,VALUE…]` with a known field.
    private func validateFilter(_ filter: String, fields: Set<String>, at path: String) throws(ReportError) {
        let parts: [Substring]
        if let range = filter.firstRange(of: "!=") {
            parts = [filter[..<range.lowerBound], filter[range.upperBound...]]
        } else {
            parts = filter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        }
        guard parts.count == 2 else {
            throw problem(
                path, "\"\(filter)\" is not a filter; write FIELD=VALUE or FIELD!=VALUE, e.g. priority=high,urgent")
        }
        let field = String(parts[0]).trimmingWhitespace()
        if !field.hasPrefix("field:") { try check(field, in: fields, what: "filter field", at: path) }
        let values = parts[1].split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        if values.isEmpty {
            throw problem(path, "\"\(filter)\" has no value after the operator; e.g. \(field)=VALUE")
        }
    }

    /// The second occurrence of a name in a list is an error (it would repeat a column).
    private func rejectRepeats(_ names: [String], at path: String) throws(ReportError) {
        for (index, name) in names.enumerated() {
            if let first = names.firstIndex(of: name), first < index {
                throw problem("\(path)[\(index)]", "\"\(name)\" is already listed at \(path)[\(first)]; remove one")
            }
        }
    }

    private func check(_ name: String, in known: Set<String>, what: String, at path: String) throws(ReportError) {
        guard !known.contains(name) else { return }
        throw problem(path, DefinitionParser.notOneOf(name, what: what, allowed: DefinitionVocabulary.ordered(known)))
    }

    private func problem(_ keyPath: String, _ message: String) -> ReportError {
        .invalidDefinition(
            path: origin?.file ?? "report \"\(name)\"", line: origin?.line(of: keyPath), keyPath: keyPath,
            problem: message)
    }
}

/// The names a definition is validated against.
private struct DefinitionVocabulary {
    let kpis: Set<String>
    let slices: Set<String>
    let stats: Set<String>
    let filterFields: Set<String>

    init(kpis: Set<String>, slices: Set<String>, stats: Set<String>) {
        self.kpis = kpis
        self.slices = slices
        self.stats = stats
        filterFields = ReportDefinitions.filterFields(knownSlices: slices)
    }

    /// The names in documentation order (the default lists' order), then any others sorted.
    static func ordered(_ names: Set<String>) -> [String] {
        let canonical =
            ReportDefinitions.defaultKPIs + ReportDefinitions.defaultSlices + ["status"]
            + ReportDefinitions.defaultStats
        let known = canonical.filter(names.contains)
        var seen: Set<String> = []
        return (known + names.subtracting(canonical).sorted()).filter { seen.insert($0).inserted }
    }
}
