/// Finds the token, in this order:
///
/// 1. `--token-file PATH` (a flag beats the environment, as everywhere);
/// 2. `ZENDESK_OAUTH_TOKEN` (Bearer) or `ZENDESK_API_TOKEN` (Basic); both set is an error;
/// 3. `token_file:` in the config file (relative to the config file's folder);
/// 4. `api_token:` in the config file (allowed, with a warning whether or not it is used).
///
/// Only the token file that wins is read; it must be `chmod 600`.
struct CredentialResolver {
    let environment: [String: String]
    let file: ConfigFileContents?
    let workingDirectory: String
    let fileSystem: any FileSystem

    /// What was found.
    struct Outcome {
        var credentials: Credentials?
        var warnings: [String] = []
        /// Every token read, used or not, for redaction.
        var secrets: [Secret] = []
    }

    /// The token in effect given the resolved `token_file` setting.
    func resolve(tokenFile: Sourced<String>?) throws(ConfigError) -> Outcome {
        var outcome = Outcome()
        let inFile = try tokenInConfigFile()
        if let inFile {
            outcome.secrets.append(inFile.value)
            outcome.warnings.append(
                "\(inFile.source.location): api_token keeps the API token in the config file; prefer exporting "
                    + "\(CredentialVariable.apiToken) or naming a chmod 600 file with token_file:")
        }
        let apiToken = try environmentToken(CredentialVariable.apiToken)
        let oauthToken = try environmentToken(CredentialVariable.oauthToken)
        outcome.secrets += [apiToken, oauthToken].compactMap { $0 }
        if apiToken != nil && oauthToken != nil {
            throw .conflictingCredentials(first: CredentialVariable.apiToken, second: CredentialVariable.oauthToken)
        }
        if let tokenFile, case .flag = tokenFile.source {
            outcome.credentials = try read(tokenFile)
        } else if let oauthToken {
            outcome.credentials = Credentials(
                kind: .oauthToken, token: oauthToken, source: .environment(CredentialVariable.oauthToken))
        } else if let apiToken {
            outcome.credentials = Credentials(
                kind: .apiToken, token: apiToken, source: .environment(CredentialVariable.apiToken))
        } else if let tokenFile {
            outcome.credentials = try read(tokenFile)
        } else if let inFile {
            outcome.credentials = Credentials(kind: .apiToken, token: inFile.value, source: inFile.source)
        }
        if let credentials = outcome.credentials { outcome.secrets.append(credentials.token) }
        return outcome
    }

    /// A token from an environment variable; empty counts as unset.
    private func environmentToken(_ name: String) throws(ConfigError) -> Secret? {
        guard let value = environment[name], !value.trimmed.isEmpty else { return nil }
        return try RawSetting(key: .apiToken, value: .text(value), source: .environment(name))
            .parsed(ValueParsers.token)
    }

    /// `api_token:` from the config file.
    private func tokenInConfigFile() throws(ConfigError) -> Sourced<Secret>? {
        guard let setting = file?.setting(for: .apiToken) else { return nil }
        return Sourced(try setting.parsed(ValueParsers.token), from: setting.source)
    }

    /// The API token in the file `tokenFile` names.
    private func read(_ tokenFile: Sourced<String>) throws(ConfigError) -> Credentials {
        let path = tokenFile.value
        let text = try PrivateFile.read(
            absolutePath: Path.absolute(path, from: workingDirectory), displayPath: path, role: .tokenFile,
            fileSystem: fileSystem)
        do {
            let token = try ValueParsers.token(text)
            return Credentials(
                kind: .apiToken, token: token, source: .tokenFile(path: path, namedBy: tokenFile.source))
        } catch {
            throw .invalidTokenFile(path: path, problem: error.message)
        }
    }
}
