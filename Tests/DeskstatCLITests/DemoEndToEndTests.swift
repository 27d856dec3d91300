import Foundation
import Testing

@Suite struct DemoEndToEndTests {
    @Test func demoBuildsACacheAndShowsTheWeeklyReportReproducibly() throws {
        let directory = try makeScratchDirectory()
        let first = try BinaryRunner.run([
            "demo", "--tickets", "600", "--end", "2026-11-30", "--cache", directory + "/a.sqlite",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Weekly support report"))
        #expect(first.stdout.contains("SLA by policy, metric and priority"))
        #expect(first.stderr.contains("demo account imported"))
        let second = try BinaryRunner.run([
            "demo", "--tickets", "600", "--end", "2026-11-30", "--cache", directory + "/b.sqlite",
        ])
        #expect(second.stdout == first.stdout)

        let status = try BinaryRunner.run(["status", "--cache", directory + "/a.sqlite", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let tables = try #require(json["tables"] as? [String: [String: Any]])
        #expect(tables["tickets"]?["rows"] as? Int == 600)
        for table in ["ticket_metrics", "users", "groups", "satisfaction_ratings", "sla_policies", "organizations"] {
            #expect((tables[table]?["rows"] as? Int ?? 0) > 0, "\(table)")
        }
    }

    @Test func demoRefusesToOverwriteAFile() throws {
        let directory = try makeScratchDirectory()
        let path = directory + "/exists.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let result = try BinaryRunner.run(["demo", "--tickets", "10", "--cache", path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("already exists"))
    }
}
