import Foundation

/// Hostile `deskstat.yaml` files. Each is given to `deskstat sync --config` with every other
/// setting valid (token in the environment, a base URL on a closed port): the config must be
/// refused with exit 78 before any request and before the cache is opened.
extension HostileCorpus {
    static let valid = "subdomain: acme\nemail: admin@example.com\nstart_date: 2026-01-01\n"

    static let configCases: [HostileCase] = [
        .config("a YAML syntax error", { valid + "tables: [tickets, users\n" }, ["cfg.yaml:5", "not valid YAML"]),
        .config(
            "a tab-indented mapping", { "subdomain: acme\n\temail: a@b.example\n" }, ["cfg.yaml:2", "not valid YAML"]),
        .config(
            "an unknown key (typo)", { valid + "requests_per_minut: 100\n" },
            ["cfg.yaml:4", "unknown key \"requests_per_minut\"", "did you mean \"requests_per_minute\""]),
        .config(
            "a mapping where text belongs", { "subdomain: acme\nemail: admin@example.com\nstart_date: {year: 2024}\n" },
            ["cfg.yaml:3", "start_date", "got a mapping"]),
        .config(
            "text where a number belongs", { valid + "requests_per_minute: lots\n" },
            ["cfg.yaml:4", "requests_per_minute", "\"lots\""]),
        .config(
            "a number out of range", { valid + "incremental_requests_per_minute: 1000000\n" },
            ["cfg.yaml:4", "incremental_requests_per_minute"]),
        .config("a list of lists for tables", { valid + "tables: [[tickets]]\n" }, ["cfg.yaml:4", "tables"]),
        .config("an unknown table", { valid + "tables: [tickets, tikets]\n" }, ["cfg.yaml:4", "tikets"]),
        .config(
            "a bad start date", { "subdomain: acme\nemail: admin@example.com\nstart_date: 2026-02-30\n" },
            ["cfg.yaml:3", "start_date"]),
        .config("a duplicate key", { valid + "subdomain: other\n" }, ["cfg.yaml:4", "appears twice"]),
        .config("a list at the top", { "- subdomain\n- acme\n" }, ["cfg.yaml:1", "must be a mapping"]),
        .config("not UTF-8", { "subdomain: acme\n" }, ["cfg.yaml", "not UTF-8"]).withFile { directory in
            let path = writeFile(
                directory, "cfg.yaml", Array("subdomain: \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8))
            _ = chmod(path, 0o600)
        },
        .config("a config others can read (0644)", { valid }, mode: 0o644, ["cfg.yaml", "mode 0644", "chmod 600"]),
        .config("a config others can write (0666)", { valid }, mode: 0o666, ["cfg.yaml", "chmod 600"]),
        .config(
            "a YAML bomb (billion laughs) in tables",
            {
                let levels = (1...9).map { level -> String in
                    let previous = level == 1 ? "lol" : "*l\(level - 1)"
                    return "&l\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]"
                }
                return valid + "tables: [" + levels.joined(separator: ", ") + "]\n"
            }, ["cfg.yaml:4", "tables"], timeout: 20),
        .config(
            "a 10 MB invalid value",
            {
                "subdomain: " + String(repeating: "a!", count: 5 << 20)
                    + "\nemail: admin@example.com\nstart_date: 2026-01-01\n"
            },
            ["cfg.yaml:1", "subdomain: \"a!a!", "…\" (10485760 bytes) is not a valid subdomain"],
            verify: { result, _ in
                result.stderr.utf8.count < 10_000 ? [] : ["a \(result.stderr.utf8.count)-byte message"]
            }),
        .config(
            "a token in the config file (allowed, with a warning, never shown)",
            { valid + "api_token: CFG-TOKEN-0123456789abcdef\n" }, status: [0],
            ["api_token keeps the API token in the config file"],
            command: ["config", "show"],
            verify: { result, _ in
                (result.stdout + result.stderr).contains("CFG-TOKEN-0123456789abcdef") ? ["the token was printed"] : []
            }),
        .config(
            "a 10 MB config of comments (accepted)",
            { valid + String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 100_000) },
            status: [0], [], command: ["config", "show"],
            verify: { result, _ in
                result.stdout.contains("acme") ? [] : ["config show lost the subdomain: \(result.stdout.prefix(200))"]
            }),
        HostileCase(
            area: .config, name: "a --config path that does not exist",
            arguments: { directory in
                [
                    "sync", "--config", directory + "/nope.yaml", "--cache", HostileCase.cache(directory), "--base-url",
                    "http://127.0.0.1:9",
                ]
            },
            environment: ["ZENDESK_API_TOKEN": "env-TOKEN-abcdef0123456789"], status: [78],
            phrases: ["nope.yaml", "no such config file"]),
        HostileCase(
            area: .config, name: "a token file others can read",
            arguments: { directory in
                let token = writeFile(directory, "token", Array("FILE-TOKEN-0123456789".utf8))
                _ = chmod(token, 0o644)
                return [
                    "sync", "--subdomain", "acme", "--email", "admin@example.com", "--start-date", "2026-01-01",
                    "--token-file", token, "--cache", HostileCase.cache(directory), "--base-url", "http://127.0.0.1:9",
                ]
            },
            status: [78], phrases: ["token", "chmod 600"],
            verify: { result, _ in result.stderr.contains("FILE-TOKEN-0123456789") ? ["the token was printed"] : [] }),
    ]
}

extension HostileCase {
    /// The same case with its config file written by `write` instead (for bytes that are not text).
    func withFile(_ write: @escaping @Sendable (String) -> Void) -> HostileCase {
        var copy = self
        let original = arguments
        copy = HostileCase(
            area: area, name: name,
            arguments: { directory in
                let arguments = try original(directory)
                write(directory)
                return arguments
            },
            environment: environment, stdinFile: stdinFile, status: status, phrases: phrases,
            cacheChanges: cacheChanges,
            timeout: timeout, niceness: niceness, gap: gap, verify: verify)
        return copy
    }
}
