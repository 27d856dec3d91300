/// Something the reader should know before trusting a report's numbers: a stable code for
/// machines (`--fail-on-warning CODE`, JSON `warnings[].code`) and a sentence for people.
///
/// Codes are snake_case and never change meaning; new codes may be added. The codes deskstat
/// writes are listed in `ReportWarning.Code` and documented in README.md ("CI gates").
public struct ReportWarning: Sendable, Equatable, Hashable {
    /// The stable code, e.g. `"no_sla_policies"`.
    public var code: String
    /// What was found and how to fix it, e.g. `"the cache holds no SLA policies; …"`.
    public var message: String

    /// Creates a warning.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// `message [code]`: the line text and Markdown show.
    public var text: String { "\(message) [\(code)]" }

    /// The codes deskstat writes.
    public enum Code: String, Sendable, CaseIterable {
        /// Solved or closed tickets created in the window have no metric set, so they are not
        /// counted as solved and have no durations.
        case solvedWithoutMetrics = "solved_without_metrics"
        /// The cache holds no SLA policies: every SLA count is 0.
        case noSLAPolicies = "no_sla_policies"
        /// Tickets in the window carry a satisfaction rating that is not in the ratings table.
        case ratingsNotSynced = "ratings_not_synced"
        /// A table reports read was never synced or imported.
        case tableNeverLoaded = "table_never_loaded"
        /// The tickets were last synced or imported more than the allowed number of days before as-of.
        case staleData = "stale_data"
        /// Tickets whose metric set is newer than the ticket record: the ticket is out of date.
        case metricsNewerThanTicket = "metrics_newer_than_ticket"
        /// An SLA policy condition or target deskstat does not understand (see the message): the
        /// tickets it decides are left out of SLA counts.
        case slaPolicyNotUnderstood = "sla_policy_not_understood"
    }
}
