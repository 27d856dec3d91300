/// The outcome of checking one threshold against a report.
public struct ThresholdResult: Sendable, Equatable {
    /// What the check found.
    public enum Outcome: Sendable, Equatable {
        /// The condition does not hold: the report is fine.
        case passed
        /// The condition holds: `--fail-on` fails the run (exit code 3).
        case violated
        /// The metric exists but has no value (e.g. CSAT with no ratings); not a violation.
        case undefined
        /// The report has no such metric; `Threshold.validate(against:)` reports it up front.
        case unknownMetric
    }

    /// The expression as the user wrote it.
    public var expression: String
    /// Whether the threshold was violated (only for `.violated`).
    public var violated: Bool
    /// The metric's value (`null` when undefined or unknown).
    public var actual: ReportValue
    /// What happened, e.g. `"sla.breached = 3 > 0"` or `"csat is undefined (no data); csat < 85% not checked"`.
    public var message: String
    /// The detailed outcome.
    public var outcome: Outcome

    /// Creates a result; `violated` follows from `outcome`.
    public init(expression: String, actual: ReportValue, message: String, outcome: Outcome) {
        self.expression = expression
        self.violated = outcome == .violated
        self.actual = actual
        self.message = message
        self.outcome = outcome
    }
}
