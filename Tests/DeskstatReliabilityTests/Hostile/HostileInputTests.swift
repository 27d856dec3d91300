import Foundation
import Testing

/// The hostile-input corpus: every case runs the real binary and must end by itself, without a
/// crash, with its documented exit status, a message that names what and where, and the cache
/// byte-for-byte unchanged (or, when the input is valid, still passing `PRAGMA integrity_check`).
@Suite struct HostileInputTests {
    @Test(arguments: HostileCorpus.all)
    func hostileInput(_ hostile: HostileCase) async throws {
        let outcome = try await HostileCorpus.limiter.run {
            try await Offload.run { try HostileCorpus.execute(hostile) }
        }
        defer { try? FileManager.default.removeItem(atPath: outcome.directory) }
        let result = outcome.result
        let context = Comment(rawValue: "\(hostile) → \(result)")
        #expect(!result.timedOut || hostile.gap != nil, context)
        #expect(result.signal == nil || result.timedOut, "deskstat crashed: \(context)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), context)
        if !result.timedOut {
            #expect(hostile.status.contains(result.status), context)
            if result.status != 0 {
                #expect(!result.stderr.isEmpty, "no message: \(context)")
            }
            for phrase in hostile.phrases {
                let expected = phrase.replacingOccurrences(of: "{dir}", with: outcome.directory)
                #expect(result.stderr.contains(expected), "the message lacks \"\(expected)\": \(context)")
            }
        }
        if !hostile.cacheChanges {
            #expect(outcome.cacheUnchanged, "the cache files changed: \(context)")
        }
        #expect(outcome.integrity == "ok", "integrity: \(outcome.integrity) after \(hostile)")
        for problem in outcome.problems { Issue.record(Comment(rawValue: "\(hostile): \(problem)")) }
        if let gap = hostile.gap {
            let holds = outcome.gapHolds
            withKnownIssue(Comment(rawValue: "known gap: \(gap.description)")) {
                #expect(holds, "\(hostile): \(gap.description)")
            }
        }
        await HostileCorpus.summary.add(hostile, outcome)
    }
}

extension HostileCase: CustomTestStringConvertible {
    var testDescription: String { description }
}

/// The corpus and how one case is run.
enum HostileCorpus {
    static let all: [HostileCase] =
        importCases + configCases + argumentCases + definitionCases + filterCases + thresholdCases + queryCases
        + cachePathCases

    /// At most three hostile runs at once: several of them use hundreds of megabytes or a whole
    /// core, and the crash tests next door measure time.
    static let limiter = AsyncLimiter(3)
    static let summary = HostileSummary(total: all.count)

    /// A cache holding the fixture account, copied for every case.
    static let template: Result<String, any Error> = Result {
        let directory = try makeScratch("hostile-template")
        let cache = directory + "/c.sqlite"
        let imported = try Deskstat.run(
            [
                "import", Deskstat.packageRoot.appendingPathComponent("fixtures/account").path, "--cache", cache,
                "--quiet",
            ],
            in: directory)
        guard imported.status == 0 else { throw TemplateError(message: "importing the fixtures failed: \(imported)") }
        return cache
    }

    struct TemplateError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    struct Outcome: Sendable {
        let directory: String
        let result: Deskstat.Result
        let cacheUnchanged: Bool
        let integrity: String
        let problems: [String]
        let gapHolds: Bool
    }

    static func execute(_ hostile: HostileCase) throws -> Outcome {
        let directory = try makeScratch("hostile")
        let cache = HostileCase.cache(directory)
        try FileManager.default.copyItem(atPath: try template.get(), toPath: cache)
        let arguments = try hostile.arguments(directory)
        let before = CacheProbe.fileBytes(cache)
        let result = try Deskstat.run(
            arguments, in: directory, environment: hostile.environment,
            stdin: hostile.stdinFile.map { directory + "/" + $0 }, timeout: hostile.timeout, niceness: hostile.niceness)
        let after = CacheProbe.fileBytes(cache)
        let integrity = try CacheProbe.withCopy(of: cache) { try CacheProbe.integrity($0) }
        let problems = hostile.verify?(result, directory) ?? []
        let gapHolds = hostile.gap?.holds(result, directory) ?? true
        return Outcome(
            directory: directory, result: result, cacheUnchanged: before == after, integrity: integrity,
            problems: problems,
            gapHolds: gapHolds)
    }
}

/// Limits how many async operations run at once.
actor AsyncLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ width: Int) { available = width }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// Collects what the corpus saw and prints the figures when the last case is in.
actor HostileSummary {
    let total: Int
    private var seen: [(area: String, name: String, status: Int32, message: String, gap: Bool, seconds: Double)] = []

    init(total: Int) { self.total = total }

    func add(_ hostile: HostileCase, _ outcome: HostileCorpus.Outcome) {
        let line =
            outcome.result.stderr.split(separator: "\n").first { $0.contains("error") || $0.contains("Error") } ?? ""
        let message = String(line).replacingOccurrences(of: outcome.directory, with: "…")
        let status = outcome.result.timedOut ? -1 : outcome.result.status
        seen.append(
            (
                hostile.area.rawValue, hostile.name, status, message, hostile.gap != nil && !outcome.gapHolds,
                outcome.result.seconds
            ))
        guard seen.count == total else { return }
        var byStatus: [Int32: Int] = [:]
        for entry in seen { byStatus[entry.status, default: 0] += 1 }
        let statuses = byStatus.keys.sorted().map { "\($0 == -1 ? "timeout" : String($0)): \(byStatus[$0] ?? 0)" }
        let messages = Set(seen.map(\.message).filter { !$0.isEmpty })
        var byArea: [String: Int] = [:]
        for entry in seen { byArea[entry.area, default: 0] += 1 }
        let slowest = seen.max { $0.seconds < $1.seconds }
        print(
            """
            [reliability] hostile inputs: \(seen.count) cases (\(byArea.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))); \
            exit statuses \(statuses.joined(separator: ", ")); \(messages.count) distinct error messages; \
            \(seen.filter(\.gap).count) known gaps open; slowest \(slowest.map { "\($0.name) \(String(format: "%.1f", $0.seconds)) s" } ?? "-")
            """)
    }
}
