import Foundation
import GRDB
import Testing

/// Two writers on one cache, and readers while a writer works (WAL).
@Suite(.serialized) struct ConcurrencyTests {
    /// Two imports of disjoint accounts at once, into a fresh cache (both create and migrate it)
    /// and into an existing one: each waits for the other's file transactions (busy timeout) and
    /// both finish, with every record of both in the cache; or the loser exits 1 saying the cache
    /// is locked. Never a corrupt cache, never a lost row.
    @Test(arguments: ["fresh", "existing"])
    func twoWritersBothLandEverything(_ start: String) async throws {
        let checker = Checker()
        let race = Checker()
        let figures = try await Offload.run { try Self.twoWriters(start: start, checker, race: race) }
        for failure in checker.failed + race.failed { Issue.record(Comment(rawValue: failure)) }
        print(figures)
    }

    static func twoWriters(start: String, _ checker: Checker, race: Checker) throws -> String {
        let directory = try makeScratch("two-writers")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try AccountPages.write(into: directory + "/a", files: 30, perPage: 120, prefix: "a")
        let second = try AccountPages.write(
            into: directory + "/b", files: 10, perPage: 120, idOffset: 50_000_000, prefix: "b")
        let cache = directory + "/c.sqlite"
        if start == "existing" {
            let seed = writeFile(
                directory, "seed.json", #"{"groups":[{"id":1,"name":"Seed","updated_at":"2026-01-01T00:00:00Z"}]}"#)
            let seeded = try Deskstat.run(["import", seed, "--cache", cache, "--quiet"], in: directory)
            checker.check(seeded.status == 0, "seed: \(seeded)")
        }
        let a = try Deskstat.start(["import", first.directory, "--cache", cache, "--quiet"], in: directory)
        if start == "existing" {
            // Let the first import get going, so the second arrives while it is writing.
            while a.isRunning && Date().timeIntervalSince(a.started) < 0.3 { usleep(1_000) }
        }
        let b = try Deskstat.start(["import", second.directory, "--cache", cache, "--quiet"], in: directory)
        let resultB = b.wait(timeout: 120)
        let resultA = a.wait(timeout: 120)
        var outcomes: [String] = []
        for (name, result, account) in [("first", resultA, first), ("second", resultB, second)] {
            if result.status == 0 {
                outcomes.append("\(name) ok in \(String(format: "%.2f", result.seconds)) s")
                try checkAllPresent(cache, account, checker, label: "\(start) cache, \(name) import")
            } else if result.stderr.contains("already exists") {
                outcomes.append("\(name) exit \(result.status) (migration race)")
                race.check(false, "\(start): the \(name) import lost the race to create the schema: \(result)")
            } else {
                outcomes.append("\(name) exit \(result.status)")
                checker.check(result.status == 1, "\(start): the \(name) import failed with \(result)")
                checker.check(
                    result.stderr.contains("is locked by"),
                    "\(start): the \(name) import's message does not say the cache is locked: \(result.stderr)")
            }
        }
        let integrity = try CacheProbe.withCopy(of: cache) { try CacheProbe.integrity($0) }
        checker.check(integrity == "ok", "\(start): integrity \(integrity)")
        return
            "[reliability] two writers on a \(start) cache: \(outcomes.joined(separator: ", ")); integrity \(integrity)"
    }

    static func checkAllPresent(_ cache: String, _ account: AccountPages, _ checker: Checker, label: String) throws {
        try CacheProbe.withCopy(of: cache) { queue in
            try queue.read { db in
                for page in account.pages {
                    for (table, ids) in page.expected {
                        let found = try CacheProbe.present(db, table: table, ids: ids).count
                        checker.check(
                            found == ids.count,
                            "\(label): \((page.path as NSString).lastPathComponent) has \(found) of \(ids.count) \(table) rows"
                        )
                    }
                }
            }
        }
    }

    /// Another connection holds the write lock longer than the 10 s busy timeout: the import
    /// waits, then exits 1 saying the cache is locked, and the cache is byte-for-byte unchanged.
    @Test func aWriterBlockedPastTheBusyTimeoutExitsOneAndChangesNothing() async throws {
        let checker = Checker()
        let figures = try await Offload.run { try Self.blockedPastTimeout(checker) }
        for failure in checker.failed { Issue.record(Comment(rawValue: failure)) }
        print(figures)
    }

    static func blockedPastTimeout(_ checker: Checker) throws -> String {
        let directory = try makeScratch("locked")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = directory + "/c.sqlite"
        let seed = writeFile(
            directory, "seed.json", #"{"groups":[{"id":1,"name":"Seed","updated_at":"2026-01-01T00:00:00Z"}]}"#)
        let seeded = try Deskstat.run(["import", seed, "--cache", cache, "--quiet"], in: directory)
        checker.check(seeded.status == 0, "seed: \(seeded)")
        let more = writeFile(
            directory, "more.json", #"{"groups":[{"id":2,"name":"More","updated_at":"2026-01-01T00:00:00Z"}]}"#)

        // Hold the write lock (BEGIN IMMEDIATE) from this process for 13 s.
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let holder = try DatabaseQueue(path: cache, configuration: configuration)
        let release = DispatchSemaphore(value: 0)
        let holding = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                holding.signal()
                _ = release.wait(timeout: .now() + 13)
                try db.execute(sql: "ROLLBACK")
            }
        }
        thread.start()
        holding.wait()
        let before = CacheProbe.fileBytes(cache)
        let blocked = try Deskstat.run(["import", more, "--cache", cache, "--quiet"], in: directory, timeout: 60)
        let after = CacheProbe.fileBytes(cache)
        release.signal()
        checker.check(blocked.status == 1, "expected exit 1 while the cache is locked: \(blocked)")
        checker.check(
            blocked.seconds >= 9, "the import gave up after \(blocked.seconds) s, before the 10 s busy timeout")
        checker.check(
            blocked.stderr.contains("locked"), "the message does not say the cache is locked: \(blocked.stderr)")
        checker.check(blocked.stderr.contains(cache), "the message does not name the cache: \(blocked.stderr)")
        checker.check(before == after, "the refused import changed the cache files")
        // Once the lock is released the same import goes through.
        Thread.sleep(forTimeInterval: 0.2)
        try holder.close()
        let retried = try Deskstat.run(["import", more, "--cache", cache, "--quiet"], in: directory)
        checker.check(retried.status == 0, "retry after the lock is released: \(retried)")
        let message = blocked.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return "[reliability] write lock held past the busy timeout: import exit \(blocked.status) after "
            + "\(String(format: "%.1f", blocked.seconds)) s, message: \(message)"
    }

    /// A deskstat import frozen (SIGSTOP) inside its write transaction holds the lock: a second
    /// import waits the busy timeout, then exits 1 naming the process that holds the lock, and
    /// changes nothing. Once the first resumes, both imports complete.
    @Test func aSecondWriterNamesTheDeskstatProcessHoldingTheLock() async throws {
        let checker = Checker()
        let figures = try await Offload.run { try Self.stoppedHolder(checker) }
        for failure in checker.failed { Issue.record(Comment(rawValue: failure)) }
        print(figures)
    }

    static func stoppedHolder(_ checker: Checker) throws -> String {
        let directory = try makeScratch("stopped")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let account = try AccountPages.write(into: directory + "/pages", files: 30, perPage: 150)
        let cache = directory + "/c.sqlite"
        let seed = writeFile(
            directory, "seed.json", #"{"groups":[{"id":1,"name":"Seed","updated_at":"2026-01-01T00:00:00Z"}]}"#)
        checker.check(
            try Deskstat.run(["import", seed, "--cache", cache, "--quiet"], in: directory).status == 0, "seed import")
        let more = writeFile(
            directory, "more.json", #"{"groups":[{"id":2,"name":"More","updated_at":"2026-01-01T00:00:00Z"}]}"#)

        let holder = try Deskstat.start(["import", account.directory, "--cache", cache, "--quiet"], in: directory)
        var generator = SeededGenerator(seed: 47)
        var attempts = 0
        var caught = false
        while holder.isRunning && attempts < 200 && !caught {
            attempts += 1
            usleep(UInt32.random(in: 20_000...80_000, using: &generator))
            _ = kill(holder.pid, SIGSTOP)
            // Frozen holding the write lock, and past the moment it notes itself as the writer
            // (a note beside the cache naming its pid; a freeze in the microseconds between
            // taking the lock and writing the note would be an artifact of the test).
            caught = try writeLockIsHeld(cache) && notesItself(cache: cache, pid: holder.pid)
            if !caught { _ = kill(holder.pid, SIGCONT) }
        }
        guard caught else {
            holder.kill()
            _ = holder.wait()
            checker.check(false, "could not freeze the first import inside a write transaction in \(attempts) attempts")
            return "[reliability] stopped lock holder: not caught"
        }
        let before = CacheProbe.fileBytes(cache)
        let blocked = try Deskstat.run(["import", more, "--cache", cache, "--quiet"], in: directory, timeout: 60)
        let after = CacheProbe.fileBytes(cache)
        _ = kill(holder.pid, SIGCONT)
        let finished = holder.wait(timeout: 120)
        checker.check(blocked.status == 1, "the second import while the first holds the lock: \(blocked)")
        checker.check(
            blocked.seconds >= 9, "the second import gave up after \(blocked.seconds) s, before the 10 s busy timeout")
        checker.check(
            blocked.stderr.contains("is locked by deskstat import"),
            "no lock message naming the writer: \(blocked.stderr)")
        checker.check(
            blocked.stderr.contains("pid \(holder.pid)"),
            "the message does not name the deskstat process holding the lock (pid \(holder.pid)): \(blocked.stderr)")
        checker.check(before == after, "the refused import changed the cache files")
        checker.check(finished.status == 0, "the first import after SIGCONT: \(finished)")
        try checkAllPresent(cache, account, checker, label: "after the stopped import resumed")
        let retried = try Deskstat.run(["import", more, "--cache", cache, "--quiet"], in: directory)
        checker.check(retried.status == 0, "the second import once the lock is free: \(retried)")
        let integrity = try CacheProbe.withCopy(of: cache) { try CacheProbe.integrity($0) }
        checker.check(integrity == "ok", "integrity \(integrity)")
        let message = blocked.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return
            "[reliability] a deskstat import frozen in its write transaction (caught after \(attempts) tries): the second "
            + "import exits \(blocked.status) after \(String(format: "%.1f", blocked.seconds)) s: \(message)"
    }

    /// Whether a file beside the cache (`c.sqlite-…`, not SQLite's own) names `pid`.
    static func notesItself(cache: String, pid: Int32) -> Bool {
        let folder = (cache as NSString).deletingLastPathComponent
        let name = (cache as NSString).lastPathComponent
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.contains { file in
            guard file.hasPrefix(name + "-"),
                !["-wal", "-shm", "-journal"].contains(String(file.dropFirst(name.count)))
            else {
                return false
            }
            let text = String(
                decoding: FileManager.default.contents(atPath: folder + "/" + file) ?? Data(), as: UTF8.self)
            return text.split(whereSeparator: { !$0.isNumber }).contains { $0 == Substring(String(pid)) }
        }
    }

    /// Whether another connection holds the cache's write lock (BEGIN IMMEDIATE fails at once).
    static func writeLockIsHeld(_ cache: String) throws -> Bool {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let probe = try DatabaseQueue(path: cache, configuration: configuration)
        defer { try? probe.close() }
        do {
            try probe.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
            }
            return false
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return true
        }
    }

    /// `report` and `query` keep answering while an import writes: every run exits 0 with
    /// well-formed JSON, and the ticket count a reader sees never goes down.
    @Test func reportsAndQueriesWorkDuringAnImport() async throws {
        let checker = Checker()
        let figures = try await Offload.run { try Self.readersDuringImport(checker) }
        for failure in checker.failed { Issue.record(Comment(rawValue: failure)) }
        print(figures)
    }

    static func readersDuringImport(_ checker: Checker) throws -> String {
        let directory = try makeScratch("readers")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let account = try AccountPages.write(into: directory + "/pages", files: 60, perPage: 150)
        let cache = directory + "/c.sqlite"
        let seed = writeFile(
            directory, "seed.json", #"{"groups":[{"id":1,"name":"Seed","updated_at":"2026-01-01T00:00:00Z"}]}"#)
        let seeded = try Deskstat.run(["import", seed, "--cache", cache, "--quiet"], in: directory)
        checker.check(seeded.status == 0, "seed: \(seeded)")

        let writer = try Deskstat.start(["import", account.directory, "--cache", cache, "--quiet"], in: directory)
        var reports = 0
        var queries = 0
        var counts: [Int] = []
        while writer.isRunning {
            let report = try Deskstat.run(
                [
                    "report", "weekly", "--cache", cache, "--period", "2026-W39", "--as-of", "2026-10-01T00:00:00Z",
                    "--format", "json",
                ],
                in: directory, timeout: 60)
            reports += 1
            checker.check(report.status == 0, "report during the import: \(report)")
            if report.status == 0 {
                let parsed = try? JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
                checker.check(
                    parsed?["metrics"] != nil,
                    "report JSON during the import is malformed: \(report.stdout.prefix(300))")
            }
            let query = try Deskstat.run(
                ["query", "SELECT COUNT(*) AS n FROM tickets", "--cache", cache, "--format", "json"], in: directory,
                timeout: 60)
            queries += 1
            checker.check(query.status == 0, "query during the import: \(query)")
            if query.status == 0 {
                let rows = (try? JSONSerialization.jsonObject(with: Data(query.stdout.utf8))) as? [[String: Any]]
                let count = rows?.first?["n"] as? Int
                checker.check(count != nil, "query JSON during the import is malformed: \(query.stdout.prefix(300))")
                if let count { counts.append(count) }
            }
        }
        let imported = writer.wait()
        checker.check(imported.status == 0, "the import: \(imported)")
        checker.check(counts == counts.sorted(), "a reader saw the ticket count go down: \(counts)")
        checker.check(reports >= 2, "only \(reports) report runs overlapped the import; make the import longer")
        let distinct = Set(counts).count
        return
            "[reliability] readers during an import of \(String(format: "%.1f", imported.seconds)) s: \(reports) reports "
            + "and \(queries) queries, all exit 0 with valid JSON; \(distinct) distinct ticket counts seen, never decreasing"
    }
}
