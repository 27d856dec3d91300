/// The configuration flags as the command line gave them; nil means "not given".
///
/// The CLI copies its parsed options in here and passes the value to `ConfigLoader.load`, which
/// validates them. Flag spellings (for messages and `config show`) are `ConfigKey.flag`, plus
/// `--config` for `configPath`.
public struct ConfigFlags: Sendable, Equatable {
    /// The spelling of the config file flag.
    public static let configFlag = "--config"

    /// `--config PATH`: the config file to read instead of searching for one.
    public var configPath: String?
    /// `--subdomain NAME`.
    public var subdomain: String?
    /// `--email ADDRESS`.
    public var email: String?
    /// `--start-date DATE` (`2017-01-25` or `2017-01-25T00:00:00Z`).
    public var startDate: String?
    /// `--tables A,B` (repeatable; each value may be a comma list, or `all`).
    public var tables: [String]?
    /// `--cache PATH`.
    public var cachePath: String?
    /// `--base-url URL`.
    public var baseURL: String?
    /// `--incremental-requests-per-minute N`.
    public var incrementalRequestsPerMinute: Int?
    /// `--requests-per-minute N`.
    public var requestsPerMinute: Int?
    /// `--audit-concurrency N`.
    public var auditConcurrency: Int?
    /// `--token-file PATH`: a file holding only the API token.
    public var tokenFile: String?

    /// Flags as given; every parameter defaults to "not given".
    public init(
        configPath: String? = nil, subdomain: String? = nil, email: String? = nil, startDate: String? = nil,
        tables: [String]? = nil, cachePath: String? = nil, baseURL: String? = nil,
        incrementalRequestsPerMinute: Int? = nil, requestsPerMinute: Int? = nil, auditConcurrency: Int? = nil,
        tokenFile: String? = nil
    ) {
        self.configPath = configPath
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
    }

    /// The flag value for `key` as a raw setting, or nil when the flag was not given.
    func setting(for key: ConfigKey) -> RawSetting? {
        let value: RawValue?
        switch key {
        case .subdomain: value = subdomain.map(RawValue.text)
        case .email: value = email.map(RawValue.text)
        case .startDate: value = startDate.map(RawValue.text)
        case .tables: value = tables.map(RawValue.list)
        case .cache: value = cachePath.map(RawValue.text)
        case .baseURL: value = baseURL.map(RawValue.text)
        case .incrementalRequestsPerMinute: value = incrementalRequestsPerMinute.map(RawValue.integer)
        case .requestsPerMinute: value = requestsPerMinute.map(RawValue.integer)
        case .auditConcurrency: value = auditConcurrency.map(RawValue.integer)
        case .tokenFile: value = tokenFile.map(RawValue.text)
        case .apiToken: value = nil
        }
        guard let value, let flag = key.flag else { return nil }
        return RawSetting(key: key, value: value, source: .flag(flag))
    }
}
