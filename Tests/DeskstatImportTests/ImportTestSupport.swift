import DeskstatCache
import DeskstatImport
import Foundation
import GRDB
import Testing

/// A fresh cache in a new temporary directory, with helpers to import text and inspect the result.
struct ImportFixture {
    let directory: String
    let cache: Cache

    init() throws {
        directory = NSTemporaryDirectory() + "deskstat-import-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        cache = try Cache.open(at: directory + "/cache.sqlite")
    }

    /// Writes `text` to `name` in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func importer(table: String? = nil, keepGoing: Bool = false) -> Importer {
        Importer(
            cache: cache, options: .init(table: table.flatMap { .named($0) }, keepGoing: keepGoing, now: 1_763_900_000))
    }

    /// Imports the given paths. Every body any import test imports is also a case of the
    /// differential test: where the fast path takes it, it must agree with the reference path.
    @discardableResult
    func run(_ paths: [String], table: String? = nil, keepGoing: Bool = false) throws -> ImportReport {
        let sources = try ImportSource.resolve(paths)
        for source in sources where source.path != "-" {
            guard let bytes = FileManager.default.contents(atPath: source.path) else { continue }
            let outcome = FastPathCheck.compare(Array(bytes), name: (source.path as NSString).lastPathComponent)
            if case .different(let difference) = outcome { Issue.record("\(source.path): \(difference)") }
        }
        return try importer(table: table, keepGoing: keepGoing).run(sources)
    }

    @discardableResult
    func importText(_ text: String, name: String = "body.json", table: String? = nil) throws -> ImportReport {
        try run([try write(name, text)], table: table)
    }

    func scalar<T: DatabaseValueConvertible>(_ sql: String) throws -> T? {
        try cache.read { db in try T.fetchOne(db, sql: sql) }
    }

    func count(_ table: String) throws -> Int {
        try scalar("SELECT COUNT(*) FROM \(table)") ?? -1
    }

    /// The cache's main file and WAL, byte for byte.
    func fileBytes() -> [Data] {
        [cache.path, cache.path + "-wal"].map { FileManager.default.contents(atPath: $0) ?? Data() }
    }
}

/// A minimal valid ticket body with the given fields overriding defaults.
func ticketJSON(
    id: Int, status: String = "open", generated: Int = 1_763_400_000, updatedAt: String = "2026-11-17T10:00:00Z",
    extra: String = ""
) -> String {
    """
    {"id": \(id), "status": "\(status)", "priority": "normal", "created_at": "2026-11-17T09:00:00Z",
     "updated_at": "\(updatedAt)", "generated_timestamp": \(generated), "tags": ["a"]\(extra)}
    """
}
