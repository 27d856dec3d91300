import DeskstatBasics
import Testing

@testable import DeskstatReport

@Suite("Model")
struct ModelTests {
    @Test func rowKindsDecideNumberAndDeltaColumns() {
        let table = SampleReport.headline
        #expect(table.effectiveKind(row: 0, column: 1) == .count)
        #expect(table.effectiveKind(row: 1, column: 1) == .minutes)
        #expect(table.effectiveKind(row: 2, column: 1) == .ratio)
        #expect(table.effectiveKind(row: 2, column: 3) == .ratioDelta)
        #expect(table.effectiveKind(row: 1, column: 3) == .minutesDelta)
        #expect(table.effectiveKind(row: 0, column: 3) == .delta)
        #expect(table.direction(row: 1, column: 3) == .lower)
        #expect(table.direction(row: 2, column: 1) == .higher)
        #expect(table.direction(row: 0, column: 3) == .neutral)
        #expect(table.effectiveKind(row: 2, column: 4) == .percentChange)
        #expect(table.effectiveKind(row: 2, column: 0) == .label)
        #expect(SampleReport.byGroup.effectiveKind(row: 0, column: 4) == .ratio)
    }

    @Test func missingCellsReadAsNull() {
        let table = ReportTable(id: "t", columns: [ReportColumn(id: "a", title: "A", kind: .count)], rows: [[]])
        #expect(table.value(row: 0, column: 0) == .null)
        #expect(table.value(row: 5, column: 0) == .null)
    }

    @Test func valuesLookUpMetricsFirst() {
        let report = SampleReport.report
        #expect(report.value(at: "sla.breached") == 3)
        #expect(report.value(at: "csat_response_rate") == .null)
        #expect(report.value(at: "nope") == nil)
        #expect(report.valuePaths.first == "backlog")
        #expect(report.section(id: "responsiveness")?.tables.count == 2)
    }

    @Test func valueHelpers() {
        #expect(ReportValue.integer(3).doubleValue == 3)
        #expect(ReportValue.number(.nan).doubleValue == nil)
        #expect(ReportValue.number(.nan).isUndefined)
        #expect(ReportValue.text("x").doubleValue == nil)
        #expect(!ReportValue.text("x").isUndefined)
        #expect(ReportValue.null.isUndefined)
    }

    @Test func columnKindIdsAreUniqueSnakeCase() {
        let ids = ColumnKind.allCases.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } })
    }

    @Test func formatsAndExtensions() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "markdown", "json", "csv", "html"])
        #expect(ReportFormat.allCases.map(\.fileExtension) == ["txt", "md", "json", "csv", "html"])
        #expect(ReportFormat(rawValue: "markdown") == .markdown)
    }

    @Test func errorsNameWhatWhereAndHow() {
        #expect(
            ReportError.definitionSyntax(
                path: "reports/x.yaml", line: 3, column: 7, problem: "found unexpected end of stream"
            )
            .description
                == "reports/x.yaml:3:7: not valid YAML: found unexpected end of stream; fix the syntax (indentation, a missing ':' or an unclosed quote or bracket)"
        )
        #expect(!ReportError.invalidDefinition(path: "a", line: nil, keyPath: "", problem: "p").isUsageError)
        #expect(
            ReportError.invalidDefinition(path: "a.yaml", line: nil, keyPath: "", problem: "p").description
                == "a.yaml: p")
    }

    @Test(arguments: [
        ("by", "bye", 1), ("group", "grop", 1), ("", "abc", 3), ("kitten", "sitting", 3), ("titel", "title", 1),
    ])
    func editDistance(lhs: String, rhs: String, distance: Int) {
        #expect(NameSuggestion.editDistance(lhs, rhs) == distance)
    }
}
