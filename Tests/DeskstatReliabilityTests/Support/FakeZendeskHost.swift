import FakeZendesk
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a `FakeZendeskServer` in a child process: this test bundle, re-executed with a filter
/// that selects only `FakeZendeskHostProcess/host()`.
///
/// Why not in this process: the fake server runs on Swift's cooperative thread pool, which has
/// one thread per core (two in CI). Other targets' tests block those threads while they wait for
/// a `deskstat` child process, and then the in-process server answers nothing for seconds — a
/// killed-and-resumed sync would measure the test suite's load, not deskstat. In its own
/// process the server has its own pool.
///
/// The two processes talk through files in a folder: the host writes `url`; the test creates
/// `dump` (the host answers with `requests.json`), `clear`, or `stop`.
final class FakeZendeskHost: @unchecked Sendable {
    let directory: String
    let process: Process
    let url: URL

    struct Request: Codable, Sendable {
        let path: String
        let receivedAt: Double
    }

    static let environmentKey = "DESKSTAT_FAKE_ZENDESK_HOST_DIR"

    /// Starts the host and waits until it listens.
    init(tickets: Int, seed: UInt64, email: String, token: String) throws {
        directory = try makeScratch("fake-host")
        process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--testing-library", "swift-testing", "--filter", "FakeZendeskHostProcess"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.environmentKey] = directory
        environment["DESKSTAT_FAKE_ZENDESK_HOST_SPEC"] = "\(tickets) \(seed) \(email) \(token)"
        process.environment = environment
        let output = FileHandle(forWritingAtPath: "/dev/null")
        let hostLog = try FileHandle(forWritingTo: URL(fileURLWithPath: writeFile(directory, "host.log", "")))
        process.standardOutput = output
        process.standardError = hostLog
        try process.run()
        try? output?.close()
        try? hostLog.close()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && process.isRunning {
            if let text = try? String(contentsOfFile: directory + "/url", encoding: .utf8), let url = URL(string: text)
            {
                self.url = url
                return
            }
            usleep(20_000)
        }
        let log = (try? String(contentsOfFile: directory + "/host.log", encoding: .utf8)) ?? ""
        if process.isRunning { _ = kill(process.processIdentifier, SIGKILL) }
        throw HostError(message: "the fake Zendesk host did not start: \(log.suffix(2000))")
    }

    struct HostError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Every request the server received since it started or `clear()`.
    func requests() throws -> [Request] {
        try? FileManager.default.removeItem(atPath: directory + "/requests.json")
        writeFile(directory, "dump", "")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: directory + "/requests.json"),
                !FileManager.default.fileExists(atPath: directory + "/dump"),
                let data = FileManager.default.contents(atPath: directory + "/requests.json")
            {
                return try JSONDecoder().decode([Request].self, from: data)
            }
            usleep(10_000)
        }
        throw HostError(message: "the fake Zendesk host did not answer a request log dump")
    }

    func clear() {
        writeFile(directory, "clear", "")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && FileManager.default.fileExists(atPath: directory + "/clear") { usleep(10_000) }
    }

    func stop() {
        writeFile(directory, "stop", "")
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline && process.isRunning { usleep(20_000) }
        if process.isRunning { _ = kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// The child-process side of `FakeZendeskHost`: skipped in every normal run.
@Suite struct FakeZendeskHostProcess {
    @Test(
        "hosts the fake Zendesk for the sync crash test (only in the child process it starts)",
        .enabled(if: ProcessInfo.processInfo.environment[FakeZendeskHost.environmentKey] != nil))
    func host() async throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = try #require(environment[FakeZendeskHost.environmentKey])
        let spec = (environment["DESKSTAT_FAKE_ZENDESK_HOST_SPEC"] ?? "").split(separator: " ").map(String.init)
        try #require(spec.count == 4)
        let server = FakeZendeskServer(
            account: .generated(tickets: Int(spec[0]) ?? 30, seed: UInt64(spec[1]) ?? 11, start: 1_793_000_000),
            credentials: .apiToken(email: spec[2], token: spec[3]),
            // Many syncs share this server: a per-minute budget they would exhaust together (and
            // then be slowed down by X-Rate-Limit-Remaining) would measure the test, not deskstat.
            options: FakeServerOptions(delayScale: 0.01, rateLimit: 1_000_000))
        let url = try await server.start()
        let parent = getppid()
        try Data(url.absoluteString.utf8).write(to: URL(fileURLWithPath: directory + "/url.tmp"))
        try FileManager.default.moveItem(atPath: directory + "/url.tmp", toPath: directory + "/url")
        // Serve until told to stop, or until the test process that started us is gone.
        while !FileManager.default.fileExists(atPath: directory + "/stop") && getppid() == parent {
            if FileManager.default.fileExists(atPath: directory + "/clear") {
                await server.clearRequests()
                try? FileManager.default.removeItem(atPath: directory + "/clear")
            }
            if FileManager.default.fileExists(atPath: directory + "/dump") {
                let log = await server.requests.map {
                    FakeZendeskHost.Request(path: $0.path, receivedAt: $0.receivedAt)
                }
                let data = try JSONEncoder().encode(log)
                try data.write(to: URL(fileURLWithPath: directory + "/requests.json.tmp"))
                try? FileManager.default.removeItem(atPath: directory + "/requests.json")
                try FileManager.default.moveItem(
                    atPath: directory + "/requests.json.tmp", toPath: directory + "/requests.json")
                try? FileManager.default.removeItem(atPath: directory + "/dump")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        await server.stop()
    }
}
