import DeskstatTime
import Testing

@Suite struct PeriodSpecTests {
    static let valid: [(text: String, spec: PeriodSpec)] = [
        ("last-week", .lastWeek),
        ("this-week", .thisWeek),
        ("last-month", .lastMonth),
        ("this-month", .thisMonth),
        ("last-30d", .lastNDays(30)),
        ("last-7d", .lastNDays(7)),
        ("last-1d", .lastNDays(1)),
        ("last-3660d", .lastNDays(3660)),
        ("2026-W47", .isoWeek(year: 2026, week: 47)),
        ("2026-W01", .isoWeek(year: 2026, week: 1)),
        ("2026-11", .month(year: 2026, month: 11)),
        ("2026-11-17", .day(year: 2026, month: 11, day: 17)),
        ("1970-01", .month(year: 1970, month: 1)),
        ("9999-12-31", .day(year: 9999, month: 12, day: 31)),
    ]

    @Test(arguments: valid)
    func parsesAndPrintsBack(text: String, spec: PeriodSpec) throws {
        #expect(try PeriodSpec.parse(text) == spec)
        #expect(spec.description == text)
    }

    @Test func ignoresASCIICase() throws {
        #expect(try PeriodSpec.parse("Last-Week") == .lastWeek)
        #expect(try PeriodSpec.parse("2026-w47") == .isoWeek(year: 2026, week: 47))
        #expect(try PeriodSpec.parse("LAST-30D") == .lastNDays(30))
    }

    /// Malformed `--period` values, the error and a phrase of its message.
    static let invalid: [(text: String, error: TimeError, phrase: String)] = [
        ("2026-W54", .weekOutOfRange(text: "2026-W54", year: 2026, weeksInYear: 53), "ISO year 2026 has 53 weeks"),
        ("2026-W00", .weekOutOfRange(text: "2026-W00", year: 2026, weeksInYear: 53), "from W01 to W53"),
        ("2026-13", .monthOutOfRange(flag: "--period", text: "2026-13"), "between 01 and 12"),
        ("2026-00", .monthOutOfRange(flag: "--period", text: "2026-00"), "between 01 and 12"),
        ("2026-02-29", .dayOutOfRange(flag: "--period", text: "2026-02-29", daysInMonth: 28), "has 28 days"),
        ("2026-04-31", .dayOutOfRange(flag: "--period", text: "2026-04-31", daysInMonth: 30), "has 30 days"),
        ("1969-12", .yearOutOfRange(flag: "--period", text: "1969-12"), "between 1970 and 9999"),
        ("0000-W01", .yearOutOfRange(flag: "--period", text: "0000-W01"), "between 1970 and 9999"),
        ("last-0d", .dayCountOutOfRange(text: "last-0d"), "N from 1 to 3660"),
        ("last-99999d", .dayCountOutOfRange(text: "last-99999d"), "N from 1 to 3660"),
        ("last-3661d", .dayCountOutOfRange(text: "last-3661d"), "N from 1 to 3660"),
        ("last-99999999999999999999d", .dayCountOutOfRange(text: "last-99999999999999999999d"), "N from 1 to 3660"),
        ("yesterday", .unknownPeriod(text: "yesterday"), "is not a period; use last-week"),
        ("", .unknownPeriod(text: ""), "\"\" is not a period"),
        ("last-d", .unknownPeriod(text: "last-d"), "last-<N>d"),
        ("last--5d", .unknownPeriod(text: "last--5d"), "last-<N>d"),
        ("last-5", .unknownPeriod(text: "last-5"), "last-<N>d"),
        ("last-+5d", .unknownPeriod(text: "last-+5d"), "last-<N>d"),
        (" last-week", .unknownPeriod(text: " last-week"), "is not a period"),
        ("2026-W5", .unknownPeriod(text: "2026-W5"), "2026-W47"),
        ("2026-1", .unknownPeriod(text: "2026-1"), "2026-11"),
        ("2026/11", .unknownPeriod(text: "2026/11"), "2026-11"),
        ("10000-01", .unknownPeriod(text: "10000-01"), "is not a period"),
        ("2026-11-17T00:00:00Z", .unknownPeriod(text: "2026-11-17T00:00:00Z"), "is not a period"),
        ("２０２６-11", .unknownPeriod(text: "２０２６-11"), "is not a period"),
    ]

    @Test(arguments: invalid)
    func rejects(text: String, error expected: TimeError, phrase: String) {
        let error = #expect(throws: TimeError.self) { try PeriodSpec.parse(text) }
        #expect(error == expected)
        let message = error?.description ?? ""
        #expect(message.hasPrefix("--period"), "names the flag: \(message)")
        #expect(message.contains("\"\(text)\""), "quotes the value: \(message)")
        #expect(message.contains(phrase), "\(message)")
    }

    @Test func periodsBuiltInCodeAreValidatedOnResolve() {
        let zone = ReportTimeZone.utc
        #expect(throws: TimeError.dayCountOutOfRange(text: "last-0d")) {
            try WindowResolver.window(for: .lastNDays(0), in: zone, asOf: wednesdayAsOf)
        }
        #expect(throws: TimeError.weekOutOfRange(text: "2026-W54", year: 2026, weeksInYear: 53)) {
            try WindowResolver.window(for: .isoWeek(year: 2026, week: 54), in: zone, asOf: wednesdayAsOf)
        }
        #expect(throws: TimeError.monthOutOfRange(flag: "--period", text: "2026-13")) {
            try WindowResolver.window(for: .month(year: 2026, month: 13), in: zone, asOf: wednesdayAsOf)
        }
        #expect(throws: TimeError.dayOutOfRange(flag: "--period", text: "2027-02-29", daysInMonth: 28)) {
            try WindowResolver.window(for: .day(year: 2027, month: 2, day: 29), in: zone, asOf: wednesdayAsOf)
        }
    }

    @Test func asOfMustBeBetween1970And9999() throws {
        for asOf: Int64 in [-1, 253_402_300_800, .max, .min] {
            #expect(throws: TimeError.asOfOutOfRange(asOf: asOf)) { try resolve("last-week", "UTC", asOf: asOf) }
        }
        // The very last second of 9999 (a Friday): last-week is Mon 9999-12-20 .. Mon 9999-12-27.
        #expect(try resolve("last-week", "UTC", asOf: 253_402_300_799) == window(253_401_264_000, 253_401_868_800))
        #expect(try resolve("this-month", "UTC", asOf: 0 + 1) == window(0, 1))
    }
}
