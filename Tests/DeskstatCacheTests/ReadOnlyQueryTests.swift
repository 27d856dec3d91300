import DeskstatCache
import Foundation
import GRDB
import Testing

/// `ReadOnlyQuery` on a small SQLite file: empty SQL, refused functions and the time limit.
@Suite struct ReadOnlyQueryTests {
    let directory = NSTemporaryDirectory() + "deskstat-query-test-" + UUID().uuidString
    var path: String { directory + "/q.sqlite" }

    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: directory + "/q.sqlite")
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)")
        }
        try queue.close()
    }

    /// The error `sql` throws, or nil when it runs.
    private func failure(_ sql: String, rowLimit: Int = 1_000_000, timeLimit: Duration? = nil) -> QueryError? {
        do {
            _ = try ReadOnlyQuery(path: path).run(sql, rowLimit: rowLimit, timeLimit: timeLimit)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["", "   \n", ";", " ; ;", "-- only a comment", "/* nothing */"])
    func emptySQLAsksForAStatement(_ sql: String) throws {
        let error = try #require(failure(sql))
        guard case .empty = error else {
            Issue.record("expected .empty, got \(error)")
            return
        }
        #expect(error.description.contains("the SQL is empty"))
        #expect(!error.description.contains("not an error"))
    }

    @Test func anEndlessQueryStopsAtItsTimeLimit() throws {
        let started = ContinuousClock.now
        let error = try #require(failure(Self.endless, timeLimit: .milliseconds(300)))
        let elapsed = ContinuousClock.now - started
        guard case .timedOut(let limit) = error else {
            Issue.record("expected .timedOut, got \(error)")
            return
        }
        #expect(limit == .milliseconds(300))
        #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(10), "took \(elapsed)")
        #expect(error.description.contains("stopped after 0.3 s"))
        #expect(error.description.contains("--timeout"))
    }

    @Test func aTimeLimitInSecondsIsShownWhole() {
        #expect(QueryError.timedOut(.seconds(2)).description.hasPrefix("query: stopped after 2 s"))
    }

    @Test func aQuickQueryWithATimeLimitReturnsItsRows() throws {
        let result = try ReadOnlyQuery(path: path).run("SELECT SUM(x) AS s FROM t", timeLimit: .seconds(5))
        #expect(result.columns == ["s"])
        #expect(result.rows == [[.integer(6)]])
    }

    @Test func theRowLimitStillAppliesWithATimeLimit() throws {
        let sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
        let error = try #require(failure(sql, rowLimit: 10, timeLimit: .seconds(30)))
        guard case .tooManyRows(10) = error else {
            Issue.record("expected .tooManyRows(10), got \(error)")
            return
        }
    }

    @Test(
        arguments: [
            "SELECT fts3_tokenizer('x')", "SELECT fts3_tokenizer('simple')", "SELECT hex(FTS3_TOKENIZER('simple'))",
            "SELECT fts3_tokenizer('simple', x'0000000000000000')", "SELECT load_extension('libc.so.6')",
        ])
    func refusedFunctions(_ sql: String) throws {
        let error = try #require(failure(sql))
        guard case .refused(let message) = error else {
            Issue.record("expected .refused, got \(error)")
            return
        }
        #expect(message.contains("not authorized"))
        #expect(error.description.hasPrefix("query refused:"))
    }

    @Test func ordinaryFunctionsAreAllowed() throws {
        let result = try ReadOnlyQuery(path: path).run("SELECT lower('AB'), length('abc'), json('[1]')")
        #expect(result.rows == [[.text("ab"), .integer(3), .text("[1]")]])
    }
}
