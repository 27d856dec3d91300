/// The sparkline table text and Markdown add under a trend table: one row per series with a
/// Unicode sparkline (`▁▂▃▄▅▆▇█`, oldest period first), its lowest and highest value, and the
/// latest (marked "partial" when the report's period is not complete).
enum Sparklines {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline table for `table`, or `nil` when it is not a trend.
    static func table(for table: ReportTable, formatter: HumanCellFormatter) -> ReportTable? {
        guard case .trend(let partialColumn)? = table.chart, !table.rows.isEmpty else { return nil }
        let partialIndex = table.columnIndex(partialColumn)
        let lastPartial =
            partialIndex.map { table.value(row: table.rows.count - 1, column: $0) == .text("yes") } ?? false
        var rows: [[ReportValue]] = []
        for (column, definition) in table.columns.enumerated()
        where column > 0 && column != partialIndex && definition.kind != .label {
            let values = table.rows.indices.map { table.value(row: $0, column: column) }
            let numbers = values.compactMap(\.doubleValue)
            let text = { (value: ReportValue) in formatter.format(value, kind: definition.kind).text }
            let low = values.filter { $0.doubleValue == numbers.min() }.first ?? .null
            let high = values.filter { $0.doubleValue == numbers.max() }.first ?? .null
            let latest = text(values.last ?? .null) + (lastPartial ? " (partial)" : "")
            rows.append([
                .text(definition.title), .text(line(values.map(\.doubleValue))), .text(text(low)), .text(text(high)),
                .text(latest),
            ])
        }
        let first = formatter.format(table.value(row: 0, column: 0), kind: .label).text
        let last = formatter.format(table.value(row: table.rows.count - 1, column: 0), kind: .label).text
        return ReportTable(
            id: table.id + "_sparklines", title: "\(first) → \(last)",
            columns: [
                ReportColumn(id: "metric", title: "Metric", kind: .label),
                ReportColumn(id: "trend", title: "Trend", kind: .label),
                ReportColumn(id: "lowest", title: "Lowest", kind: .label),
                ReportColumn(id: "highest", title: "Highest", kind: .label),
                ReportColumn(id: "latest", title: "Latest", kind: .label),
            ],
            rows: rows)
    }

    /// One character per value, scaled from the lowest to the highest; a space for a missing value.
    static func line(_ values: [Double?]) -> String {
        let numbers = values.compactMap { $0 }
        guard let low = numbers.min(), let high = numbers.max() else {
            return String(repeating: " ", count: values.count)
        }
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                guard high > low else { return levels[3] }
                let position = Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())
                return levels[min(max(position, 0), levels.count - 1)]
            })
    }
}
