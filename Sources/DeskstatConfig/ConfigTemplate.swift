/// The commented `deskstat.yaml` that `deskstat init` writes.
///
/// Every key is explained, with its flag and environment variable; tables are listed one per line
/// with what each holds (unchosen ones commented out); optional keys left unset appear as
/// commented examples showing the default. The token is never written: the header says to use
/// `ZENDESK_API_TOKEN` or `token_file:`. `ConfigLoader` reads the result back to the same values.
public enum ConfigTemplate {
    /// The file's text for `values`, ending with a newline.
    public static func render(values: InitValues) -> String {
        var lines = header
        lines += section(
            .subdomain, ["Your Zendesk subdomain: acme for https://acme.zendesk.com."],
            value: YAMLText.scalar(values.subdomain))
        lines += section(
            .email,
            [
                "The admin whose API token deskstat uses; requests sign in as EMAIL/token.",
                "Not needed with ZENDESK_OAUTH_TOKEN.",
            ], value: values.email.map(YAMLText.scalar), example: "admin@example.com")
        lines += section(
            .startDate,
            [
                "Where the first sync starts (UTC): 2017-01-25 or 2017-01-25T00:00:00Z.",
                "Later syncs continue from the cursors saved in the cache.",
            ], value: YAMLText.scalar(UTCDate.formatShort(values.startDate)))
        lines += tables(values.tables)
        lines += section(
            .cache,
            [
                "The SQLite cache file. A relative path is relative to this file's folder.",
                "Default: \(DeskstatConfiguration.Defaults.cachePath).",
            ], value: values.cachePath.map(YAMLText.scalar), example: DeskstatConfiguration.Defaults.cachePath)
        lines += section(
            .baseURL,
            [
                "Another API address instead of https://SUBDOMAIN.zendesk.com: a proxy, or a local",
                "fake server in tests (only there is http:// sensible).",
            ], value: values.baseURL.map(YAMLText.scalar), example: "http://127.0.0.1:8080")
        lines += section(
            .incrementalRequestsPerMinute,
            [
                "Requests per minute to the incremental export endpoints: Zendesk allows 10, or 30",
                "with the High Volume API add-on (1-30).",
            ], value: values.incrementalRequestsPerMinute.map(String.init),
            example: String(DeskstatConfiguration.Defaults.incrementalRequestsPerMinute))
        lines += section(
            .requestsPerMinute,
            [
                "Requests per minute to all other endpoints: your plan's limit (Team 200, Growth and",
                "Professional 400, Enterprise 700, Enterprise Plus or High Volume 2500).",
            ], value: values.requestsPerMinute.map(String.init),
            example: String(DeskstatConfiguration.Defaults.requestsPerMinute))
        lines += section(
            .auditConcurrency, ["Tickets whose audits and comments are fetched at once (1-20)."],
            value: values.auditConcurrency.map(String.init),
            example: String(DeskstatConfiguration.Defaults.auditConcurrency))
        lines += section(
            .tokenFile,
            [
                "A file holding only the API token (chmod 600). A relative path is relative to this",
                "file's folder. ZENDESK_API_TOKEN, when set, is used instead.",
            ], value: values.tokenFile.map(YAMLText.scalar), example: "~/.config/deskstat/zendesk-token")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The opening comment: where the file is read from, precedence, and where the token goes.
    static let header = [
        "# deskstat configuration, written by `deskstat init`.",
        "#",
        "# deskstat reads --config PATH, else ./deskstat.yaml, else",
        "# $XDG_CONFIG_HOME/deskstat/deskstat.yaml (~/.config/deskstat/deskstat.yaml).",
        "# Command-line flags beat environment variables, which beat this file, which beats the",
        "# defaults. `deskstat config show` prints every setting and where it came from.",
        "#",
        "# The API token is NOT kept in this file. Give it to deskstat in one of these ways:",
        "#   - export ZENDESK_API_TOKEN=...  (Admin Center > Apps and integrations > Zendesk API)",
        "#   - token_file: (below), naming a file that holds only the token, chmod 600",
        "#   - for OAuth, export ZENDESK_OAUTH_TOKEN=... instead (sent as a Bearer token)",
        "# An api_token: key works too but is discouraged: config files get copied and committed.",
        "#",
        "# Keep this file private: deskstat refuses it if other users can read it",
        "# (fix with chmod 600 deskstat.yaml).",
    ]

    /// A blank line, the explanation, where else the key can be set, and the key (commented out
    /// with `example` when `value` is nil).
    private static func section(_ key: ConfigKey, _ explanation: [String], value: String?, example: String? = nil)
        -> [String]
    {
        var lines = [""] + explanation.map { "# " + $0 }
        lines.append("# Also: " + alternatives(key) + ".")
        if let value {
            lines.append("\(key.yamlKey): \(value)")
        } else if let example {
            lines.append("# \(key.yamlKey): \(YAMLText.scalar(example))")
        }
        return lines
    }

    /// The table list: chosen tables as items, the others commented out, each with its summary.
    private static func tables(_ chosen: [String]) -> [String] {
        // Summaries start in one column, whether or not the item is commented out.
        let column = "  # - ".count + (ZendeskTable.allNames.map(\.count).max() ?? 0) + 2
        var lines = [
            "",
            "# The tables to sync. Delete a line (or comment it out) to skip a table; `tables: all`",
            "# and `tables: default` (all but ticket_audits, whose per-ticket requests the ticket event",
            "# export replaces) also work.",
            "# Also: " + alternatives(.tables) + " (comma-separated).",
            "tables:",
        ]
        for table in ZendeskTable.allCases {
            let item = (chosen.contains(table.rawValue) ? "  - " : "  # - ") + table.rawValue
            lines.append(item + String(repeating: " ", count: max(1, column - item.count)) + "# " + table.summary)
        }
        return lines
    }

    /// `--subdomain, ZENDESK_SUBDOMAIN`.
    private static func alternatives(_ key: ConfigKey) -> String {
        [key.flag, key.environmentVariable].compactMap { $0 }.joined(separator: ", ")
    }
}
