/// How HTML output draws a table as a chart, next to the table itself. Charts read only the
/// table's cells: a renderer never computes or queries numbers.
public enum ReportChart: Sendable, Equatable {
    /// Rows are consecutive calendar periods, oldest first; the first column is the period
    /// label, the last row the report's own period. The column `partialColumn` holds `"yes"` for
    /// a period that is not complete (it runs past as-of). Every other numeric column is one
    /// series, drawn as a line over the periods.
    case trend(partialColumn: String)
    /// One bar per row for the column `value`, labelled by the `labels` columns joined with ` · `.
    /// With `closingTotal`, the last row is a total ("All") and gets no bar: beside its parts it
    /// would only shrink them.
    case bars(labels: [String], value: String, closingTotal: Bool = false)
}

/// Which way a number should move: what colours a change green or red. Counts of work (created,
/// backlog) are neutral: more or fewer tickets is neither good nor bad in itself.
public enum GoodDirection: String, Sendable, Equatable, CaseIterable {
    /// Higher is better (CSAT, SLA achievement, one-touch rate).
    case higher
    /// Lower is better (durations, breaches, reopen rate).
    case lower
    /// Neither: changes stay uncoloured.
    case neutral
}
