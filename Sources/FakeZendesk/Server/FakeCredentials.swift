import Foundation

/// The credentials the fake account accepts; every endpoint needs them.
public enum FakeCredentials: Sendable, Equatable {
    /// API token auth: HTTP Basic with user `EMAIL/token` and password `TOKEN`.
    case apiToken(email: String, token: String)
    /// OAuth: `Authorization: Bearer TOKEN`.
    case bearer(String)

    /// The `Authorization` header a correct client sends.
    public var authorizationHeader: String {
        switch self {
        case .apiToken(let email, let token): "Basic " + Data("\(email)/token:\(token)".utf8).base64EncodedString()
        case .bearer(let token): "Bearer " + token
        }
    }

    /// The email of the user the credentials belong to (API tokens only).
    var email: String? {
        if case .apiToken(let email, _) = self { return email }
        return nil
    }

    /// Whether an `Authorization` header (as received) carries these credentials. The scheme is
    /// case-insensitive; everything else must match exactly.
    func accepts(_ header: String?) -> Bool {
        guard let header else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return false }
        let scheme = parts[0].lowercased()
        let value = String(parts[1]).trimmingCharacters(in: .whitespaces)
        switch self {
        case .apiToken(let email, let token):
            guard scheme == "basic", let data = Data(base64Encoded: value) else { return false }
            return String(decoding: data, as: UTF8.self) == "\(email)/token:\(token)"
        case .bearer(let token):
            return scheme == "bearer" && value == token
        }
    }
}
