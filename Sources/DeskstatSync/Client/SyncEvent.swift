/// What a running sync reports, for progress on stderr and `--verbose` logs.
public enum SyncEvent: Sendable {
    /// A request and its status (the Authorization header is never part of an event).
    case request(url: String, status: Int, milliseconds: Int)
    /// Waiting: for a rate-limit slot, a Retry-After, or a backoff.
    case waiting(seconds: Double, reason: String)
    /// A page of a table was committed.
    case page(table: String, records: Int, total: Int)
    /// A table finished (or was skipped), with a one-line summary.
    case tableFinished(table: String, summary: String)
    /// Something worth knowing that did not stop the sync.
    case warning(String)
}
