import DeskstatBasics

/// One self-contained HTML page: inline CSS, charts as inline SVG, no JavaScript, nothing fetched.
///
/// The page reads in a browser, as a CI artifact or on an intranet page, and prints to PDF (print
/// CSS keeps tables and charts whole and starts each section on a new page). Colours follow
/// `prefers-color-scheme` (light and dark) and pass WCAG AA contrast; a change's meaning is also
/// written out ("better", "worse"), never shown by colour alone. Every table has a `<caption>`
/// and header cells; every chart has a `<title>` and a `<desc>` listing its numbers, and its table
/// of numbers sits below it.
///
/// Charts come only from the report model: a table whose `chart` is `.trend` becomes one small
/// line chart per series (the report's period marked, partial periods hollow), and `.bars` a
/// horizontal bar chart. Values use the same human formats as text (`4h 12m`, `87.5%`, `12,345`).
/// The output is byte-identical for the same report on every machine.
public struct HTMLRenderer: ReportRenderer {
    /// Creates an HTML renderer.
    public init() {}

    public func render(_ report: Report) -> String {
        let header = ReportHeader(report)
        let formatter = HumanCellFormatter(timeZone: report.timeZone)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"deskstat\">\n"
        out += "<title>\(Self.escape(report.title)) · \(Self.escape(report.window.label))</title>\n"
        out += "<style>\n\(Self.styleSheet)</style>\n</head>\n<body>\n<main>\n<header>\n"
        out += "<h1>\(Self.escape(report.title))</h1>\n"
        out += "<p class=\"window\">\(Self.escape(header.windowSegments.joined(separator: " · ")))</p>\n"
        if let filters = header.filtersLine { out += "<p class=\"filters\">\(Self.escape(filters))</p>\n" }
        for line in header.unitLines { out += "<p class=\"units\">\(Self.escape(line))</p>\n" }
        out += "</header>\n"
        var chartNumber = 0
        for section in report.sections {
            out += "<section id=\"\(Self.escape("s-" + section.id))\">\n<h2>\(Self.escape(section.title))</h2>\n"
            for table in section.tables {
                let caption = table.title ?? section.title
                switch table.chart {
                case .trend(let partialColumn)?:
                    out += trendCharts(table, partialColumn: partialColumn, formatter: formatter, number: &chartNumber)
                case .bars(let labels, let value, let closingTotal)?:
                    var charted = table
                    if closingTotal { charted.rows = Array(table.rows.dropLast()) }
                    out += barChart(
                        charted, labels: labels, value: value, caption: caption, formatter: formatter,
                        number: &chartNumber)
                case nil:
                    break
                }
                out += tableHTML(table, caption: caption, formatter: formatter)
            }
            for note in section.notes { out += "<p class=\"note\">\(Self.escape(note))</p>\n" }
            out += "</section>\n"
        }
        if !report.warnings.isEmpty {
            out += "<section id=\"warnings\" class=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n"
            for warning in report.warnings {
                out += "<li>\(Self.escape(warning.message)) <code>\(Self.escape(warning.code))</code></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: Tables

    private func tableHTML(_ table: ReportTable, caption: String, formatter: HumanCellFormatter) -> String {
        // A caption that only repeats the section heading is for screen readers only.
        let captionClass = table.title == nil ? " class=\"sr-only\"" : ""
        var out =
            "<div class=\"table-wrap\">\n<table>\n<caption\(captionClass)>\(Self.escape(caption))</caption>\n<thead><tr>"
        for column in table.columns {
            let alignment = column.kind.isRightAligned ? " class=\"num\"" : ""
            out += "<th scope=\"col\"\(alignment)>\(Self.escape(column.title))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let rowHeader = table.columns.first?.kind == .label && table.columns.count > 1
        for row in table.rows.indices {
            out += "<tr>"
            for column in table.columns.indices {
                let cell = formatter.format(
                    table.value(row: row, column: column), kind: table.effectiveKind(row: row, column: column))
                var classes: [String] = []
                if table.columns[column].kind.isRightAligned { classes.append("num") }
                var text = Self.escape(cell.text)
                if cell.tone == .muted { classes.append("muted") }
                switch cell.tone.judged(table.direction(row: row, column: column)) {
                case true?:
                    classes.append("good")
                    text += " <small>better</small>"
                case false?:
                    classes.append("bad")
                    text += " <small>worse</small>"
                case nil:
                    break
                }
                let classText = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                if column == 0 && rowHeader {
                    out += "<th scope=\"row\"\(classText)>\(text)</th>"
                } else {
                    out += "<td\(classText)>\(text)</td>"
                }
            }
            out += "</tr>\n"
        }
        if table.rows.isEmpty {
            out += "<tr><td colspan=\"\(max(1, table.columns.count))\" class=\"muted\">No rows.</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        return out
    }

    // MARK: Trend charts

    private static let chartWidth = 320.0
    private static let chartHeight = 192.0

    private func trendCharts(
        _ table: ReportTable, partialColumn: String, formatter: HumanCellFormatter, number: inout Int
    ) -> String {
        guard table.rows.count > 0 else { return "" }
        let partialIndex = table.columnIndex(partialColumn)
        let labels = table.rows.indices.map { formatter.format(table.value(row: $0, column: 0), kind: .label).text }
        let partial = table.rows.indices.map { row in
            partialIndex.map { table.value(row: row, column: $0) == .text("yes") } ?? false
        }
        var out = "<div class=\"charts\">\n"
        for (column, definition) in table.columns.enumerated()
        where column > 0 && column != partialIndex && definition.kind != .label {
            number += 1
            let values = table.rows.indices.map { table.value(row: $0, column: column).doubleValue }
            out += lineChart(
                title: definition.title, kind: definition.kind, labels: labels, values: values, partial: partial,
                formatter: formatter, id: "chart-\(number)")
        }
        out += "</div>\n"
        return out
    }

    private func lineChart(
        title: String, kind: ColumnKind, labels: [String], values: [Double?], partial: [Bool],
        formatter: HumanCellFormatter, id: String
    ) -> String {
        let width = Self.chartWidth
        let height = Self.chartHeight
        let left = 52.0
        let right = 12.0
        let top = 40.0
        let bottom = 34.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let axis = ChartAxis(largest: values.compactMap { $0 }.max() ?? 0, kind: kind)
        let count = values.count
        func x(_ index: Int) -> Double {
            count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(count - 1)
        }
        func y(_ value: Double) -> Double {
            top + plotHeight - (axis.maximum > 0 ? value / axis.maximum : 0) * plotHeight
        }
        let text = { (value: Double?) in
            value.map { formatter.format(.number($0), kind: kind).text } ?? HumanCellFormatter.nullText
        }
        let described = labels.indices.map { index in
            "\(labels[index]) \(text(values[index]))\(partial[index] ? " (partial)" : "")"
        }
        var svg = "<figure class=\"chart\">\n"
        svg +=
            "<svg role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
        svg += "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"\(id)-t\">\(Self.escape(title)), last \(count) periods</title>\n"
        svg += "<desc id=\"\(id)-d\">\(Self.escape(described.joined(separator: "; "))). "
        svg += "The last period is the report's own.</desc>\n"
        svg += "<text class=\"chart-title\" x=\"4\" y=\"14\">\(Self.escape(title))</text>\n"
        svg += "<text class=\"axis-unit\" x=\"4\" y=\"28\">\(Self.escape(axis.unit))</text>\n"
        for tick in axis.ticks {
            let tickY = y(tick)
            svg += "<line class=\"grid\" x1=\"\(Self.n(left))\" x2=\"\(Self.n(width - right))\" "
            svg += "y1=\"\(Self.n(tickY))\" y2=\"\(Self.n(tickY))\"/>\n"
            svg += "<text class=\"tick\" x=\"\(Self.n(left - 6))\" y=\"\(Self.n(tickY + 4))\" text-anchor=\"end\">"
            svg += "\(Self.escape(axis.label(tick)))</text>\n"
        }
        // Period labels: as many as fit without overlapping (about 64 px each), always the last.
        let every = max(1, Int((64.0 / (plotWidth / Double(max(count - 1, 1)))).rounded(.up)))
        for index in labels.indices where (count - 1 - index) % every == 0 {
            svg += "<text class=\"tick\" x=\"\(Self.n(x(index)))\" y=\"\(Self.n(height - bottom + 16))\" "
            svg += "text-anchor=\"middle\">\(Self.escape(labels[index]))</text>\n"
        }
        // The line, broken where a value is missing; the segment into a partial period dashed.
        for index in 1..<max(count, 1) {
            guard let from = values[index - 1], let to = values[index] else { continue }
            let dashed = partial[index] || partial[index - 1] ? " partial" : ""
            svg += "<line class=\"series\(dashed)\" x1=\"\(Self.n(x(index - 1)))\" y1=\"\(Self.n(y(from)))\" "
            svg += "x2=\"\(Self.n(x(index)))\" y2=\"\(Self.n(y(to)))\"/>\n"
        }
        for index in values.indices {
            guard let value = values[index] else { continue }
            let current = index == count - 1
            let classes = ["point"] + (partial[index] ? ["partial"] : []) + (current ? ["current"] : [])
            svg += "<circle class=\"\(classes.joined(separator: " "))\" cx=\"\(Self.n(x(index)))\" "
            svg += "cy=\"\(Self.n(y(value)))\" r=\"\(current ? "5" : "3")\"/>\n"
        }
        if let last = values.last, let value = last {
            let anchor = "end"
            let labelY = max(top + 10, y(value) - 9)
            svg += "<text class=\"current-label\" x=\"\(Self.n(x(count - 1)))\" y=\"\(Self.n(labelY))\" "
            svg += "text-anchor=\"\(anchor)\">\(Self.escape(text(value)))</text>\n"
        }
        svg += "</svg>\n"
        let partialNote = partial.last == true ? "; partial period: hollow dot" : ""
        svg += "<figcaption>\(Self.escape(title)): \(Self.escape(labels.first ?? "")) to "
        svg +=
            "\(Self.escape(labels.last ?? "")), the report's period marked by the large dot\(partialNote).</figcaption>\n"
        svg += "</figure>\n"
        return svg
    }

    // MARK: Bar charts

    private func barChart(
        _ table: ReportTable, labels: [String], value: String, caption: String, formatter: HumanCellFormatter,
        number: inout Int
    ) -> String {
        guard let valueColumn = table.columnIndex(value), !table.rows.isEmpty else { return "" }
        number += 1
        let id = "chart-\(number)"
        let labelColumns = labels.compactMap { table.columnIndex($0) }
        let kind = table.columns[valueColumn].kind
        let names = table.rows.indices.map { row in
            labelColumns.map { formatter.format(table.value(row: row, column: $0), kind: .label).text }
                .joined(separator: " · ")
        }
        let values = table.rows.indices.map { table.value(row: $0, column: valueColumn).doubleValue }
        let axis = ChartAxis(largest: values.compactMap { $0 }.max() ?? 0, kind: kind)
        let rowHeight = 22.0
        let labelWidth = 360.0
        let width = 770.0
        let right = 70.0
        let top = 24.0
        let plotWidth = width - labelWidth - right
        let height = top + rowHeight * Double(values.count) + 26
        let columnTitle = table.columns[valueColumn].title
        let text = { (value: Double?) in
            value.map { formatter.format(.number($0), kind: kind).text } ?? HumanCellFormatter.nullText
        }
        let described = names.indices.map { "\(names[$0]) \(text(values[$0]))" }.joined(separator: "; ")
        var svg = "<figure class=\"chart bars\">\n"
        svg +=
            "<svg role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
        svg += "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"\(id)-t\">\(Self.escape(caption)): \(Self.escape(columnTitle))</title>\n"
        svg += "<desc id=\"\(id)-d\">\(Self.escape(described)).</desc>\n"
        let heading = kind == .ratio ? columnTitle : "\(columnTitle) (\(axis.unit))"
        svg += "<text class=\"axis-unit\" x=\"\(Self.n(labelWidth))\" y=\"14\">\(Self.escape(heading))</text>\n"
        let bottomY = top + rowHeight * Double(values.count)
        for tick in axis.ticks {
            let tickX = labelWidth + (axis.maximum > 0 ? tick / axis.maximum : 0) * plotWidth
            svg += "<line class=\"grid\" x1=\"\(Self.n(tickX))\" x2=\"\(Self.n(tickX))\" y1=\"\(Self.n(top))\" "
            svg += "y2=\"\(Self.n(bottomY))\"/>\n"
            svg += "<text class=\"tick\" x=\"\(Self.n(tickX))\" y=\"\(Self.n(bottomY + 16))\" text-anchor=\"middle\">"
            svg += "\(Self.escape(axis.label(tick)))</text>\n"
        }
        for (index, name) in names.enumerated() {
            let rowY = top + rowHeight * Double(index)
            let shown = name.count > 58 ? String(name.prefix(57)) + "…" : name
            svg += "<text class=\"bar-label\" x=\"\(Self.n(labelWidth - 8))\" y=\"\(Self.n(rowY + 15))\" "
            svg += "text-anchor=\"end\">\(Self.escape(shown))</text>\n"
            guard let value = values[index] else {
                svg += "<text class=\"bar-value\" x=\"\(Self.n(labelWidth + 4))\" y=\"\(Self.n(rowY + 15))\">"
                svg += "\(HumanCellFormatter.nullText)</text>\n"
                continue
            }
            let barWidth = axis.maximum > 0 ? value / axis.maximum * plotWidth : 0
            svg += "<rect class=\"bar\" x=\"\(Self.n(labelWidth))\" y=\"\(Self.n(rowY + 4))\" "
            svg += "width=\"\(Self.n(barWidth))\" height=\"\(Self.n(rowHeight - 8))\"/>\n"
            svg += "<text class=\"bar-value\" x=\"\(Self.n(labelWidth + barWidth + 4))\" y=\"\(Self.n(rowY + 15))\">"
            svg += "\(Self.escape(text(value)))</text>\n"
        }
        svg += "</svg>\n</figure>\n"
        return svg
    }

    // MARK: Text

    /// A coordinate with at most one decimal, locale-independent.
    static func n(_ value: Double) -> String {
        NumberText.trimmed((value * 10).rounded() / 10, maxDecimals: 1) ?? "0"
    }

    /// Text made safe for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.append(character)
            default:
                // Control characters are not allowed in HTML text.
                let isControl = character.unicodeScalars.contains {
                    $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                }
                out.append(isControl ? "\u{FFFD}" : character)
            }
        }
        return out
    }
}
