/// A value the user gave, quoted for an error message and shortened when long, so that a 10 MB
/// value gives a one-line message: `"a!a!…" (10485760 bytes)`.
enum QuotedValue {
    /// The most characters of a value a message quotes.
    static let maximumCharacters = 80

    /// `"value"`, or the first `maximumCharacters` characters, `…` and the value's size in bytes.
    static func quoted(_ value: some StringProtocol) -> String {
        let head = value.prefix(maximumCharacters)
        guard head.endIndex < value.endIndex else { return "\"\(value)\"" }
        return "\"\(head)…\" (\(value.utf8.count) bytes)"
    }
}
