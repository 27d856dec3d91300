/// Many rows decoded straight from one API body, laid out flat: a thousand records cost a few
/// array appends, not a thousand `CacheRow`s with their boxed values and child arrays.
///
/// Text values point into the body's bytes (`Value.bodyText`) or into text the batch owns
/// (`Value.ownedText`: unescaped strings, numbers written out, compact JSON). `CacheWriter.upsert(_:)`
/// binds them without copying, and applies exactly the version rules of `upsert(_ row: CacheRow)`.
///
/// Build a row with `beginRow` (every column starts NULL), one `set` per column that has a value,
/// addressed by name (`CacheTable.column(_:)`, resolved once), then its tags and custom fields
/// (tickets only). The raw JSON is the record's exact text.
public struct CacheRowBatch: Sendable {
    /// One column value.
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        /// Bytes `offset ..< offset + count` of the body (valid UTF-8).
        case bodyText(offset: Int32, count: Int32)
        /// Bytes `offset ..< offset + count` of the batch's own text.
        case ownedText(offset: Int32, count: Int32)

        public static func bool(_ flag: Bool?) -> Value {
            flag.map { .integer($0 ? 1 : 0) } ?? .null
        }

        public static func integer(_ number: Int64?) -> Value {
            number.map { Value.integer($0) } ?? .null
        }

        public static func real(_ number: Double?) -> Value {
            number.map { Value.real($0) } ?? .null
        }
    }

    struct Row: Sendable {
        let table: CacheTable
        let valueStart: Int32
        let raw: Value
        var tagStart: Int32
        var tagEnd: Int32
        var fieldStart: Int32
        var fieldEnd: Int32
    }

    struct CustomField: Sendable {
        let fieldID: Int64
        let value: Value
    }

    /// The body the `bodyText` values point into.
    public let body: [UInt8]
    var owned: [UInt8] = []
    var values: [Value] = []
    var rows: [Row] = []
    var tags: [Value] = []
    var customFields: [CustomField] = []
    /// The current row's table and first value.
    private var currentTable = CacheTable.tickets
    private var currentStart = 0

    public init(body: [UInt8]) {
        self.body = body
        values.reserveCapacity(body.count / 40)
        rows.reserveCapacity(body.count / 1000)
    }

    /// How many rows the batch holds.
    public var count: Int { rows.count }

    /// The table of row `index`.
    public func table(ofRow index: Int) -> CacheTable { rows[index].table }

    /// Stores text the body does not hold verbatim and returns a value pointing at it.
    public mutating func own(_ bytes: some Collection<UInt8>) -> Value {
        let offset = owned.count
        owned.append(contentsOf: bytes)
        return .ownedText(offset: Int32(offset), count: Int32(owned.count - offset))
    }

    /// Stores a string (see `own(_:)`).
    public mutating func own(_ text: String) -> Value {
        var text = text
        return text.withUTF8 { own($0) }
    }

    /// Starts a row of `table` whose exact JSON is `raw`; every column is NULL until set.
    public mutating func beginRow(_ table: CacheTable, raw: Value) {
        currentTable = table
        currentStart = values.count
        rows.append(
            Row(
                table: table, valueStart: Int32(values.count), raw: raw, tagStart: Int32(tags.count),
                tagEnd: Int32(tags.count), fieldStart: Int32(customFields.count), fieldEnd: Int32(customFields.count)))
        values.append(contentsOf: repeatElement(.null, count: table.columnCount))
    }

    /// Sets a column of the current row.
    @inline(__always) public mutating func set(_ column: Column, _ value: Value) {
        precondition(column.table == currentTable, "a \(column.table) column set on a \(currentTable) row")
        values[currentStart + column.index] = value
    }

    /// Sets the current row's column called `name` (looked up each time; hot loops resolve a `Column` once).
    public mutating func set(_ name: String, _ value: Value) {
        set(currentTable.column(name), value)
    }

    /// Appends a row the reference mapper built (a record the fast path hands to it), its text
    /// values copied into the batch; `raw` is the record's exact JSON in the body. Returns
    /// `false`, appending nothing, for a row the flat layout cannot hold (child rows, a blob).
    public mutating func append(_ row: CacheRow, raw: Value) -> Bool {
        guard row.children.allSatisfy({ $0.rows.isEmpty }) else { return false }
        var converted: [Value] = []
        converted.reserveCapacity(row.values.count)
        for value in row.values {
            switch value.storage {
            case .null: converted.append(.null)
            case .int64(let number): converted.append(.integer(number))
            case .double(let number): converted.append(.real(number))
            case .string(let text): converted.append(own(text))
            case .blob: return false
            }
        }
        beginRow(row.table, raw: raw)
        for (index, value) in converted.enumerated() { values[currentStart + index] = value }
        return true
    }

    /// A tag of the current (ticket) row; the caller passes each distinct tag once.
    public mutating func appendTag(_ tag: Value) {
        tags.append(tag)
        rows[rows.count - 1].tagEnd = Int32(tags.count)
    }

    /// A custom field value of the current (ticket) row; the caller passes each field id once.
    public mutating func appendCustomField(_ fieldID: Int64, _ value: Value) {
        customFields.append(CustomField(fieldID: fieldID, value: value))
        rows[rows.count - 1].fieldEnd = Int32(customFields.count)
    }
}

extension CacheRowBatch {
    /// A column of one table, found by name once, for `set(_:_:)`.
    public struct Column: Sendable {
        public let table: CacheTable
        let index: Int
    }
}

extension CacheTable {
    /// The column called `name` (a name the table's declaration lacks is a programming error).
    public func column(_ name: String) -> CacheRowBatch.Column {
        CacheRowBatch.Column(table: self, index: schema.index(name))
    }

    /// `columns.count`, without building the column list.
    var columnCount: Int { Self.columnCounts[self] ?? columns.count }

    /// Indexes of the version columns in `columns`, most significant first.
    var versionColumnIndexes: [Int] { Self.versionIndexes[self] ?? [] }

    private static let columnCounts: [CacheTable: Int] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.columns.count) })

    private static let versionIndexes: [CacheTable: [Int]] = Dictionary(
        uniqueKeysWithValues: allCases.map { table in
            (table, table.versionColumns.map { column in table.columns.firstIndex(of: column) ?? 0 })
        })
}
