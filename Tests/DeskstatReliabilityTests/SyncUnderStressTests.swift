import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `deskstat sync --verbose` against the fake Zendesk, with readers running beside it and then
/// crashed by signals: reports and queries keep working while the sync writes (WAL), and the API
/// token (or any 8 bytes of it) is in none of the crashed processes' output (stdout, stderr, the
/// crash message) nor in any file the cache leaves behind (database, WAL, shared memory, writer
/// note). A crash prints `CrashGuard`'s one line, never the runtime's register and memory dump.
@Suite(.serialized) struct SyncUnderStressTests {
    static let email = "stress@example.com"
    static let token = "stress-TOKEN-5e6f7a8b9c0d"

    /// Every form the token could leak in: as given, inside the Basic header's Base64, and any
    /// 8 bytes of it (a crash report that dumps memory shows 16 bytes at a time).
    static var secrets: [String] {
        let bytes = Array(token)
        let pieces = (0...(bytes.count - 8)).map { String(bytes[$0..<($0 + 8)]) }
        return [token, Data("\(email)/token:\(token)".utf8).base64EncodedString()] + pieces
    }

    static func arguments(_ url: URL, cache: String) -> [String] {
        [
            "sync", "--base-url", url.absoluteString, "--subdomain", "acme", "--email", email,
            "--start-date", "2026-10-26T00:00:00Z", "--cache", cache, "--incremental-requests-per-minute", "30",
            "--requests-per-minute", "2500", "--verbose",
        ]
    }

    @Test func readersWorkDuringASyncAndCrashesLeakNoToken() async throws {
        let checker = Checker()
        let directory = try makeScratch("sync-stress")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let host = try await Offload.run {
            try FakeZendeskHost(tickets: 40, seed: 23, email: Self.email, token: Self.token)
        }
        do {
            let figures = try await Offload.run { try Self.run(host.url, directory, checker) }
            print(figures)
        } catch {
            try? await Offload.run { host.stop() }
            throw error
        }
        try await Offload.run { host.stop() }
        for failure in checker.failed { Issue.record(Comment(rawValue: failure)) }
    }

    static func run(_ url: URL, _ directory: String, _ checker: Checker) throws -> String {
        let cache = directory + "/c.sqlite"
        let environment = ["ZENDESK_API_TOKEN": token]
        var lines: [String] = []

        // 1. Readers while the first sync writes.
        let writer = try Deskstat.start(arguments(url, cache: cache), in: directory, environment: environment)
        let (reports, queries, counts) = try readers(while: writer, cache: cache, directory: directory, checker)
        let first = writer.wait(timeout: 180)
        checker.check(first.status == 0, "the sync beside readers: \(first)")
        checkNoSecret(in: first.stdout + first.stderr, "the first sync's output", checker)
        checker.check(reports >= 2, "only \(reports) reports overlapped the sync")
        checker.check(counts == counts.sorted(), "a reader saw the ticket count go down: \(counts)")
        lines.append(
            "\(reports) reports and \(queries) queries during a \(String(format: "%.1f", first.seconds)) s sync, "
                + "all exit 0 with valid JSON, ticket counts \(counts.first ?? 0)…\(counts.last ?? 0) never decreasing")

        // 2. Crash later syncs (a fresh cache each) with signals the runtime reports on, and SIGKILL.
        for (name, signal) in [("SIGABRT", SIGABRT), ("SIGSEGV", SIGSEGV), ("SIGKILL", SIGKILL)] {
            let crashCache = directory + "/crash-\(name).sqlite"
            let child = try Deskstat.start(arguments(url, cache: crashCache), in: directory, environment: environment)
            let deadline = Date().addingTimeInterval(20)
            // Wait until it has written something (the cache exists) and is mid-sync.
            while child.isRunning && Date() < deadline && !FileManager.default.fileExists(atPath: crashCache) {
                usleep(20_000)
            }
            usleep(400_000)
            let wasRunning = child.isRunning
            _ = kill(child.pid, signal)
            let result = child.wait(timeout: 60)
            checker.check(wasRunning, "the \(name) sync finished before it could be crashed: \(result)")
            if signal != SIGKILL {
                // CrashGuard: one fixed line, exit 128 + signal, no crash report with registers or memory.
                checker.check(result.status == 128 + signal, "the \(name) crash exited \(result.status)")
                checker.check(
                    result.stderr.contains("deskstat: crashed on a fatal signal; no memory was printed")
                        && !result.stderr.contains("Registers"),
                    "the \(name) crash report: \(result.stderr.suffix(500))")
            }
            checkNoSecret(in: result.stdout + result.stderr, "output of the sync crashed by \(name)", checker)
            let files = checkCacheFiles(crashCache, "the cache of the sync crashed by \(name)", checker)
            lines.append(
                "\(name): ended by signal \(result.signal.map(String.init) ?? "none") (status \(result.status)), "
                    + "\(result.stderr.utf8.count) bytes of stderr and \(files) cache files without the token")
        }
        let files = checkCacheFiles(cache, "the synced cache", checker)
        lines.append("the complete sync's \(files) cache files hold no token")
        return "[reliability] sync under stress: " + lines.joined(separator: "; ")
    }

    /// Reports and queries in a loop until the writer ends.
    static func readers(while writer: Child, cache: String, directory: String, _ checker: Checker) throws
        -> (Int, Int, [Int])
    {
        var reports = 0
        var queries = 0
        var counts: [Int] = []
        // The cache exists once the sync has created its schema.
        while writer.isRunning && !FileManager.default.fileExists(atPath: cache + "-wal") { usleep(20_000) }
        while writer.isRunning {
            let report = try Deskstat.run(
                [
                    "report", "weekly", "--cache", cache, "--period", "2026-W45", "--as-of", "2026-11-10T00:00:00Z",
                    "--format", "json",
                ], in: directory, timeout: 60)
            reports += 1
            checker.check(report.status == 0, "report during the sync: \(report)")
            if report.status == 0 {
                let parsed = try? JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
                checker.check(parsed?["metrics"] != nil, "report JSON during the sync: \(report.stdout.prefix(300))")
            }
            let query = try Deskstat.run(
                ["query", "SELECT COUNT(*) AS n FROM tickets", "--cache", cache, "--format", "json"], in: directory,
                timeout: 60)
            queries += 1
            checker.check(query.status == 0, "query during the sync: \(query)")
            let rows = (try? JSONSerialization.jsonObject(with: Data(query.stdout.utf8))) as? [[String: Any]]
            if let count = rows?.first?["n"] as? Int { counts.append(count) }
        }
        return (reports, queries, counts)
    }

    static func checkNoSecret(in text: String, _ what: String, _ checker: Checker) {
        for secret in secrets { checker.check(!text.contains(secret), "\(what) contains the token") }
    }

    /// Checks every file of the cache for the token's bytes; returns how many files there were.
    static func checkCacheFiles(_ cache: String, _ what: String, _ checker: Checker) -> Int {
        var found = 0
        for suffix in ["", "-wal", "-shm", "-writer"] {
            guard let bytes = FileManager.default.contents(atPath: cache + suffix) else { continue }
            found += 1
            for secret in secrets {
                checker.check(bytes.range(of: Data(secret.utf8)) == nil, "\(what) (\(suffix)) contains the token")
            }
        }
        checker.check(found > 0, "\(what): no cache file to check")
        return found
    }
}
