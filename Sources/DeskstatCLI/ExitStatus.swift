import ArgumentParser
import DeskstatCache
import DeskstatConfig
import DeskstatEngine
import DeskstatImport
import DeskstatReport
import DeskstatTime
import ZendeskWire

/// deskstat's exit codes: the one place errors become process statuses.
///
/// | code | meaning |
/// |---:|---|
/// | 0 | success |
/// | 1 | runtime error: the cache cannot be opened or is locked, a file cannot be read, a `query` ran past its `--timeout` |
/// | 2 | partial success: `--keep-going` imported some files and skipped bad ones |
/// | 3 | a `--fail-on` threshold was violated (the report was still written) |
/// | 64 | usage error: unknown flag, bad value, malformed expression |
/// | 65 | data error: malformed input; nothing from the bad file was imported (with `--keep-going`: every file was bad) |
/// | 66 | an input path does not exist (an import file, a report definition file) |
/// | 78 | configuration error: missing or invalid settings, a config or token file readable by others |
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    case runtimeError = 1
    case partialSuccess = 2
    case thresholdFailed = 3
    case usage = 64
    case dataError = 65
    case noInput = 66
    case configuration = 78

    /// The exit status for an error thrown by any deskstat module.
    public static func forError(_ error: any Error) -> ExitStatus {
        switch error {
        case let error as ImportError:
            switch error {
            case .missingInput: .noInput
            case .partial: .partialSuccess
            case .nothingImported(let failures): failures.allSatisfy(\.isDataError) ? .dataError : .runtimeError
            case .malformed, .unsupportedFile: .dataError
            case .unreadable, .cache: .runtimeError
            }
        case is WireError: .dataError
        case is CacheError: .runtimeError
        case let error as QueryError:
            switch error {
            // The cache cannot be read, or the query ran past its --timeout.
            case .cannotOpen, .timedOut: .runtimeError
            // The SQL as given: refused, invalid, empty, or too many rows.
            case .refused, .invalid, .tooManyRows, .empty: .usage
            }
        case is TimeError: .usage
        case is ConfigError: .configuration
        case let error as EngineError:
            switch error {
            case .cache, .ticketNotFound, .ticketOnlyInChildren: .runtimeError
            case .badPolicies: .dataError
            default: .usage
            }
        case let error as ReportError:
            error.isMissingInput ? .noInput : error.isUsageError ? .usage : .dataError
        case let error as CLIError: error.exitStatus
        default: .runtimeError
        }
    }

    /// The table above as help text.
    static let helpText = helpText(allCases)

    /// `Exit codes: …` for the statuses one command can return; `runtime` says, for that
    /// command, what exit status 1 means.
    static func helpText(_ statuses: [ExitStatus], runtime: String? = nil) -> String {
        "Exit codes: " + statuses.map { "\($0.rawValue) \($0.meaning(runtime: runtime))" }.joined(separator: " · ")
            + "."
    }

    func meaning(runtime: String?) -> String {
        switch self {
        case .success: "success"
        case .runtimeError:
            "runtime error (\(runtime ?? "the cache is missing, unreadable or locked; a query timed out"))"
        case .partialSuccess: "partial success (--keep-going skipped bad files)"
        case .thresholdFailed: "a gate failed (--fail-on, --fail-on-warning; the report was written)"
        case .usage: "usage error"
        case .dataError: "data error (malformed input)"
        case .noInput: "input path not found"
        case .configuration: "configuration error"
        }
    }
}

/// Errors found by the command-line layer itself.
public enum CLIError: Error, Sendable, CustomStringConvertible {
    case usage(String)
    case data(String)
    case runtime(String)
    case thresholdFailed(Int)

    var exitStatus: ExitStatus {
        switch self {
        case .usage: .usage
        case .data: .dataError
        case .runtime: .runtimeError
        case .thresholdFailed: .thresholdFailed
        }
    }

    public var description: String {
        switch self {
        case .usage(let message), .data(let message), .runtime(let message): message
        case .thresholdFailed(let count):
            "\(count) gate(s) failed (--fail-on, --fail-on-warning); the report was written"
        }
    }
}

/// Runs `body`, printing any deskstat error as `deskstat: error: …` on stderr and exiting with its code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.standardError.write("deskstat: error: \(error)\n")
        throw ExitCode(ExitStatus.forError(error).rawValue)
    }
}
