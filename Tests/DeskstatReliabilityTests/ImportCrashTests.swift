import Foundation
import GRDB
import Testing

/// `kill -9` during `deskstat import`, at many seeded random points: the cache must always pass
/// `PRAGMA integrity_check`, every file must be in it entirely or not at all, and finishing the
/// import afterwards must give exactly the cache an uninterrupted import gives.
///
/// Knobs (environment): `DESKSTAT_CRASH_IMPORT_KILLS` (default 24), `DESKSTAT_CRASH_IMPORT_PER_PAGE`
/// (records per file, default 100), `DESKSTAT_CRASH_SEED`.
@Suite(.serialized) struct ImportCrashTests {
    @Test func killedImportsLeaveAConsistentCacheAndResumeToTheSameContent() async throws {
        let checker = Checker()
        let figures = try await Offload.run { try Self.run(checker) }
        for failure in checker.failed { Issue.record(Comment(rawValue: failure)) }
        print(figures)
    }

    static func run(_ checker: Checker) throws -> String {
        let kills = environmentInt("DESKSTAT_CRASH_IMPORT_KILLS", default: 24)
        let perPage = environmentInt("DESKSTAT_CRASH_IMPORT_PER_PAGE", default: 100)
        let chains = max(1, min(6, kills / 4))
        let directory = try makeScratch("import-crash")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let account = try AccountPages.write(into: directory + "/pages", files: 20, perPage: perPage)

        // Every cache starts from a one-record seed, so the kills land in the per-file write path
        // (into a path without a cache, the import is a bulk load, which `BulkLoadCrashTests` kills).
        let seed = writeFile(
            directory, "seed.json", #"{"groups":[{"id":999999001,"name":"Seed","updated_at":"2026-01-01T00:00:00Z"}]}"#)
        func seeded(_ cache: String) throws {
            let run = try Deskstat.run(["import", seed, "--cache", cache, "--quiet"], in: directory)
            checker.check(run.status == 0, "seed: \(run)")
        }
        // The reference: one uninterrupted import, which also gives the duration kills are drawn from.
        let reference = directory + "/reference.sqlite"
        try seeded(reference)
        let referenceRun = try Deskstat.run(
            ["import", account.directory, "--cache", reference, "--quiet"], in: directory)
        checker.check(referenceRun.status == 0, "\(referenceRun)")
        let duration = referenceRun.seconds
        let expected = try CacheProbe.withCopy(of: reference) { try CacheProbe.content($0) }
        checker.check(
            expected["tickets"]?.count == account.pages.filter { $0.path.hasSuffix("tickets.json") }.count * perPage,
            "the reference holds every ticket")

        var generator = SeededGenerator(seed: environmentSeed(default: 20_261_130))
        let points = stratifiedKillPoints(count: kills, duration: duration, using: &generator).sorted()
        var killed = 0
        var integrityChecks = 0
        var midImport = 0
        var finishedBeforeKill = 0
        var completeFilesAtKill: [Int] = []
        var compared = 0
        var killedBeforeSchema = 0
        for chain in 0..<chains {
            let cache = directory + "/chain-\(chain).sqlite"
            try seeded(cache)
            // Each chain gets every `chains`-th point, ascending: every run is killed a little later
            // than the one before, on a cache the previous kill left behind.
            var pending = stride(from: chain, to: points.count, by: chains).map { points[$0] }
            var attempts = 0
            while !pending.isEmpty && attempts < 3 * kills {
                attempts += 1
                var point = pending.removeFirst()
                let child = try Deskstat.start(
                    ["import", account.directory, "--cache", cache, "--quiet"], in: directory)
                while child.isRunning && Date().timeIntervalSince(child.started) < point { usleep(500) }
                let wasRunning = child.isRunning
                child.kill()
                let result = child.wait()
                if wasRunning && result.signal == SIGKILL {
                    killed += 1
                } else {
                    // The run finished first (a resumed import skips unchanged files faster than
                    // the reference ran): draw the point again within this run's duration.
                    finishedBeforeKill += 1
                    checker.check(result.status == 0, "\(result)")
                    point = Double.random(in: 0..<max(0.01, result.seconds), using: &generator)
                    pending.insert(point, at: 0)
                }
                guard FileManager.default.fileExists(atPath: cache) else { continue }
                let complete = try CacheProbe.withCopy(of: cache) { queue -> Int in
                    let integrity = try CacheProbe.integrity(queue)
                    checker.check(integrity == "ok", "integrity after a kill at \(point) s: \(integrity)")
                    integrityChecks += 1
                    // Killed while the new cache was being created: the schema's migrations are
                    // transactions, so the file holds no account table or all of them.
                    let tables = Set(try queue.read { try CacheProbe.tables($0) }).subtracting(CacheProbe.bookkeeping)
                    let accountTables = Set(expected.keys).subtracting(["deskstat_sync_queue"])
                    guard tables.isSuperset(of: accountTables) else {
                        checker.check(
                            tables.isDisjoint(with: accountTables),
                            "half a schema after a kill at \(point) s: \(tables.sorted())")
                        killedBeforeSchema += 1
                        return 0
                    }
                    return try Self.checkWholeFiles(checker, queue, account: account, killedAt: point)
                }
                completeFilesAtKill.append(complete)
                if complete > 0 && complete < account.pages.count { midImport += 1 }
            }
            // Finish the import and compare every table with the uninterrupted reference.
            let finish = try Deskstat.run(["import", account.directory, "--cache", cache, "--quiet"], in: directory)
            checker.check(finish.status == 0, "\(finish)")
            let content = try CacheProbe.withCopy(of: cache) { queue in
                let integrity = try CacheProbe.integrity(queue)
                checker.check(integrity == "ok", "integrity after finishing chain \(chain): \(integrity)")
                integrityChecks += 1
                return try CacheProbe.content(queue)
            }
            let differences = CacheProbe.differences(expected, content)
            checker.check(differences.isEmpty, "chain \(chain) differs from the reference: \(differences)")
            compared += 1
        }
        checker.check(killed >= min(kills, 20), "only \(killed) of \(kills) runs were still running when killed")
        let tables = expected.keys.count
        let rows = expected.values.reduce(0) { $0 + $1.count }
        return """
            [reliability] import crash test: \(killed) SIGKILLs survived (\(finishedBeforeKill) runs finished first, \
            \(killedBeforeSchema) while the schema was being created), \
            \(midImport) of them mid-import (some files in, some not); \(integrityChecks) integrity checks "ok"; \
            \(account.pages.count) files × all-or-nothing checked after every kill; complete files at each kill: \
            \(completeFilesAtKill.map(String.init).joined(separator: ","));
            [reliability] import crash test: \(chains) resumed caches identical to the reference in \(tables) tables \
            (\(rows) rows, every column); uninterrupted import \(String(format: "%.2f", duration)) s for \
            \(account.recordCount) records in \(account.pages.count) files (\(account.byteCount / 1024) KiB)
            """
    }

    /// Checks that every file is in the cache entirely or not at all; returns how many are
    /// complete. (They are expected to be a prefix of the sorted import order, but only
    /// all-or-nothing per file is promised, so the order is not asserted.)
    static func checkWholeFiles(
        _ checker: Checker, _ queue: DatabaseQueue, account: AccountPages, killedAt point: Double
    ) throws -> Int {
        try queue.read { db in
            var states: [Bool] = []
            for page in account.pages {
                var present = 0
                for (table, ids) in page.expected {
                    present += try CacheProbe.present(db, table: table, ids: ids).count
                }
                let name = (page.path as NSString).lastPathComponent
                checker.check(
                    present == 0 || present == page.recordCount,
                    "\(name) is half imported after a kill at \(String(format: "%.3f", point)) s: \(present) of \(page.recordCount) records"
                )
                states.append(present == page.recordCount)
            }
            return states.filter { $0 }.count
        }
    }
}
