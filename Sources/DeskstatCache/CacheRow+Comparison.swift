import GRDB

/// Full, typed descriptions of rows, so that two decoders' output can be compared exactly (the
/// importer's fast path against its reference path, in the differential test and fuzz target).
extension CacheRow {
    /// The row written out completely but for its raw JSON (compare `rawJSON` itself): table, every
    /// column with its storage type, the version the upsert compares and the child rows. Two rows
    /// with equal descriptions and raw JSON are stored identically; reals are written with their
    /// bit pattern, so `0.0` and `-0.0` differ.
    package var fullDescription: String {
        var lines = ["\(table.rawValue) version \(version)"]
        for (column, value) in zip(table.columns, values) {
            lines.append("  \(column) = \(Self.describe(value))")
        }
        for child in children {
            lines.append("  \(child.table) (\(child.columns.joined(separator: ", ")))")
            for row in child.rows { lines.append("    " + row.map(Self.describe).joined(separator: ", ")) }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "null"
        case .int64(let number): "integer \(number)"
        case .double(let number): "real \(number) (0x\(String(number.bitPattern, radix: 16)))"
        case .string(let text): "text \(String(reflecting: text))"
        case .blob(let data): "blob \(Array(data))"
        }
    }
}

extension CacheRowBatch {
    /// Every row of the batch as a `CacheRow`, with the version `CacheWriter.upsert(_:outcome:)`
    /// compares for it (which reads only integer values, unlike `CacheRow`'s).
    package func cacheRowsWithVersions() -> [(row: CacheRow, version: [Int64])] {
        body.withUnsafeBufferPointer { body in
            owned.withUnsafeBufferPointer { owned in
                let texts = BatchTexts(body: body, owned: owned)
                return rows.map { row in
                    (cacheRow(row, texts: texts), version(of: row, indexes: row.table.versionColumnIndexes))
                }
            }
        }
    }

    /// The version of `row`, read from the columns at `indexes` as the batch upsert reads it.
    func version(of row: Row, indexes: [Int]) -> [Int64] {
        indexes.map { index in
            if case .integer(let number) = values[Int(row.valueStart) + index] { return number }
            return Int64.min
        }
    }
}
