/// Lays out one table as aligned text columns, fitted to a terminal width.
///
/// Labels are left-aligned, numbers right-aligned, columns separated by two spaces and sized to
/// their content; a dashed rule sits under the header.
///
/// **Fitting.** When the table is wider than `width`, its columns are split into consecutive
/// blocks that each fit, printed one under the other with a blank line between; the leading
/// label columns (policy, metric, priority …) are repeated at the left of every block so each
/// block reads on its own. When even the labels and a single other column do not fit, the label
/// cells are shortened with `…` (down to 6 columns each). Numbers are never cut: a single column wider
/// than the terminal overflows.
struct TextTableLayout {
    /// The gap between columns.
    static let gap = "  "
    /// The narrowest a shortened label column gets.
    static let minimumLabelWidth = 6

    let headers: [String]
    let rightAligned: [Bool]
    let rows: [[HumanCell]]
    /// Which way each cell's measure should move (for colouring changes).
    let directions: [[GoodDirection]]
    /// How many leading label columns (row labels) are repeated at the left of every block.
    let stubCount: Int

    /// The layout of `table`, with cells formatted by `formatter`.
    init(_ table: ReportTable, formatter: HumanCellFormatter) {
        headers = table.columns.map(\.title)
        rightAligned = table.columns.map(\.kind.isRightAligned)
        rows = table.rows.indices.map { row in
            table.columns.indices.map { column in
                formatter.format(
                    table.value(row: row, column: column), kind: table.effectiveKind(row: row, column: column))
            }
        }
        directions = table.rows.indices.map { row in
            table.columns.indices.map { table.direction(row: row, column: $0) }
        }
        let labels = table.columns.prefix { $0.kind == .label }.count
        stubCount = labels < table.columns.count ? labels : (table.columns.count > 1 ? 1 : 0)
    }

    /// Whether there is a row label to repeat in every block.
    var hasStub: Bool { stubCount > 0 }

    /// The table's lines, fitted to `width` when given.
    func lines(width: Int?, style: ANSIStyle) -> [String] {
        let widths = columnWidths()
        var output: [String] = []
        for (index, block) in blocks(widths: widths, limit: width).enumerated() {
            if index > 0 { output.append("") }
            output += render(block: block, widths: fitted(block: block, widths: widths, limit: width), style: style)
        }
        return output
    }

    /// Each column's width: the widest of its header and cells.
    private func columnWidths() -> [Int] {
        headers.indices.map { column in
            rows.reduce(DisplayWidth.of(headers[column])) { max($0, DisplayWidth.of($1[column].text)) }
        }
    }

    /// Groups of column indexes, each fitting `limit` (with the stub column first in each group).
    func blocks(widths: [Int], limit: Int?) -> [[Int]] {
        let all = Array(headers.indices)
        guard let limit, totalWidth(all, widths) > limit, headers.count > 1 else { return [all] }
        let stub = Array(0..<stubCount)
        var blocks: [[Int]] = []
        var current = stub
        for column in all where !stub.contains(column) {
            if current.count > stub.count && totalWidth(current + [column], widths) > limit {
                blocks.append(current)
                current = stub
            }
            current.append(column)
        }
        blocks.append(current)
        return blocks
    }

    /// The widths to draw `block` with when it is still too wide: first headers longer than
    /// their values are shortened with `…`, then the stub columns (the last first).
    private func fitted(block: [Int], widths: [Int], limit: Int?) -> [Int] {
        guard let limit else { return widths }
        var excess = totalWidth(block, widths) - limit
        var fitted = widths
        for column in block where column >= stubCount && excess > 0 {
            let cells = rows.reduce(min(DisplayWidth.of(headers[column]), Self.minimumLabelWidth)) {
                max($0, DisplayWidth.of($1[column].text))
            }
            let shortened = max(cells, widths[column] - excess)
            excess -= fitted[column] - shortened
            fitted[column] = shortened
        }
        guard hasStub, block.first == 0 else { return fitted }
        for column in (0..<stubCount).reversed() where excess > 0 {
            let shortened = max(min(widths[column], Self.minimumLabelWidth), widths[column] - excess)
            excess -= fitted[column] - shortened
            fitted[column] = shortened
        }
        return fitted
    }

    private func totalWidth(_ columns: [Int], _ widths: [Int]) -> Int {
        columns.reduce(0) { $0 + widths[$1] } + Self.gap.count * max(0, columns.count - 1)
    }

    private func render(block: [Int], widths: [Int], style: ANSIStyle) -> [String] {
        let header = block.map { column in
            let text = DisplayWidth.truncate(headers[column], to: widths[column])
            return padded(style.bold(text), plain: text, column: column, widths: widths)
        }
        let rule = block.map { String(repeating: "-", count: widths[$0]) }
        var lines = [joined(header), joined(rule)]
        for (rowIndex, row) in rows.enumerated() {
            let cells = block.map { column in
                let text = DisplayWidth.truncate(row[column].text, to: widths[column])
                let styled = style.tone(text, row[column].tone, direction: directions[rowIndex][column])
                return padded(styled, plain: text, column: column, widths: widths)
            }
            lines.append(joined(cells))
        }
        if rows.isEmpty { lines.append(style.dim("(no rows)")) }
        return lines
    }

    private func joined(_ cells: [String]) -> String {
        cells.joined(separator: Self.gap).trimmingTrailingSpaces()
    }

    /// `styled` padded as if it were `plain` (escape codes take no columns).
    private func padded(_ styled: String, plain: String, column: Int, widths: [Int]) -> String {
        let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(plain)))
        return rightAligned[column] ? padding + styled : styled + padding
    }
}
