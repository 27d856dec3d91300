import Testing

@testable import DeskstatReport

@Suite("CSV")
struct CSVRendererTests {
    let report = SampleReport.report

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""), ("crlf\r\n", "\"crlf\r\n\""), (" padded", "\" padded\""), ("", ""),
        ("Billing | EMEA", "Billing | EMEA"),
    ])
    func quoting(field: String, expected: String) {
        #expect(CSVRenderer.quote(field) == expected)
    }

    @Test func oneTableSelectionIsAPlainTable() throws {
        let renderer = CSVRenderer(options: CSVOptions(section: "responsiveness.by_channel"))
        try renderer.validate(report)
        #expect(renderer.render(report) == "channel,tickets,median_minutes\nemail,9000,40\nweb,3220,31.5\n")
    }

    @Test func aSectionWithSeveralTablesIsStacked() {
        let output = CSVRenderer(options: CSVOptions(section: "responsiveness")).render(report)
        let lines = output.split(separator: "\n")
        #expect(
            lines.first
                == "section,table,group,tickets,median_minutes,p90_minutes,sla_achieved,last_breach,channel")
        #expect(lines.count == 1 + 4 + 2)
        #expect(lines.last == "responsiveness,by_channel,,3220,31.5,,,,web")
    }

    @Test func everyRecordHasTheHeaderWidth() {
        let output = CSVRenderer().render(report)
        let header = output.split(separator: "\n")[0].split(separator: ",", omittingEmptySubsequences: false)
        #expect(header.prefix(2) == ["section", "table"])
        // Records without quoted commas have as many fields as the header.
        for line in output.split(separator: "\n") where !line.contains("\"") {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == header.count)
        }
    }

    @Test func linesEndWithLFOnly() {
        let output = CSVRenderer().render(report)
        #expect(!output.contains("\r"))
        #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
    }

    @Test func unknownSectionIsAUsageError() {
        let renderer = CSVRenderer(options: CSVOptions(section: "responsivness"))
        #expect(throws: ReportError.self) { try renderer.validate(report) }
        do {
            try renderer.validate(report)
        } catch {
            #expect(error.isUsageError)
            #expect(
                error.description
                    == "--section \"responsivness\": no such section or table (did you mean 'responsiveness'?); "
                    + "available: headline, headline.summary, trend, trend.periods, responsiveness, responsiveness.by_group, "
                    + "responsiveness.by_channel")
        }
        #expect(renderer.render(report) == "section,table\n")
    }

    @Test func noSectionNeedsNoValidation() throws {
        try CSVRenderer().validate(report)
        try ReportFormat.renderer(for: .csv).validate(report)
    }
}
