import Foundation

/// Replaces every known secret in a piece of text with `[redacted]`.
///
/// Built from the token in effect, it also knows the forms the token takes on the wire: the
/// Base64 payload of the Basic header (padded, unpadded and URL-safe) and the percent-encoded
/// token. The sync code passes every log and error line through `redact(_:)`.
///
/// ```swift
/// configuration.redact("401 for Authorization: Basic YWRtaW5A…")   // "401 for Authorization: Basic [redacted]"
/// ```
public struct Redactor: Sendable, CustomStringConvertible, CustomReflectable {
    /// What a redacted secret becomes.
    public static let replacement = "[redacted]"

    /// Secret strings, longest first so a longer form is replaced before a shorter one inside it.
    private let needles: [Secret]

    /// A redactor that replaces exactly these strings (empty ones are ignored).
    public init(secrets: [Secret]) {
        var seen = Set<String>()
        var unique: [Secret] = []
        for secret in secrets where !secret.isEmpty && seen.insert(secret.reveal()).inserted {
            unique.append(secret)
        }
        needles = unique.sorted { $0.reveal().utf8.count > $1.reveal().utf8.count }
    }

    /// A redactor that changes nothing (no credentials are configured).
    public static let none = Redactor(secrets: [])

    /// `text` with every occurrence of every secret replaced by `[redacted]`.
    public func redact(_ text: String) -> String {
        var result = text
        for needle in needles {
            result = result.replacingOccurrences(of: needle.reveal(), with: Self.replacement)
        }
        return result
    }

    /// `Redactor(n secrets)`; never the secrets themselves.
    public var description: String { "Redactor(\(needles.count) secrets)" }

    /// A mirror without children, so `dump` shows only the description.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The strings a token can appear as in logs: itself, percent-encoded, and inside the
    /// Base64 Basic-auth payload for `email` (standard padded and unpadded, and URL-safe).
    static func forms(of token: Secret, email: String?) -> [Secret] {
        var forms = [token]
        let raw = token.reveal()
        if let encoded = raw.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != raw {
            forms.append(Secret(encoded))
        }
        if let email {
            let payload = Credentials.basicPayload(email: email, token: token)
            let unpadded = String(payload.reversed().drop(while: { $0 == "=" }).reversed())
            let urlSafe = String(
                unpadded.map { character -> Character in
                    switch character {
                    case "+": "-"
                    case "/": "_"
                    default: character
                    }
                })
            forms += [Secret(payload), Secret(unpadded), Secret(urlSafe)]
        }
        return forms
    }
}
