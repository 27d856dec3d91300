/// Where a configuration value came from, in the words `deskstat config show` prints.
///
/// Precedence, highest first: `.flag`, `.environment`, `.file`, `.default`.
public enum ConfigSource: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag, spelled as typed: `.flag("--email")`.
    case flag(String)
    /// An environment variable: `.environment("ZENDESK_EMAIL")`.
    case environment(String)
    /// A key in a config file; `path` as the user would type it, `line` counting from 1.
    case file(path: String, line: Int)
    /// The built-in default.
    case `default`
    /// A token read from a token file, itself named by a flag or a config file key.
    indirect case tokenFile(path: String, namedBy: ConfigSource)

    /// `flag --email`, `env ZENDESK_EMAIL`, `file ./deskstat.yaml:3`, `default`,
    /// `token file ~/.zendesk-token via flag --token-file`.
    public var description: String {
        switch self {
        case .flag(let name): "flag \(name)"
        case .environment(let name): "env \(name)"
        case .file(let path, let line): "file \(path):\(line)"
        case .default: "default"
        case .tokenFile(let path, let namedBy): "token file \(path) via \(namedBy)"
        }
    }

    /// The place an error message points at: `--email`, `environment variable ZENDESK_EMAIL`,
    /// `./deskstat.yaml:3`.
    var location: String {
        switch self {
        case .flag(let name): name
        case .environment(let name): "environment variable \(name)"
        case .file(let path, let line): "\(path):\(line)"
        case .default: "the default"
        case .tokenFile(let path, _): path
        }
    }
}

/// A resolved value together with the place it came from.
public struct Sourced<Value: Sendable>: Sendable {
    /// The value in effect.
    public var value: Value
    /// Where `value` came from.
    public var source: ConfigSource

    /// A value from `source`.
    public init(_ value: Value, from source: ConfigSource) {
        self.value = value
        self.source = source
    }
}

extension Sourced: Equatable where Value: Equatable {}
