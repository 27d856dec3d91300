/// Every setting deskstat reads, with its spelling in each source.
///
/// The YAML key is the raw value (snake_case). The loader, `config show`, the `init` template and
/// error messages all take their names from here, so the spellings cannot drift apart.
public enum ConfigKey: String, CaseIterable, Sendable {
    case subdomain
    case email
    case startDate = "start_date"
    case tables
    case cache
    case baseURL = "base_url"
    case incrementalRequestsPerMinute = "incremental_requests_per_minute"
    case requestsPerMinute = "requests_per_minute"
    case auditConcurrency = "audit_concurrency"
    case tokenFile = "token_file"
    case apiToken = "api_token"

    /// The key as written in `deskstat.yaml`.
    public var yamlKey: String { rawValue }

    /// The environment variable that sets the key, if any. The token file and the in-file token
    /// have none: the token itself comes from `ZENDESK_API_TOKEN` (see `CredentialVariable`).
    public var environmentVariable: String? {
        switch self {
        case .subdomain: "ZENDESK_SUBDOMAIN"
        case .email: "ZENDESK_EMAIL"
        case .startDate: "DESKSTAT_START_DATE"
        case .tables: "DESKSTAT_TABLES"
        case .cache: "DESKSTAT_CACHE"
        case .baseURL: "ZENDESK_BASE_URL"
        case .incrementalRequestsPerMinute: "DESKSTAT_INCREMENTAL_REQUESTS_PER_MINUTE"
        case .requestsPerMinute: "DESKSTAT_REQUESTS_PER_MINUTE"
        case .auditConcurrency: "DESKSTAT_AUDIT_CONCURRENCY"
        case .tokenFile, .apiToken: nil
        }
    }

    /// The command-line flag that sets the key, if any. There is deliberately no flag for the
    /// token itself: command lines are visible to other users (`ps`) and kept in shell history.
    public var flag: String? {
        switch self {
        case .apiToken: nil
        default: "--" + rawValue.replacingUnderscores(with: "-")
        }
    }

    /// Whether the key's value is a secret that must never be echoed.
    var isSecret: Bool { self == .apiToken }
}

/// The environment variables that carry credentials.
public enum CredentialVariable {
    /// A Zendesk API token, sent as HTTP Basic `EMAIL/token:TOKEN`.
    public static let apiToken = "ZENDESK_API_TOKEN"
    /// An OAuth access token, sent as `Bearer TOKEN`.
    public static let oauthToken = "ZENDESK_OAUTH_TOKEN"
}

extension String {
    /// The string with every `_` replaced by `replacement`.
    func replacingUnderscores(with replacement: Character) -> String {
        String(map { $0 == "_" ? replacement : $0 })
    }
}
