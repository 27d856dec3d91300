/// Resolves deskstat's configuration from flags, the environment, a config file and defaults,
/// in that order of precedence.
///
/// ```swift
/// let configuration = try ConfigLoader.load(
///     flags: ConfigFlags(email: "admin@acme.com"),
///     environment: ProcessInfo.processInfo.environment,
///     workingDirectory: FileManager.default.currentDirectoryPath)
/// ```
///
/// | key | flag | environment | YAML key | default |
/// |---|---|---|---|---|
/// | subdomain | `--subdomain` | `ZENDESK_SUBDOMAIN` | `subdomain` | — |
/// | email | `--email` | `ZENDESK_EMAIL` | `email` | — |
/// | start date | `--start-date` | `DESKSTAT_START_DATE` | `start_date` | — |
/// | tables | `--tables` | `DESKSTAT_TABLES` (comma list) | `tables` | all |
/// | cache | `--cache` | `DESKSTAT_CACHE` | `cache` | `deskstat.sqlite` |
/// | base URL | `--base-url` | `ZENDESK_BASE_URL` | `base_url` | `https://SUBDOMAIN.zendesk.com` |
/// | incremental limit | `--incremental-requests-per-minute` | `DESKSTAT_INCREMENTAL_REQUESTS_PER_MINUTE` | `incremental_requests_per_minute` | 10 (1…30) |
/// | request limit | `--requests-per-minute` | `DESKSTAT_REQUESTS_PER_MINUTE` | `requests_per_minute` | 200 (1…2500) |
/// | audit concurrency | `--audit-concurrency` | `DESKSTAT_AUDIT_CONCURRENCY` | `audit_concurrency` | 4 (1…20) |
/// | token file | `--token-file` | — | `token_file` | — |
///
/// The token comes from `CredentialResolver`'s order (`ZENDESK_API_TOKEN`, `ZENDESK_OAUTH_TOKEN`,
/// token files, `api_token:`). Empty environment variables count as unset. A subdomain given as a
/// URL (`https://acme.zendesk.com`) is read as `acme`, with a warning. Relative `cache` and
/// `token_file` paths in a config file are relative to the file's folder; `~/` is expanded with
/// `HOME` from `environment`.
public enum ConfigLoader {
    /// The config file name searched for (`./deskstat.yaml`, then the XDG config folder).
    public static let fileName = ConfigFileLocator.fileName

    /// The resolved configuration. Throws on the first invalid value from any source, naming the
    /// file and line, variable or flag.
    ///
    /// - Parameters:
    ///   - flags: the command line's configuration flags.
    ///   - environment: the process environment (injected so tests control it).
    ///   - workingDirectory: where relative paths and `./deskstat.yaml` are looked up.
    ///   - fileSystem: the disk; an in-memory fake in tests.
    public static func load(
        flags: ConfigFlags, environment: [String: String], workingDirectory: String,
        fileSystem: any FileSystem = LocalFileSystem()
    ) throws(ConfigError) -> DeskstatConfiguration {
        var secrets = [CredentialVariable.apiToken, CredentialVariable.oauthToken].compactMap { name in
            environment[name].map { Secret($0.trimmed) }
        }
        do {
            return try resolve(
                flags: flags, environment: environment, workingDirectory: workingDirectory, fileSystem: fileSystem,
                secrets: &secrets)
        } catch {
            // A token pasted into another key would be quoted by its error message.
            throw error.redacting(Redactor(secrets: secrets.flatMap { Redactor.forms(of: $0, email: nil) }))
        }
    }

    /// `load` without the final redaction; adds the tokens it finds to `secrets` as it goes.
    private static func resolve(
        flags: ConfigFlags, environment: [String: String], workingDirectory: String, fileSystem: any FileSystem,
        secrets: inout [Secret]
    ) throws(ConfigError) -> DeskstatConfiguration {
        let located = try ConfigFileLocator.locate(
            flags: flags, environment: environment, workingDirectory: workingDirectory, fileSystem: fileSystem)
        var file: ConfigFileContents?
        if let located { file = try ConfigFileReader.read(located, fileSystem: fileSystem) }
        if case .text(let token)? = file?.setting(for: .apiToken)?.value { secrets.append(Secret(token.trimmed)) }
        let sources = SettingSources(flags: flags, environment: environment, file: file)
        let paths = PathReader(home: environment["HOME"], configFile: file?.path)

        var configuration = DeskstatConfiguration()
        configuration.configFile = located.map { Sourced($0.displayPath, from: $0.source) }
        if let subdomain = try sources.resolve(.subdomain, readSubdomain) {
            configuration.subdomain = subdomain.value
            configuration.warnings += subdomainWarning(subdomain.raw, resolved: subdomain.value.value)
        }
        configuration.email = try sources.text(.email, ValueParsers.email)
        configuration.startDate = try sources.text(.startDate, ValueParsers.startDate)
        configuration.tables = try sources.list(.tables, ValueParsers.tables) ?? configuration.tables
        configuration.cachePath = try sources.resolve(.cache, paths.read)?.value ?? configuration.cachePath
        configuration.baseURL = try sources.text(.baseURL, ValueParsers.baseURL)
        try resolveLimits(into: &configuration, sources)
        configuration.tokenFile = try sources.resolve(.tokenFile, paths.read)?.value

        let resolver = CredentialResolver(
            environment: environment, file: file, workingDirectory: workingDirectory, fileSystem: fileSystem)
        let outcome = try resolver.resolve(tokenFile: configuration.tokenFile)
        configuration.credentials = outcome.credentials
        configuration.knownSecrets = outcome.secrets
        configuration.warnings += outcome.warnings
        return configuration
    }

    /// The three request limits, each checked against its range.
    private static func resolveLimits(into configuration: inout DeskstatConfiguration, _ sources: SettingSources)
        throws(ConfigError)
    {
        typealias Defaults = DeskstatConfiguration.Defaults
        configuration.incrementalRequestsPerMinute =
            try sources.integer(
                .incrementalRequestsPerMinute, in: Defaults.incrementalRequestsPerMinuteRange,
                why: "Zendesk allows 10 incremental export requests a minute, 30 with the High Volume add-on")
            ?? configuration.incrementalRequestsPerMinute
        configuration.requestsPerMinute =
            try sources.integer(
                .requestsPerMinute, in: Defaults.requestsPerMinuteRange,
                why: "your plan's limit: Team 200, Growth and Professional 400, Enterprise 700, High Volume 2500")
            ?? configuration.requestsPerMinute
        configuration.auditConcurrency =
            try sources.integer(
                .auditConcurrency, in: Defaults.auditConcurrencyRange, why: "tickets whose audits are fetched at once")
            ?? configuration.auditConcurrency
    }

    private static func readSubdomain(_ raw: RawSetting) throws(ConfigError) -> String {
        try raw.parsed(ValueParsers.subdomain)
    }

    /// A note when the subdomain was given as a URL or in capitals and was normalised.
    private static func subdomainWarning(_ raw: RawSetting, resolved: String) -> [String] {
        guard case .text(let text) = raw.value, text.trimmed != resolved else { return [] }
        let shown = QuotedValue.quoted(resolved)
        return [
            "\(raw.source.location): read the subdomain \(QuotedValue.quoted(text)) as \(shown); write just \(shown)"
        ]
    }
}

/// Reads path settings: `~/` expanded, and relative paths from a config file made relative to
/// that file's folder.
private struct PathReader {
    let home: String?
    let configFile: String?

    func read(_ setting: RawSetting) throws(ConfigError) -> String {
        let path = Path.expandingTilde(try setting.parsed(ValueParsers.path), home: home)
        guard case .file = setting.source, let configFile else { return path }
        return Path.expandingTilde(Path.joinedForDisplay(path, under: Path.directory(of: configFile)), home: home)
    }
}
