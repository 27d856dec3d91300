import Foundation
import Testing

/// Every built-in report, in every format, on a small generated account, byte for byte as
/// captured from the code before the cache schema moved into one declaration (issue 10). A
/// refactoring of the cache, the import path or the engine must leave every one of these bytes
/// alone; a change that means to alter a report updates the files and says so in its commit.
///
/// To capture the files again (only when a report changes on purpose), run the suite with
/// `DESKSTAT_RECORD_GENERATED_REPORTS=1` and review the diff.
@Suite(.serialized) struct GeneratedAccountReportTests {
    static let expectedDirectory = BinaryRunner.packageRoot.appendingPathComponent(
        "Tests/DeskstatCLITests/GeneratedReports")

    /// A 400-ticket account (seed 1010) ending 2026-11-30, built once by `deskstat demo`.
    static let cache: String = {
        let directory = (try? makeScratchDirectory()) ?? NSTemporaryDirectory()
        let cache = directory + "/generated.sqlite"
        let result = try? BinaryRunner.run([
            "demo", "--tickets", "400", "--seed", "1010", "--end", "2026-11-30", "--cache", cache, "--quiet",
            "--format", "json",
        ])
        precondition(result?.status == 0, "demo failed: \(result?.stderr ?? "")")
        return cache
    }()

    static let asOf = ["--as-of", "2026-11-30T00:00:00Z"]

    /// (file name, arguments): each report in each format, plus a tag slice and a filter, which
    /// read tags and custom fields through the engine's other paths.
    static let cases: [(String, [String])] = {
        var cases: [(String, [String])] = []
        let formats = [("text", "txt"), ("markdown", "md"), ("json", "json"), ("csv", "csv")]
        for report in ["weekly", "monthly", "sla", "csat", "history"] {
            let window = report == "history" ? ["--from", "2025-12-01"] : []
            for (format, fileExtension) in formats {
                cases.append(
                    ("\(report).\(fileExtension)", ["report", report, "--format", format] + window + asOf))
            }
        }
        cases.append(
            (
                "kpi-by-tag.json",
                ["kpi", "first_reply_time", "--by", "tag", "--period", "last-30d", "--format", "json"] + asOf
            ))
        cases.append(
            (
                "weekly-filtered.json",
                [
                    "report", "weekly", "--where", "priority=high,urgent", "--where", "channel!=email", "--format",
                    "json",
                ]
                    + asOf
            ))
        return cases
    }()

    @Test(arguments: cases.map(\.0))
    func reportIsByteIdenticalToTheCapturedOne(file: String) throws {
        let arguments = try #require(Self.cases.first { $0.0 == file }?.1)
        let result = try BinaryRunner.run(arguments + ["--cache", Self.cache], environment: ["COLUMNS": "100"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let url = Self.expectedDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["DESKSTAT_RECORD_GENERATED_REPORTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.expectedDirectory, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(result.stdout == expected, "\(file) differs from the captured report")
    }
}
