/// JSON string literals: deskstat's one string escaper, with the rule sets its outputs need.
///
/// Every rule set escapes what RFC 8259 requires (`"`, `\` and the control characters below
/// U+0020; `\n`, `\r` and `\t` by their short forms, the others as `\u00XX` in lowercase hex) and
/// writes everything else as itself. The options add to that.
public enum JSONString {
    /// What is escaped beyond what RFC 8259 requires.
    public struct Escaping: OptionSet, Sendable {
        public let rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// Backspace and form feed as `\b` and `\f` (else `\u0008` and `\u000c`).
        public static let shortControlEscapes = Escaping(rawValue: 1)
        /// DEL, U+2028 and U+2029 as `\u` escapes: text that is safe inside a JavaScript string and
        /// an HTML script block, and (DEL) printable YAML.
        public static let scriptSafe = Escaping(rawValue: 2)

        /// Only what RFC 8259 requires: the cache's canonical JSON text (custom field values, SLA
        /// conditions, `query` output). It must not change, or stored values would stop matching
        /// what a new import writes; the import fast path copies unescaped strings verbatim on the
        /// same rule.
        public static let minimal: Escaping = []
        /// With `\b` and `\f`: API-shaped JSON (the demo generator, the fake Zendesk).
        public static let standard: Escaping = [.shortControlEscapes]
        /// Report JSON: also DEL, U+2028 and U+2029.
        public static let report: Escaping = [.shortControlEscapes, .scriptSafe]
    }

    /// `text` in double quotes, escaped by `escaping`.
    public static func quoted(_ text: String, escaping: Escaping) -> String {
        var out = ""
        append(text, to: &out, escaping: escaping)
        return out
    }

    /// Appends `text` in double quotes, escaped by `escaping`.
    public static func append(_ text: String, to out: inout String, escaping: Escaping) {
        out += "\""
        for scalar in text.unicodeScalars {
            if let escape = escape(scalar, escaping: escaping) {
                out += escape
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// The escape sequence for `scalar`, or `nil` when it is written as itself.
    public static func escape(_ scalar: Unicode.Scalar, escaping: Escaping) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}" where escaping.contains(.shortControlEscapes): return "\\b"
        case "\u{0C}" where escaping.contains(.shortControlEscapes): return "\\f"
        case "\u{7F}", "\u{2028}", "\u{2029}":
            return escaping.contains(.scriptSafe) ? unicodeEscape(scalar.value) : nil
        default:
            return scalar.value < 0x20 ? unicodeEscape(scalar.value) : nil
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
