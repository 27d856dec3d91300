/// Options for text output.
public struct TextOptions: Sendable, Equatable {
    /// The terminal width to fit, in columns; `nil` never wraps. Values below 20 count as 20.
    public var width: Int?
    /// Whether to write ANSI colour (bold headings, dim nulls, green/red changes). The CLI turns
    /// it on only when standard output is a terminal and `NO_COLOR` is unset.
    public var color: Bool

    /// Creates options; the default is no width limit and no colour.
    public init(width: Int? = nil, color: Bool = false) {
        self.width = width
        self.color = color
    }
}

/// Plain-text output for terminals and emails.
///
/// ```
/// Weekly support report
/// =====================
/// 2026-W47: 2026-11-16 → 2026-11-23 (UTC) · as of 2026-11-23T00:00:00Z · compared with …
///
/// Volume
/// ------
/// Channel  Created  Solved
/// -------  -------  ------
/// Email      1,204     987
/// ```
///
/// Each section is a heading underlined with `-`, then its tables (an optional caption line,
/// the header, a dashed rule, the rows; see `TextTableLayout` for width fitting), then its notes
/// as `Note: …`. Warnings close the report under a `Warnings` heading. Values follow the table in
/// `ColumnKind`: `12,345`, `42.5`, `87.5%`, `+3`, `−2.5`, `+4.0 pp`, `+12.5%`, `–` for null.
/// Colour changes only escape codes, never the layout. Output ends with a newline.
public struct TextRenderer: ReportRenderer {
    /// Width and colour.
    public var options: TextOptions

    /// Creates a text renderer.
    public init(options: TextOptions = TextOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let style = ANSIStyle(enabled: options.color)
        let formatter = HumanCellFormatter(timeZone: report.timeZone)
        var lines = titleLines(report, style: style)
        for section in report.sections {
            lines.append("")
            lines += sectionLines(section, formatter: formatter, style: style)
        }
        if !report.warnings.isEmpty {
            lines.append("")
            lines += warningLines(report.warnings, style: style)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The effective width: `nil`, or at least 20 columns.
    private var width: Int? {
        options.width.map { max($0, 20) }
    }

    private func titleLines(_ report: Report, style: ANSIStyle) -> [String] {
        let header = ReportHeader(report)
        var lines = heading(report.title, rule: "=", style: style)
        lines += TextWrap.join(header.windowSegments, separator: " · ", width: width)
        if let filters = header.filtersLine { lines += TextWrap.wrap(filters, width: width, rest: "  ") }
        for line in header.unitLines { lines += TextWrap.wrap(line, width: width, rest: "  ") }
        return lines
    }

    private func sectionLines(_ section: ReportSection, formatter: HumanCellFormatter, style: ANSIStyle) -> [String] {
        var lines = heading(section.title, rule: "-", style: style)
        for (index, table) in section.tables.enumerated() {
            if index > 0 { lines.append("") }
            if let title = table.title { lines += TextWrap.wrap(title, width: width) }
            lines += TextTableLayout(table, formatter: formatter).lines(width: width, style: style)
            if let sparklines = Sparklines.table(for: table, formatter: formatter) {
                lines.append("")
                if let title = sparklines.title { lines += TextWrap.wrap(title, width: width) }
                lines += TextTableLayout(sparklines, formatter: formatter).lines(width: width, style: style)
            }
        }
        if !section.notes.isEmpty && !section.tables.isEmpty { lines.append("") }
        for note in section.notes {
            lines += TextWrap.wrap(note, width: width, first: "Note: ", rest: "      ")
        }
        return lines
    }

    private func warningLines(_ warnings: [ReportWarning], style: ANSIStyle) -> [String] {
        var lines = [style.warning("Warnings"), String(repeating: "-", count: 8)]
        for warning in warnings {
            lines += TextWrap.wrap(warning.text, width: width, first: "- ", rest: "  ")
        }
        return lines
    }

    /// A title and its underline, as wide as the title (or the width, if narrower).
    private func heading(_ title: String, rule: Character, style: ANSIStyle) -> [String] {
        let titleLines = TextWrap.wrap(title, width: width)
        let ruleWidth = titleLines.map(DisplayWidth.of).max() ?? 0
        return titleLines.map(style.bold) + [String(repeating: rule, count: ruleWidth)]
    }
}
