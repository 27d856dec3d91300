/// A table of values: typed columns and rows of cells, one cell per column.
///
/// Rows are usually slices (one row per group, channel, week …) and columns measures. A table
/// whose rows are *different* measures — a headline table with "Created", "First reply time"
/// and "CSAT" rows — sets `rowKinds`, the unit of each row (see `effectiveKind(row:column:)`).
public struct ReportTable: Sendable, Equatable {
    /// A snake_case identifier, unique within its section, e.g. `"by_group"`.
    public var id: String
    /// An optional caption shown above the table in text and Markdown.
    public var title: String?
    /// The columns, in display order.
    public var columns: [ReportColumn]
    /// The rows; each row has one value per column (missing trailing cells read as `null`).
    public var rows: [[ReportValue]]
    /// The unit of each row's measure, parallel to `rows`, for tables whose rows are different
    /// measures. `nil` (the default) when every column has a single unit.
    public var rowKinds: [ColumnKind]?
    /// The stable metric id of each row (`first_reply_time.calendar.median`), parallel to `rows`,
    /// for tables whose rows are metrics: JSON writes it as each row's `metric_id`, CSV as a
    /// `metric_id` column, so scripts need not parse display labels. `nil` for other tables.
    public var metricIDs: [String]?
    /// Which way each row's measure should move, parallel to `rows`, for tables whose rows are
    /// different measures (a headline table); `nil` when the columns say it.
    public var rowDirections: [GoodDirection]?
    /// How HTML draws the table as a chart; `nil` for none.
    public var chart: ReportChart?

    /// Creates a table.
    public init(
        id: String,
        title: String? = nil,
        columns: [ReportColumn],
        rows: [[ReportValue]] = [],
        rowKinds: [ColumnKind]? = nil,
        metricIDs: [String]? = nil,
        rowDirections: [GoodDirection]? = nil,
        chart: ReportChart? = nil
    ) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.rowKinds = rowKinds
        self.metricIDs = metricIDs
        self.rowDirections = rowDirections
        self.chart = chart
    }

    /// The metric id of `row`, when the table has them.
    public func metricID(row: Int) -> String? {
        guard let metricIDs, metricIDs.indices.contains(row) else { return nil }
        return metricIDs[row]
    }

    /// Which way the cell at `row`, `column` should move: the row's direction in a table of
    /// different measures (for its value and change columns), else the column's.
    public func direction(row: Int, column: Int) -> GoodDirection {
        if let rowDirections, rowDirections.indices.contains(row), columns[column].kind != .label {
            return rowDirections[row]
        }
        return columns[column].direction
    }

    /// The index of the column with id `id`.
    public func columnIndex(_ id: String) -> Int? {
        columns.firstIndex { $0.id == id }
    }

    /// The cell at `row`, `column`, or `null` when the row is shorter than the column list.
    public func value(row: Int, column: Int) -> ReportValue {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .null }
        return rows[row][column]
    }

    /// The kind a cell is formatted with.
    ///
    /// Without `rowKinds` this is the column's kind. With `rowKinds`, a `.number` column takes the
    /// row's kind (count, minutes, ratio …) and a `.delta` column becomes `.ratioDelta` in a ratio
    /// row (so a CSAT change reads "+4.0 pp"); every other column keeps its own kind.
    public func effectiveKind(row: Int, column: Int) -> ColumnKind {
        let declared = columns[column].kind
        guard let rowKinds, rowKinds.indices.contains(row) else { return declared }
        let rowKind = rowKinds[row]
        switch declared {
        case .number: return rowKind
        case .delta:
            switch rowKind {
            case .ratio: return .ratioDelta
            case .minutes: return .minutesDelta
            default: return .delta
            }
        default: return declared
        }
    }
}
