/// Options for CSV output.
public struct CSVOptions: Sendable, Equatable {
    /// The table(s) to write: a section id (`"volume"`) or `"section_id.table_id"`; `nil` writes
    /// every table of the report, stacked.
    public var section: String?

    /// Creates options; the default writes every table.
    public init(section: String? = nil) {
        self.section = section
    }
}

/// RFC 4180 CSV for spreadsheets: one header row, then one record per table row.
///
/// **Which tables, which shape.**
/// - When the selection is exactly one table (`section` names a one-table section, or
///   `section_id.table_id`), the output is that table alone: the header is its column ids.
/// - Otherwise (no `section`, or a section with several tables) the tables are **stacked** into
///   one rectangular CSV: the header is `section,table` followed by the union of the tables'
///   column ids in first-seen order, and each record fills the columns its table has, leaving the
///   others empty. Filter on the first two columns to get one table back. (A table column named
///   `section` or `table` would repeat a header name; report builders avoid those ids.) The
///   report's warnings, if any, come last as section `warnings`, table `warnings` (columns
///   `code` and `message`); with a `section`, the CLI writes them to standard error instead.
///
/// A `section` that matches nothing is reported by `validate(_:)` as
/// `ReportError.unknownSection` with the available names; `render` then writes only the header.
///
/// A table whose rows are metrics (a headline table) starts with a `metric_id` column: each
/// row's stable key in the report's metrics (`first_reply_time.calendar.median`).
///
/// **Records.** Lines end with LF (`\n`), including the last. A field is quoted when it
/// contains a comma, a double quote, CR or LF, or starts or ends with a space; quotes inside are
/// doubled. Values are machine values, as in JSON: integers as is, other numbers with at most
/// four decimals (no grouping, `.` separator), ratios 0…1, timestamps ISO-8601 UTC, undefined
/// values as empty fields.
public struct CSVRenderer: ReportRenderer {
    /// The table selection.
    public var options: CSVOptions

    /// Creates a CSV renderer.
    public init(options: CSVOptions = CSVOptions()) {
        self.options = options
    }

    public func validate(_ report: Report) throws(ReportError) {
        guard let section = options.section, selection(report).isEmpty else { return }
        throw .unknownSection(requested: section, available: Self.selectors(report))
    }

    public func render(_ report: Report) -> String {
        let selected = selection(report)
        if selected.count == 1 && options.section != nil, let only = selected.first {
            return single(only.table)
        }
        return stacked(selected)
    }

    /// Every value `section` accepts for `report`: section ids and `section.table` ids.
    public static func selectors(_ report: Report) -> [String] {
        report.sections.flatMap { section in [section.id] + section.tables.map { "\(section.id).\($0.id)" } }
    }

    /// The tables the options select, with their section ids, in report order; without a
    /// `section`, the report's warnings close the output as a `warnings.warnings` table.
    private func selection(_ report: Report) -> [(section: String, table: ReportTable)] {
        let all = report.sections.flatMap { section in section.tables.map { (section: section.id, table: $0) } }
        guard let wanted = options.section else {
            guard !report.warnings.isEmpty else { return all }
            return all + [(section: "warnings", table: Self.warningTable(report.warnings))]
        }
        return all.filter { $0.section == wanted || "\($0.section).\($0.table.id)" == wanted }
    }

    /// The warnings as a table: `code`, `message`.
    static func warningTable(_ warnings: [ReportWarning]) -> ReportTable {
        ReportTable(
            id: "warnings",
            columns: [
                ReportColumn(id: "code", title: "Code", kind: .label),
                ReportColumn(id: "message", title: "Message", kind: .label),
            ],
            rows: warnings.map { [.text($0.code), .text($0.message)] })
    }

    private func single(_ table: ReportTable) -> String {
        let ids = table.metricIDs != nil
        var lines = [Self.record((ids ? ["metric_id"] : []) + table.columns.map(\.id))]
        for row in table.rows.indices {
            let id = ids ? [table.metricID(row: row) ?? ""] : []
            lines.append(Self.record(id + table.columns.indices.map { Self.field(table, row: row, column: $0) }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func stacked(_ tables: [(section: String, table: ReportTable)]) -> String {
        var union: [String] = []
        if tables.contains(where: { $0.table.metricIDs != nil }) { union.append("metric_id") }
        for (_, table) in tables {
            for column in table.columns where !union.contains(column.id) { union.append(column.id) }
        }
        var lines = [Self.record(["section", "table"] + union)]
        for (section, table) in tables {
            for row in table.rows.indices {
                var fields = Array(repeating: "", count: union.count)
                if let id = table.metricID(row: row), let slot = union.firstIndex(of: "metric_id") { fields[slot] = id }
                for (column, definition) in table.columns.enumerated() {
                    if let slot = union.firstIndex(of: definition.id), fields[slot].isEmpty {
                        fields[slot] = Self.field(table, row: row, column: column)
                    }
                }
                lines.append(Self.record([section, table.id] + fields))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CSV text of one cell (unquoted). Values are machine values; the label of a duration
    /// row in a table of different measures says its unit (`First reply time, median, calendar
    /// (minutes)`), since the number beside it is plain minutes.
    private static func field(_ table: ReportTable, row: Int, column: Int) -> String {
        if column == 0, table.columns[0].kind == .label, let kinds = table.rowKinds, kinds.indices.contains(row),
            kinds[row] == .minutes, case .text(let label) = table.value(row: row, column: 0)
        {
            return label + " (minutes)"
        }
        return
            switch JSONRenderer.value(
                table.value(row: row, column: column), kind: table.effectiveKind(row: row, column: column))
        {
        case .string(let text), .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .object, .array: ""
        }
    }

    /// One record: fields quoted where needed, joined with commas.
    static func record(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    /// `field`, quoted when it holds a comma, a quote, CR or LF, or leading/trailing spaces.
    static func quote(_ field: String) -> String {
        let needsQuotes =
            field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }
}
