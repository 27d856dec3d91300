/// A table column: a stable key for machines, a header for people, and the kind of its values.
public struct ReportColumn: Sendable, Equatable {
    /// A snake_case key used in JSON row objects and CSV headers, e.g. `"median_minutes"`.
    public var id: String
    /// The header shown in text and Markdown, e.g. `"Median (min)"`.
    public var title: String
    /// How the column's values are formatted and aligned.
    public var kind: ColumnKind
    /// Which way the column's values should move (for colouring changes); `.neutral` by default.
    public var direction: GoodDirection

    /// Creates a column.
    public init(id: String, title: String, kind: ColumnKind, direction: GoodDirection = .neutral) {
        self.id = id
        self.title = title
        self.kind = kind
        self.direction = direction
    }
}
