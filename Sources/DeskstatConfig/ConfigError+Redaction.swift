extension ConfigError {
    /// The same error with every secret `redactor` knows replaced in its text, for the case of a
    /// token pasted into the wrong key (`email: TOKEN`), whose message would otherwise quote it.
    func redacting(_ redactor: Redactor) -> ConfigError {
        let r = redactor.redact
        switch self {
        case .configFileNotFound(let path): return .configFileNotFound(path: r(path))
        case .unreadableFile(let path, let reason): return .unreadableFile(path: r(path), reason: r(reason))
        case .insecurePermissions(let path, let mode, let role):
            return .insecurePermissions(path: r(path), mode: mode, role: role)
        case .syntax(let path, let line, let column, let problem):
            return .syntax(path: r(path), line: line, column: column, problem: r(problem))
        case .unknownKey(let path, let line, let key, let suggestion):
            return .unknownKey(path: r(path), line: line, key: r(key), suggestion: suggestion)
        case .duplicateKey(let path, let line, let key): return .duplicateKey(path: r(path), line: line, key: r(key))
        case .wrongType(let key, let source, let expected, let found):
            return .wrongType(key: key, source: source, expected: expected, found: r(found))
        case .invalidValue(let key, let source, let problem):
            return .invalidValue(key: key, source: source, problem: r(problem))
        case .invalidTokenFile(let path, let problem): return .invalidTokenFile(path: r(path), problem: r(problem))
        case .writeFailed(let path, let reason): return .writeFailed(path: r(path), reason: r(reason))
        case .tooManyInvalidAnswers(let question, let attempts, let lastProblem):
            return .tooManyInvalidAnswers(question: question, attempts: attempts, lastProblem: r(lastProblem))
        case .missingSettings, .conflictingCredentials, .fileExists, .inputEnded:
            return self
        }
    }
}
