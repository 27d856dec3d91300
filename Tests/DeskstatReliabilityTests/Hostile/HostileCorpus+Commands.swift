import Foundation

/// Hostile command lines, report definitions, `--where` filters and `--fail-on` expressions.
extension HostileCorpus {
    static let argumentCases: [HostileCase] = [
        HostileCase(
            area: .arguments, name: "an unknown flag (a syntax error: the usage follows)",
            arguments: { directory in ["report", "weekly", "--bogus", "--cache", HostileCase.cache(directory)] },
            status: [64], phrases: ["deskstat: error: Unknown option '--bogus'", "Usage: deskstat report"],
            verify: { result, _ in result.stderr.contains("\nError:") ? ["two error styles: \(result.stderr)"] : [] }),
        .report(
            .arguments, "--period nonsense", ["--period", "nonsense"], status: [64],
            ["--period", "\"nonsense\" is not a period"]),
        .report(.arguments, "--period week 54", ["--period", "2026-W54"], status: [64], ["2026-W54", "53 weeks"]),
        .report(.arguments, "--period month 13", ["--period", "2026-13"], status: [64], ["2026-13", "month"]),
        .report(
            .arguments, "--tz garbage", ["--tz", "Mars/Olympus_Mons"], status: [64],
            ["--tz", "Mars/Olympus_Mons", "not a known IANA time zone"]),
        .report(
            .arguments, "--tz a path", ["--tz", "../../../../etc/passwd"], status: [64],
            ["--tz", "not a known IANA time zone"]),
        .report(
            .arguments, "--tz with a NUL-free control character", ["--tz", "Europe/\u{7}Berlin"], status: [64], ["--tz"]
        ),
        .report(
            .arguments, "--as-of year 99999", ["--as-of", "99999-01-01"], status: [64], ["--as-of", "99999-01-01"]),
        .report(
            .arguments, "--as-of year 1", ["--as-of", "0001-01-01"], status: [64],
            ["--as-of \"0001-01-01\" is outside", "between 1970 and 9999"]),
        HostileCase(
            area: .arguments, name: "--from after --to",
            arguments: { directory in
                [
                    "report", "weekly", "--cache", HostileCase.cache(directory), "--from", "2026-12-01", "--to",
                    "2026-01-01",
                ]
            },
            status: [64], phrases: ["is not before --to"]),
        HostileCase(
            area: .arguments, name: "--from in 1900",
            arguments: { directory in
                [
                    "report", "weekly", "--cache", HostileCase.cache(directory), "--from", "1900-01-01", "--to",
                    "2026-01-01",
                ]
            },
            status: [64], phrases: ["1900-01-01", "between 1970 and 9999"]),
        .report(
            .arguments, "--period with --from", ["--from", "2026-11-01"], status: [64],
            ["cannot be combined with --from/--to"]),
        .report(.arguments, "--format yaml", ["--format", "yaml"], status: [64], ["--format \"yaml\""]),
        .report(.arguments, "--compare sideways", ["--compare", "sideways"], status: [64], ["--compare \"sideways\""]),
        .report(
            .arguments, "--section without csv", ["--format", "csv", "--section", "nope"], status: [64],
            ["--section \"nope\""]),
        HostileCase(
            area: .arguments, name: "demo --tickets -5",
            arguments: { directory in ["demo", "--tickets", "-5", "--cache", directory + "/demo.sqlite"] },
            status: [64], phrases: ["--tickets"], verify: HostileCase.mustNotExist("demo.sqlite")),
        HostileCase(
            area: .arguments, name: "demo --tickets=-5",
            arguments: { directory in ["demo", "--tickets=-5", "--cache", directory + "/demo.sqlite"] },
            status: [64], phrases: ["--tickets must be between 1 and 5,000,000"],
            verify: HostileCase.mustNotExist("demo.sqlite")),
        HostileCase(
            area: .arguments, name: "demo --end in year 99999",
            arguments: { directory in
                ["demo", "--tickets", "10", "--end", "99999-01-01", "--cache", directory + "/demo.sqlite"]
            },
            status: [64], phrases: ["--end"], verify: HostileCase.mustNotExist("demo.sqlite")),
        HostileCase(
            area: .arguments, name: "demo --events-per-ticket=-1",
            arguments: { directory in
                ["demo", "--tickets", "10", "--events-per-ticket=-1", "--cache", directory + "/demo.sqlite"]
            },
            status: [64], phrases: ["--events-per-ticket must be between 0 and 500; got -1"],
            verify: HostileCase.mustNotExist("demo.sqlite")),
        HostileCase(
            area: .arguments, name: "bench --events-per-ticket 100000",
            arguments: { directory in
                ["bench", "--events-per-ticket", "100000", "--tickets", "1", "--directory", directory + "/bench"]
            },
            status: [64], phrases: ["--events-per-ticket must be between 0 and 500; got 100000"], timeout: 30,
            verify: HostileCase.mustNotExist("bench")),
        HostileCase(
            area: .arguments, name: "bench --runs beyond Int",
            arguments: { _ in ["bench", "--runs", "99999999999999999999999", "--tickets", "1"] },
            status: [64], phrases: ["--runs"]),
        HostileCase(
            area: .arguments, name: "bench --runs -1",
            arguments: { _ in ["bench", "--runs", "-1", "--tickets", "1"] }, status: [64], phrases: ["--runs"]),
        HostileCase(
            area: .arguments, name: "bench --runs 1000000000",
            arguments: { directory in
                ["bench", "--runs", "1000000000", "--tickets", "1", "--directory", directory + "/bench"]
            },
            status: [64], phrases: ["--runs must be between 1 and 100; got 1000000000"], timeout: 30,
            verify: HostileCase.mustNotExist("bench")),
        HostileCase(
            area: .arguments, name: "bench --days 100000 (a history longer than 30 years)",
            arguments: { directory in
                ["bench", "--days", "100000", "--tickets", "1", "--directory", directory + "/bench"]
            },
            status: [64], phrases: ["--days must be between 7 and 10950; got 100000"], timeout: 30,
            verify: HostileCase.mustNotExist("bench")),
        HostileCase(
            area: .arguments, name: "query --timeout beyond a day",
            arguments: { directory in
                ["query", "SELECT 1", "--timeout", "86401", "--cache", HostileCase.cache(directory)]
            },
            status: [64], phrases: ["--timeout must be between 0 (no limit) and 86400 seconds; got 86401"]),
        HostileCase(
            area: .arguments, name: "kpi --by nonsense",
            arguments: { directory in
                ["kpi", "first_reply_time", "--by", "nonsense", "--cache", HostileCase.cache(directory)]
            },
            status: [64], phrases: ["--by \"nonsense\" is not a slice", "expected one of group, assignee"]),
        HostileCase(
            area: .arguments, name: "kpi with an unknown KPI",
            arguments: { directory in ["kpi", "first_reply_tme", "--cache", HostileCase.cache(directory)] },
            status: [64],
            phrases: ["deskstat: error: unknown KPI \"first_reply_tme\" (did you mean \"first_reply_time\"?)"],
            verify: HostileCase.noUsage),
        HostileCase(
            area: .arguments, name: "kpi --by with a typo",
            arguments: { directory in ["kpi", "created", "--by", "grop", "--cache", HostileCase.cache(directory)] },
            status: [64], phrases: ["deskstat: error: --by \"grop\" is not a slice (did you mean \"group\"?)"],
            verify: HostileCase.noUsage),
        HostileCase(
            area: .arguments, name: "a report name with a typo",
            arguments: { directory in ["report", "weekyl", "--cache", HostileCase.cache(directory)] },
            status: [64],
            phrases: ["deskstat: error: no report definition named \"weekyl\" (did you mean 'weekly'?)"],
            verify: HostileCase.noUsage),
        HostileCase(
            area: .arguments, name: "report --by with a typo",
            arguments: { directory in
                ["report", "weekly", "--by", "asignee", "--cache", HostileCase.cache(directory)]
                    + HostileCase.fixtureWindow
            },
            status: [64], phrases: ["deskstat: error: --by \"asignee\" is not a slice (did you mean \"assignee\"?)"],
            verify: HostileCase.noUsage),
        HostileCase(
            area: .arguments, name: "explain a ticket id beyond Int64",
            arguments: { directory in ["explain", "99999999999999999999", "--cache", HostileCase.cache(directory)] },
            status: [64], phrases: ["99999999999999999999"]),
        // explain: a ticket the cache holds only audits of; a policy without a target for the
        // ticket's priority; the applied policy named once.
        HostileCase(
            area: .arguments, name: "explain a ticket the cache has only audits of",
            arguments: { directory in
                let audits = writeFile(
                    directory, "audits.json",
                    Array(
                        #"{"audits": [{"id": 42, "ticket_id": 999777, "created_at": "2026-11-17T09:00:00Z", "events": []}]}"#
                            .utf8))
                _ = try Deskstat.run(
                    ["import", audits, "--cache", HostileCase.cache(directory), "--quiet"], in: directory)
                return ["explain", "999777", "--cache", HostileCase.cache(directory)] + HostileCase.fixtureWindow
            },
            status: [1],
            phrases: [
                "ticket 999777 is not in the cache, although it holds 1 audit of it", "never imported or synced",
            ],
            cacheChanges: true),
        HostileCase(
            area: .arguments, name: "explain a ticket whose policy has no target for its priority",
            arguments: { directory in
                let ticket = writeFile(
                    directory, "t.json",
                    Array(
                        HostileCase.ticket(
                            #""status": "open", "type": "question", "priority": "low", "updated_at": "2026-11-17T09:00:00Z""#
                        ).utf8))
                // First in order, matching every question, with a target for urgent tickets only.
                let policy = writeFile(
                    directory, "p.json",
                    Array(
                        #"""
                        {"sla_policies": [{"id": 9999, "title": "Urgent only", "position": 0,
                          "filter": {"all": [{"field": "type", "operator": "is", "value": "question"}], "any": []},
                          "policy_metrics": [{"priority": "urgent", "metric": "first_reply_time", "target": 60, "business_hours": false}],
                          "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]}
                        """#.utf8))
                _ = try Deskstat.run(
                    ["import", ticket, policy, "--cache", HostileCase.cache(directory), "--quiet"], in: directory)
                return ["explain", "77", "--cache", HostileCase.cache(directory)] + HostileCase.fixtureWindow
            },
            status: [0], phrases: [], cacheChanges: true,
            verify: { result, _ in
                var problems: [String] = []
                if !result.stdout.contains("the applied policy \"Urgent only\" has no target for priority low") {
                    problems.append("no line about the missing target: \(result.stdout)")
                }
                if result.stdout.components(separatedBy: "Urgent only (id 9999)").count != 2 {
                    problems.append("the applied policy is not named exactly once: \(result.stdout)")
                }
                return problems
            }),
        HostileCase(
            area: .arguments, name: "import --table nope",
            arguments: { directory in
                let path = writeFile(directory, "x.ndjson", Array("{\"id\":1}\n".utf8))
                return ["import", path, "--table", "nope", "--cache", HostileCase.cache(directory)]
            },
            status: [64], phrases: ["unknown table \"nope\""]),
        HostileCase(
            area: .arguments, name: "sync --every 1s",
            arguments: { directory in ["sync", "--every", "1s", "--cache", HostileCase.cache(directory)] },
            status: [64], phrases: ["--every", "at least 60s"]),
    ]

    static let definitionCases: [HostileCase] = [
        .definition(
            "a YAML bomb (billion laughs)",
            billionLaughs(key: "description", prefix: "title: Bomb\n", suffix: "sections: []\n"),
            ["def.yaml", "description", "expected text"]),
        .definition(
            "a YAML bomb in a KPI list",
            """
            title: Bomb
            sections:
              - id: s
                title: S
                kpis: &k0 [created, created, created, created, created, created, created, created]
              - id: t
                title: T
                kpis: [*k0, *k0, *k0, *k0, *k0, *k0, *k0, *k0]
            """, ["def.yaml", "kpis", "expected text; got a list"]),
        .definition(
            "an unknown section kind", "title: X\nsections:\n  - id: s\n    title: S\n    kind: pie_chart\n",
            ["def.yaml:5", "sections[0].kind", "\"pie_chart\" is not a section kind"]),
        .definition(
            "a typo'd KPI", "title: X\nsections:\n  - id: s\n    title: S\n    kpis: [first_reply_tme]\n",
            ["def.yaml:5", "sections[0].kpis[0]", "did you mean \"first_reply_time\""]),
        .definition(
            "a typo'd slice", "title: X\nsections:\n  - id: s\n    title: S\n    kpis: [created]\n    by: grop\n",
            ["def.yaml:6", "grop"]),
        .definition(
            "an unknown key", "title: X\nsections:\n  - id: s\n    title: S\n    kpis: [created]\n    colour: red\n",
            ["def.yaml:6", "sections[0].colour", "unknown key"]),
        .definition("a YAML syntax error", "title: X\nsections: [\n", ["def.yaml:3", "not valid YAML"]),
        .definition("an empty file", "", ["def.yaml", "empty"]),
        .definition("a list instead of a mapping", "- title\n- sections\n", ["def.yaml", "expected a mapping"]),
        .definition(
            "a limit of zero",
            "title: X\nsections:\n  - id: s\n    title: S\n    kpis: [created]\n    by: group\n    limit: 0\n",
            ["def.yaml:7", "limit", "at least 1"]),
        .definition(
            "a 1,000-character section id",
            "title: X\nsections:\n  - id: \(String(repeating: "a", count: 1000))\n    title: S\n    kpis: [created]\n",
            status: [0, 65], []),
        HostileCase(
            area: .definition, name: "a definition name that does not exist",
            arguments: { directory in
                ["report", "no-such-report", "--cache", HostileCase.cache(directory)] + HostileCase.fixtureWindow
            },
            status: [64], phrases: ["no report definition named \"no-such-report\"", "available:"]),
        HostileCase(
            area: .definition, name: "a definition path that does not exist",
            arguments: { directory in
                ["report", directory + "/missing.yaml", "--cache", HostileCase.cache(directory)]
                    + HostileCase.fixtureWindow
            },
            status: [66], phrases: ["missing.yaml: no such file", "check the path"]),
    ]

    /// A billion-laughs document: `key` holds nine levels of nine aliases each (9⁹ "lol"s once expanded).
    static func billionLaughs(key: String, prefix: String, suffix: String) -> String {
        var levels = ["&l1 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for level in 2...9 {
            levels.append("&l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return prefix + "\(key): [" + levels.joined(separator: ", ") + "]\n" + suffix
    }

    static let filterCases: [HostileCase] = [
        .report(
            .filter, "SQL injection in a group name", ["--where", "group=x' OR 1=1 --"], status: [64],
            ["no group named \"x' OR 1=1 --\""]),
        .report(
            .filter, "a DROP TABLE as a group", ["--where", "group=;DROP TABLE tickets"], status: [64],
            ["no group named \";DROP TABLE tickets\""]),
        .report(
            .filter, "a DROP TABLE as a priority", ["--where", "priority=;DROP TABLE tickets"],
            status: [64], ["\";DROP TABLE tickets\" is not a Zendesk priority"]),
        .report(
            .filter, "a quote-balanced injection in a tag", ["--where", "tag=ü' OR ''='"], status: [64],
            ["no ticket in the cache has the tag \"ü' OR ''='\""]),
        .report(
            .filter, "unicode and emoji", ["--where", "group=Süppørt 🎧"], status: [64], ["no group named \"Süppørt 🎧\""]
        ),
        .report(
            .filter, "right-to-left override", ["--where", "group=\u{202E}troppuS"], status: [64], ["no group named"]),
        .report(.filter, "an unknown field", ["--where", "nosuch=1"], status: [64], ["unknown field \"nosuch\""]),
        .report(.filter, "no operator", ["--where", "group"], status: [64], ["expected FIELD=VALUE"]),
        .report(.filter, "no value", ["--where", "group="], status: [64], ["no value after the operator"]),
        .report(
            .filter, "10,000 values",
            ["--where", "priority=" + Array(repeating: "x", count: 10_000).joined(separator: ",")], status: [64],
            ["\"x\" is not a Zendesk priority"]),
        .report(
            .filter, "10,000 valid values",
            ["--where", "priority=" + Array(repeating: "low", count: 10_000).joined(separator: ",")],
            status: [0], []),
        // A value that cannot exist is an error, with the closest existing one; a gate never
        // passes because of a typo.
        .report(
            .filter, "a priority typo under a gate", ["--where", "priority=urgnt", "--fail-on", "sla.breached > 0"],
            status: [64], ["\"urgnt\" is not a Zendesk priority (did you mean \"urgent\"?)"]),
        .report(
            .filter, "a status typo", ["--where", "status=solvd"], status: [64],
            ["\"solvd\" is not a Zendesk status (did you mean \"solved\"?)"]),
        .report(
            .filter, "a channel typo", ["--where", "channel=emial"], status: [64],
            ["\"emial\" is not a Zendesk channel (did you mean \"email\"?)"]),
        .report(
            .filter, "a type typo", ["--where", "type=questoin"], status: [64],
            ["\"questoin\" is not a Zendesk type (did you mean \"question\"?)"]),
        .report(
            .filter, "a group typo", ["--where", "group=Suport"], status: [64],
            ["no group named \"Suport\" (did you mean \"Support\"?"]),
        .report(
            .filter, "an organization that is not in the cache", ["--where", "organization=Nope"], status: [64],
            ["no organization named \"Nope\""]),
        .report(
            .filter, "a brand name (brands are ids)", ["--where", "brand=Acme"], status: [64],
            ["brand values are ids"]),
        .report(
            .filter, "a tag no ticket has", ["--where", "tag=nosuch"], status: [64],
            ["no ticket in the cache has the tag \"nosuch\""]),
        .report(
            .filter, "a field typo", ["--where", "grup=Support"], status: [64],
            ["unknown field \"grup\" (did you mean \"group\"?)"]),
        .report(
            .filter, "a Zendesk channel no ticket uses (matches nothing: fine)", ["--where", "channel=whatsapp"],
            status: [0], []),
        .report(.filter, "a tag the cache has", ["--where", "tag=vip"], status: [0], []),
        HostileCase(
            area: .filter, name: "SQL injection through kpi --where",
            arguments: { directory in
                ["kpi", "created", "--cache", HostileCase.cache(directory), "--where", "group=1 OR 1=1"]
                    + HostileCase.fixtureWindow
            },
            status: [64], phrases: ["no group named \"1 OR 1=1\""]),
    ]

    static let thresholdCases: [HostileCase] = [
        .report(
            .threshold, "a shell command after the expression", ["--fail-on", "sla.breached > 0; rm -rf /"],
            status: [64], ["column 17", "unexpected \"; rm -rf /\""]),
        .report(.threshold, "a number as the metric", ["--fail-on", "1 > 0"], status: [64], ["unknown metric '1'"]),
        .report(
            .threshold, "an empty expression", ["--fail-on", ""], status: [64],
            ["--fail-on \"\"", "expected a metric name"]),
        .report(
            .threshold, "10,000 characters", ["--fail-on", String(repeating: "a", count: 10_000)], status: [64],
            ["--fail-on"]),
        .report(
            .threshold, "5,000 dots", ["--fail-on", String(repeating: "a.", count: 5_000) + "b > 1"], status: [64],
            ["unknown metric"]),
        .report(.threshold, "an exponent", ["--fail-on", "created > 1e400"], status: [64], ["unexpected \"e400\""]),
        .report(.threshold, "a single =", ["--fail-on", "created = 3"], status: [64], ["use == to compare"]),
        .report(
            .threshold, "an unknown operator", ["--fail-on", "created => 3"], status: [64],
            ["column 9", "use == to compare"]),
        .report(
            .threshold, "a metric typo", ["--fail-on", "sla.breachd > 0"], status: [64],
            ["unknown metric 'sla.breachd'", "did you mean 'sla.breached'"]),
        .report(
            .threshold, "a 400-digit number", ["--fail-on", "created > " + String(repeating: "9", count: 400)],
            status: [64], ["--fail-on \"created > 999", "at column 11", "the number is too large (400 digits"]),
        .report(
            .threshold, "a violated threshold still writes the report", ["--fail-on", "created > 0"], status: [3],
            ["threshold failed: created ="]),
        HostileCase(
            area: .threshold, name: "a metric missing a segment names the closest metrics, not all",
            arguments: { directory in
                [
                    "report", "weekly", "--cache", HostileCase.cache(directory), "--fail-on",
                    "first_reply_time.median > 60",
                ]
                    + HostileCase.fixtureWindow
            },
            status: [64],
            phrases: [
                "unknown metric 'first_reply_time.median'",
                "closest: first_reply_time.business.median, "
                    + "first_reply_time.calendar.median",
            ],
            verify: { result, _ in
                result.stderr.contains("backlog.hold") || result.stderr.count > 600
                    ? ["the whole metric list was printed: \(result.stderr)"] : []
            }),
        // An undefined metric (no data) fails a gate unless --allow-missing.
        HostileCase(
            area: .threshold, name: "a threshold on an undefined metric fails",
            arguments: { directory in
                [
                    "kpi", "csat", "--where", "channel=whatsapp", "--fail-on", "csat >= 0", "--cache",
                    HostileCase.cache(directory),
                ]
                    + HostileCase.fixtureWindow
            },
            status: [3], phrases: ["csat is undefined: no rated tickets in the window", "--allow-missing"]),
        HostileCase(
            area: .threshold, name: "--allow-missing lets a threshold on an undefined metric pass",
            arguments: { directory in
                [
                    "kpi", "csat", "--where", "channel=whatsapp", "--fail-on", "csat >= 0", "--allow-missing",
                    "--cache",
                    HostileCase.cache(directory),
                ] + HostileCase.fixtureWindow
            },
            status: [0], phrases: []),
        // Data-completeness warnings and --fail-on-warning.
        HostileCase(
            area: .threshold, name: "a cache holding only tickets fails a warning gate",
            arguments: { directory in
                let account = Deskstat.packageRoot.appendingPathComponent("fixtures/account").path
                _ = try Deskstat.run(
                    [
                        "import", account + "/tickets-page1.json", account + "/tickets-page2.json", "--cache",
                        directory + "/t.sqlite", "--quiet",
                    ], in: directory)
                return [
                    "report", "sla", "--cache", directory + "/t.sqlite", "--format", "json", "--fail-on",
                    "sla.breached > 0",
                    "--fail-on-warning", "no_sla_policies,table_never_loaded",
                ] + HostileCase.fixtureWindow
            },
            status: [3], phrases: ["warning gate failed", "[no_sla_policies]", "[table_never_loaded]"],
            verify: { result, _ in
                result.stdout.contains("\"code\": \"no_sla_policies\"")
                    && result.stdout.contains("\"code\": \"ratings_not_synced\"")
                    ? [] : ["JSON warnings lack the codes: \(result.stdout.suffix(800))"]
            }),
        .report(
            .threshold, "--fail-on-warning all on a complete cache", ["--fail-on-warning", "all"], status: [0], []),
        .report(
            .threshold, "--fail-on-warning with a typo", ["--fail-on-warning", "stale_dat"], status: [64],
            ["--fail-on-warning \"stale_dat\" is not a warning code (did you mean \"stale_data\"?)"]),
        HostileCase(
            area: .threshold, name: "data last imported long before as-of is stale",
            arguments: { directory in
                [
                    "kpi", "created", "--cache", HostileCase.cache(directory), "--as-of", "2036-01-01", "--period",
                    "last-week",
                    "--fail-on-warning", "stale_data",
                ]
            },
            status: [3], phrases: ["[stale_data]", "more than 3"]),
        HostileCase(
            area: .threshold, name: "--stale-after widens the allowed age",
            arguments: { directory in
                [
                    "kpi", "created", "--cache", HostileCase.cache(directory), "--as-of", "2036-01-01", "--period",
                    "last-week",
                    "--fail-on-warning", "stale_data", "--stale-after", "100000",
                ]
            },
            status: [0], phrases: []),
    ]
}
