import DeskstatBasics
import Testing

@testable import DeskstatReport

@Suite("Number and time formatting")
struct NumberFormattingTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1e-7, "0"), (-1e-7, "0"), (12345.678, "12345.678"), (5.0, "5"),
        (-2.5, "-2.5"), (0.1 + 0.2, "0.3"), (0.00005, "0.0001"), (0.87654321, "0.8765"),
        (1e20, "100000000000000000000"),
        (-1234567.5, "-1234567.5"),
    ])
    func machineNumbers(value: Double, expected: String) {
        #expect(NumberText.trimmed(value) == expected)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersHaveNoText(value: Double) {
        #expect(NumberText.trimmed(value) == nil)
        #expect(JSONTree.double(value) == .null)
    }

    @Test func fixedDecimalsAndGrouping() {
        #expect(NumberText.fixed(12345.678, decimals: 1, grouping: true) == "12,345.7")
        #expect(NumberText.fixed(-0.04, decimals: 1) == "0.0")
        #expect(NumberText.fixed(999.95, decimals: 1, grouping: true) == "1,000.0")
        #expect(NumberText.fixed(-1234.5, decimals: 0, grouping: true, minus: "−") == "−1,235")
        #expect(NumberText.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberText.grouped(999) == "999")
    }

    @Test(arguments: [
        (ReportValue.integer(0), ColumnKind.count, "0"),
        (.integer(1_234_567), .count, "1,234,567"),
        (.integer(-1234), .count, "−1,234"),
        (.number(2.0), .count, "2"),
        (.number(2.5), .count, "2.5"),
        (.number(-0.0), .minutes, "0m"),
        (.number(-0.04), .minutes, "<1m"),
        (.number(12345.678), .minutes, "8d 14h"),
        (.integer(12), .minutes, "12m"),
        (.number(252), .minutes, "4h 12m"),
        (.number(240.4), .minutes, "4h"),
        (.number(1439.6), .minutes, "1d"),
        (.number(4620), .minutes, "3d 5h"),
        (.number(0.3), .minutes, "<1m"),
        (.number(0), .minutes, "0m"),
        (.number(-65), .minutesDelta, "−1h 5m"),
        (.number(12), .minutesDelta, "+12m"),
        (.number(0.2), .minutesDelta, "+<1m"),
        (.number(-0.0), .minutesDelta, "0m"),
        (.number(12345.678), .number, "12,345.68"),
        (.number(1e-7), .ratio, "0.0%"),
        (.number(0.875), .ratio, "87.5%"),
        (.integer(1), .ratio, "100.0%"),
        (.integer(3), .delta, "+3"),
        (.integer(-2), .delta, "−2"),
        (.integer(0), .delta, "0"),
        (.number(-2.5), .delta, "−2.5"),
        (.number(-0.01), .delta, "0.0"),
        (.number(0.04), .ratioDelta, "+4.0 pp"),
        (.number(-0.0004), .ratioDelta, "0.0 pp"),
        (.number(0.125), .percentChange, "+12.5%"),
        (.number(-0.03), .percentChange, "−3.0%"),
        (.integer(1_795_183_500), .timestamp, "2026-11-20 14:05"),
        (.integer(-42), .label, "−42"),
        (.number(.nan), .minutes, "–"),
        (.number(.infinity), .percentChange, "–"),
        (.null, .ratio, "–"),
        (.text("n/a"), .count, "n/a"),
    ])
    func humanCells(value: ReportValue, kind: ColumnKind, expected: String) {
        #expect(HumanCellFormatter(timeZone: "UTC").format(value, kind: kind).text == expected)
    }

    @Test func changeTones() {
        let formatter = HumanCellFormatter(timeZone: "UTC")
        #expect(formatter.format(.integer(3), kind: .delta).tone == .positive)
        #expect(formatter.format(.number(-0.2), kind: .percentChange).tone == .negative)
        #expect(formatter.format(.integer(0), kind: .delta).tone == .plain)
        #expect(formatter.format(.null, kind: .delta).tone == .muted)
        #expect(formatter.format(.integer(3), kind: .count).tone == .plain)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (1_795_413_600, "2026-11-23T06:00:00Z"), (4_107_542_399, "2100-02-28T23:59:59Z"),
    ])
    func iso8601(epoch: Int64, expected: String) {
        #expect(TimestampText.iso8601(epoch) == expected)
    }

    @Test func extremeInstantsDoNotTrap() {
        #expect(TimestampText.iso8601(Int64.max).hasSuffix("Z"))
        #expect(TimestampText.iso8601(Int64.min).hasSuffix("Z"))
        #expect(!TimestampText(timeZone: "Asia/Tokyo").localDateTime(Int64.max).isEmpty)
        let formatter = HumanCellFormatter(timeZone: "UTC")
        #expect(formatter.format(.number(1e300), kind: .timestamp).text == "–")
        #expect(formatter.format(.integer(Int64.min), kind: .count).text == "−9,223,372,036,854,775,808")
    }

    @Test func localTimesFollowTheReportZone() {
        let berlin = TimestampText(timeZone: "Europe/Berlin")
        #expect(berlin.localDateOrDateTime(1_794_783_600) == "2026-11-16")  // 23:00Z = midnight CET
        #expect(berlin.localDateTime(1_784_000_000) == "2026-07-14 05:33")  // CEST, UTC+2
        let unknown = TimestampText(timeZone: "Mars/Olympus")
        #expect(unknown.localDateTime(0) == "1970-01-01 00:00")
    }

    @Test func displayWidthCountsWideCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.truncate("Billing and payments", to: 8) == "Billing…")
        #expect(DisplayWidth.truncate("short", to: 8) == "short")
    }
}
