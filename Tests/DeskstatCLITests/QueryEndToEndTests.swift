import Foundation
import Testing

@Suite struct QueryEndToEndTests {
    let cache: String

    init() throws {
        let directory = try makeScratchDirectory()
        cache = directory + "/c.sqlite"
        let body = directory + "/groups.json"
        _ = FileManager.default.createFile(
            atPath: body, contents: Data(#"{"groups":[{"id":1,"name":"Support, EU"},{"id":2,"name":"Billing"}]}"#.utf8))
        let imported = try BinaryRunner.run(["import", "--cache", cache, body])
        precondition(imported.status == 0)
    }

    func query(_ sql: String, _ format: String = "table") throws -> BinaryRunner.Result {
        try BinaryRunner.run(["query", "--cache", cache, sql, "--format", format])
    }

    @Test func formats() throws {
        #expect(
            try query("SELECT id, name FROM groups ORDER BY id").stdout == "id  name\n 1  Support, EU\n 2  Billing\n")
        #expect(
            try query("SELECT id, name, NULL AS n FROM groups ORDER BY id", "json").stdout
                == "[\n  {\"id\": 1, \"name\": \"Support, EU\", \"n\": null},\n  {\"id\": 2, \"name\": \"Billing\", \"n\": null}\n]\n"
        )
        #expect(
            try query("SELECT id, name FROM groups ORDER BY id", "csv").stdout
                == "id,name\n1,\"Support, EU\"\n2,Billing\n")
    }

    @Test(arguments: [
        "DELETE FROM groups", "UPDATE groups SET name = 'x'", "DROP TABLE groups", "CREATE TABLE t (x)",
        "ATTACH DATABASE '/tmp/deskstat-attack.sqlite' AS other", "SELECT load_extension('/tmp/evil')",
        "PRAGMA user_version = 99", "SELECT 1; DELETE FROM groups",
        "INSERT INTO groups (id, raw_json) VALUES (9, '{}')",
    ])
    func refusesAnythingButReading(sql: String) throws {
        let result = try query(sql)
        #expect(result.status == 64, "\(sql): \(result.stderr)")
        #expect(try query("SELECT COUNT(*) AS n FROM groups", "csv").stdout == "n\n2\n")
        #expect(try query("PRAGMA user_version", "csv").stdout == "user_version\n8\n")
    }

    @Test func badSQLIsAUsageError() throws {
        let result = try query("SELEC nonsense")
        #expect(result.status == 64)
        #expect(result.stderr.contains("SQL error"))
    }
}
