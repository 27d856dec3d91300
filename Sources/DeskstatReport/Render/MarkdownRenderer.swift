/// GitHub-flavoured Markdown, ready to paste into a pull-request comment or an issue.
///
/// ```markdown
/// # Weekly support report
///
/// _2026-W47: 2026-11-16 → 2026-11-23 (UTC) · as of 2026-11-23T00:00:00Z_
///
/// ## Volume
///
/// | Channel | Created |
/// | :--- | ---: |
/// | Email | 1,204 |
/// ```
///
/// The window line is in italics, filters follow as a plain line, each section is a `##`
/// heading, a table caption is a `###` heading, and tables are pipe tables whose alignment row
/// right-aligns numbers (`---:`). Cells use the same human values as text output. Text taken
/// from the report is escaped (`|` becomes `\|`, and Markdown's `\ * _ `` ` `` < [ ]` are
/// backslash-escaped) so a slice label can never break the table or inject markup; newlines in
/// cells become spaces. Notes are paragraphs; warnings close the report as a blockquote list.
public struct MarkdownRenderer: ReportRenderer {
    /// Creates a Markdown renderer.
    public init() {}

    public func render(_ report: Report) -> String {
        let header = ReportHeader(report)
        let formatter = HumanCellFormatter(timeZone: report.timeZone)
        var blocks = ["# " + Self.escape(report.title)]
        blocks.append("_" + Self.escape(header.windowSegments.joined(separator: " · ")) + "_")
        if let filters = header.filtersLine { blocks.append(Self.escape(filters)) }
        blocks += header.unitLines.map { Self.escapeParagraph($0) }
        for section in report.sections {
            blocks += sectionBlocks(section, formatter: formatter)
        }
        if !report.warnings.isEmpty {
            blocks.append(warningBlock(report.warnings))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func sectionBlocks(_ section: ReportSection, formatter: HumanCellFormatter) -> [String] {
        var blocks = ["## " + Self.escape(section.title)]
        for table in section.tables {
            if let title = table.title { blocks.append("### " + Self.escape(title)) }
            blocks.append(tableBlock(table, formatter: formatter))
            if let sparklines = Sparklines.table(for: table, formatter: formatter) {
                if let title = sparklines.title { blocks.append("_" + Self.escape(title) + "_") }
                blocks.append(tableBlock(sparklines, formatter: formatter))
            }
        }
        blocks += section.notes.map { Self.escapeParagraph($0) }
        return blocks
    }

    private func tableBlock(_ table: ReportTable, formatter: HumanCellFormatter) -> String {
        var lines = [row(table.columns.map { Self.escape($0.title) })]
        lines.append(row(table.columns.map { $0.kind.isRightAligned ? "---:" : ":---" }))
        for index in table.rows.indices {
            let cells = table.columns.indices.map { column in
                formatter.format(
                    table.value(row: index, column: column), kind: table.effectiveKind(row: index, column: column)
                ).text
            }
            lines.append(row(cells.map(Self.escape)))
        }
        if table.rows.isEmpty { lines.append("\n_No rows._") }
        return lines.joined(separator: "\n")
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private func warningBlock(_ warnings: [ReportWarning]) -> String {
        var lines = ["> **Warnings**", ">"]
        lines += warnings.map { "> - " + Self.escape($0.message) + " `" + $0.code + "`" }
        return lines.joined(separator: "\n")
    }

    /// A paragraph made safe: inline escaping, and a leading `#`, `-`, `+` or `>` escaped so the
    /// paragraph cannot turn into a heading, a list or a quote.
    static func escapeParagraph(_ text: String) -> String {
        let escaped = escape(text)
        guard let first = escaped.first, "#-+>".contains(first) else { return escaped }
        return "\\" + escaped
    }

    /// Inline text made safe for Markdown and pipe tables.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "<", "[", "]":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\r\n":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }
}
