import Foundation
import Testing

/// The binary as users install it: copied alone somewhere, no checkout, no `reports/` folder.
@Suite struct InstalledBinaryTests {
    /// A folder outside the checkout holding only a copy of the built binary.
    static func installedCopy() throws -> (directory: String, binary: URL) {
        let directory = try makeScratchDirectory()
        #expect(!directory.hasPrefix(BinaryRunner.packageRoot.path), "the scratch folder must be outside the checkout")
        let binary = URL(fileURLWithPath: directory).appendingPathComponent("deskstat")
        try FileManager.default.copyItem(at: BinaryRunner.executable, to: binary)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["deskstat"])
        return (directory, binary)
    }

    @Test func aCopiedBinaryRunsTheDemoAndTheWeeklyReportAlone() throws {
        let (directory, binary) = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = directory + "/demo.sqlite"
        let demo = try BinaryRunner.run(
            ["demo", "--tickets", "300", "--end", "2026-11-30", "--cache", cache, "--quiet"], executable: binary,
            directory: directory)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.hasPrefix("Weekly support report"))

        let weekly = try BinaryRunner.run(
            ["report", "weekly", "--cache", cache, "--as-of", "2026-11-30T00:00:00Z"], executable: binary,
            directory: directory)
        #expect(weekly.status == 0, "\(weekly.stderr)")
        #expect(weekly.stdout.hasPrefix("Weekly support report"))
        #expect(weekly.stdout.contains("SLA by policy, metric and priority"))

        let list = try BinaryRunner.run(["report", "--list"], executable: binary, directory: directory)
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NAME") == true)
        for name in ["agents", "csat", "groups", "history", "monthly", "sla", "weekly"] {
            #expect(lines.contains { $0.hasPrefix(name + " ") && $0.hasSuffix("built-in") }, "\(name): \(list.stdout)")
        }
    }

    @Test func aReportsFolderOrVariableOverridesByName() throws {
        let (directory, binary) = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let custom = directory + "/custom"
        try FileManager.default.createDirectory(atPath: custom, withIntermediateDirectories: true)
        let yaml =
            "title: Our own week\nsections:\n  - id: headline\n    title: Numbers\n    kind: headline\n    kpis: [created]\n"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: custom + "/weekly.yaml"))

        let viaVariable = try BinaryRunner.run(
            ["report", "--list"], environment: ["DESKSTAT_REPORTS": custom], executable: binary, directory: directory)
        let weeklyLine = viaVariable.stdout.split(separator: "\n").first { $0.hasPrefix("weekly ") } ?? ""
        #expect(weeklyLine.contains("Our own week") && weeklyLine.hasSuffix(custom + "/weekly.yaml"), "\(weeklyLine)")
        let viaFlag = try BinaryRunner.run(
            ["report", "--list", "--reports", custom], executable: binary, directory: directory)
        #expect(viaFlag.stdout == viaVariable.stdout)
    }
}
