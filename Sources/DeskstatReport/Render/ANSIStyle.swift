/// ANSI SGR styling, applied only when colour is on.
struct ANSIStyle: Sendable {
    /// Whether escape codes are written at all.
    let enabled: Bool

    private static let reset = "\u{1B}[0m"

    /// Bold, for headings.
    func bold(_ text: String) -> String { wrap(text, "1") }

    /// Dim, for undefined values and rules.
    func dim(_ text: String) -> String { wrap(text, "2") }

    /// Yellow bold, for the warnings heading.
    func warning(_ text: String) -> String { wrap(text, "1;33") }

    /// The colour of a cell's tone: green up, red down, dim undefined.
    func tone(_ text: String, _ tone: CellTone) -> String {
        switch tone {
        case .plain: text
        case .muted: wrap(text, "2")
        case .positive: wrap(text, "32")
        case .negative: wrap(text, "31")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m" + text + Self.reset : text
    }
}
