/// A value as given, before validation: text (environment, flags, YAML scalars), a list (YAML
/// sequences, repeated flags) or a number (integer flags).
enum RawValue: Sendable, Equatable {
    case text(String)
    case list([String])
    case integer(Int)
}

/// A problem with a value, phrased without its place; `RawSetting` adds the place.
struct ValueProblem: Error, Equatable {
    /// What is wrong and how to fix it, e.g. `"2017/01/25" is not a date; write 2017-01-25 …`.
    let message: String

    init(_ message: String) {
        self.message = message
    }
}

/// One value for one key from one source, with the typed readers that validate it.
struct RawSetting: Sendable, Equatable {
    let key: ConfigKey
    let value: RawValue
    let source: ConfigSource

    /// The value as text; a list is a wrong type.
    func text() throws(ConfigError) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .list: throw wrongType(expected: "text", found: "a list")
        }
    }

    /// The value as a list: YAML sequences and repeated flags as given, text split on commas.
    func list() throws(ConfigError) -> [String] {
        switch value {
        case .text(let text): return text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        case .list(let items): return items.flatMap { $0.split(separator: ",").map(String.init) }
        case .integer(let number): return [String(number)]
        }
    }

    /// The value as a whole number within `range`.
    func integer(in range: ClosedRange<Int>, why: String) throws(ConfigError) -> Int {
        let number: Int
        switch value {
        case .integer(let value): number = value
        case .list: throw wrongType(expected: "a whole number, e.g. \(range.lowerBound)", found: "a list")
        case .text(let text):
            guard let value = Int(text.trimmed) else {
                throw wrongType(expected: "a whole number, e.g. \(range.upperBound)", found: QuotedValue.quoted(text))
            }
            number = value
        }
        guard range.contains(number) else {
            throw ConfigError.invalidValue(
                key: key, source: source,
                problem: "\(number) is out of range; use \(range.lowerBound)…\(range.upperBound) (\(why))")
        }
        return number
    }

    /// The text value run through `parse`, with a failure turned into `.invalidValue` here.
    func parsed<T>(_ parse: (String) throws(ValueProblem) -> T) throws(ConfigError) -> T {
        let text = try text()
        do {
            return try parse(text)
        } catch {
            throw .invalidValue(key: key, source: source, problem: error.message)
        }
    }

    /// A list value run through `parse`.
    func parsedList<T>(_ parse: ([String]) throws(ValueProblem) -> T) throws(ConfigError) -> T {
        let items = try list()
        do {
            return try parse(items)
        } catch {
            throw .invalidValue(key: key, source: source, problem: error.message)
        }
    }

    private func wrongType(expected: String, found: String) -> ConfigError {
        .wrongType(key: key, source: source, expected: expected, found: key.isSecret ? "another kind of value" : found)
    }
}
