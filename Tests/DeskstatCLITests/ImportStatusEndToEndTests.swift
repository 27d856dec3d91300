import Foundation
import Testing

@Suite struct ImportStatusEndToEndTests {
    let directory: String
    let cache: String

    init() throws {
        directory = try makeScratchDirectory()
        cache = directory + "/c.sqlite"
    }

    func write(_ name: String, _ text: String) -> String {
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func helpListsCommandsAndExitCodes() throws {
        let result = try BinaryRunner.run(["--help"])
        #expect(result.status == 0)
        for command in ["import", "status", "demo"] { #expect(result.stdout.contains(command)) }
        #expect(result.stdout.contains("65 data error"))
    }

    @Test func importThenStatus() throws {
        let groups = write(
            "groups.json",
            #"{"groups":[{"id":1,"name":"Support","updated_at":"2026-11-01T00:00:00Z"},{"id":2,"name":"Billing","updated_at":"2026-11-02T00:00:00Z"}]}"#
        )
        let imported = try BinaryRunner.run(["import", "--cache", cache, groups])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("groups"))
        #expect(imported.stdout.contains("1 file(s) imported, 2 records"))

        let status = try BinaryRunner.run(["status", "--cache", cache, "--json"])
        #expect(status.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let tables = try #require(json["tables"] as? [String: [String: Any]])
        #expect(tables["groups"]?["rows"] as? Int == 2)
        #expect(tables["groups"]?["newest"] as? String == "2026-11-02T00:00:00Z")
        #expect(json["schema_version"] as? Int == 8)

        let text = try BinaryRunner.run(["status"], environment: ["DESKSTAT_CACHE": cache])
        #expect(text.status == 0)
        #expect(text.stdout.contains("schema  version 8"))
    }

    @Test func exitCodesAreDistinct() throws {
        let bad = write("bad.json", #"{"tickets": [{"id": 1"#)
        let good = write("good.json", #"{"groups":[{"id":1}]}"#)

        let malformed = try BinaryRunner.run(["import", "--cache", cache, bad])
        #expect(malformed.status == 65)
        #expect(malformed.stderr.contains("bad.json"))
        #expect(malformed.stderr.contains("line 1, column"))

        #expect(try BinaryRunner.run(["import", "--cache", cache, directory + "/missing.json"]).status == 66)
        #expect(try BinaryRunner.run(["import", "--cache", cache, "--keep-going", good, bad]).status == 2)
        #expect(try BinaryRunner.run(["import", "--cache", cache, "--no-such-flag", good]).status == 64)
        #expect(try BinaryRunner.run(["import", "--cache", cache, "--table", "nope", good]).status == 64)
        #expect(try BinaryRunner.run(["status", "--cache", directory + "/none.sqlite"]).status == 1)
    }

    @Test func importsFromStandardInput() throws {
        let result = try BinaryRunner.run(
            ["import", "--cache", cache, "--table", "users", "-"],
            stdin: Data(#"{"id": 5, "role": "agent", "active": true}"#.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("users"))
    }
}
