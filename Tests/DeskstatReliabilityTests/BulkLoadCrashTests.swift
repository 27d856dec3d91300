import Foundation
import GRDB
import Testing

/// `kill -9` during the bulk load of a new cache (`Importer(openingCacheAt:)` with several files
/// and no cache at the path): after every kill there is either no cache at the path or the
/// complete one, identical to an uninterrupted import; the next import removes the killed
/// run's private file and gives the same cache. Every kill lands on a fresh path, so every run
/// is a bulk load (`ImportCrashTests` kills bulk loads only in the first run of each chain).
///
/// Knobs (environment): `DESKSTAT_CRASH_BULK_KILLS` (default 12), `DESKSTAT_CRASH_SEED`.
@Suite(.serialized) struct BulkLoadCrashTests {
    @Test func aKilledBulkLoadLeavesNoCacheOrTheWholeOne() async throws {
        let checker = Checker()
        let figures = try await Offload.run { try Self.run(checker) }
        for failure in checker.failed { Issue.record(Comment(rawValue: failure)) }
        print(figures)
    }

    static func run(_ checker: Checker) throws -> String {
        let kills = environmentInt("DESKSTAT_CRASH_BULK_KILLS", default: 12)
        let directory = try makeScratch("bulk-crash")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let account = try AccountPages.write(into: directory + "/pages", files: 16, perPage: 100)

        let reference = directory + "/reference.sqlite"
        let referenceRun = try Deskstat.run(
            ["import", account.directory, "--cache", reference, "--quiet"], in: directory)
        checker.check(referenceRun.status == 0, "\(referenceRun)")
        checker.check(leftovers(directory, "reference.sqlite") == [], "a finished bulk load left its private file")
        let expected = try CacheProbe.withCopy(of: reference) { try CacheProbe.content($0) }
        let indexes = try CacheProbe.withCopy(of: reference) { queue in try Self.indexes(queue) }
        checker.check(indexes.contains("tickets_created_at"), "the rebuilt cache lacks the ticket indexes: \(indexes)")
        let journal = try CacheProbe.withCopy(of: reference) { queue in
            try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        }
        checker.check(journal == "wal", "the published cache is in journal mode \(journal ?? "nil"), not WAL")

        var generator = SeededGenerator(seed: environmentSeed(default: 20_261_204))
        var pending = stratifiedKillPoints(count: kills, duration: referenceRun.seconds, using: &generator)
        var killed = 0
        var noCache = 0
        var wholeCache = 0
        var index = 0
        while !pending.isEmpty && index < 3 * kills {
            var point = pending.removeFirst()
            index += 1
            let name = "killed-\(index).sqlite"
            let cache = directory + "/" + name
            let child = try Deskstat.start(["import", account.directory, "--cache", cache, "--quiet"], in: directory)
            while child.isRunning && Date().timeIntervalSince(child.started) < point { usleep(500) }
            let wasRunning = child.isRunning
            child.kill()
            let result = child.wait()
            if wasRunning && result.signal == SIGKILL {
                killed += 1
            } else {
                // The run finished first: draw the point again within this run's duration.
                checker.check(result.status == 0, "\(result)")
                point = Double.random(in: 0..<max(0.01, result.seconds), using: &generator)
                pending.insert(point, at: 0)
            }
            if FileManager.default.fileExists(atPath: cache) {
                wholeCache += 1
                let content = try CacheProbe.withCopy(of: cache) { queue in
                    let integrity = try CacheProbe.integrity(queue)
                    checker.check(integrity == "ok", "integrity after a kill at \(point) s: \(integrity)")
                    return try CacheProbe.content(queue)
                }
                let differences = CacheProbe.differences(expected, content)
                checker.check(
                    differences.isEmpty, "a cache published before a kill at \(point) s differs: \(differences)")
            } else {
                noCache += 1
            }
            // The next import removes the dead run's private file and ends with the whole cache.
            let finish = try Deskstat.run(["import", account.directory, "--cache", cache, "--quiet"], in: directory)
            checker.check(finish.status == 0, "\(finish)")
            checker.check(leftovers(directory, name) == [], "files left after resuming: \(leftovers(directory, name))")
            let content = try CacheProbe.withCopy(of: cache) { try CacheProbe.content($0) }
            let differences = CacheProbe.differences(expected, content)
            checker.check(differences.isEmpty, "resumed after a kill at \(point) s, the cache differs: \(differences)")
        }
        checker.check(killed >= kills * 2 / 3, "only \(killed) of \(kills) runs were still running when killed")
        checker.check(noCache > 0, "no kill landed before the cache was published")
        return """
            [reliability] bulk load crash test: \(killed) SIGKILLs in \(index) runs into a new cache: \(noCache) left \
            no cache, \(wholeCache) the whole one (never a partial one); every resumed import equals the uninterrupted \
            one (\(expected.values.reduce(0) { $0 + $1.count }) rows) and leaves no private file
            """
    }

    /// Files beside the cache named after it other than the cache, its WAL and shared memory.
    static func leftovers(_ directory: String, _ name: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(name + ".import-") }.sorted()
    }

    static func indexes(_ queue: DatabaseQueue) throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        }
    }
}
