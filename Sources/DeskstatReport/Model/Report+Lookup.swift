extension Report {
    /// The value at a dotted path, as `--fail-on` thresholds read it.
    ///
    /// A path is first looked up in `metrics` (`"sla.breached"`, `"csat"`,
    /// `"first_reply_time.calendar.median"`). Otherwise `SECTION.TABLE.COLUMN` names the cell of a
    /// one-row table (e.g. `"csat.overall.score"`). Returns `nil` when the path names nothing.
    public func value(at path: String) -> ReportValue? {
        if let metric = metrics[path] { return metric }
        return singleRowCells[path]
    }

    /// Every path `value(at:)` resolves, sorted: the metric keys, then one-row table cells.
    public var valuePaths: [String] {
        let cells = singleRowCells.keys.filter { metrics[$0] == nil }
        return metrics.keys.sorted() + cells.sorted()
    }

    /// The section with this id, if any.
    public func section(id: String) -> ReportSection? {
        sections.first { $0.id == id }
    }

    /// `SECTION.TABLE.COLUMN` → cell, for tables with exactly one row.
    private var singleRowCells: [String: ReportValue] {
        var cells: [String: ReportValue] = [:]
        for section in sections {
            for table in section.tables where table.rows.count == 1 {
                for (index, column) in table.columns.enumerated() {
                    let path = "\(section.id).\(table.id).\(column.id)"
                    if cells[path] == nil { cells[path] = table.value(row: 0, column: index) }
                }
            }
        }
        return cells
    }
}
