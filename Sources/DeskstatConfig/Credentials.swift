import Foundation

/// The token in effect, what kind it is, and where it came from.
///
/// An API token is sent as HTTP Basic `EMAIL/token:TOKEN`; an OAuth access token as `Bearer TOKEN`.
/// Printing a `Credentials` value never shows the token.
public struct Credentials: Sendable, Equatable, CustomStringConvertible {
    /// How the token authenticates.
    public enum Kind: String, Sendable, Equatable {
        /// A Zendesk API token (Admin Center → Apps and integrations → Zendesk API).
        case apiToken = "api_token"
        /// An OAuth access token.
        case oauthToken = "oauth_token"
    }

    /// How the token authenticates.
    public let kind: Kind
    /// The token.
    public let token: Secret
    /// Where the token came from (`env ZENDESK_API_TOKEN`, a token file, …).
    public let source: ConfigSource

    /// Credentials of `kind` with `token` from `source`.
    public init(kind: Kind, token: Secret, source: ConfigSource) {
        self.kind = kind
        self.token = token
        self.source = source
    }

    /// The `Authorization` header value: `Basic base64("EMAIL/token:TOKEN")` for an API token,
    /// `Bearer TOKEN` for OAuth. An API token needs the email; without one this throws
    /// `.missingSettings([.email])`.
    public func authorizationHeader(email: String?) throws(ConfigError) -> Secret {
        switch kind {
        case .oauthToken:
            return Secret("Bearer " + token.reveal())
        case .apiToken:
            guard let email else { throw .missingSettings([.email]) }
            return Secret("Basic " + Self.basicPayload(email: email, token: token))
        }
    }

    /// A redactor for this token in every form it takes on the wire (with `email`, also the
    /// Base64 Basic payload).
    public func redactor(email: String?) -> Redactor {
        Redactor(secrets: Redactor.forms(of: token, email: kind == .apiToken ? email : nil))
    }

    /// `set (env ZENDESK_API_TOKEN)`; never the token.
    public var description: String { "set (\(source))" }

    /// `base64("EMAIL/token:TOKEN")`.
    static func basicPayload(email: String, token: Secret) -> String {
        Data("\(email)/token:\(token.reveal())".utf8).base64EncodedString()
    }
}
