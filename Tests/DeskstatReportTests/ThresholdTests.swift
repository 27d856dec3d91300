import Testing

@testable import DeskstatReport

@Suite("Thresholds")
struct ThresholdTests {
    let report = SampleReport.report

    @Test(arguments: [
        ("sla.breached > 0", "sla.breached", ComparisonOperator.greater, 0.0, false),
        ("sla.breached>0", "sla.breached", .greater, 0, false),
        (
            "  first_reply_time.calendar.median >= 60.5 ", "first_reply_time.calendar.median", .greaterOrEqual, 60.5,
            false
        ),
        ("csat < 85%", "csat", .less, 0.85, true),
        ("csat<85 %", "csat", .less, 0.85, true),
        ("reopen_rate <= .1", "reopen_rate", .lessOrEqual, 0.1, false),
        ("delta == -2", "delta", .equal, -2, false),
        ("a.b != +3.25", "a.b", .notEqual, 3.25, false),
        ("sla.achievement_rate\t<\t0.95", "sla.achievement_rate", .less, 0.95, false),
        ("headline.summary.current > 5.", "headline.summary.current", .greater, 5, false),
        ("created < 1" + String(repeating: "0", count: 307), "created", .less, 1e307, false),
    ])
    func accepts(text: String, path: String, op: ComparisonOperator, value: Double, isPercent: Bool) throws {
        let threshold = try Threshold.parse(text)
        #expect(threshold.expression == text)
        #expect(threshold.path == path)
        #expect(threshold.op == op)
        #expect(abs(threshold.value - value) <= 1e-12 * max(1, abs(value)))
        #expect(threshold.isPercent == isPercent)
    }

    @Test(arguments: [
        ("", 1, "expected a metric name, e.g. sla.breached"),
        ("> 0", 1, "expected a metric name, e.g. sla.breached; found \">\""),
        ("csat", 5, "expected an operator (>, >=, <, <=, == or !=) after the metric"),
        ("csat = 1", 6, "use == to compare for equality"),
        ("csat <> 1", 6, "unknown operator \"<>\""),
        ("csat >> 1", 6, "unknown operator \">>\""),
        ("csat ~ 1", 6, "expected an operator (>, >=, <, <=, == or !=); found \"~\""),
        ("csat > ", 8, "expected a number after the operator"),
        ("csat > abc", 8, "expected a number such as 0, 2.5 or 85%"),
        ("csat > 1.2.3", 8, "expected a number such as 0, 2.5 or 85%"),
        ("csat > -", 8, "expected a number"),
        ("csat > 1 2", 10, "unexpected \"2\" after the number"),
        ("csat > 1e5", 9, "unexpected \"e5\" after the number"),
        ("csat > 85%%", 11, "unexpected \"%\" after the number"),
        ("sla. > 1", 4, "the metric name ends with a dot"),
        ("sla..x > 1", 5, "empty name between dots in the metric"),
        ("sla breached > 1", 5, "expected an operator"),
        ("csat > 1e400", 9, "unexpected \"e400\" after the number"),
        ("csat > " + String(repeating: "9", count: 400), 8, "the number is too large (400 digits"),
        ("csat > -" + String(repeating: "9", count: 400), 8, "the number is too large (400 digits"),
        ("csat > " + String(repeating: "9", count: 400) + ".5%", 8, "the number is too large (401 digits"),
    ])
    func rejects(text: String, position: Int, message: String) {
        do {
            let threshold = try Threshold.parse(text)
            Issue.record("accepted \"\(text)\" as \(threshold)")
        } catch {
            guard case .badThreshold(let expression, let actualPosition, let actualMessage) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(expression == text)
            #expect(actualPosition == position)
            #expect(actualMessage.hasPrefix(message), "got: \(actualMessage)")
            #expect(error.isUsageError)
            #expect(error.description.hasPrefix("--fail-on \"\(text)\": at column \(position): "))
        }
    }

    @Test(arguments: [
        ("sla.breached > 0", ThresholdResult.Outcome.violated, "sla.breached = 3 > 0"),
        ("sla.breached > 5", .passed, "sla.breached = 3 (fails when > 5)"),
        ("sla.breached >= 3", .violated, "sla.breached = 3 >= 3"),
        ("sla.breached != 3", .passed, "sla.breached = 3 (fails when != 3)"),
        ("csat < 85%", .passed, "csat = 87.5% (fails when < 85%)"),
        ("csat < 90%", .violated, "csat = 87.5% < 90%"),
        ("csat <= 0.875", .violated, "csat = 0.875 <= 0.875"),
        ("first_reply_time.calendar.median > 30", .violated, "first_reply_time.calendar.median = 42.5 > 30"),
        ("reopen_rate == 0.0512", .violated, "reopen_rate = 0.0512 == 0.0512"),
        (
            "csat_response_rate < 50%", .undefined,
            "csat_response_rate is undefined: no satisfaction surveys offered in the window; "
                + "csat_response_rate < 50% not checked"
        ),
    ])
    func evaluates(text: String, outcome: ThresholdResult.Outcome, message: String) throws {
        let threshold = try Threshold.parse(text)
        try threshold.validate(against: report)
        let result = threshold.evaluate(report)
        #expect(result.outcome == outcome)
        #expect(result.violated == (outcome == .violated))
        #expect(result.message == message)
        #expect(result.expression == text)
    }

    @Test func actualValueIsReported() throws {
        #expect(try Threshold.parse("sla.breached > 0").evaluate(report).actual == .integer(3))
        #expect(try Threshold.parse("csat_response_rate > 0").evaluate(report).actual == .null)
    }

    @Test func unknownMetricIsAUsageErrorAtValidation() throws {
        let threshold = try Threshold.parse("sla.breachd > 0")
        #expect {
            try threshold.validate(against: report)
        } throws: { error in
            guard let error = error as? ReportError, case .unknownMetric(_, let metric, let available) = error else {
                return false
            }
            // The closest names only, nearest first, not every metric.
            return metric == "sla.breachd" && available.first == "sla.breached" && available.count <= 5
                && error.isUsageError
                && error.description.contains(
                    "unknown metric 'sla.breachd' (did you mean 'sla.breached'?); closest: sla.breached")
                && !error.description.contains("backlog")
        }
        let result = threshold.evaluate(report)
        #expect(result.outcome == .unknownMetric)
        #expect(!result.violated)
        #expect(result.message.hasPrefix("unknown metric 'sla.breachd'; available: backlog, created, csat, "))
    }

    /// A metric missing one segment finds its full name, not a 150-name list.
    @Test func unknownMetricNamesTheClosestMetrics() throws {
        let threshold = try Threshold.parse("first_reply_time.median > 60")
        #expect {
            try threshold.validate(against: report)
        } throws: { error in
            guard let error = error as? ReportError, case .unknownMetric(_, _, let closest) = error else {
                return false
            }
            return closest.first == "first_reply_time.calendar.median" && closest.count <= 5
                && error.description.contains("closest: first_reply_time.calendar.median")
        }
    }

    @Test func undefinedReasonsNameWhatIsMissing() {
        #expect(Threshold.undefinedReason("csat") == "no rated tickets in the window")
        #expect(Threshold.undefinedReason("previous.csat") == "no rated tickets in the previous window")
        #expect(Threshold.undefinedReason("reopen_rate") == "no solved tickets in the window")
        #expect(
            Threshold.undefinedReason("first_reply_time.calendar.median")
                == "no tickets with a first reply time in the window")
    }

    @Test func textValuesAreNotNumbers() throws {
        var report = self.report
        report.metrics["mode"] = "fast"
        let result = try Threshold.parse("mode > 1").evaluate(report)
        #expect(result.outcome == .undefined)
        #expect(result.message == "mode is not a number; mode > 1 not checked")
    }

    @Test func equalityToleratesFloatingPointNoise() {
        #expect(ComparisonOperator.equal.holds(0.1 + 0.2, 0.3))
        #expect(!ComparisonOperator.greater.holds(0.1 + 0.2, 0.3))
        #expect(ComparisonOperator.greaterOrEqual.holds(0.84999999999999, 0.85))
        #expect(!ComparisonOperator.notEqual.holds(1_000_000.0000000001, 1_000_000))
        #expect(ComparisonOperator.less.holds(-1, 0))
    }

    @Test func oneRowTableCellsAreThresholdPaths() throws {
        var report = self.report
        report.sections.append(
            ReportSection(
                id: "csat", title: "CSAT",
                tables: [
                    ReportTable(
                        id: "overall", columns: [ReportColumn(id: "score", title: "Score", kind: .ratio)], rows: [[0.8]]
                    )
                ]))
        let result = try Threshold.parse("csat.overall.score < 85%").evaluate(report)
        #expect(result.violated)
        #expect(report.valuePaths.contains("csat.overall.score"))
        #expect(!report.valuePaths.contains { $0.hasPrefix("responsiveness.") })
    }
}
