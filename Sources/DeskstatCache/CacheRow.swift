public import GRDB

/// One record as the cache stores it: typed column values, the API's JSON, and child rows.
///
/// Build rows with the table-specific factories (`CacheRow.ticket(…)`, `CacheRow.user(…)`, …), which
/// name every column; the order comes from the table's declaration in `CacheSchema`.
public struct CacheRow: Sendable {
    public let table: CacheTable
    /// Values in `table.columns` order.
    let values: [DatabaseValue]
    public let rawJSON: String
    let children: [ChildRows]

    /// A row of `table` from every one of its columns, by name (each exactly once).
    init(
        _ table: CacheTable, named columns: KeyValuePairs<String, (any DatabaseValueConvertible)?>, rawJSON: String,
        children: [ChildRows] = []
    ) {
        let schema = table.schema
        var values = [DatabaseValue?](repeating: nil, count: schema.columns.count)
        for (name, value) in columns {
            let index = schema.index(name)
            precondition(values[index] == nil, "\(table).\(name) given twice")
            values[index] = value?.databaseValue ?? .null
        }
        self.init(
            table,
            values: values.map { value in
                guard let value else { preconditionFailure("a \(table) row without all its columns") }
                return value
            }, rawJSON: rawJSON, children: children)
    }

    /// A row from values already in `table.columns` order.
    init(_ table: CacheTable, values: [DatabaseValue], rawJSON: String, children: [ChildRows] = []) {
        precondition(values.count == table.columnCount, "column count mismatch for \(table)")
        self.table = table
        self.values = values
        self.rawJSON = rawJSON
        self.children = children
    }

    /// The primary key value.
    public var key: DatabaseValue { values[0] }  // every table's key comes first (`CacheTableSchema`)

    /// The primary key as text (ids in decimal), as `CacheWriter.deleteRows` compares keys.
    public var keyText: String {
        switch key.storage {
        case .int64(let id): String(id)
        case .string(let text): text
        case .double(let number): String(Int64(number))
        default: ""
        }
    }

    /// The ticket id when this is a ticket row.
    public var ticketID: Int64? {
        guard table == .tickets, case .int64(let id) = key.storage else { return nil }
        return id
    }

    /// Whether this is a ticket the export marked deleted.
    public var isDeletedTicket: Bool {
        guard table == .tickets else { return false }
        return Bool.fromDatabaseValue(values[CacheSchema.tickets.index("deleted")]) ?? false
    }

    /// The version this row carries, most significant part first (missing parts sort lowest).
    package var version: [Int64] {
        table.versionColumnIndexes.map { index in Int64.fromDatabaseValue(values[index]) ?? Int64.min }
    }
}

/// Rows of a child table (tags, custom field values, SLA conditions, …) owned by one record.
struct ChildRows: Sendable {
    let table: String
    let columns: [String]
    let rows: [[DatabaseValue]]

    init(_ table: String, _ columns: [String], _ rows: [[(any DatabaseValueConvertible)?]]) {
        self.table = table
        self.columns = columns
        self.rows = rows.map { $0.map { $0?.databaseValue ?? .null } }
    }
}

/// What an upsert did with one incoming record.
public enum UpsertOutcome: String, Sendable, CaseIterable, Codable {
    /// No record with this key existed.
    case inserted
    /// The incoming version was newer and replaced the stored one.
    case updated
    /// The same version was already stored; nothing was written.
    case unchanged
    /// The stored version is newer; the incoming record was ignored.
    case skipped
}
