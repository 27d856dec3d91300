import DeskstatTime
import Testing

/// `--from`/`--to`: dates are local midnights in `--tz`, instants are taken as is.
@Suite struct RangeTests {
    static let weekByDates: [(zone: String, from: Int64, to: Int64)] = [
        ("UTC", 1_794_787_200, 1_795_392_000),
        ("Europe/Berlin", 1_794_783_600, 1_795_388_400),
        ("America/New_York", 1_794_805_200, 1_795_410_000),
    ]

    @Test(arguments: weekByDates)
    func datesAreLocalMidnightsAndToIsExclusive(zone: String, from: Int64, to: Int64) throws {
        #expect(try resolve(from: "2026-11-16", to: "2026-11-23", zone, asOf: wednesdayAsOf) == window(from, to))
        // The same week as --period 2026-W47.
        #expect(
            try resolve(from: "2026-11-16", to: "2026-11-23", zone, asOf: wednesdayAsOf)
                == resolve("2026-W47", zone, asOf: wednesdayAsOf))
    }

    /// 2026-11-17T09:30:00Z written in every accepted way.
    static let sameInstant = [
        "2026-11-17T09:30:00Z", "2026-11-17T09:30Z", "2026-11-17t09:30:00z", "2026-11-17T09:30:00.999Z",
        "2026-11-17T10:30:00+01:00", "2026-11-17T10:30+0100", "2026-11-17T10:30:00+01", "2026-11-17T04:30:00-05:00",
        "2026-11-17T15:15:00+05:45", "2026-11-17T09:30:00+00:00", "2026-11-17T09:30:00-00:00",
    ]

    @Test(arguments: sameInstant)
    func instantsAreTakenAsIsInAnyZone(text: String) throws {
        for zone in ["UTC", "Europe/Berlin", "America/New_York"] {
            #expect(
                try resolve(from: text, to: "2026-11-18T00:00:00Z", zone, asOf: wednesdayAsOf)
                    == window(1_794_907_800, 1_794_960_000))
        }
    }

    @Test func fromAloneEndsAtAsOf() throws {
        #expect(try resolve(from: "2026-11-16", to: nil, asOf: wednesdayAsOf) == window(1_794_787_200, wednesdayAsOf))
        #expect(
            try resolve(from: "2026-11-16", to: nil, "Europe/Berlin", asOf: wednesdayAsOf)
                == window(1_794_783_600, wednesdayAsOf))
    }

    @Test func toAloneIsAnError() {
        let error = #expect(throws: TimeError.toWithoutFrom(to: "2026-11-23")) {
            try resolve(from: nil, to: "2026-11-23", asOf: wednesdayAsOf)
        }
        #expect(error?.description == "--to 2026-11-23 needs --from; pass --from as well, or use --period")
    }

    @Test func periodAndRangeExcludeEachOther() {
        let ranges: [(String?, String?)] = [("2026-11-16", nil), (nil, "2026-11-23"), ("2026-11-16", "2026-11-23")]
        for (from, to) in ranges {
            let request = WindowRequest(period: .lastWeek, from: from, to: to, asOf: wednesdayAsOf)
            let error = #expect(throws: TimeError.periodWithRange(period: "last-week")) {
                try WindowResolver.resolve(request)
            }
            #expect(error?.description.contains("either a period or a range") == true)
        }
    }

    @Test func fromMustBeBeforeTo() {
        let error = #expect(throws: TimeError.self) {
            try resolve(from: "2026-11-20", to: "2026-11-16", asOf: wednesdayAsOf)
        }
        #expect(error == .rangeOutOfOrder(from: 1_795_132_800, to: 1_794_787_200, endIsAsOf: false))
        #expect(
            error?.description
                == "--from (2026-11-20T00:00:00Z) is not before --to (2026-11-16T00:00:00Z); "
                + "the window [from, to) would be empty, so swap them or widen the range")
        #expect(throws: TimeError.rangeOutOfOrder(from: 1_794_787_200, to: 1_794_787_200, endIsAsOf: false)) {
            try resolve(from: "2026-11-16", to: "2026-11-16T00:00:00Z", asOf: wednesdayAsOf)
        }
        let afterAsOf = #expect(throws: TimeError.self) {
            try resolve(from: "2026-11-19", to: nil, asOf: wednesdayAsOf)
        }
        #expect(afterAsOf == .rangeOutOfOrder(from: 1_795_046_400, to: wednesdayAsOf, endIsAsOf: true))
        #expect(afterAsOf?.description.contains("is not before as-of (2026-11-18T15:30:00Z)") == true)
    }

    /// Values that are neither a date nor an ISO-8601 instant.
    static let notATime = [
        "16/11/2026", "", "yesterday", "2026-11-16 09:00:00Z", "2026-11-16T09:00:00Zjunk", "2026-11-16T09",
        "2026-11-16T09:00:00.Z", "2026-11-16T09:00:00+01:00:00", "2026-11-16T09:00:00+1", "2026-11-16x", "2026-11-6",
        "+2026-11-16", "10000-01-01", "２０２６-11-16", "2026-W47",
    ]

    @Test(arguments: notATime)
    func rejectsWhatIsNotATime(text: String) {
        let error = #expect(throws: TimeError.self) { try resolve(from: text, to: nil, asOf: wednesdayAsOf) }
        #expect(error == .malformedTime(flag: "--from", text: text))
        #expect(error?.description.hasPrefix("--from: \"\(text)\" is not a date (YYYY-MM-DD) or ISO-8601 time") == true)
    }

    /// How a well-formed but unusable `--from` value is refused: (value, case, phrase of the message).
    static let outOfRange: [(text: String, kind: String, phrase: String)] = [
        ("2026-11-16T09:00", "missingOffset", "add Z (UTC) or an offset"),
        ("2026-11-16T09:00:00.5", "missingOffset", "or pass a bare date"),
        ("2026-11-16T24:00:00Z", "timeOutOfRange", "hour must be 00–23"),
        ("2026-11-16T09:60Z", "timeOutOfRange", "minutes and seconds 00–59"),
        ("2026-11-16T09:00:60Z", "timeOutOfRange", "minutes and seconds 00–59"),
        ("2026-11-16T09:00+19:00", "timeOutOfRange", "at most ±18:00"),
        ("2026-11-16T09:00+01:60", "timeOutOfRange", "at most ±18:00"),
        ("2026-02-29", "dayOutOfRange(28)", "that month has 28 days"),
        ("2026-11-00T00:00:00Z", "dayOutOfRange(30)", "use a day from 01 to 30"),
        ("2026-13-01", "monthOutOfRange", "the month must be between 01 and 12"),
        ("1969-12-31", "yearOutOfRange", "the year must be between 1970 and 9999"),
        ("0001-01-01T00:00:00Z", "yearOutOfRange", "the year must be between 1970 and 9999"),
    ]

    @Test(arguments: outOfRange)
    func rejectsOutOfRangeFrom(text: String, kind: String, phrase: String) {
        let error = #expect(throws: TimeError.self) { try resolve(from: text, to: nil, asOf: wednesdayAsOf) }
        let expected: TimeError? =
            switch kind {
            case "missingOffset": .missingOffset(flag: "--from", text: text)
            case "timeOutOfRange": .timeOutOfRange(flag: "--from", text: text)
            case "dayOutOfRange(28)": .dayOutOfRange(flag: "--from", text: text, daysInMonth: 28)
            case "dayOutOfRange(30)": .dayOutOfRange(flag: "--from", text: text, daysInMonth: 30)
            case "monthOutOfRange": .monthOutOfRange(flag: "--from", text: text)
            case "yearOutOfRange": .yearOutOfRange(flag: "--from", text: text)
            default: nil
            }
        #expect(error == expected)
        let message = error?.description ?? ""
        #expect(message.hasPrefix("--from: \"\(text)\""), "names the flag and value: \(message)")
        #expect(message.contains(phrase), "\(message)")
    }

    @Test func toErrorsNameTo() {
        let error = #expect(throws: TimeError.self) {
            try resolve(from: "2026-11-16", to: "next friday", asOf: wednesdayAsOf)
        }
        #expect(error == .malformedTime(flag: "--to", text: "next friday"))
        #expect(
            error?.description
                == "--to: \"next friday\" is not a date (YYYY-MM-DD) or ISO-8601 time "
                + "(YYYY-MM-DDTHH:MM:SSZ, or with an offset such as +01:00)")
    }

    @Test func exampleMessageFromTheBrief() {
        let error = #expect(throws: TimeError.self) { try resolve(from: "16/11/2026", to: nil, asOf: wednesdayAsOf) }
        #expect(
            error?.description.hasPrefix("--from: \"16/11/2026\" is not a date (YYYY-MM-DD) or ISO-8601 time") == true)
    }

    @Test func dateInAGapStartsAfterTheGap() throws {
        // America/Sao_Paulo started summer time at midnight until 2018: 2018-11-04 began at 01:00 -02:00.
        #expect(
            try resolve(from: "2018-11-04", to: "2018-11-05", "America/Sao_Paulo", asOf: wednesdayAsOf)
                == window(1_541_300_400, 1_541_383_200))
    }
}
