import Foundation

/// Hostile import files: syntax, sizes, encodings, types, ranges, shapes.
extension HostileCorpus {
    static let importCases: [HostileCase] = [
        // Structure and size.
        .importFile(
            "100,000 nested arrays",
            {
                Array(#"{"tickets": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 100_000)
                    + Array(repeating: UInt8(ascii: "]"), count: 100_000) + [UInt8(ascii: "}")]
            },
            ["nesting deeper than 256 levels", "line 1, column"]),
        .importFile(
            "100,000 nested objects inside a record",
            {
                Array(#"{"groups": [{"id": 1, "x": "#.utf8) + Array(String(repeating: #"{"a": "#, count: 100_000).utf8)
                    + Array("1".utf8) + Array(repeating: UInt8(ascii: "}"), count: 100_000) + Array("}]}".utf8)
            }, ["nesting deeper than 256 levels"]),
        HostileCase(
            area: .importFile, name: "a 100 MB string value in a valid record",
            arguments: { directory in
                let path = writeLarge(
                    directory, "huge.json",
                    prefix: #"{"groups": [{"id": 4242, "updated_at": "2026-11-01T00:00:00Z", "name": ""#,
                    byte: UInt8(ascii: "x"), count: 100 << 20, suffix: #""}]}"#)
                return ["import", path, "--cache", HostileCase.cache(directory), "--quiet"]
            },
            status: [0], phrases: [], cacheChanges: true, timeout: 120,
            verify: { result, _ in
                result.stdout.contains("1 file(s) imported, 1 records") ? [] : ["summary: \(result.stdout.prefix(300))"]
            }),
        HostileCase(
            area: .importFile, name: "a 100 MB string that never ends",
            arguments: { directory in
                let path = writeLarge(
                    directory, "endless.json", prefix: #"{"groups": [{"id": 4243, "name": ""#, byte: UInt8(ascii: "y"),
                    count: 100 << 20, suffix: "")
                return ["import", path, "--cache", HostileCase.cache(directory), "--quiet"]
            },
            status: [65], phrases: ["endless.json", "unterminated string", "line 1, column"], timeout: 120),
        .importText(
            "a JSON array at the top level", #"[{"groups": [{"id": 1}]}]"#, ["the body is an array, not a JSON object"]),
        .importText("a bare string at the top level", #""hello""#, ["the body is a string, not a JSON object"]),
        .importFile("a 0-byte file", { [] }, ["the input is empty"]),
        .importText("only blanks", " \n\t\r\n ", ["the input is empty"]),
        .importText("trailing garbage after the body", #"{"groups": [{"id": 1}]} {"#, ["after the end of the body"]),
        .importText("a truncated body", #"{"groups": [{"id": 1}, {"id": 2"#, ["unexpected end of input"]),
        .importText("no known table", #"{"results": [{"id": 1}]}"#, ["no known Zendesk table", "\"results\""]),
        .importText("a record list that is an object", #"{"tickets": {"id": 1}}"#, ["expected a list of records"]),
        .importText(
            "a record that is a number", #"{"tickets": [1]}"#, ["\"tickets\"[0] is a number, not a record object"]),
        // Numbers.
        .importText("an id beyond 64 bits", #"{"groups": [{"id": 99999999999999999999}]}"#, ["integer out of range"]),
        .importText("an id below Int64.min", #"{"groups": [{"id": -9223372036854775809}]}"#, ["integer out of range"]),
        .importText("a float beyond Double", #"{"groups": [{"id": 1, "x": 1e400}]}"#, ["number out of range"]),
        .importText("a number with leading zeros", #"{"groups": [{"id": 007}]}"#, ["leading zeros"]),
        // Encodings.
        .importFile(
            "invalid UTF-8 in a string",
            { Array(#"{"groups": [{"id": 1, "name": ""#.utf8) + [0xFF, 0xFE, 0xC0] + Array(#""}]}"#.utf8) },
            ["not valid UTF-8"]),
        .importText(
            "an unpaired surrogate escape", #"{"groups": [{"id": 1, "name": "\ud800x"}]}"#, ["unpaired surrogate"]),
        .importFile(
            "a raw NUL byte inside a string",
            { Array(#"{"groups": [{"id": 1, "name": "a"#.utf8) + [0x00] + Array(#"b"}]}"#.utf8) },
            ["control character in a string"]),
        .importFile("a file of NUL bytes", { [UInt8](repeating: 0, count: 4096) }, ["byte 0x0"]),
        .importFile(
            "UTF-16 with a byte-order mark", { [0xFF, 0xFE] + Array(#"{"groups":[]}"#.utf8).flatMap { [$0, 0] } },
            ["invalid JSON"]),
        // Duplicate keys.
        .importText("a duplicate key in a record", #"{"groups": [{"id": 1, "id": 2}]}"#, ["duplicate key \"id\""]),
        .importText("a duplicate table key", #"{"groups": [{"id": 1}], "groups": []}"#, ["duplicate key \"groups\""]),
        // Wrong types in typed fields.
        .importText(
            "id as a string", #"{"groups": [{"id": "1"}]}"#, ["field \"id\" is a string; expected an integer id"]),
        .importText(
            "id as a fraction", #"{"groups": [{"id": 1.5}]}"#, ["field \"id\" is a number; expected an integer id"]),
        .importText(
            "id as an object", #"{"groups": [{"id": {"value": 1}}]}"#,
            ["field \"id\" is an object; expected an integer id"]),
        .importText(
            "id as an array", #"{"users": [{"id": [1]}]}"#, ["field \"id\" is an array; expected an integer id"]),
        .importText("id missing", #"{"organizations": [{"name": "x"}]}"#, ["field \"id\" is missing"]),
        .importText("a ticket without created_at", #"{"tickets": [{"id": 77}]}"#, ["field \"created_at\" is missing"]),
        .importText(
            "group_id as a string", HostileCase.ticket(#""group_id": "360001""#),
            ["field \"group_id\" is a string; expected an integer id"]),
        .importText(
            "requester_id as a boolean", HostileCase.ticket(#""requester_id": true"#),
            ["field \"requester_id\" is a boolean"]),
        .importText(
            "a timestamp as garbage", HostileCase.ticket(#""updated_at": "yesterday""#),
            ["field \"updated_at\" is \"yesterday\", not an ISO-8601 timestamp"]),
        .importText(
            "a timestamp as a boolean", HostileCase.ticket(#""updated_at": false"#),
            ["field \"updated_at\" is a boolean"]),
        .importText(
            "a timestamp as an object", HostileCase.ticket(#""updated_at": {"t": 1}"#),
            ["field \"updated_at\" is an object"]),
        .importText(
            "an impossible date", HostileCase.ticket(#""updated_at": "2026-02-30T00:00:00Z""#),
            ["not an ISO-8601 timestamp"]),
        .importText(
            "a date before 1970", HostileCase.ticket(#""updated_at": "1969-12-31T23:59:59Z""#), ["outside 1970–9999"]),
        .importText("a negative epoch", HostileCase.ticket(#""updated_at": -1"#), ["outside 1970–9999"]),
        .importText(
            "a date after 9999", HostileCase.ticket(#""updated_at": "10000-01-01T00:00:00Z""#),
            ["not an ISO-8601 timestamp"]),
        .importText("an epoch after 9999", HostileCase.ticket(#""updated_at": 253402300800"#), ["outside 1970–9999"]),
        .importText(
            "generated_timestamp as text", HostileCase.ticket(#""generated_timestamp": "soon""#),
            ["field \"generated_timestamp\""]),
        .importText(
            "a metric count with a fraction", HostileCase.metricSet(#""reopens": 1.5"#),
            ["field \"reopens\"", "whole number"]),
        .importText(
            "a metric duration as text", HostileCase.metricSet(#""reply_time_in_minutes": {"calendar": "fast"}"#),
            ["reply_time_in_minutes.calendar", "expected a number"]),
        .importText(
            "a metric without ticket_id", #"{"ticket_metrics": [{"id": 5}]}"#, ["field \"ticket_id\" is missing"]),
        .importText(
            "a satisfaction rating with a text ticket_id",
            #"{"satisfaction_ratings": [{"id": 5, "ticket_id": "1001"}]}"#,
            ["field \"ticket_id\" is a string"]),
        // Messy but documented as accepted: Zendesk data is messy, the raw JSON keeps everything.
        .importFile(
            "a UTF-8 byte-order mark before the body (accepted: Windows tools write one)",
            {
                [0xEF, 0xBB, 0xBF]
                    + Array(HostileCase.ticket(#""status": "open", "updated_at": "2026-11-18T00:00:00Z""#).utf8)
            },
            status: [0], [], cacheChanges: true,
            verify: { _, directory in
                let stored = try? Deskstat.run(
                    [
                        "query", "SELECT status FROM tickets WHERE id = 77", "--cache", HostileCase.cache(directory),
                        "--format", "csv",
                    ], in: directory)
                return stored?.stdout == "status\nopen\n" ? [] : ["BOM ticket: \(stored?.stdout ?? "?")"]
            }),
        .importText(
            "tags as an object (accepted: no typed tags, raw JSON kept)",
            HostileCase.ticket(#""tags": {"vip": true}, "updated_at": "2026-11-18T00:00:00Z""#),
            status: [0], [], cacheChanges: true,
            verify: { result, directory in
                let stored = try? Deskstat.run(
                    [
                        "query",
                        "SELECT raw_json ->> '$.tags.vip' AS vip, (SELECT COUNT(*) FROM ticket_tags WHERE ticket_id = 77) AS tags FROM tickets WHERE id = 77",
                        "--cache", HostileCase.cache(directory), "--format", "csv",
                    ], in: directory)
                return stored?.stdout == "vip,tags\n1,0\n"
                    ? [] : ["tags object: \(stored?.stdout ?? "?") \(stored?.stderr ?? "")"]
            }),
        .importText(
            "negative durations in a metric set (accepted, see the KPI test)",
            HostileCase.metricSet(#""reply_time_in_minutes": {"calendar": -500000, "business": -5}, "reopens": -3"#),
            status: [0], [],
            cacheChanges: true),
        .importText(
            "an older metric set under another id for a ticket that has one",
            #"{"ticket_metrics": [{"id": 555, "ticket_id": 1001, "updated_at": "2001-01-01T00:00:00Z", "reopens": 9}]}"#,
            status: [0], [], cacheChanges: true,
            verify: { _, directory in
                // docs/cache.md: an older version is ignored, also under another id for the same ticket.
                let stored = try? Deskstat.run(
                    [
                        "query", "SELECT id FROM ticket_metrics WHERE ticket_id = 1001", "--cache",
                        HostileCase.cache(directory), "--format", "csv",
                    ],
                    in: directory)
                return stored?.stdout == "id\n3501001\n"
                    ? [] : ["the older metric set replaced ticket 1001's newer one: \(stored?.stdout ?? "?")"]
            }),
        // Files and paths.
        .importText(
            "a .txt file", file: "notes.txt", #"{"groups": [{"id": 1}]}"#, ["not a .json, .jsonl or .ndjson file"]),
        .importText(
            "NDJSON with a bad third line", file: "lines.ndjson",
            "{\"groups\":[{\"id\":1}]}\n{\"groups\":[{\"id\":2}]}\n{\"groups\":[{\"id\":3}\n", ["line 3"]),
        HostileCase(
            area: .importFile, name: "a path that does not exist",
            arguments: { directory in ["import", directory + "/missing.json", "--cache", HostileCase.cache(directory)]
            },
            status: [66], phrases: ["missing.json", "no such file or directory"]),
        HostileCase(
            area: .importFile, name: "garbage on standard input",
            arguments: { directory in
                writeFile(directory, "stdin.bin", [0x7B, 0x00, 0xFF, 0x13])
                return ["import", "-", "--table", "users", "--cache", HostileCase.cache(directory)]
            },
            stdinFile: "stdin.bin", status: [65], phrases: ["<stdin>", "invalid JSON"]),
        HostileCase(
            area: .importFile, name: "1,000 empty files with --keep-going",
            arguments: { directory in
                for index in 0..<1000 { writeFile(directory, String(format: "empties/e%04d.json", index), [UInt8]()) }
                return [
                    "import", directory + "/empties", "--keep-going", "--cache", HostileCase.cache(directory),
                    "--quiet",
                ]
            },
            // None imported: a data error (65), not the partial success (2) of some files in.
            status: [65], phrases: ["nothing was imported", "1000 file(s) failed", "e0999.json", "the input is empty"],
            timeout: 60),
        HostileCase(
            area: .importFile, name: "a bad file into a cache that does not exist yet",
            arguments: { directory in
                let path = writeFile(directory, "bad.json", Array("{".utf8))
                return ["import", path, "--cache", directory + "/new.sqlite"]
            },
            status: [65], phrases: ["bad.json", "nothing from this file was imported"],
            verify: { _, directory in
                let left = ["", "-wal", "-shm", "-writer"].filter {
                    FileManager.default.fileExists(atPath: directory + "/new.sqlite" + $0)
                }
                return left.isEmpty ? [] : ["the failed import left new.sqlite\(left) behind"]
            }),
    ]
}
