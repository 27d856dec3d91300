public import Foundation

/// deskstat's settings after precedence (flag > environment > file > default), each with the
/// place it came from.
///
/// Settings without a default (subdomain, email, start date, token) are optional here so that
/// `deskstat config show` can report what is missing; `syncSettings()` insists on them.
///
/// Printing or dumping a configuration never shows the token: credentials hold it as a `Secret`.
public struct DeskstatConfiguration: Sendable, Equatable {
    /// The built-in defaults and allowed ranges.
    public enum Defaults {
        /// The cache file when none is configured.
        public static let cachePath = "deskstat.sqlite"
        /// Zendesk's limit for incremental exports without the High Volume add-on.
        public static let incrementalRequestsPerMinute = 10
        /// 10 per minute normally, 30 with the High Volume API add-on.
        public static let incrementalRequestsPerMinuteRange = 1...30
        /// The Team plan's account-wide limit, the smallest of the plans.
        public static let requestsPerMinute = 200
        /// Up to Enterprise Plus and High Volume (2500 per minute).
        public static let requestsPerMinuteRange = 1...2500
        /// Tickets whose audits are fetched at once.
        public static let auditConcurrency = 4
        /// tap-zendesk caps its audit fetcher at 20 concurrent requests.
        public static let auditConcurrencyRange = 1...20
    }

    /// The config file read, and how it was found (`flag --config`, `default` for the search);
    /// nil when there was none.
    public var configFile: Sourced<String>?
    /// The bare subdomain (`acme` for https://acme.zendesk.com).
    public var subdomain: Sourced<String>?
    /// The admin's email; API-token requests authenticate as `EMAIL/token`.
    public var email: Sourced<String>?
    /// Where the first sync starts, in UTC epoch seconds.
    public var startDate: Sourced<Int64>?
    /// The tables to sync, in documentation order (`ZendeskTable.defaultNames` by default).
    public var tables: Sourced<[String]>
    /// The SQLite cache file. A relative path from a config file is relative to that file's folder.
    public var cachePath: Sourced<String>
    /// An API address replacing `https://SUBDOMAIN.zendesk.com` (a proxy, or a fake server in tests).
    public var baseURL: Sourced<URL>?
    /// Requests per minute to `/incremental/*` endpoints.
    public var incrementalRequestsPerMinute: Sourced<Int>
    /// Requests per minute to all other endpoints.
    public var requestsPerMinute: Sourced<Int>
    /// Tickets whose audits are fetched concurrently.
    public var auditConcurrency: Sourced<Int>
    /// The `token_file` setting (from `--token-file` or the config), whether or not it was used.
    public var tokenFile: Sourced<String>?
    /// The token in effect, or nil when none was found.
    public var credentials: Credentials?
    /// Things worth telling the user on stderr (a token kept in the config file, a subdomain
    /// given as a URL); never containing a secret.
    public var warnings: [String]
    /// Every token seen while loading, also those overridden, so `redact` catches them all.
    var knownSecrets: [Secret]

    /// A configuration of defaults; pass values to override them.
    public init(
        configFile: Sourced<String>? = nil, subdomain: Sourced<String>? = nil, email: Sourced<String>? = nil,
        startDate: Sourced<Int64>? = nil,
        tables: Sourced<[String]> = Sourced(ZendeskTable.defaultNames, from: .default),
        cachePath: Sourced<String> = Sourced(Defaults.cachePath, from: .default), baseURL: Sourced<URL>? = nil,
        incrementalRequestsPerMinute: Sourced<Int> = Sourced(Defaults.incrementalRequestsPerMinute, from: .default),
        requestsPerMinute: Sourced<Int> = Sourced(Defaults.requestsPerMinute, from: .default),
        auditConcurrency: Sourced<Int> = Sourced(Defaults.auditConcurrency, from: .default),
        tokenFile: Sourced<String>? = nil, credentials: Credentials? = nil, warnings: [String] = []
    ) {
        self.configFile = configFile
        self.subdomain = subdomain
        self.email = email
        self.startDate = startDate
        self.tables = tables
        self.cachePath = cachePath
        self.baseURL = baseURL
        self.incrementalRequestsPerMinute = incrementalRequestsPerMinute
        self.requestsPerMinute = requestsPerMinute
        self.auditConcurrency = auditConcurrency
        self.tokenFile = tokenFile
        self.credentials = credentials
        self.warnings = warnings
        self.knownSecrets = credentials.map { [$0.token] } ?? []
    }

    /// The API address in effect: the `base_url` override, else `https://SUBDOMAIN.zendesk.com`
    /// (source `.default`); nil when neither a URL nor a subdomain is set.
    public var effectiveBaseURL: Sourced<URL>? {
        if let baseURL { return baseURL }
        guard let subdomain, let url = URL(string: "https://\(subdomain.value).zendesk.com") else { return nil }
        return Sourced(url, from: .default)
    }

    /// The `Authorization` header value for the token in effect (`Basic …` or `Bearer …`).
    /// Throws `.missingSettings` when there is no token, or no email for an API token.
    public func authorizationHeader() throws(ConfigError) -> Secret {
        guard let credentials else { throw .missingSettings([.token]) }
        return try credentials.authorizationHeader(email: email?.value)
    }

    /// Replaces every token (and its Basic-header form) in text with `[redacted]`.
    public var redactor: Redactor {
        let tokens = knownSecrets + (credentials.map { [$0.token] } ?? [])
        return Redactor(secrets: tokens.flatMap { Redactor.forms(of: $0, email: email?.value) })
    }

    /// `text` with every token, and the Base64 header that carries it, replaced by `[redacted]`.
    /// Pass every log and error line through this.
    public func redact(_ text: String) -> String { redactor.redact(text) }

    /// The settings `deskstat sync` needs, all present and valid; throws `.missingSettings`
    /// naming everything that is missing and how to set it.
    public func syncSettings() throws(ConfigError) -> SyncSettings {
        var missing: [MissingSetting] = []
        if effectiveBaseURL == nil { missing.append(.subdomain) }
        if credentials?.kind == .apiToken && email == nil { missing.append(.email) }
        if startDate == nil { missing.append(.startDate) }
        if credentials == nil { missing.append(.token) }
        guard missing.isEmpty, let baseURL = effectiveBaseURL, let startDate else { throw .missingSettings(missing) }
        return SyncSettings(
            baseURL: baseURL.value, authorization: try authorizationHeader(), startTime: startDate.value,
            tables: tables.value, cachePath: cachePath.value,
            incrementalRequestsPerMinute: incrementalRequestsPerMinute.value,
            requestsPerMinute: requestsPerMinute.value, auditConcurrency: auditConcurrency.value, redactor: redactor)
    }
}
