import DeskstatBasics

/// A `--fail-on` condition: `PATH OP NUMBER`, violated when it holds.
///
/// - `PATH` is a dotted metric key from `Report.metrics` (`sla.breached`, `csat`,
///   `first_reply_time.calendar.median`), or `SECTION.TABLE.COLUMN` of a one-row table (see
///   `Report.value(at:)`): letters, digits, `_` and `-`, segments separated by `.`.
/// - `OP` is one of `>`, `>=`, `<`, `<=`, `==`, `!=`.
/// - `NUMBER` is a decimal such as `0`, `-2`, `0.85` or `.5` (no exponent). A trailing `%`
///   divides by 100, for ratio metrics stored as 0…1: `csat < 85%` is `csat < 0.85`.
///
/// Whitespace around the parts is optional (`sla.breached>0`). Equality allows a relative
/// tolerance of 1e-9 (`ComparisonOperator.tolerance`).
///
/// ```swift
/// let threshold = try Threshold.parse("sla.breached > 0")
/// try threshold.validate(against: report)          // unknown metric → usage error
/// let result = threshold.evaluate(report)          // result.violated, result.message
/// ```
public struct Threshold: Sendable, Equatable {
    /// The expression as written.
    public var expression: String
    /// The metric path.
    public var path: String
    /// The comparison.
    public var op: ComparisonOperator
    /// The number compared with, after applying `%`.
    public var value: Double
    /// Whether the number was written as a percentage.
    public var isPercent: Bool

    /// Creates a threshold directly (without parsing).
    public init(expression: String, path: String, op: ComparisonOperator, value: Double, isPercent: Bool = false) {
        self.expression = expression
        self.path = path
        self.op = op
        self.value = value
        self.isPercent = isPercent
    }

    /// Parses `PATH OP NUMBER`; a malformed expression throws `ReportError.badThreshold` with the
    /// 1-based column of the problem.
    public static func parse(_ text: String) throws(ReportError) -> Threshold {
        var scanner = ThresholdScanner(text)
        return try scanner.threshold()
    }

    /// Throws `ReportError.unknownMetric` (listing the available paths) when `report` has no value
    /// at `path`. Run it before rendering, so a typo is a usage error rather than a silent pass.
    public func validate(against report: Report) throws(ReportError) {
        guard report.value(at: path) == nil else { return }
        throw .unknownMetric(
            expression: expression, metric: path,
            available: NameSuggestion.closestNames(to: path, in: report.valuePaths, limit: 5))
    }

    /// Checks the threshold against `report`'s value at `path`.
    ///
    /// Messages: violated `"sla.breached = 3 > 0"`; passed `"sla.breached = 0 (fails when > 0)"`;
    /// a null value `"csat is undefined: no rated tickets in the window; csat < 85% not checked"`
    /// (a gate fails on it unless `--allow-missing`); a missing metric
    /// `"unknown metric 'x'; available: …"`. Values print with up to four decimals, or as a
    /// percentage when the threshold was written with `%`.
    public func evaluate(_ report: Report) -> ThresholdResult {
        guard let actual = report.value(at: path) else {
            let available = report.valuePaths
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return result(.null, "unknown metric '\(path)'; available: \(list)", .unknownMetric)
        }
        guard let number = actual.doubleValue else {
            let reason = actual.isUndefined ? "undefined: \(Self.undefinedReason(path))" : "not a number"
            return result(actual, "\(path) is \(reason); \(condition) not checked", .undefined)
        }
        let shown = "\(path) = \(format(number))"
        if op.holds(number, value) {
            return result(actual, "\(shown) \(op.rawValue) \(thresholdText)", .violated)
        }
        return result(actual, "\(shown) (fails when \(op.rawValue) \(thresholdText))", .passed)
    }

    /// Why a metric has no value, in words: `"no rated tickets in the window"` for `csat`.
    public static func undefinedReason(_ path: String) -> String {
        let previous = path.hasPrefix("previous.")
        let metric = previous ? String(path.dropFirst("previous.".count)) : path
        let window = previous ? "the previous window" : "the window"
        let first = metric.split(separator: ".").first.map(String.init) ?? metric
        let what: String
        switch first {
        case "csat": what = "no rated tickets"
        case "csat_response_rate": what = "no satisfaction surveys offered"
        case "reopen_rate", "one_touch_rate", "solved": what = "no solved tickets"
        case "sla": what = "no SLA targets achieved or breached"
        case "backlog": what = "no backlog counted"
        default:
            what =
                metric.contains(".") ? "no tickets with a \(first.replacingOccurrences(of: "_", with: " "))" : "no data"
        }
        return "\(what) in \(window)"
    }

    /// `csat < 85%`, normalised.
    private var condition: String { "\(path) \(op.rawValue) \(thresholdText)" }

    private var thresholdText: String {
        isPercent ? format(value) : NumberText.trimmed(value) ?? "\(value)"
    }

    private func format(_ number: Double) -> String {
        if isPercent { return (NumberText.trimmed(number * 100, maxDecimals: 2) ?? "") + "%" }
        return NumberText.trimmed(number) ?? "null"
    }

    private func result(_ actual: ReportValue, _ message: String, _ outcome: ThresholdResult.Outcome)
        -> ThresholdResult
    {
        ThresholdResult(expression: expression, actual: actual, message: message, outcome: outcome)
    }
}
