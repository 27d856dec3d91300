/// What `deskstat init` writes into `deskstat.yaml`: validated answers or flag values.
///
/// Optional values left nil are written as commented-out examples showing the default.
public struct InitValues: Sendable, Equatable {
    /// The bare subdomain (`acme`).
    public var subdomain: String
    /// The admin's email, or nil (e.g. when using OAuth).
    public var email: String?
    /// Where the first sync starts, in UTC epoch seconds.
    public var startDate: Int64
    /// Tables to sync, in documentation order.
    public var tables: [String]
    /// The cache file, or nil for the default.
    public var cachePath: String?
    /// An API address override, or nil for `https://SUBDOMAIN.zendesk.com`.
    public var baseURL: String?
    /// A file holding only the token, or nil.
    public var tokenFile: String?
    /// Requests per minute to incremental exports, or nil for the default.
    public var incrementalRequestsPerMinute: Int?
    /// Requests per minute to other endpoints, or nil for the default.
    public var requestsPerMinute: Int?
    /// Tickets whose audits are fetched at once, or nil for the default.
    public var auditConcurrency: Int?

    /// Values as given; they are assumed valid (the wizard and `InitWizard.values(from:)`
    /// validate before building one).
    public init(
        subdomain: String, email: String? = nil, startDate: Int64, tables: [String] = ZendeskTable.defaultNames,
        cachePath: String? = nil, baseURL: String? = nil, tokenFile: String? = nil,
        incrementalRequestsPerMinute: Int? = nil, requestsPerMinute: Int? = nil, auditConcurrency: Int? = nil
    ) {
        self.subdomain = subdomain
        self.email = email
        self.startDate = startDate
        self.tables = tables
        self.cachePath = cachePath
        self.baseURL = baseURL
        self.tokenFile = tokenFile
        self.incrementalRequestsPerMinute = incrementalRequestsPerMinute
        self.requestsPerMinute = requestsPerMinute
        self.auditConcurrency = auditConcurrency
    }
}

/// Pre-filled answers for `deskstat init`: flags first, then the environment for subdomain,
/// email, start date, tables and cache. (Base URL, limits and token file come from flags only,
/// so a test server address in the environment does not end up in a config file.)
public struct InitDefaults: Sendable, Equatable {
    /// The keys `init` takes from the environment as well as from flags.
    static let environmentKeys: Set<ConfigKey> = [.subdomain, .email, .startDate, .tables, .cache]

    var settings: [ConfigKey: RawSetting] = [:]

    /// No pre-filled answers.
    public init() {}

    /// Pre-filled answers from `flags` and `environment`.
    public init(flags: ConfigFlags, environment: [String: String]) {
        let sources = SettingSources(flags: flags, environment: environment, file: nil)
        for key in ConfigKey.allCases {
            let candidates = sources.candidates(for: key).filter { setting in
                if case .environment = setting.source { return Self.environmentKeys.contains(key) }
                return true
            }
            if let first = candidates.first { settings[key] = first }
        }
    }

    /// Whether the required answers (subdomain and start date) are all given, so `init` can run
    /// without asking.
    public var isComplete: Bool { settings[.subdomain] != nil && settings[.startDate] != nil }

    /// The pre-filled answer for `key` as the text a user would type.
    func text(for key: ConfigKey) -> String? {
        guard let setting = settings[key] else { return nil }
        switch setting.value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .list(let items): return items.joined(separator: ",")
        }
    }
}
