import Foundation
import GRDB

/// Hostile `deskstat query` SQL and `--cache` paths.
extension HostileCorpus {
    /// How long the never-ending query may run (`DESKSTAT_HOSTILE_QUERY_TIMEOUT`, default 30 s).
    static let endlessQueryTimeout = Double(environmentInt("DESKSTAT_HOSTILE_QUERY_TIMEOUT", default: 30))

    static let queryCases: [HostileCase] = [
        .query("DELETE", "DELETE FROM tickets", ["query refused"]),
        .query("UPDATE", "UPDATE tickets SET status = 'closed'", ["query refused"]),
        .query("INSERT", "INSERT INTO tags (name, count, raw_json) VALUES ('x', 1, '{}')", ["query refused"]),
        .query("DROP TABLE", "DROP TABLE tickets", ["query refused"]),
        .query("CREATE TEMP TABLE", "CREATE TEMP TABLE x (a)", ["query refused"]),
        .query(
            "ATTACH", "ATTACH DATABASE '{dir}/evil.sqlite' AS evil", ["query refused"],
            verify: HostileCase.mustNotExist("evil.sqlite")),
        .query("load_extension", "SELECT load_extension('/lib/x86_64-linux-gnu/libc.so.6')", ["not authorized"]),
        .query(
            "fts3_tokenizer (reads or replaces a tokenizer's C function pointers)", "SELECT fts3_tokenizer('x')",
            ["query refused", "not authorized to use function: fts3_tokenizer"]),
        .query(
            "fts3_tokenizer of a built-in tokenizer", "SELECT hex(fts3_tokenizer('simple'))",
            ["query refused", "fts3_tokenizer"]),
        .query(
            "writefile", "SELECT writefile('{dir}/pwned', 'x')", ["no such function"],
            verify: HostileCase.mustNotExist("pwned")),
        .query("PRAGMA user_version = 99", "PRAGMA user_version = 99", ["query refused", "would write"]),
        .query("PRAGMA journal_mode = DELETE", "PRAGMA journal_mode = DELETE", ["query refused"]),
        .query("PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA wal_checkpoint(TRUNCATE)", ["query refused"]),
        .query(
            "PRAGMA writable_schema = ON (connection-only, harmless)", "PRAGMA writable_schema = ON", status: [0, 64],
            []),
        .query(
            "VACUUM INTO", "VACUUM INTO '{dir}/copy.sqlite'", ["query refused"],
            verify: HostileCase.mustNotExist("copy.sqlite")),
        .query("REINDEX", "REINDEX", ["query refused"]),
        .query("BEGIN IMMEDIATE", "BEGIN IMMEDIATE", ["query refused"]),
        .query("two statements, the second a write", "SELECT 1; DELETE FROM tickets", ["only one statement"]),
        .query("two reads", "SELECT 1; SELECT 2", ["only one statement"]),
        .query("a comment hiding a second statement", "SELECT 1 /* */; DROP TABLE tickets --", ["only one statement"]),
        .query("an empty statement", "", ["query: the SQL is empty", "pass one statement"]),
        .query("only a comment", "/* SELECT 1 */ ;", ["query: the SQL is empty"]),
        .query("a syntax error", "SELEC * FROM tickets", ["SQL error", "syntax error"]),
        .query("a table that does not exist", "SELECT * FROM passwords", ["no such table: passwords"]),
        .query(
            "a million-plus rows", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c",
            ["more than 1000000 rows", "add a LIMIT"], timeout: 120),
        .query(
            "a recursive CTE that never ends",
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c",
            status: [1], ["query: stopped after 2 s", "--timeout SECONDS"], extra: ["--timeout", "2"],
            timeout: endlessQueryTimeout
        ).niced(),
        .query(
            "a 100 MB result", "SELECT printf('%.*c', 100000000, 'x') AS big", status: [0], [], format: "json",
            timeout: 120,
            verify: { result, _ in result.stdoutSize >= 100_000_000 ? [] : ["only \(result.stdoutSize) bytes of output"]
            }),
        .query(
            "a 2 GB string (over SQLite's 1 GB limit)", "SELECT length(printf('%.*c', 2000000000, 'x')) AS n",
            status: [0, 64], [], timeout: 60),
    ]

    static let cachePathCases: [HostileCase] =
        [
            HostileCase(
                area: .cachePath, name: "a file that is not SQLite",
                arguments: { directory in
                    writeFile(directory, "notes.sqlite", Array(#"{"not": "a database"}"#.utf8))
                    let input = writeFile(directory, "g.json", Array(#"{"groups": [{"id": 9}]}"#.utf8))
                    return ["import", input, "--cache", directory + "/notes.sqlite"]
                },
                status: [1], phrases: ["notes.sqlite", "not an SQLite database"],
                verify: { _, directory in
                    FileManager.default.contents(atPath: directory + "/notes.sqlite")
                        == Data(#"{"not": "a database"}"#.utf8)
                        ? [] : ["the non-SQLite file was changed"]
                }),
            HostileCase(
                area: .cachePath, name: "another program's SQLite database",
                arguments: { directory in
                    try foreignDatabase(directory + "/app.sqlite")
                    let input = writeFile(directory, "g.json", Array(#"{"groups": [{"id": 9}]}"#.utf8))
                    writeFile(
                        directory, "app.before",
                        FileManager.default.contents(atPath: directory + "/app.sqlite") ?? Data())
                    return ["import", input, "--cache", directory + "/app.sqlite"]
                },
                status: [1], phrases: ["app.sqlite", "not a deskstat cache"],
                verify: { _, directory in
                    FileManager.default.contents(atPath: directory + "/app.sqlite")
                        == FileManager.default.contents(atPath: directory + "/app.before")
                        ? [] : ["the refused database was changed (switched to WAL mode before the check?)"]
                }),
            HostileCase(
                area: .cachePath, name: "a cache in a folder that does not exist",
                arguments: { directory in
                    let input = writeFile(directory, "g.json", Array(#"{"groups": [{"id": 9}]}"#.utf8))
                    return ["import", input, "--cache", directory + "/no/such/folder/c.sqlite"]
                },
                status: [1], phrases: ["cannot open the cache", "no/such/folder/c.sqlite"]),
            HostileCase(
                area: .cachePath, name: "a report on a cache that does not exist",
                arguments: { directory in
                    ["report", "weekly", "--cache", directory + "/none.sqlite"] + HostileCase.fixtureWindow
                },
                status: [1], phrases: ["none.sqlite", "no such file"], verify: HostileCase.mustNotExist("none.sqlite")),
            HostileCase(
                area: .cachePath, name: "a query on a cache that does not exist",
                arguments: { directory in ["query", "SELECT 1", "--cache", directory + "/none.sqlite"] },
                status: [1], phrases: ["none.sqlite"], verify: HostileCase.mustNotExist("none.sqlite")),
            HostileCase(
                area: .cachePath, name: "a directory as the cache",
                arguments: { directory in
                    try FileManager.default.createDirectory(
                        atPath: directory + "/dir.sqlite", withIntermediateDirectories: true)
                    let input = writeFile(directory, "g.json", Array(#"{"groups": [{"id": 9}]}"#.utf8))
                    return ["import", input, "--cache", directory + "/dir.sqlite"]
                },
                status: [1], phrases: ["dir.sqlite"]),
        ] + unusableCacheCases

    /// A directory, an empty file and a file that is not SQLite, each given to every reading
    /// command: the same message and exit status 1 from all of them.
    static let unusableCacheCases: [HostileCase] = {
        let kinds: [(name: String, file: String, make: @Sendable (String) throws -> Void, reason: String)] = [
            (
                "a directory", "dir.sqlite",
                { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: true) },
                "it is a directory, not a cache file"
            ),
            (
                "an empty file", "empty.sqlite", { _ = FileManager.default.createFile(atPath: $0, contents: Data()) },
                "the file is empty (0 bytes), not a deskstat cache"
            ),
            (
                "a file that is not SQLite", "notes.sqlite",
                { _ = FileManager.default.createFile(atPath: $0, contents: Data("hello, world\n".utf8)) },
                "the file is not an SQLite database, so not a deskstat cache"
            ),
        ]
        let commands: [(name: String, arguments: [String])] = [
            ("report", ["report", "weekly"] + HostileCase.fixtureWindow), ("query", ["query", "SELECT 1"]),
            ("status", ["status"]), ("explain", ["explain", "1001"] + HostileCase.fixtureWindow),
            ("kpi", ["kpi", "created"] + HostileCase.fixtureWindow),
        ]
        return kinds.flatMap { kind in
            commands.map { command in
                HostileCase(
                    area: .cachePath, name: "\(kind.name) as the cache of \(command.name)",
                    arguments: { directory in
                        try kind.make(directory + "/" + kind.file)
                        return command.arguments + ["--cache", directory + "/" + kind.file]
                    },
                    status: [1],
                    phrases: ["deskstat: error: cannot open the cache at {dir}/\(kind.file): \(kind.reason)"])
            }
        }
    }()

    /// A small SQLite database in rollback-journal mode, as another program would keep it.
    static func foreignDatabase(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello')"
            )
        }
        try queue.close()
    }
}
