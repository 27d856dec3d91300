import Foundation
import Testing

@testable import DeskstatReport

@Suite("Built-in report definitions")
struct BuiltInReportTests {
    /// Fails when `reports/*.yaml` and the compiled-in copies differ: edit the YAML, then run
    /// `scripts/embed-reports.sh`.
    @Test func everyEmbeddedCopyEqualsItsFile() throws {
        let directory = DefinitionTests.reportsDirectory
        let files = DefinitionTests.shippedFiles
        let embedded = ReportDefinitions.builtInReports
        #expect(
            embedded.map { $0.name + ".yaml" } == files,
            "run scripts/embed-reports.sh after adding or removing a report")
        for report in embedded {
            let path = (directory as NSString).appendingPathComponent(report.name + ".yaml")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(
                report.yaml + "\n" == text,
                "the compiled-in \(report.name) differs from reports/\(report.name).yaml; run scripts/embed-reports.sh")
        }
    }

    @Test func builtInsAreFoundWithoutAnyDirectory() throws {
        for name in ["weekly", "monthly", "sla", "csat", "history", "agents", "groups"] {
            let definition = try ReportDefinitions.builtIn(named: name, searchDirectories: ["/nonexistent"])
            try definition.validate()
            #expect(definition.name == name)
            #expect(definition.origin?.file == "built-in/\(name).yaml")
        }
        #expect(
            ReportDefinitions.available(in: []) == ["agents", "csat", "groups", "history", "monthly", "sla", "weekly"])
    }

    @Test func aFileOverridesTheBuiltInOfItsName() throws {
        let directory = NSTemporaryDirectory() + "deskstat-builtin-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let yaml =
            "title: Our week\nsections:\n  - id: headline\n    title: Numbers\n    kind: headline\n    kpis: [created]\n"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: directory + "/weekly.yaml"))
        try Data(yaml.replacingOccurrences(of: "Our week", with: "Mine").utf8).write(
            to: URL(fileURLWithPath: directory + "/mine.yaml"))
        let weekly = try ReportDefinitions.builtIn(named: "weekly", searchDirectories: [directory])
        #expect(weekly.title == "Our week")
        let listing = ReportDefinitions.listing(searchDirectories: [directory])
        #expect(
            listing.map(\.name) == ["agents", "csat", "groups", "history", "mine", "monthly", "sla", "weekly"])
        #expect(listing.first { $0.name == "weekly" }?.source == directory + "/weekly.yaml")
        #expect(listing.first { $0.name == "weekly" }?.title == "Our week")
        #expect(listing.first { $0.name == "sla" }?.source == "built-in")
        #expect(listing.first { $0.name == "sla" }?.title == "SLA report")
    }

    @Test func anUnparsableFileIsListedWithItsProblem() throws {
        let directory = NSTemporaryDirectory() + "deskstat-builtin-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("title: [\n".utf8).write(to: URL(fileURLWithPath: directory + "/broken.yaml"))
        let broken = ReportDefinitions.listing(searchDirectories: [directory]).first { $0.name == "broken" }
        #expect(broken?.title.hasPrefix("(invalid: ") == true)
    }
}
