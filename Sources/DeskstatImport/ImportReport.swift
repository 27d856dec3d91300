public import DeskstatCache

/// Counts of what an import did to one table.
public struct TableCounts: Sendable, Equatable, Codable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var skipped = 0

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0, skipped: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.skipped = skipped
    }

    /// All records seen.
    public var total: Int { inserted + updated + unchanged + skipped }

    mutating func add(_ outcome: UpsertOutcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .skipped: skipped += 1
        }
    }

    /// Adds another set of counts (several files into one summary).
    public mutating func add(_ other: TableCounts) {
        inserted += other.inserted
        updated += other.updated
        unchanged += other.unchanged
        skipped += other.skipped
    }
}

/// The result of an import: per-table counts, files imported, files that failed, and warnings.
public struct ImportReport: Sendable, Equatable {
    public var tables: [CacheTable: TableCounts] = [:]
    public var filesImported = 0
    public var failures: [ImportFailure] = []
    /// Things worth knowing that did not stop the import (unknown keys in a body, …).
    public var warnings: [String] = []

    public init() {}

    /// Total records seen across tables.
    public var records: Int { tables.values.reduce(0) { $0 + $1.total } }
}

/// Progress of a running import, for a progress bar.
public struct ImportProgress: Sendable {
    public let filesDone: Int
    public let filesTotal: Int
    public let bytesDone: Int64
    public let bytesTotal: Int64
    public let records: Int
}
