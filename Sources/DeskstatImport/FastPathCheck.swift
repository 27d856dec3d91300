import DeskstatCache

/// The importer's fast path (`FastBody`) compared with its reference path (`Envelope.parse` and
/// `RecordMapper`) on one body: the fast path must decline the body or produce exactly the rows,
/// versions and warnings the reference path produces. The differential test and the `import`
/// fuzz target (`fuzz/ImportFuzzer.swift`) both run this one comparison.
package enum FastPathCheck {
    package enum Outcome: Equatable, Sendable {
        /// The fast path left the body to the reference path.
        case declined
        /// The fast path took the body and agrees with the reference path on its rows.
        case same(rows: Int)
        /// The fast path took the body and disagrees: what differs, for a test failure or a crash.
        case different(String)
    }

    /// Runs both paths on `bytes` as a `.json` file named `name` (the fast path never sees NDJSON).
    package static func compare(_ bytes: [UInt8], name: String = "body.json") -> Outcome {
        guard let fast = FastBody.decode(bytes) else { return .declined }
        let importer = Importer(openingCacheAt: name, options: Importer.Options(now: 0))
        let reference: ([CacheRow], [String])
        do {
            reference = try importer.parse(bytes, source: .inMemory(name: name, bytes: bytes))
        } catch {
            return .different("the fast path took a body the reference path rejects: \(error.description)")
        }
        let fastWarnings = fast.unknownKeys.map { Importer.ignoredKeyWarning(name, $0) }
        if fastWarnings != reference.1 {
            return .different("warnings: fast path \(fastWarnings), reference path \(reference.1)")
        }
        let fastRows = fast.batch.cacheRowsWithVersions()
        if fastRows.count != reference.0.count {
            return .different("row count: fast path \(fastRows.count), reference path \(reference.0.count)")
        }
        for (index, (fastRow, referenceRow)) in zip(fastRows, reference.0).enumerated() {
            let fastText = fastRow.row.fullDescription
            let referenceText = referenceRow.fullDescription
            if fastText != referenceText {
                return .different("row \(index):\nfast path:\n\(fastText)\nreference path:\n\(referenceText)")
            }
            if fastRow.row.rawJSON != referenceRow.rawJSON {
                let common = zip(fastRow.row.rawJSON.utf8, referenceRow.rawJSON.utf8).prefix { $0 == $1 }.count
                return .different(
                    "row \(index): raw JSON differs from byte \(common) (fast path \(fastRow.row.rawJSON.utf8.count) "
                        + "bytes, reference path \(referenceRow.rawJSON.utf8.count))")
            }
            if fastRow.version != referenceRow.version {
                return .different(
                    "row \(index): the batch upsert compares version \(fastRow.version), the row upsert "
                        + "\(referenceRow.version)")
            }
        }
        return .same(rows: fastRows.count)
    }
}
