import Testing

@testable import DeskstatReport

@Suite("Golden files")
struct GoldenTests {
    let report = SampleReport.report

    @Test func text() {
        GoldenFile.check(TextRenderer().render(report), against: "sample.txt")
    }

    @Test func textFittedToSixtyColumns() {
        GoldenFile.check(TextRenderer(options: TextOptions(width: 60)).render(report), against: "sample-width60.txt")
    }

    @Test func textInColor() {
        GoldenFile.check(TextRenderer(options: TextOptions(color: true)).render(report), against: "sample-color.txt")
    }

    @Test func markdown() {
        GoldenFile.check(MarkdownRenderer().render(report), against: "sample.md")
    }

    @Test func json() {
        GoldenFile.check(JSONRenderer().render(report), against: "sample.json")
    }

    @Test func csvAllTables() {
        GoldenFile.check(CSVRenderer().render(report), against: "sample.csv")
    }

    @Test func csvOneSection() {
        let renderer = CSVRenderer(options: CSVOptions(section: "headline"))
        GoldenFile.check(renderer.render(report), against: "sample-headline.csv")
    }

    @Test(arguments: ReportFormat.allCases)
    func everyFormatThroughTheFactory(format: ReportFormat) {
        let name = "sample.\(format.fileExtension)"
        GoldenFile.check(ReportFormat.renderer(for: format).render(report), against: name)
    }
}
