/// A credential that does not print itself.
///
/// `description`, `debugDescription`, string interpolation, `String(describing:)`, `dump` and
/// `Mirror` all show `••••(redacted)`. The value comes out only through `reveal()`, which is meant
/// for the one place that needs it: building the HTTP `Authorization` header.
///
/// ```swift
/// let token = Secret("s3cr3t")
/// print(token)            // ••••(redacted)
/// token.reveal()          // "s3cr3t"
/// ```
///
/// `Secret` is deliberately not `Codable`, so it cannot be written to JSON or YAML by accident.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// What every textual form of a secret shows.
    public static let placeholder = "••••(redacted)"

    private let value: String

    /// Wraps `value`.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret itself. Use it only to build the request; never log or print it.
    public func reveal() -> String { value }

    /// Whether the secret is the empty string.
    public var isEmpty: Bool { value.isEmpty }

    /// `••••(redacted)`.
    public var description: String { Self.placeholder }

    /// `••••(redacted)`.
    public var debugDescription: String { Self.placeholder }

    /// A mirror without children, so `dump` and reflection-based printing show only the placeholder.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
