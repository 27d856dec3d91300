import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `deskstat` binary as a child process, with a timeout, capturing its output in
/// files (so a 100 MB result cannot dead-lock a pipe), or starts it to be killed.
enum Deskstat {
    /// The `deskstat` executable next to the test bundle (`swift build --build-tests` builds it),
    /// found the same way `BinaryRunner` in DeskstatCLITests finds it.
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [besideTests, besideTests.deletingLastPathComponent()]
        // `swift test` may run a helper from inside the .xctest bundle.
        candidates.append(besideTests.deletingLastPathComponent().deletingLastPathComponent())
        for directory in candidates {
            let candidate = directory.appendingPathComponent("deskstat")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/deskstat")
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// What one run printed and how it ended.
    struct Result: CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        /// The signal that ended the process, if one did (SIGKILL from a timeout or a test).
        let signal: Int32?
        let timedOut: Bool
        let seconds: Double
        let stdoutSize: Int
        /// Standard output (only the first 4 MB when it is bigger; see `stdoutSize`).
        let stdout: String
        let stderr: String

        var description: String {
            let shown = arguments.map { $0.count > 80 ? String($0.prefix(77)) + "…" : $0 }.joined(separator: " ")
            return "deskstat \(shown) → status \(status)\(signal.map { " signal \($0)" } ?? "")"
                + "\(timedOut ? " (timed out)" : "") in \(String(format: "%.2f", seconds)) s; stderr: \(stderr.prefix(2000))"
        }
    }

    /// The environment every run gets: no colour, no ambient cache or config, a private HOME.
    static func environment(_ extra: [String: String], home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in [
            "DESKSTAT_CACHE", "DESKSTAT_REPORTS", "ZENDESK_API_TOKEN", "ZENDESK_OAUTH_TOKEN", "ZENDESK_SUBDOMAIN",
            "ZENDESK_EMAIL", "ZENDESK_BASE_URL", "DESKSTAT_START_DATE", "DESKSTAT_TABLES",
        ] {
            environment.removeValue(forKey: key)
        }
        environment["NO_COLOR"] = "1"
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/xdg"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Starts `deskstat ARGUMENTS`; output goes to files in `directory`.
    static func start(
        _ arguments: [String], in directory: String, environment extra: [String: String] = [:], stdin: String? = nil,
        niceness: Int32 = 0
    ) throws -> Child {
        let id = UUID().uuidString.prefix(8)
        let outPath = directory + "/.run-\(id).out"
        let errPath = directory + "/.run-\(id).err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(extra, home: directory)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let input = FileHandle(forReadingAtPath: stdin ?? "/dev/null")
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        // The child has its own copies; close ours so hundreds of runs leak no descriptors.
        defer {
            try? output.close()
            try? errors.close()
            try? input?.close()
        }
        let started = Date()
        try process.run()
        if niceness > 0 {
            // Lower the child's priority (it may have run a few instructions at the normal one).
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), niceness)
        }
        return Child(process: process, arguments: arguments, started: started, outPath: outPath, errPath: errPath)
    }

    /// Runs `deskstat ARGUMENTS` to completion, or kills it after `timeout` seconds.
    /// Blocks the calling thread; from async code use `Offload.run`.
    static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], stdin: String? = nil,
        timeout: Double = 120, niceness: Int32 = 0
    ) throws -> Result {
        let child = try start(arguments, in: directory, environment: environment, stdin: stdin, niceness: niceness)
        return child.wait(timeout: timeout)
    }
}

/// A running `deskstat`.
final class Child: @unchecked Sendable {
    let process: Process
    let arguments: [String]
    let started: Date
    let outPath: String
    let errPath: String

    init(process: Process, arguments: [String], started: Date, outPath: String, errPath: String) {
        self.process = process
        self.arguments = arguments
        self.started = started
        self.outPath = outPath
        self.errPath = errPath
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// SIGKILL: no handler, no cleanup, exactly like `kill -9` or a power cut for the process.
    func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// Waits for the process (killing it after `timeout`) and collects its output.
    func wait(timeout: Double = 120) -> Deskstat.Result {
        let deadline = started.addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill()
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        let outSize = Int(
            ((try? FileManager.default.attributesOfItem(atPath: outPath))?[.size] as? NSNumber)?.int64Value ?? 0)
        let outData: Data
        if let handle = FileHandle(forReadingAtPath: outPath) {
            outData = (try? handle.read(upToCount: 4 << 20)) ?? Data()
            try? handle.close()
        } else {
            outData = Data()
        }
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        let signaled = process.terminationReason == .uncaughtSignal
        return Deskstat.Result(
            arguments: arguments, status: process.terminationStatus, signal: signaled ? process.terminationStatus : nil,
            timedOut: timedOut, seconds: seconds, stdoutSize: outSize, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs blocking work (waiting for child processes, sleeping) on its own thread, so async tests
/// never block Swift's cooperative thread pool, which other tests' async work (and any in-process
/// server) needs.
enum Offload {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}

/// A fresh scratch directory for one test.
func makeScratch(_ label: String) throws -> String {
    let path = NSTemporaryDirectory() + "deskstat-rel-\(label)-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `bytes` to `directory/name` and returns the path.
@discardableResult
func writeFile(_ directory: String, _ name: String, _ bytes: some Sequence<UInt8>) -> String {
    let path = directory + "/" + name
    try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

@discardableResult
func writeFile(_ directory: String, _ name: String, _ text: String) -> String {
    writeFile(directory, name, Array(text.utf8))
}

/// A seeded SplitMix64 generator: the same seed gives the same kill points on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Reads an integer setting from the environment (for running the crash tests with more kills).
func environmentInt(_ name: String, default value: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap { Int($0) } ?? value
}

func environmentSeed(default value: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["DESKSTAT_CRASH_SEED"].flatMap { UInt64($0) } ?? value
}

/// Stratified random points in `0..<duration`: one uniformly drawn point in each of `count`
/// equal slices, shuffled, so kills cover the whole run evenly but never at predictable offsets.
func stratifiedKillPoints(count: Int, duration: Double, using generator: inout SeededGenerator) -> [Double] {
    var points = (0..<count).map { index in
        (Double(index) + Double.random(in: 0..<1, using: &generator)) * duration / Double(count)
    }
    points.shuffle(using: &generator)
    return points
}

/// Collects failed checks made on an `Offload` thread (outside Swift Testing's task context),
/// to be recorded as issues by the test afterwards with `record()`.
final class Checker: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []
    private var count = 0

    /// Notes a failure when `condition` is false; returns `condition`.
    @discardableResult
    func check(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line, file: String = #fileID)
        -> Bool
    {
        lock.withLock { count += 1 }
        if !condition {
            let text = "\((file as NSString).lastPathComponent):\(line): \(message())"
            lock.withLock { failures.append(text) }
        }
        return condition
    }

    var checks: Int { lock.withLock { count } }
    var failed: [String] { lock.withLock { failures } }
}
