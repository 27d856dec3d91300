public import DeskstatCache
import DeskstatHistory
import Foundation
public import ZendeskWire

/// Imports API-shaped JSON files into the cache, one transaction per file.
///
/// Each file is parsed and mapped completely before anything is written, and then written in a
/// single transaction, so a malformed or failing file leaves the cache exactly as it was.
public struct Importer: Sendable {
    /// Options that change how files are read.
    public struct Options: Sendable {
        /// The table bare records (NDJSON lines, or a single bare object) belong to.
        public var table: WireTable?
        /// Go on after a bad file and report all failures at the end.
        public var keepGoing: Bool
        /// When the import runs (epoch seconds), recorded for `status`; passed in, never read from a clock here.
        public var now: Int64

        public init(table: WireTable? = nil, keepGoing: Bool = false, now: Int64) {
            self.table = table
            self.keepGoing = keepGoing
            self.now = now
        }
    }

    public let options: Options
    /// The cache written to: open from the start, or opened with the first file that decodes.
    let target: CacheTarget

    /// Imports into an open cache.
    public init(cache: Cache, options: Options) {
        self.target = CacheTarget(cache: cache)
        self.options = options
    }

    /// Imports into the cache at `path`, opening it (and so creating it, when it does not exist)
    /// only once the first file has been read and decoded: an import whose every input fails
    /// leaves no new, empty cache behind.
    ///
    /// Several files into a path where no cache exists are bulk-loaded: written into a private
    /// file and published whole at the end (`Cache.publishBulkLoad`), so until the import ends
    /// there is no cache at `path`, and a killed import leaves none.
    public init(openingCacheAt path: String, options: Options) {
        self.target = CacheTarget(path: path)
        self.options = options
    }

    /// Imports every source in order. Throws the first failure, or with `keepGoing` a `.partial`
    /// error listing the failures after importing everything else (the report comes with it via `onReport`).
    ///
    /// Reading and decoding files *n + 1* and *n + 2* runs on two other threads while file *n* is
    /// written, so parsing and SQLite overlap and decoding, the longer of the two on large inputs,
    /// uses both cores; files are still written one at a time, in order, each in its own
    /// transaction, and at most three files are held in memory.
    public func run(
        _ sources: [ImportSource], progress: (ImportProgress) -> Void = { _ in }
    ) throws(ImportError) -> ImportReport {
        guard sources.count > 1, target.beginBulkLoadIfNew() else { return try runFiles(sources, progress: progress) }
        let result: Result<ImportReport, ImportError>
        do {
            result = .success(try runFiles(sources, progress: progress))
        } catch {
            result = .failure(error)  // the files written before the failure are published, as without a bulk load
        }
        let published: Bool
        do {
            published = try target.publishBulkLoad()
        } catch {
            throw .cache(path: target.path, error: error)
        }
        guard published else {
            // A cache appeared at the path meanwhile (another import): import into it instead.
            return try Importer(openingCacheAt: target.path, options: options).runFiles(sources, progress: progress)
        }
        return try result.get()
    }

    /// `run(_:progress:)` into the target as it is; then the compact timeline of every ticket whose
    /// history the files changed, and the metric-event pack of every ticket whose metric events
    /// they changed, is built once per ticket (the files' transactions leave them
    /// queued: see `Cache.deferringDerivedRowRebuilds()`), also after a failure, for the files written.
    func runFiles(
        _ sources: [ImportSource], progress: (ImportProgress) -> Void
    ) throws(ImportError) -> ImportReport {
        let result = Result { () throws(ImportError) -> ImportReport in try writeFiles(sources, progress: progress) }
        if let cache = target.openCache {
            do {
                try cache.rebuildStaleDerivedRows()
            } catch {
                // A file's own failure says more; the queued tickets wait for the next writer.
                if case .failure = result { return try result.get() }
                throw .cache(path: target.path, error: error)
            }
        }
        return try result.get()
    }

    /// Writes every source in order, each file in its own transaction.
    private func writeFiles(
        _ sources: [ImportSource], progress: (ImportProgress) -> Void
    ) throws(ImportError) -> ImportReport {
        var report = ImportReport()
        let bytesTotal = sources.reduce(Int64(0)) { $0 + $1.size }
        var bytesDone: Int64 = 0
        // Bulk-write tuning changes speed only: if it fails, nothing imports differently, and the
        // write that follows reports any real problem with the cache.
        if !sources.isEmpty, let cache = target.openCache { try? cache.prepareForBulkWrites() }
        // The next `Self.lookahead` files decode on other threads while this one is written.
        var ahead = sources.prefix(Self.lookahead).map { prepareInBackground($0) }
        for (index, source) in sources.enumerated() {
            let prepared = ahead.isEmpty ? prepare(source) : ahead.removeFirst().wait()
            if index + Self.lookahead < sources.count {
                ahead.append(prepareInBackground(sources[index + Self.lookahead]))
            }
            if case .success = prepared, target.openCache == nil {
                // The first file to decode opens (creates) the cache; failing to open it stops
                // the import, even with --keep-going: no later file could be written either.
                let cache: Cache
                do {
                    cache = try target.open()
                } catch {
                    throw .cache(path: source.displayName, error: error)
                }
                try? cache.prepareForBulkWrites()  // speed only (see above)
            }
            do {
                let (counts, warnings) = try write(try prepared.get(), source: source)
                for (table, tableCounts) in counts { report.tables[table, default: TableCounts()].add(tableCounts) }
                report.warnings += warnings
                report.filesImported += 1
            } catch {
                guard options.keepGoing else { throw error }
                report.failures.append(
                    ImportFailure(
                        path: source.displayName, message: error.description,
                        isDataError: error.isDataError))
            }
            bytesDone += source.size
            progress(
                ImportProgress(
                    filesDone: index + 1, filesTotal: sources.count, bytesDone: bytesDone, bytesTotal: bytesTotal,
                    records: report.records))
        }
        return report
    }

    /// A file read and decoded, ready to be written.
    enum PreparedFile: Sendable {
        /// The fast path's rows (see `FastBody`).
        case batch(CacheRowBatch, warnings: [String])
        /// The reference path's rows.
        case rows([CacheRow], warnings: [String])
    }

    /// How many files decode ahead of the one being written.
    static let lookahead = 2

    /// Reads and decodes `source` on another thread.
    func prepareInBackground(_ source: ImportSource) -> Pending<Result<PreparedFile, ImportError>> {
        Pending.start { [self] in prepare(source) }
    }

    /// Reads and decodes one file: the fast path when it takes the body, else the reference path.
    func prepare(_ source: ImportSource) -> Result<PreparedFile, ImportError> {
        do throws(ImportError) {
            let bytes = try source.read()
            if !source.isLineDelimited, let decoded = FastBody.decode(bytes) {
                let name = source.displayName
                return .success(
                    .batch(decoded.batch, warnings: decoded.unknownKeys.map { Self.ignoredKeyWarning(name, $0) }))
            }
            let (rows, warnings) = try parse(bytes, source: source)
            return .success(.rows(rows, warnings: warnings))
        } catch {
            return .failure(error)
        }
    }

    /// Writes one decoded file in one transaction.
    func write(_ prepared: PreparedFile, source: ImportSource) throws(ImportError) -> (
        [CacheTable: TableCounts], [String]
    ) {
        var counts: [CacheTable: TableCounts] = [:]
        let warnings: [String]
        do {
            let cache = try target.open()
            switch prepared {
            case .batch(let batch, let batchWarnings):
                warnings = batchWarnings
                try cache.write { writer in
                    try writer.upsert(batch) { table, outcome in counts[table, default: TableCounts()].add(outcome) }
                    try writer.recordActivity(.import, tables: counts.keys, at: options.now)
                }
            case .rows(let rows, let rowWarnings):
                warnings = rowWarnings
                try cache.write { writer in
                    for row in rows { counts[row.table, default: TableCounts()].add(try writer.upsert(row)) }
                    try writer.recordActivity(.import, tables: counts.keys, at: options.now)
                }
            }
        } catch let error as CacheError {
            throw .cache(path: source.displayName, error: error)
        } catch {
            throw .cache(path: source.displayName, error: .database(message: String(describing: error), sql: nil))
        }
        return (counts, warnings)
    }

    static func ignoredKeyWarning(_ name: String, _ key: String) -> String {
        "\(name): ignored top-level key \"\(key)\" (not a table deskstat imports)"
    }

    /// Turns a file's bytes into cache rows, or throws naming where the input is wrong.
    func parse(_ bytes: [UInt8], source: ImportSource) throws(ImportError) -> ([CacheRow], [String]) {
        let name = source.displayName
        guard source.isLineDelimited else {
            do {
                return try parseBody(bytes, name: name)
            } catch {
                throw .malformed(path: name, line: nil, error: error)
            }
        }
        var rows: [CacheRow] = []
        var warnings: [String] = []
        for (lineNumber, line) in Self.lines(of: bytes) {
            do {
                if let table = options.table {
                    let record = try Envelope.parseBareRecord(line, table: table, index: lineNumber - 1)
                    rows += try RecordMapper.rows(for: record, table: table)
                } else {
                    let (lineRows, lineWarnings) = try parseBody(line, name: "\(name) line \(lineNumber)")
                    rows += lineRows
                    warnings += lineWarnings
                }
            } catch {
                throw .malformed(path: name, line: lineNumber, error: error)
            }
        }
        if rows.isEmpty && warnings.isEmpty { throw .malformed(path: name, line: nil, error: .empty) }
        return (rows, warnings)
    }

    private func parseBody(_ bytes: [UInt8], name: String) throws(WireError) -> ([CacheRow], [String]) {
        let envelope: Envelope
        do {
            envelope = try Envelope.parse(bytes)
        } catch .unknownBody(let keys) where options.table != nil {
            // A single bare record named with --table.
            guard let table = options.table else { throw .unknownBody(keys: keys) }
            let record = try Envelope.parseBareRecord(bytes, table: table, index: 0)
            return (try RecordMapper.rows(for: record, table: table), [])
        }
        var rows: [CacheRow] = []
        for section in envelope.sections {
            rows += try RecordMapper.rows(for: section, in: envelope)
        }
        let warnings = envelope.unknownKeys.map { Self.ignoredKeyWarning(name, $0) }
        return (rows, warnings)
    }

    /// Non-blank lines with their 1-based numbers.
    static func lines(of bytes: [UInt8]) -> [(Int, [UInt8])] {
        var result: [(Int, [UInt8])] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            result.append((lineNumber, Array(line)))
        }
        return result
    }
}

/// The cache an import writes to, opened at most once (see `Importer.init(openingCacheAt:options:)`).
final class CacheTarget: @unchecked Sendable {
    private let lock = NSLock()
    /// The cache's path.
    let path: String
    private var cache: Cache?
    /// A bulk load: whether one was begun, and once its private file is open, the indexes to rebuild.
    private var bulkLoad = false
    private var bulkIndexes: [String]?

    /// The files' transactions queue the tickets whose history they changed; the import rebuilds
    /// them at its end (`Importer.runFiles`).
    init(cache: Cache) {
        self.path = cache.path
        self.cache = cache.derivingTimelines(with: TimelineCodec()).deferringDerivedRowRebuilds()
    }

    init(path: String) {
        self.path = path
    }

    /// The cache if it is open.
    var openCache: Cache? {
        lock.lock()
        defer { lock.unlock() }
        return cache
    }

    /// The cache, opened (created and migrated if need be) on the first call.
    func open() throws(CacheError) -> Cache {
        lock.lock()
        defer { lock.unlock() }
        if let cache { return cache }
        if bulkLoad {
            if let opened = openBulkLoad() { return opened }
            bulkLoad = false  // the private file cannot be made: the cache's own path names the problem
        }
        let opened = try Cache.open(at: path, mode: .readWrite, timelines: TimelineCodec())
            .deferringDerivedRowRebuilds()
        cache = opened
        return opened
    }

    /// Chooses a bulk load when no cache is open and none exists at the path. Call before `open`.
    func beginBulkLoadIfNew() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard cache == nil, !FileManager.default.fileExists(atPath: path) else { return false }
        bulkLoad = true
        return true
    }

    private func openBulkLoad() -> Cache? {
        Cache.removeAbandonedBulkLoads(for: path)
        let privatePath = Cache.bulkLoadPath(for: path)
        guard !FileManager.default.fileExists(atPath: privatePath),
            let opened = try? Cache.open(at: privatePath, mode: .readWrite, timelines: TimelineCodec())
                .deferringDerivedRowRebuilds()
        else { return nil }
        do {
            bulkIndexes = try opened.beginBulkLoad()
        } catch {
            opened.abandonBulkLoad()
            return nil
        }
        cache = opened
        return opened
    }

    /// Ends a bulk load: publishes the private file at the path (true), or, when a cache
    /// appeared there meanwhile, removes it (false). True when no bulk load wrote anything.
    func publishBulkLoad() throws(CacheError) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard bulkLoad, let cache, let indexes = bulkIndexes else { return true }
        self.cache = nil
        bulkLoad = false
        bulkIndexes = nil
        do {
            if try cache.publishBulkLoad(indexes: indexes, to: path) { return true }
        } catch let error as CacheError {
            cache.abandonBulkLoad()
            throw error
        } catch {
            cache.abandonBulkLoad()
            throw .database(message: String(describing: error), sql: nil)
        }
        cache.abandonBulkLoad()
        return false
    }
}
