/// Everything that can go wrong while reading, resolving or writing deskstat's configuration.
///
/// Each message says what is wrong, where (file and line, environment variable or flag, and the
/// key) and how to fix it. No message ever contains a token: values of secret keys are never
/// echoed.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--config` names a file that does not exist.
    case configFileNotFound(path: String)
    /// A config or token file exists but cannot be read (`reason` says why).
    case unreadableFile(path: String, reason: String)
    /// A config or token file that group or others may read or write (`mode & 0o077 != 0`).
    case insecurePermissions(path: String, mode: Int, role: FileRole)
    /// The config file is not valid YAML.
    case syntax(path: String, line: Int?, column: Int?, problem: String)
    /// The config file has a key deskstat does not know (usually a typo).
    case unknownKey(path: String, line: Int, key: String, suggestion: String?)
    /// The config file sets the same key twice.
    case duplicateKey(path: String, line: Int?, key: String)
    /// A value of the wrong shape: a list where text belongs, text where a number belongs.
    case wrongType(key: ConfigKey, source: ConfigSource, expected: String, found: String)
    /// A value of the right shape that is not allowed (a bad date, an unknown table, a limit out
    /// of range).
    case invalidValue(key: ConfigKey, source: ConfigSource, problem: String)
    /// Settings that `sync` needs are not set anywhere.
    case missingSettings([MissingSetting])
    /// Two credentials were given at the same precedence level.
    case conflictingCredentials(first: String, second: String)
    /// A token file that is empty or holds more than one token.
    case invalidTokenFile(path: String, problem: String)
    /// `ConfigWriter` was asked not to overwrite, and the file exists.
    case fileExists(path: String)
    /// Writing the config file failed.
    case writeFailed(path: String, reason: String)
    /// `InitWizard` got too many invalid answers to one question.
    case tooManyInvalidAnswers(question: String, attempts: Int, lastProblem: String)
    /// Input ended before `InitWizard` got an answer.
    case inputEnded(question: String)

    /// What a file is for, in messages.
    public enum FileRole: String, Sendable, Equatable {
        case configFile = "config file"
        case tokenFile = "token file"
    }

    public var description: String {
        switch self {
        case .configFileNotFound(let path):
            return "\(path): no such config file (from --config); check the path, or create one with `deskstat init`"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .insecurePermissions(let path, let mode, let role):
            return "\(path): the \(role.rawValue) can be read or written by other users (mode "
                + "\(Self.octal(mode))); deskstat refuses it because it can hold Zendesk credentials. "
                + "Fix: chmod 600 \(Path.shellQuoted(path))"
        case .syntax(let path, let line, let column, let problem):
            return "\(Self.place(path, line, column)): not valid YAML: \(problem); check the indentation, "
                + "a missing ':' after a key, or an unclosed quote or bracket"
        case .unknownKey(let path, let line, let key, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            let known = ConfigKey.allCases.map(\.yamlKey).joined(separator: ", ")
            return "\(path):\(line): unknown key \(QuotedValue.quoted(key))\(hint); the keys are: \(known)"
        case .duplicateKey(let path, let line, let key):
            return
                "\(Self.place(path, line, nil)): the key \(QuotedValue.quoted(key)) appears twice; delete one of them"
        case .wrongType(let key, let source, let expected, let found):
            return "\(Self.place(key, source)): expected \(expected); got \(found)"
        case .invalidValue(let key, let source, let problem):
            return "\(Self.place(key, source)): \(problem)"
        case .missingSettings(let missing):
            return "not configured: " + missing.map(\.explanation).joined(separator: "; ")
        case .conflictingCredentials(let first, let second):
            return "both \(first) and \(second) are set; deskstat will not guess which to use. Unset one of them"
        case .invalidTokenFile(let path, let problem):
            return "\(path): \(problem); the token file must hold only the API token (a final newline is fine)"
        case .fileExists(let path):
            return "\(path) already exists; deskstat did not change it. Pass --force to replace it, "
                + "or write to another path with --config"
        case .writeFailed(let path, let reason):
            return "\(path): cannot be written: \(reason)"
        case .tooManyInvalidAnswers(let question, let attempts, let lastProblem):
            return "\(question): no valid answer after \(attempts) tries (last: \(lastProblem)); "
                + "pass the value as a flag instead (see `deskstat init --help`)"
        case .inputEnded(let question):
            return "input ended before \"\(question)\" was answered; run `deskstat init` in a terminal, "
                + "or pass --subdomain, --email and --start-date to skip the questions"
        }
    }

    /// `./deskstat.yaml:3: start_date`, `environment variable DESKSTAT_START_DATE`, `--start-date`.
    private static func place(_ key: ConfigKey, _ source: ConfigSource) -> String {
        switch source {
        case .file(let path, let line): "\(path):\(line): \(key.yamlKey)"
        case .default: "default \(key.yamlKey)"
        default: source.location
        }
    }

    /// `path`, `path:line` or `path:line:column`, leaving out what is unknown.
    private static func place(_ path: String, _ line: Int?, _ column: Int?) -> String {
        guard let line else { return path }
        guard let column else { return "\(path):\(line)" }
        return "\(path):\(line):\(column)"
    }

    /// `0644`.
    private static func octal(_ mode: Int) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// A setting `sync` needs that was not given anywhere, with how to give it.
public enum MissingSetting: String, Sendable, Equatable, CaseIterable {
    case subdomain
    case email
    case startDate = "start_date"
    case token

    /// `subdomain is not set: pass --subdomain, set ZENDESK_SUBDOMAIN, or add "subdomain: acme" to deskstat.yaml`.
    public var explanation: String {
        switch self {
        case .subdomain:
            "subdomain is not set: pass --subdomain, set ZENDESK_SUBDOMAIN, or add \"subdomain: acme\" "
                + "to deskstat.yaml (`deskstat init` writes one)"
        case .email:
            "email is not set (an API token signs in as EMAIL/token): pass --email, set ZENDESK_EMAIL, "
                + "or add \"email: admin@example.com\" to deskstat.yaml"
        case .startDate:
            "start_date is not set (where the first sync starts): pass --start-date, set DESKSTAT_START_DATE, "
                + "or add \"start_date: 2017-01-25\" to deskstat.yaml"
        case .token:
            "no API token: export ZENDESK_API_TOKEN, or put the token alone in a file (chmod 600) and name it "
                + "with --token-file or \"token_file:\" in deskstat.yaml; for OAuth export ZENDESK_OAUTH_TOKEN"
        }
    }
}
