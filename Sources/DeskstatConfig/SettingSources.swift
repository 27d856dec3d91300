/// The three places a setting can come from, asked in precedence order.
struct SettingSources: Sendable {
    let flags: ConfigFlags
    let environment: [String: String]
    let file: ConfigFileContents?

    /// The values given for `key`, highest precedence first: flag, environment variable (an empty
    /// one counts as unset), config file.
    func candidates(for key: ConfigKey) -> [RawSetting] {
        var result: [RawSetting] = []
        if let flag = flags.setting(for: key) { result.append(flag) }
        if let name = key.environmentVariable, let value = environment[name], !value.trimmed.isEmpty {
            result.append(RawSetting(key: key, value: .text(value), source: .environment(name)))
        }
        if let setting = file?.setting(for: key) { result.append(setting) }
        return result
    }

    /// The value of the highest-precedence source, with that source. Every given value is
    /// validated, also those overridden, so a broken value cannot hide until the flag is dropped.
    func resolve<T: Sendable>(_ key: ConfigKey, _ parse: (RawSetting) throws(ConfigError) -> T)
        throws(ConfigError) -> (value: Sourced<T>, raw: RawSetting)?
    {
        var winner: (value: Sourced<T>, raw: RawSetting)?
        for candidate in candidates(for: key) {
            let value = try parse(candidate)
            if winner == nil { winner = (Sourced(value, from: candidate.source), candidate) }
        }
        return winner
    }
}

extension SettingSources {
    /// The text value of `key` run through `parse`.
    func text<T: Sendable>(_ key: ConfigKey, _ parse: (String) throws(ValueProblem) -> T) throws(ConfigError)
        -> Sourced<T>?
    {
        try resolve(key) { setting throws(ConfigError) in try setting.parsed(parse) }?.value
    }

    /// The list value of `key` run through `parse`.
    func list<T: Sendable>(_ key: ConfigKey, _ parse: ([String]) throws(ValueProblem) -> T) throws(ConfigError)
        -> Sourced<T>?
    {
        try resolve(key) { setting throws(ConfigError) in try setting.parsedList(parse) }?.value
    }

    /// The whole-number value of `key`, within `range` (`why` explains the range in messages).
    func integer(_ key: ConfigKey, in range: ClosedRange<Int>, why: String) throws(ConfigError) -> Sourced<Int>? {
        try resolve(key) { setting throws(ConfigError) in try setting.integer(in: range, why: why) }?.value
    }
}
