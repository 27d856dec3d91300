/// One titled part of a report, e.g. "Volume and backlog", holding tables and notes.
public struct ReportSection: Sendable, Equatable {
    /// A snake_case identifier, unique within the report, e.g. `"volume"`. CSV `--section` selects by it.
    public var id: String
    /// The heading shown in text and Markdown.
    public var title: String
    /// The section's tables, in display order.
    public var tables: [ReportTable]
    /// Short remarks shown after the tables, e.g. how a number was computed.
    public var notes: [String]

    /// Creates a section.
    public init(id: String, title: String, tables: [ReportTable] = [], notes: [String] = []) {
        self.id = id
        self.title = title
        self.tables = tables
        self.notes = notes
    }
}
