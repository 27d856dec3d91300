public import Foundation

/// Everything `deskstat sync` needs, validated and complete: what `DeskstatConfiguration.syncSettings()`
/// returns once subdomain (or base URL), start date and token are all set.
///
/// ```swift
/// let settings = try configuration.syncSettings()
/// let client = ZendeskClient.Settings(
///     baseURL: settings.baseURL, authorization: settings.authorization.reveal(),
///     incrementalPerMinute: settings.incrementalRequestsPerMinute, standardPerMinute: settings.requestsPerMinute)
/// ```
public struct SyncSettings: Sendable {
    /// The API address (`https://acme.zendesk.com`, or the override); paths go under `/api/v2/`.
    public let baseURL: URL
    /// The `Authorization` header value.
    public let authorization: Secret
    /// The first sync's start, in UTC epoch seconds.
    public let startTime: Int64
    /// Table names to sync, in documentation order.
    public let tables: [String]
    /// The SQLite cache file.
    public let cachePath: String
    /// Requests per minute to `/incremental/*`.
    public let incrementalRequestsPerMinute: Int
    /// Requests per minute to other endpoints.
    public let requestsPerMinute: Int
    /// Tickets whose audits are fetched concurrently.
    public let auditConcurrency: Int
    /// Removes the token from text.
    public let redactor: Redactor

    /// `text` with the token in any form replaced by `[redacted]`.
    public func redact(_ text: String) -> String { redactor.redact(text) }
}
