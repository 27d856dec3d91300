import DeskstatCache
import Foundation
import GRDB
import Testing

/// Paths that cannot be a cache get one message each, whoever opens them.
@Suite struct CacheFileTests {
    let directory = NSTemporaryDirectory() + "deskstat-cache-file-test-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func reason(_ path: String, mode: Cache.Mode) -> String? {
        do {
            try CacheFile.check(path, mode: mode)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aDirectoryIsNamedAsOne() throws {
        let path = directory + "/folder.sqlite"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for mode in [Cache.Mode.readOnly, .readWrite] {
            #expect(reason(path, mode: mode)?.contains("it is a directory, not a cache file") == true)
        }
    }

    @Test func anEmptyFileIsNotAnOldCache() throws {
        let path = directory + "/empty.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(reason(path, mode: .readOnly)?.contains("the file is empty (0 bytes), not a deskstat cache") == true)
        #expect(reason(path, mode: .readWrite) == nil, "import may create a cache in an empty file")
        #expect { _ = try Cache.open(at: path, mode: .readOnly) } throws: { !"\($0)".contains("upgrade") }
    }

    @Test func aTextFileIsNotSQLite() throws {
        let path = directory + "/notes.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data("hello\n".utf8))
        for mode in [Cache.Mode.readOnly, .readWrite] {
            #expect(reason(path, mode: mode)?.contains("not an SQLite database") == true)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("hello\n".utf8))
    }

    @Test func anEmptySQLiteDatabaseIsNotCalledOld() throws {
        let path = directory + "/blank.sqlite"
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE t (x); DROP TABLE t") }
        #expect { _ = try Cache.open(at: path, mode: .readOnly) } throws: {
            "\($0)".contains("holds no deskstat data") && !"\($0)".contains("upgrade")
        }
    }

    @Test func queryGivesTheSameMessage() throws {
        let path = directory + "/notes.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data("hello\n".utf8))
        let expected = reason(path, mode: .readOnly)
        #expect { _ = try ReadOnlyQuery(path: path).run("SELECT 1") } throws: { "\($0)" == expected }
    }
}
