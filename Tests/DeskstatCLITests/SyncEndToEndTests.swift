import FakeZendesk
import Foundation
import Testing

/// `deskstat sync`, `init` and `config show` as a user runs them, against the fake Zendesk.
@Suite(.serialized) struct SyncEndToEndTests {
    static let token = "e2e-TOKEN-9f8e7d6c5b4a"
    static let email = "admin@example.com"

    func withServer(tickets: Int = 8, _ body: (URL, String) async throws -> Void) async throws {
        let server = FakeZendeskServer(
            account: .generated(tickets: tickets, seed: 3, start: 1_793_000_000),
            credentials: .apiToken(email: Self.email, token: Self.token), options: FakeServerOptions(delayScale: 0.01))
        let url = try await server.start()
        do {
            try await body(url, try makeScratchDirectory())
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func sync(_ url: URL, _ directory: String, _ extra: [String] = [], token: String? = token) throws
        -> BinaryRunner.Result
    {
        var environment = ["HOME": directory, "XDG_CONFIG_HOME": directory + "/xdg"]
        if let token { environment["ZENDESK_API_TOKEN"] = token }
        return try BinaryRunner.run(
            [
                "sync", "--base-url", url.absoluteString, "--subdomain", "acme", "--email", Self.email,
                "--start-date", "2026-10-26T00:00:00Z", "--cache", directory + "/c.sqlite",
                "--incremental-requests-per-minute", "30", "--requests-per-minute", "2500",
            ]
                + extra, environment: environment)
    }

    @Test func syncsChecksAndNeverPrintsTheToken() async throws {
        try await withServer { url, directory in
            let first = try sync(url, directory, ["--verbose"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("sync complete"))
            #expect(first.stderr.contains("GET "), "verbose logs requests")
            let check = try sync(url, directory, ["--check"])
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("credentials: ok"))
            let second = try sync(url, directory)
            #expect(second.status == 0)
            let cacheBytes =
                (FileManager.default.contents(atPath: directory + "/c.sqlite") ?? Data())
                + (FileManager.default.contents(atPath: directory + "/c.sqlite-wal") ?? Data())
            let header = Data("\(Self.email)/token:\(Self.token)".utf8).base64EncodedString()
            for output in [first.stdout, first.stderr, check.stdout, check.stderr, second.stdout, second.stderr] {
                #expect(!output.contains(Self.token))
                #expect(!output.contains(header))
            }
            #expect(cacheBytes.range(of: Data(Self.token.utf8)) == nil)
            #expect(cacheBytes.range(of: Data(header.utf8)) == nil)
        }
    }

    @Test func badOrMissingCredentials() async throws {
        try await withServer { url, directory in
            let wrong = try sync(url, directory, token: "not-the-token")
            #expect(wrong.status == 1)
            #expect(wrong.stderr.contains("401") || wrong.stdout.contains("401"))
            #expect(!(wrong.stdout + wrong.stderr).contains("not-the-token"))
            let missing = try sync(url, directory, token: nil)
            #expect(missing.status == 78, "\(missing.stderr)")
            #expect(missing.stderr.contains("ZENDESK_API_TOKEN"))
        }
    }

    @Test func tokenFilesMustBePrivate() async throws {
        try await withServer { url, directory in
            let tokenFile = directory + "/token"
            _ = FileManager.default.createFile(
                atPath: tokenFile, contents: Data(Self.token.utf8), attributes: [.posixPermissions: 0o644])
            let open = try sync(url, directory, ["--token-file", tokenFile], token: nil)
            #expect(open.status == 78)
            #expect(open.stderr.contains("chmod 600"))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenFile)
            let closed = try sync(url, directory, ["--token-file", tokenFile], token: nil)
            #expect(closed.status == 0, "\(closed.stderr)")
        }
    }

    @Test func initWritesAPrivateCommentedConfigAndShowExplainsSources() throws {
        let directory = try makeScratchDirectory()
        let path = directory + "/deskstat.yaml"
        let environment = ["HOME": directory, "XDG_CONFIG_HOME": directory + "/xdg", "ZENDESK_API_TOKEN": Self.token]
        let written = try BinaryRunner.run(
            ["init", "--config", path, "--subdomain", "acme", "--email", Self.email, "--start-date", "2024-01-01"],
            environment: environment)
        #expect(written.status == 0, "\(written.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("#"))
        #expect(!text.contains(Self.token))

        let shown = try BinaryRunner.run(
            ["config", "show", "--config", path, "--email", "other@example.com"], environment: environment)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("acme"))
        #expect(shown.stdout.contains("other@example.com"))
        #expect(!shown.stdout.contains(Self.token))
        #expect(
            try BinaryRunner.run(
                ["init", "--config", path, "--subdomain", "acme", "--email", Self.email], environment: environment
            ).status != 0,
            "refuses to overwrite")
    }
}

@Suite(.serialized) struct SyncScheduleEndToEndTests {
    @Test func everyKeepsSyncingUntilSIGTERMThenExitsCleanly() async throws {
        let server = FakeZendeskServer(
            account: .generated(tickets: 4, seed: 5, start: 1_793_000_000),
            credentials: .apiToken(email: SyncEndToEndTests.email, token: SyncEndToEndTests.token),
            options: FakeServerOptions(delayScale: 0.01))
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let directory = try makeScratchDirectory()
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = [
            "sync", "--every", "1m", "--tables", "groups,users", "--base-url", url.absoluteString, "--subdomain",
            "acme",
            "--email", SyncEndToEndTests.email, "--start-date", "2026-10-26", "--cache", directory + "/c.sqlite",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["ZENDESK_API_TOKEN"] = SyncEndToEndTests.token
        environment["HOME"] = directory
        environment["XDG_CONFIG_HOME"] = directory + "/xdg"
        process.environment = environment
        let errorPath = directory + "/stderr.txt"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait (bounded) until the first run has finished and the command waits for the next one.
        var waited = 0
        while waited < 1_200,
            !((try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "").contains("next sync in")
        {
            try await Task.sleep(nanoseconds: 50_000_000)
            waited += 1
        }
        process.terminate()  // SIGTERM
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!process.isRunning, "exits within seconds of SIGTERM")
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
        let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stderr.contains("next sync in 60 s"))
        #expect(stderr.contains("stopping"))
    }
}
