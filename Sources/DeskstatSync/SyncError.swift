/// Everything that can stop a sync or one of its tables.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// 401: the credentials were refused.
    case unauthorized(String)
    /// 403 on a table the account's plan (or the user's role) does not allow.
    case forbidden(table: String, body: String)
    /// 404.
    case notFound(String)
    /// 504: the page was too big to build in time.
    case gatewayTimeout(String)
    /// Another 4xx: a request deskstat should not have made.
    case http(status: Int, url: String, body: String)
    /// Retries ran out on 429/5xx/network failures.
    case gaveUp(url: String, lastProblem: String)
    /// A 200 response whose body is not a valid Zendesk body, after retries.
    case malformedBody(url: String, problem: String)
    /// The cache refused a write.
    case cache(String)
    /// The run was interrupted (SIGINT/SIGTERM); everything committed so far is kept.
    case interrupted
    /// The configuration is unusable.
    case configuration(String)

    public var description: String {
        switch self {
        case .unauthorized(let url):
            return "Zendesk refused the credentials (401) for \(url); check the email and ZENDESK_API_TOKEN "
                + "(Admin Center → Apps and integrations → Zendesk API: token access enabled, token not revoked)"
        case .forbidden(let table, let body):
            return "\(table) is not available to this account or user (403): \(body)"
        case .notFound(let url):
            return "not found (404): \(url)"
        case .gatewayTimeout(let url):
            return "Zendesk timed out building \(url) (504)"
        case .http(let status, let url, let body):
            return "Zendesk answered \(status) for \(url): \(body)"
        case .gaveUp(let url, let problem):
            return
                "gave up on \(url) after repeated failures; last: \(problem). Run sync again later: it resumes where it stopped"
        case .malformedBody(let url, let problem):
            return "Zendesk sent a body deskstat cannot read for \(url): \(problem)"
        case .cache(let message):
            return message
        case .interrupted:
            return "interrupted; everything up to the last committed page is kept and the next sync resumes from there"
        case .configuration(let message):
            return message
        }
    }
}
