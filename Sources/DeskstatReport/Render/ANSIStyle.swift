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

    /// The colour of a cell: dim when undefined; a change green when it moves the measure's good
    /// `direction`, red when it moves the other way, plain for neutral measures.
    func tone(_ text: String, _ tone: CellTone, direction: GoodDirection) -> String {
        if tone == .muted { return wrap(text, "2") }
        switch tone.judged(direction) {
        case true?: return wrap(text, "32")
        case false?: return wrap(text, "31")
        case nil: return text
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m" + text + Self.reset : text
    }
}
