/// JSON for programs: a documented, stable schema (`schema_version` 2) with keys in a fixed
/// order, written by hand (no `JSONSerialization`, no sorted-keys encoder).
///
/// Top-level keys, in this order:
///
/// | key | type | content |
/// |---|---|---|
/// | `schema_version` | integer | `1`; bumped only on incompatible changes |
/// | `report` | string | the definition name, e.g. `"weekly"` |
/// | `title` | string | the human title |
/// | `window` | object | `from`, `to` (ISO-8601 UTC strings; `to` excluded), `label` |
/// | `previous_window` | object or null | the comparison window, same keys |
/// | `as_of` | string | ISO-8601 UTC |
/// | `time_zone` | string | the IANA zone windows were resolved in |
/// | `filters` | array of strings | the applied `--where` filters as text |
/// | `metrics` | object | dotted metric keys → values, keys in ascending code-point order |
/// | `sections` | array | `id`, `title`, `tables`, `notes` |
/// | `warnings` | array of objects | `code` (stable snake_case, see `ReportWarning.Code`) and `message` |
///
/// Each table is `id`, `title` (string or null), `columns` (`id`, `title`, `kind` — one of
/// `label`, `count`, `minutes`, `ratio`, `delta`, `ratio_delta`, `percent_change`, `timestamp`,
/// `number`), `row_kinds` (null, or the unit of each row for tables whose rows are different
/// measures) and `rows`: one object per row, keyed by column id in column order. Rows of a
/// table whose rows are metrics (a headline table) start with `metric_id`, the metric's stable
/// key in `metrics` (e.g. `"first_reply_time.calendar.median"`). A trend table (one row per
/// period) adds `series`: the same numbers column by column — `period` labels, `partial`
/// booleans (true for a period that runs past as-of) and one array per KPI.
///
/// Values: integers without a decimal point; other numbers with at most four decimals, trailing
/// zeros trimmed, never exponent notation; NaN and infinities become `null`; ratios stay 0…1
/// and minutes stay minutes (no `%`, no grouping); timestamps are ISO-8601 UTC strings
/// (`"2026-11-23T00:00:00Z"`); undefined values are `null`. Indentation is two spaces, one
/// member per line, and the output ends with a newline.
public struct JSONRenderer: ReportRenderer {
    /// The schema version written as `schema_version`.
    /// Version 2: `warnings` are objects with a stable `code` (they were strings in version 1).
    public static let schemaVersion: Int64 = 2

    /// Creates a JSON renderer.
    public init() {}

    public func render(_ report: Report) -> String {
        JSONWriter.write(document(report)) + "\n"
    }

    /// The report as an ordered JSON value.
    func document(_ report: Report) -> JSONTree {
        .object([
            ("schema_version", .integer(Self.schemaVersion)),
            ("report", .string(report.name)),
            ("title", .string(report.title)),
            ("window", window(report.window)),
            ("previous_window", report.previousWindow.map(window) ?? .null),
            ("as_of", .string(TimestampText.iso8601(report.asOf))),
            ("time_zone", .string(report.timeZone)),
            ("filters", .array(report.filters.map(JSONTree.string))),
            ("metrics", .object(report.metrics.keys.sorted().map { ($0, Self.value(report.metrics[$0] ?? .null)) })),
            ("sections", .array(report.sections.map(section))),
            (
                "warnings",
                .array(report.warnings.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })
            ),
        ])
    }

    private func window(_ window: ReportWindow) -> JSONTree {
        .object([
            ("from", .string(TimestampText.iso8601(window.from))),
            ("to", .string(TimestampText.iso8601(window.to))),
            ("label", .string(window.label)),
        ])
    }

    private func section(_ section: ReportSection) -> JSONTree {
        .object([
            ("id", .string(section.id)),
            ("title", .string(section.title)),
            ("tables", .array(section.tables.map(table))),
            ("notes", .array(section.notes.map(JSONTree.string))),
        ])
    }

    private func table(_ table: ReportTable) -> JSONTree {
        let columns: [JSONTree] = table.columns.map { column in
            .object([("id", .string(column.id)), ("title", .string(column.title)), ("kind", .string(column.kind.id))])
        }
        let rows: [JSONTree] = table.rows.indices.map { row in
            let id: [(String, JSONTree)] =
                table.metricIDs == nil ? [] : [("metric_id", .optional(table.metricID(row: row)))]
            return .object(
                id
                    + table.columns.indices.map { column in
                        let kind = table.effectiveKind(row: row, column: column)
                        return (table.columns[column].id, Self.value(table.value(row: row, column: column), kind: kind))
                    })
        }
        var members: [(String, JSONTree)] = [
            ("id", .string(table.id)),
            ("title", .optional(table.title)),
            ("columns", .array(columns)),
            ("row_kinds", table.rowKinds.map { .array($0.map { .string($0.id) }) } ?? .null),
            ("rows", .array(rows)),
        ]
        if case .trend(let partialColumn)? = table.chart {
            members.append(("series", series(table, partialColumn: partialColumn)))
        }
        return .object(members)
    }

    /// A trend table column by column: `period` (labels), `partial` (booleans) and one array per
    /// KPI column, oldest period first, so a chart can be drawn without reshaping the rows.
    private func series(_ table: ReportTable, partialColumn: String) -> JSONTree {
        .object(
            table.columns.indices.map { column in
                let id = table.columns[column].id
                let values: [JSONTree] = table.rows.indices.map { row in
                    let value = table.value(row: row, column: column)
                    if id == partialColumn { return .bool(value == .text("yes")) }
                    return Self.value(value, kind: table.effectiveKind(row: row, column: column))
                }
                return (id, .array(values))
            })
    }

    /// A value as JSON; timestamp columns turn epoch seconds into ISO-8601 UTC strings.
    static func value(_ value: ReportValue, kind: ColumnKind? = nil) -> JSONTree {
        switch value {
        case .null: return .null
        case .text(let text): return .string(text)
        case .integer(let integer):
            return kind == .timestamp ? .string(TimestampText.iso8601(integer)) : .integer(integer)
        case .number(let number):
            if kind == .timestamp, let epoch = Int64(exactly: number.rounded(.down)) {
                return .string(TimestampText.iso8601(epoch))
            }
            return .double(number)
        }
    }
}
