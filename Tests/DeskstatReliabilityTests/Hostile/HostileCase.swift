import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One hostile input: what to build, how deskstat is run on it, and what it must do.
///
/// Every case runs the real binary in a fresh directory holding `c.sqlite`, a copy of a cache
/// with the hand-written fixture account. Unless `cacheChanges` is set, the cache's files must be
/// byte-for-byte the same afterwards. Every case must end by itself (no timeout), without a
/// crash, with an exit status in `status` and a message containing every phrase.
struct HostileCase: Sendable, CustomStringConvertible {
    enum Area: String, Sendable, CaseIterable {
        case importFile = "import"
        case config
        case arguments
        case definition = "report definition"
        case filter = "--where"
        case threshold = "--fail-on"
        case query
        case cachePath = "--cache"
    }

    /// Behaviour the documentation promises that deskstat does not deliver yet: checked inside
    /// `withKnownIssue`, so the suite stays green while the gap is open and fails (asking for the
    /// marker to be removed) once it is fixed.
    struct Gap: Sendable {
        let description: String
        /// Whether the promised behaviour holds for this run (`directory` is the case's folder).
        let holds: @Sendable (_ result: Deskstat.Result, _ directory: String) -> Bool
    }

    let area: Area
    let name: String
    /// Builds the inputs in the case's directory and returns the arguments.
    let arguments: @Sendable (_ directory: String) throws -> [String]
    var environment: [String: String] = [:]
    /// A file (relative to the case's directory) to feed on standard input.
    var stdinFile: String?
    /// Acceptable exit statuses (the documented one; two when the documentation is ambiguous).
    let status: Set<Int32>
    /// Phrases standard error must contain; `{dir}` stands for the case's directory.
    let phrases: [String]
    var cacheChanges = false
    var timeout: Double = 60
    /// Lower priority for runs expected to burn CPU until the timeout kills them.
    var niceness: Int32 = 0
    var gap: Gap?
    /// Further checks on the result; returns problems.
    var verify: (@Sendable (_ result: Deskstat.Result, _ directory: String) -> [String])?

    var description: String { "\(area.rawValue): \(name)" }
}

extension HostileCase {
    /// The cache file of a case.
    static func cache(_ directory: String) -> String { directory + "/c.sqlite" }

    /// `deskstat import FILE --cache c.sqlite` on a file written from `bytes`.
    static func importFile(
        _ name: String, file: String = "input.json", _ bytes: @escaping @Sendable () -> [UInt8],
        status: Set<Int32> = [65],
        _ phrases: [String], cacheChanges: Bool = false, timeout: Double = 60, gap: Gap? = nil,
        verify: (@Sendable (Deskstat.Result, String) -> [String])? = nil
    ) -> HostileCase {
        HostileCase(
            area: .importFile, name: name,
            arguments: { directory in
                let path = writeFile(directory, file, bytes())
                return ["import", path, "--cache", cache(directory), "--quiet"]
            },
            status: status, phrases: status.contains(0) ? phrases : [file] + phrases, cacheChanges: cacheChanges,
            timeout: timeout, gap: gap, verify: verify)
    }

    static func importText(
        _ name: String, file: String = "input.json", _ text: String, status: Set<Int32> = [65], _ phrases: [String],
        cacheChanges: Bool = false, gap: Gap? = nil, verify: (@Sendable (Deskstat.Result, String) -> [String])? = nil
    ) -> HostileCase {
        importFile(
            name, file: file, { Array(text.utf8) }, status: status, phrases, cacheChanges: cacheChanges, gap: gap,
            verify: verify)
    }

    /// A body with one ticket: `created_at` plus `fields` (a JSON fragment).
    static func ticket(_ fields: String) -> String {
        #"{"tickets": [{"id": 77, "created_at": "2026-11-17T09:00:00Z", \#(fields)}]}"#
    }

    /// A body with one metric set (for a ticket the fixture account does not have) plus `fields`.
    static func metricSet(_ fields: String) -> String {
        #"{"ticket_metrics": [{"id": 424242, "ticket_id": 999001, "updated_at": "2026-11-20T00:00:00Z", \#(fields)}]}"#
    }

    /// `deskstat report weekly` on the fixture cache with extra arguments.
    static func report(
        _ area: Area, _ name: String, _ extra: [String], status: Set<Int32>, _ phrases: [String], gap: Gap? = nil,
        timeout: Double = 60
    ) -> HostileCase {
        HostileCase(
            area: area, name: name,
            arguments: { directory in ["report", "weekly", "--cache", cache(directory)] + fixtureWindow + extra },
            status: status, phrases: phrases, timeout: timeout, gap: gap)
    }

    /// The week of the fixture account (`fixtures/EXPECTED.md`).
    static let fixtureWindow = ["--period", "2026-W47", "--as-of", "2026-11-23T00:00:00Z"]

    /// `deskstat sync --config FILE` with everything else valid: the config must be refused
    /// before any request (the base URL points at a closed port) and before the cache is opened.
    static func config(
        _ name: String, _ text: @escaping @Sendable () -> String, mode: Int = 0o600, status: Set<Int32> = [78],
        _ phrases: [String], command: [String] = ["sync"], gap: Gap? = nil, timeout: Double = 60,
        verify: (@Sendable (Deskstat.Result, String) -> [String])? = nil
    ) -> HostileCase {
        HostileCase(
            area: .config, name: name,
            arguments: { directory in
                let path = writeFile(directory, "cfg.yaml", Array(text().utf8))
                _ = chmod(path, mode_t(mode))
                var arguments = command + ["--config", path]
                if command == ["sync"] {
                    arguments += ["--cache", cache(directory), "--base-url", "http://127.0.0.1:9"]
                }
                return arguments
            },
            environment: ["ZENDESK_API_TOKEN": "env-TOKEN-abcdef0123456789"], status: status, phrases: phrases,
            timeout: timeout, gap: gap, verify: verify)
    }

    /// A report definition file run with `deskstat report FILE`.
    static func definition(
        _ name: String, _ yaml: String, status: Set<Int32> = [65], _ phrases: [String], gap: Gap? = nil
    ) -> HostileCase {
        HostileCase(
            area: .definition, name: name,
            arguments: { directory in
                let path = writeFile(directory, "def.yaml", Array(yaml.utf8))
                return ["report", path, "--cache", cache(directory)] + fixtureWindow
            },
            status: status, phrases: phrases, timeout: 30, gap: gap)
    }

    /// `deskstat query SQL` on the fixture cache, with `extra` arguments (e.g. `--timeout 2`).
    static func query(
        _ name: String, _ sql: String, status: Set<Int32> = [64], _ phrases: [String], format: String = "table",
        extra: [String] = [], timeout: Double = 60, gap: Gap? = nil,
        verify: (@Sendable (Deskstat.Result, String) -> [String])? = nil
    ) -> HostileCase {
        HostileCase(
            area: .query, name: name,
            arguments: { directory in
                [
                    "query", sql.replacingOccurrences(of: "{dir}", with: directory), "--cache", cache(directory),
                    "--format", format,
                ] + extra
            },
            status: status, phrases: phrases, timeout: timeout, gap: gap, verify: verify)
    }

    /// The same case run at the lowest priority (it is expected to run until its timeout).
    func niced() -> HostileCase {
        var copy = self
        copy.niceness = 19
        return copy
    }

    /// A semantic error (not an argument-syntax error): one `deskstat: error:` line, no usage text.
    static let noUsage: @Sendable (Deskstat.Result, String) -> [String] = { result, _ in
        result.stderr.contains("Usage:") || result.stderr.contains("Error:")
            ? ["the usage or a second error style was printed: \(result.stderr)"] : []
    }

    /// A file that must not exist after the run (ATTACH, VACUUM INTO, a refused path).
    static func mustNotExist(_ relative: String) -> @Sendable (Deskstat.Result, String) -> [String] {
        { _, directory in
            FileManager.default.fileExists(atPath: directory + "/" + relative) ? ["\(relative) was created"] : []
        }
    }
}

/// Writes `prefix`, `count` copies of `byte`, then `suffix` to a file without building it in memory twice.
func writeLarge(_ directory: String, _ name: String, prefix: String, byte: UInt8, count: Int, suffix: String) -> String
{
    let path = directory + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { return path }
    handle.write(Data(prefix.utf8))
    let chunk = Data(repeating: byte, count: 1 << 20)
    var left = count
    while left > 0 {
        let size = min(left, chunk.count)
        handle.write(size == chunk.count ? chunk : chunk.prefix(size))
        left -= size
    }
    handle.write(Data(suffix.utf8))
    try? handle.close()
    return path
}
