/// A column's SQLite type, as the migrations declare it.
public enum CacheColumnType: String, Sendable {
    case integer = "INTEGER"
    case real = "REAL"
    case text = "TEXT"
}

/// What a column is for.
public enum CacheColumnRole: Sendable, Equatable {
    /// (Part of) the primary key.
    case key
    /// Compared to keep the newest copy of a record; rank 0 is the most significant.
    case version(rank: Int)
    /// A typed copy of a field of the record's JSON.
    case typed
}

/// One column of a cache table: its name, where its value comes from in the API's JSON, its SQL
/// type and its role. Everything that writes or reads a column finds it by `name` in its
/// table's declaration (`CacheSchema`), never by position.
public struct CacheColumn: Sendable, Equatable {
    public let name: String
    /// The value's key path in the record's JSON (`via.channel`, `reply_time_in_minutes.calendar`,
    /// `tags[]`); `nil` for a column deskstat derives (a ticket's `deleted` comes from its status).
    public let jsonPath: String?
    public let type: CacheColumnType
    public let role: CacheColumnRole
    /// `NOT NULL` in the table.
    public let notNull: Bool
    /// Added to an existing table by a later migration (`ALTER TABLE … ADD COLUMN`), so in the
    /// table it follows `raw_json`; everything finds it by name all the same.
    public private(set) var addedLater = false

    public init(
        _ name: String, _ type: CacheColumnType, json: String?, role: CacheColumnRole = .typed, notNull: Bool = false
    ) {
        self.name = name
        self.jsonPath = json
        self.type = type
        self.role = role
        self.notNull = notNull
    }

    /// This column, marked as added by a later migration.
    func added() -> CacheColumn {
        var copy = self
        copy.addedLater = true
        return copy
    }

    /// The JSON member the value is read from (the first part of `jsonPath`).
    public var jsonKey: String? {
        jsonPath.map { path in String(path.prefix { $0 != "." && $0 != "[" }) }
    }

    /// An `INTEGER PRIMARY KEY` (the rowid; SQLite never stores NULL there, but does not declare it NOT NULL).
    static func id(_ name: String) -> CacheColumn { CacheColumn(name, .integer, json: name, role: .key) }
    static func integer(_ name: String, json: String? = nil, notNull: Bool = false) -> CacheColumn {
        CacheColumn(name, .integer, json: json ?? name, notNull: notNull)
    }
    static func text(_ name: String, json: String? = nil, notNull: Bool = false) -> CacheColumn {
        CacheColumn(name, .text, json: json ?? name, notNull: notNull)
    }
    static func real(_ name: String, json: String) -> CacheColumn { CacheColumn(name, .real, json: json) }
    static func version(_ name: String, rank: Int = 0, notNull: Bool = false) -> CacheColumn {
        CacheColumn(name, .integer, json: name, role: .version(rank: rank), notNull: notNull)
    }
}

/// A table whose rows belong to one record of an account table (a ticket's tags, a policy's
/// conditions): replaced with their parent, removed with it.
public struct CacheChildTable: Sendable {
    public let name: String
    /// The column holding the parent record's key.
    public let parentColumn: String
    public let columns: [CacheColumn]
}

/// The declaration of one account table: its columns in table order (`raw_json`, the record's
/// exact JSON, follows them in every table, except columns a later migration added) and its
/// child tables.
public struct CacheTableSchema: Sendable {
    public let name: String
    public let columns: [CacheColumn]
    public let children: [CacheChildTable]
    private let indexes: [String: Int]

    init(_ name: String, _ columns: [CacheColumn], children: [CacheChildTable] = []) {
        precondition(columns.first?.role == .key, "\(name): the key column comes first")
        self.name = name
        self.columns = columns
        self.children = children
        var indexes: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            precondition(indexes.updateValue(index, forKey: column.name) == nil, "\(name).\(column.name) twice")
        }
        self.indexes = indexes
    }

    /// The column names, in table order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The position of the column called `name` (in `columns`, and in every value list built from
    /// them); a name the table does not have is a programming error.
    public func index(_ name: String) -> Int {
        guard let index = indexes[name] else { preconditionFailure("\(self.name) has no column \(name)") }
        return index
    }

    /// The position of the column called `name`, if the table has one.
    public func indexIfPresent(_ name: String) -> Int? { indexes[name] }

    /// The key column (always the first).
    public var keyColumn: String { columns[0].name }

    /// The version columns, most significant first.
    public var versionColumns: [String] {
        columns.compactMap { column -> (Int, String)? in
            if case .version(let rank) = column.role { return (rank, column.name) }
            return nil
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The JSON members the columns are read from, without duplicates, in column order.
    public var jsonKeys: [String] {
        var seen: Set<String> = []
        return columns.compactMap(\.jsonKey).filter { seen.insert($0).inserted }
    }
}

/// The cache's account tables, declared once. The SQL that creates them lives in the migrations
/// (`Schema`, frozen once shipped); `CacheSchemaTests` checks that every table in a new cache
/// has exactly the columns, types, `NOT NULL`s and keys declared here. The upsert, the version
/// comparison, the child-row replacement, the `CacheRow` factories, the import fast path's
/// slots, the `ticket_facts` packing and the engine's reads all find columns here, by name.
///
/// Adding a table: see docs/cache.md ("Adding a table").
public enum CacheSchema {
    /// The twelve duration columns of a metric set, `<name>_in_minutes_calendar` then `_business` for each name.
    public static let durationNames = [
        "reply_time", "first_resolution_time", "full_resolution_time", "agent_wait_time", "requester_wait_time",
        "on_hold_time",
    ]
    /// A metric set's milestone timestamps.
    public static let metricTimestampNames = [
        "assigned_at", "initially_assigned_at", "solved_at", "status_updated_at", "latest_comment_added_at",
        "requester_updated_at", "assignee_updated_at", "custom_status_updated_at",
    ]
    /// The metric-set duration columns, in `durationNames` order, calendar before business.
    public static let durationColumns: [String] = durationNames.flatMap {
        ["\($0)_in_minutes_calendar", "\($0)_in_minutes_business"]
    }

    public static let tickets = CacheTableSchema(
        "tickets",
        [
            .id("id"), .text("status"), .text("priority"), .text("type"), .text("subject"),
            .text("via_channel", json: "via.channel"),
        ]
            + [
                "group_id", "assignee_id", "requester_id", "submitter_id", "organization_id", "brand_id",
                "ticket_form_id", "problem_id",
            ].map { CacheColumn.integer($0) }
            + [
                .integer("created_at", notNull: true), .version("updated_at", rank: 1, notNull: true),
                .version("generated_timestamp", rank: 0, notNull: true),
                CacheColumn("deleted", .integer, json: nil, notNull: true),
            ],
        children: [
            CacheChildTable(
                name: "ticket_tags", parentColumn: "ticket_id",
                columns: [
                    CacheColumn("ticket_id", .integer, json: "id", role: .key, notNull: true),
                    CacheColumn("tag", .text, json: "tags[]", role: .key, notNull: true),
                ]),
            CacheChildTable(
                name: "ticket_custom_fields", parentColumn: "ticket_id",
                columns: [
                    CacheColumn("ticket_id", .integer, json: "id", role: .key, notNull: true),
                    CacheColumn("field_id", .integer, json: "custom_fields[].id", role: .key, notNull: true),
                    CacheColumn("value", .text, json: "custom_fields[].value"),
                ]),
        ])

    public static let ticketMetrics = CacheTableSchema(
        "ticket_metrics",
        [.id("id"), .integer("ticket_id", notNull: true), .integer("created_at"), .version("updated_at")]
            + durationNames.flatMap { name in
                [
                    CacheColumn.real("\(name)_in_minutes_calendar", json: "\(name)_in_minutes.calendar"),
                    .real("\(name)_in_minutes_business", json: "\(name)_in_minutes.business"),
                ]
            }
            + [
                .real("reply_time_in_seconds_calendar", json: "reply_time_in_seconds.calendar"), .integer("reopens"),
                .integer("replies"), .integer("assignee_stations"), .integer("group_stations"),
            ]
            + metricTimestampNames.map { CacheColumn.integer($0) })

    public static let satisfactionRatings = CacheTableSchema(
        "satisfaction_ratings",
        [
            .id("id"), .integer("ticket_id"), .integer("group_id"), .integer("assignee_id"), .integer("requester_id"),
            .text("score"), .text("reason"), .integer("reason_id"), .integer("created_at"), .version("updated_at"),
        ])

    public static let slaPolicies = CacheTableSchema(
        "sla_policies",
        [
            .id("id"), .text("title"), .text("description"), .integer("position"), .integer("created_at"),
            .version("updated_at"),
        ],
        children: [
            CacheChildTable(
                name: "sla_policy_conditions", parentColumn: "policy_id",
                columns: [
                    CacheColumn("policy_id", .integer, json: "id", role: .key, notNull: true),
                    CacheColumn("kind", .text, json: "filter.all|any", role: .key, notNull: true),
                    CacheColumn("position", .integer, json: "filter.all[]", role: .key, notNull: true),
                    .text("field", json: "filter.all[].field"), .text("operator", json: "filter.all[].operator"),
                    .text("value", json: "filter.all[].value"),
                ]),
            CacheChildTable(
                name: "sla_policy_metrics", parentColumn: "policy_id",
                columns: [
                    CacheColumn("policy_id", .integer, json: "id", role: .key, notNull: true),
                    CacheColumn("position", .integer, json: "policy_metrics[]", role: .key, notNull: true),
                    .text("priority", json: "policy_metrics[].priority"),
                    .text("metric", json: "policy_metrics[].metric"), .real("target", json: "policy_metrics[].target"),
                    .real("target_in_seconds", json: "policy_metrics[].target_in_seconds"),
                    .integer("business_hours", json: "policy_metrics[].business_hours", notNull: true),
                ]),
        ])

    public static let groups = CacheTableSchema(
        "groups",
        [
            .id("id"), .text("name"), .text("description"), .integer("is_default", json: "default"),
            .integer("deleted"), .integer("is_public"), .integer("created_at"), .version("updated_at"),
        ])

    public static let groupMemberships = CacheTableSchema(
        "group_memberships",
        [
            .id("id"), .integer("user_id"), .integer("group_id"), .integer("is_default", json: "default"),
            .integer("created_at"), .version("updated_at"),
        ])

    public static let users = CacheTableSchema(
        "users",
        [
            .id("id"), .text("name"), .text("email"), .text("role"), .integer("role_type"), .integer("active"),
            .integer("suspended"), .integer("organization_id"), .integer("default_group_id"),
            // `iana_time_zone` when the user has it, else `time_zone`.
            .text("time_zone"), .integer("created_at"), .version("updated_at"), .integer("last_login_at"),
        ])

    public static let organizations = CacheTableSchema(
        "organizations",
        [
            .id("id"), .text("name"), .integer("group_id"), .integer("created_at"), .version("updated_at"),
            .integer("deleted_at"),
        ])

    public static let ticketAudits = CacheTableSchema(
        "ticket_audits",
        [
            .id("id"), .integer("ticket_id", notNull: true), .integer("author_id"),
            .text("via_channel", json: "via.channel"), .version("created_at", notNull: true),
        ])

    public static let ticketComments = CacheTableSchema(
        "ticket_comments",
        [
            .id("id"), .integer("ticket_id", notNull: true), .integer("audit_id"), .integer("author_id"),
            .text("type"), .integer("public"), .text("via_channel", json: "via.channel"), .version("created_at"),
        ])

    public static let ticketFields = CacheTableSchema(
        "ticket_fields",
        [
            .id("id"), .text("type"), .text("title"), .integer("active"), .integer("position"),
            .integer("created_at"), .version("updated_at"),
        ])

    public static let ticketForms = CacheTableSchema(
        "ticket_forms",
        [
            .id("id"), .text("name"), .integer("active"), .integer("is_default", json: "default"),
            .integer("position"), .integer("created_at"), .version("updated_at"),
        ])

    public static let macros = CacheTableSchema(
        "macros",
        [
            .id("id"), .text("title"), .integer("active"), .integer("position"), .integer("created_at"),
            .version("updated_at"),
        ])

    /// Tags have no version: a different `count` replaces the row.
    public static let tags = CacheTableSchema(
        "tags", [CacheColumn("name", .text, json: "name", role: .key, notNull: true), .integer("count")])

    /// The `sla_` columns hold the target an `apply_sla` (`sla`) or `apply_group_sla` (`group_sla`)
    /// event applied, for those two types only (NULL for the others): `sla_kind` 0 (`sla`), 1
    /// (`group_sla`), NULL (no target), or 2 for an event stored before schema v6 whose target
    /// the upgrade could not type (its `raw_json` holds it); see `Schema.version5`.
    public static let ticketMetricEvents = CacheTableSchema(
        "ticket_metric_events",
        [
            .id("id"), .integer("ticket_id"), .text("metric"), .integer("instance_id"), .text("type"),
            .version("time"), .integer("deleted"),
        ]
            + [
                CacheColumn("sla_kind", .integer, json: "sla|group_sla"),
                .integer("sla_policy_id", json: "sla|group_sla.policy.id"),
                .text("sla_policy_title", json: "sla|group_sla.policy.title"),
                .real("sla_target", json: "sla|group_sla.target"),
                .real("sla_target_in_seconds", json: "sla|group_sla.target_in_seconds"),
                .integer("sla_business_hours", json: "sla|group_sla.business_hours"),
            ].map { $0.added() })

    public static let schedules = CacheTableSchema(
        "schedules",
        [.id("id"), .text("name"), .text("time_zone"), .integer("created_at"), .version("updated_at")],
        children: [
            CacheChildTable(
                name: "schedule_intervals", parentColumn: "schedule_id",
                columns: [
                    CacheColumn("schedule_id", .integer, json: "id", role: .key, notNull: true),
                    CacheColumn("position", .integer, json: "intervals[]", role: .key, notNull: true),
                    .integer("start_time", json: "intervals[].start_time", notNull: true),
                    .integer("end_time", json: "intervals[].end_time", notNull: true),
                ]),
            CacheChildTable(
                name: "schedule_holidays", parentColumn: "schedule_id",
                columns: [
                    CacheColumn("id", .integer, json: "holidays[].id", role: .key),
                    .integer("schedule_id", json: "id", notNull: true), .text("name", json: "holidays[].name"),
                    .text("start_date", json: "holidays[].start_date"), .text("end_date", json: "holidays[].end_date"),
                ]),
        ])
}

extension CacheTable {
    /// The table's declaration.
    public var schema: CacheTableSchema {
        switch self {
        case .tickets: CacheSchema.tickets
        case .ticketMetrics: CacheSchema.ticketMetrics
        case .satisfactionRatings: CacheSchema.satisfactionRatings
        case .slaPolicies: CacheSchema.slaPolicies
        case .groups: CacheSchema.groups
        case .groupMemberships: CacheSchema.groupMemberships
        case .users: CacheSchema.users
        case .organizations: CacheSchema.organizations
        case .ticketAudits: CacheSchema.ticketAudits
        case .ticketComments: CacheSchema.ticketComments
        case .ticketFields: CacheSchema.ticketFields
        case .ticketForms: CacheSchema.ticketForms
        case .macros: CacheSchema.macros
        case .tags: CacheSchema.tags
        case .ticketMetricEvents: CacheSchema.ticketMetricEvents
        case .schedules: CacheSchema.schedules
        }
    }
}

/// The declaration of a table deskstat derives from the account tables (no `raw_json`): its
/// columns in table order, the primary key's columns marked `.key`. Writes and reads find the
/// columns here by name.
public struct CacheDerivedTable: Sendable {
    public let name: String
    public let columns: [CacheColumn]
    private let indexes: [String: Int]

    init(_ name: String, _ columns: [CacheColumn]) {
        self.name = name
        self.columns = columns
        var indexes: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            precondition(indexes.updateValue(index, forKey: column.name) == nil, "\(name).\(column.name) twice")
        }
        self.indexes = indexes
    }

    /// The column names, in table order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The primary key's columns, in table order (also the order rows are read in).
    public var keyColumns: [String] { columns.filter { $0.role == .key }.map(\.name) }

    /// The position of the column called `name`; a name the table does not have is a programming error.
    public func index(_ name: String) -> Int {
        guard let index = indexes[name] else { preconditionFailure("\(self.name) has no column \(name)") }
        return index
    }

    /// `INSERT INTO name (every column) VALUES (?, …)`.
    var insertSQL: String {
        "INSERT INTO \(name) (\(columnNames.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    /// `SELECT every column FROM name` (add a `WHERE` and an `ORDER BY`).
    var selectSQL: String { "SELECT \(columnNames.joined(separator: ", ")) FROM \(name)" }
}

extension CacheColumn {
    /// A key column of a derived table (`NOT NULL` as the migration declares it).
    static func key(_ name: String, _ type: CacheColumnType, notNull: Bool = true) -> CacheColumn {
        CacheColumn(name, type, json: nil, role: .key, notNull: notNull)
    }

    /// A column of a derived table.
    static func column(_ name: String, _ type: CacheColumnType, notNull: Bool = false) -> CacheColumn {
        CacheColumn(name, type, json: nil, notNull: notNull)
    }
}

extension CacheSchema {
    /// The compact timeline (docs/cache.md, "The compact timeline"), derived from `ticket_audits`
    /// and `ticket_comments`: one row per ticket with history.
    public static let ticketTimelines = CacheDerivedTable(
        "ticket_timelines",
        [
            .key("ticket_id", .integer, notNull: false), .column("first_change_at", .integer),
            .column("updates", .integer, notNull: true),
        ])

    /// Per ticket and interval field (`status`, `group_id`, … as `TicketTimeline.intervalFields`
    /// names them): position 0 the opening value (`from_at` NULL), 1… the intervals in order.
    public static let ticketTimelineIntervals = CacheDerivedTable(
        "ticket_timeline_intervals",
        [
            .key("ticket_id", .integer), .key("field", .text), .key("position", .integer),
            .column("from_at", .integer), .column("to_at", .integer), .column("value", .text),
        ])

    /// Every comment of a ticket once, by time.
    public static let ticketTimelineComments = CacheDerivedTable(
        "ticket_timeline_comments",
        [
            .key("ticket_id", .integer), .key("created_at", .integer), .key("comment_id", .integer),
            .column("author_id", .integer), .column("public", .integer, notNull: true),
        ])

    /// Solves and reopens in order.
    public static let ticketTimelineEvents = CacheDerivedTable(
        "ticket_timeline_events",
        [
            .key("ticket_id", .integer), .key("position", .integer), .column("at", .integer, notNull: true),
            .column("kind", .text, notNull: true),
        ])

    /// The derived tables, in the order they are written.
    public static let derivedTables = [
        ticketTimelines, ticketTimelineIntervals, ticketTimelineComments, ticketTimelineEvents,
    ]
}
