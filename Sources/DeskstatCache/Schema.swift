import GRDB

/// The cache's SQL schema, one migration per version. Append new migrations; never edit old ones.
///
/// Names follow the Zendesk API (`tickets`, `created_at`, `via_channel`), timestamps are integer
/// UTC epoch seconds, and every record keeps the API's JSON in `raw_json`.
enum Schema {
    /// Migration identifiers in order; the cache's schema version is the number applied.
    static let migrations: [(name: String, sql: String)] = [
        ("v1-account-tables", version1), ("v2-sync-queue", version2), ("v3-report-indexes", version3),
        ("v4-ticket-facts", version4), ("v5-ticket-timelines", version5), ("v6-applied-sla-targets", version6),
        ("v7-metric-event-covering-index", version7), ("v8-packed-sla-events", version8),
    ]

    /// Tickets whose audits and comments a sync still has to fetch; filled in the same
    /// transaction as the ticket page, drained as children are stored, so an interrupted sync
    /// resumes exactly where it stopped.
    static let version2 = """
        CREATE TABLE deskstat_sync_queue (
            ticket_id INTEGER PRIMARY KEY
        );
        """

    static var currentVersion: Int { migrations.count }

    static let version1 = """
        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY,
            status TEXT, priority TEXT, type TEXT, subject TEXT, via_channel TEXT,
            group_id INTEGER, assignee_id INTEGER, requester_id INTEGER, submitter_id INTEGER,
            organization_id INTEGER, brand_id INTEGER, ticket_form_id INTEGER, problem_id INTEGER,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, generated_timestamp INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            raw_json TEXT NOT NULL
        );
        CREATE INDEX tickets_created_at ON tickets(created_at, status, deleted);
        CREATE INDEX tickets_status ON tickets(status);
        CREATE INDEX tickets_group_id ON tickets(group_id);
        CREATE INDEX tickets_assignee_id ON tickets(assignee_id);
        CREATE INDEX tickets_generated_timestamp ON tickets(generated_timestamp);

        CREATE TABLE ticket_tags (
            ticket_id INTEGER NOT NULL, tag TEXT NOT NULL,
            PRIMARY KEY (ticket_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX ticket_tags_tag ON ticket_tags(tag, ticket_id);

        CREATE TABLE ticket_custom_fields (
            ticket_id INTEGER NOT NULL, field_id INTEGER NOT NULL, value TEXT,
            PRIMARY KEY (ticket_id, field_id)
        ) WITHOUT ROWID;
        CREATE INDEX ticket_custom_fields_field ON ticket_custom_fields(field_id, value);

        CREATE TABLE ticket_metrics (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL UNIQUE,
            created_at INTEGER, updated_at INTEGER,
            reply_time_in_minutes_calendar REAL, reply_time_in_minutes_business REAL,
            first_resolution_time_in_minutes_calendar REAL, first_resolution_time_in_minutes_business REAL,
            full_resolution_time_in_minutes_calendar REAL, full_resolution_time_in_minutes_business REAL,
            agent_wait_time_in_minutes_calendar REAL, agent_wait_time_in_minutes_business REAL,
            requester_wait_time_in_minutes_calendar REAL, requester_wait_time_in_minutes_business REAL,
            on_hold_time_in_minutes_calendar REAL, on_hold_time_in_minutes_business REAL,
            reply_time_in_seconds_calendar REAL,
            reopens INTEGER, replies INTEGER, assignee_stations INTEGER, group_stations INTEGER,
            assigned_at INTEGER, initially_assigned_at INTEGER, solved_at INTEGER, status_updated_at INTEGER,
            latest_comment_added_at INTEGER, requester_updated_at INTEGER, assignee_updated_at INTEGER,
            custom_status_updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX ticket_metrics_solved_at ON ticket_metrics(solved_at);

        CREATE TABLE satisfaction_ratings (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER, group_id INTEGER, assignee_id INTEGER, requester_id INTEGER,
            score TEXT, reason TEXT, reason_id INTEGER,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX satisfaction_ratings_updated_at ON satisfaction_ratings(updated_at);
        CREATE INDEX satisfaction_ratings_ticket_id ON satisfaction_ratings(ticket_id);

        CREATE TABLE sla_policies (
            id INTEGER PRIMARY KEY,
            title TEXT, description TEXT, position INTEGER,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE TABLE sla_policy_conditions (
            policy_id INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('all', 'any')),
            position INTEGER NOT NULL, field TEXT, operator TEXT, value TEXT,
            PRIMARY KEY (policy_id, kind, position)
        ) WITHOUT ROWID;
        CREATE TABLE sla_policy_metrics (
            policy_id INTEGER NOT NULL, position INTEGER NOT NULL,
            priority TEXT, metric TEXT, target REAL, target_in_seconds REAL, business_hours INTEGER NOT NULL,
            PRIMARY KEY (policy_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            name TEXT, description TEXT, is_default INTEGER, deleted INTEGER, is_public INTEGER,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE TABLE group_memberships (
            id INTEGER PRIMARY KEY,
            user_id INTEGER, group_id INTEGER, is_default INTEGER,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX group_memberships_group ON group_memberships(group_id, user_id);

        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT, email TEXT, role TEXT, role_type INTEGER, active INTEGER, suspended INTEGER,
            organization_id INTEGER, default_group_id INTEGER, time_zone TEXT,
            created_at INTEGER, updated_at INTEGER, last_login_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX users_role ON users(role);

        CREATE TABLE organizations (
            id INTEGER PRIMARY KEY,
            name TEXT, group_id INTEGER,
            created_at INTEGER, updated_at INTEGER, deleted_at INTEGER,
            raw_json TEXT NOT NULL
        );

        CREATE TABLE ticket_audits (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL, author_id INTEGER, via_channel TEXT, created_at INTEGER NOT NULL,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX ticket_audits_ticket ON ticket_audits(ticket_id, created_at);

        CREATE TABLE ticket_comments (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL, audit_id INTEGER, author_id INTEGER, type TEXT, public INTEGER,
            via_channel TEXT, created_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX ticket_comments_ticket ON ticket_comments(ticket_id, created_at);

        CREATE TABLE ticket_fields (
            id INTEGER PRIMARY KEY,
            type TEXT, title TEXT, active INTEGER, position INTEGER,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE TABLE ticket_forms (
            id INTEGER PRIMARY KEY,
            name TEXT, active INTEGER, is_default INTEGER, position INTEGER,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE TABLE macros (
            id INTEGER PRIMARY KEY,
            title TEXT, active INTEGER, position INTEGER,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE TABLE tags (
            name TEXT PRIMARY KEY,
            count INTEGER,
            raw_json TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE ticket_metric_events (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER, metric TEXT, instance_id INTEGER, type TEXT, time INTEGER, deleted INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX ticket_metric_events_ticket ON ticket_metric_events(ticket_id, time);

        CREATE TABLE schedules (
            id INTEGER PRIMARY KEY,
            name TEXT, time_zone TEXT,
            created_at INTEGER, updated_at INTEGER,
            raw_json TEXT NOT NULL
        );
        CREATE TABLE schedule_intervals (
            schedule_id INTEGER NOT NULL, position INTEGER NOT NULL,
            start_time INTEGER NOT NULL, end_time INTEGER NOT NULL,
            PRIMARY KEY (schedule_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE schedule_holidays (
            id INTEGER PRIMARY KEY,
            schedule_id INTEGER NOT NULL, name TEXT, start_date TEXT, end_date TEXT
        );

        CREATE TABLE deskstat_table_state (
            table_name TEXT PRIMARY KEY,
            last_import_at INTEGER, last_sync_at INTEGER, sync_state TEXT
        ) WITHOUT ROWID;
        """
}

extension Schema {
    /// Covering indexes for reports (see `FactIndex` and docs/performance.md): packed ticket,
    /// metric-set and rating facts, and ticket ids by solve time.
    static let version3 = """
        CREATE INDEX tickets_facts ON tickets(
            id,
            json_array(created_at, deleted, status, priority, type, via_channel, group_id, assignee_id,
                requester_id, submitter_id, organization_id, brand_id, ticket_form_id));
        CREATE INDEX ticket_metrics_facts ON ticket_metrics(
            ticket_id,
            json_array(reopens, replies, solved_at,
                iif(reply_time_in_minutes_calendar = CAST(reply_time_in_minutes_calendar AS INTEGER), CAST(reply_time_in_minutes_calendar AS INTEGER), reply_time_in_minutes_calendar),
                iif(reply_time_in_minutes_business = CAST(reply_time_in_minutes_business AS INTEGER), CAST(reply_time_in_minutes_business AS INTEGER), reply_time_in_minutes_business),
                iif(first_resolution_time_in_minutes_calendar = CAST(first_resolution_time_in_minutes_calendar AS INTEGER), CAST(first_resolution_time_in_minutes_calendar AS INTEGER), first_resolution_time_in_minutes_calendar),
                iif(first_resolution_time_in_minutes_business = CAST(first_resolution_time_in_minutes_business AS INTEGER), CAST(first_resolution_time_in_minutes_business AS INTEGER), first_resolution_time_in_minutes_business),
                iif(full_resolution_time_in_minutes_calendar = CAST(full_resolution_time_in_minutes_calendar AS INTEGER), CAST(full_resolution_time_in_minutes_calendar AS INTEGER), full_resolution_time_in_minutes_calendar),
                iif(full_resolution_time_in_minutes_business = CAST(full_resolution_time_in_minutes_business AS INTEGER), CAST(full_resolution_time_in_minutes_business AS INTEGER), full_resolution_time_in_minutes_business),
                iif(agent_wait_time_in_minutes_calendar = CAST(agent_wait_time_in_minutes_calendar AS INTEGER), CAST(agent_wait_time_in_minutes_calendar AS INTEGER), agent_wait_time_in_minutes_calendar),
                iif(agent_wait_time_in_minutes_business = CAST(agent_wait_time_in_minutes_business AS INTEGER), CAST(agent_wait_time_in_minutes_business AS INTEGER), agent_wait_time_in_minutes_business),
                iif(requester_wait_time_in_minutes_calendar = CAST(requester_wait_time_in_minutes_calendar AS INTEGER), CAST(requester_wait_time_in_minutes_calendar AS INTEGER), requester_wait_time_in_minutes_calendar),
                iif(requester_wait_time_in_minutes_business = CAST(requester_wait_time_in_minutes_business AS INTEGER), CAST(requester_wait_time_in_minutes_business AS INTEGER), requester_wait_time_in_minutes_business),
                iif(on_hold_time_in_minutes_calendar = CAST(on_hold_time_in_minutes_calendar AS INTEGER), CAST(on_hold_time_in_minutes_calendar AS INTEGER), on_hold_time_in_minutes_calendar),
                iif(on_hold_time_in_minutes_business = CAST(on_hold_time_in_minutes_business AS INTEGER), CAST(on_hold_time_in_minutes_business AS INTEGER), on_hold_time_in_minutes_business)));
        CREATE INDEX ticket_metrics_solved ON ticket_metrics(solved_at, ticket_id);
        CREATE INDEX satisfaction_ratings_facts ON satisfaction_ratings(
            updated_at, json_array(id, ticket_id, group_id, assignee_id, score));
        """
}

extension Schema {
    /// Work a migration needs beyond its SQL: v4 packs the facts of the tickets already cached.
    static func afterMigration(_ name: String, _ db: Database) throws {
        if name == "v4-ticket-facts" { try TicketFactsRepair(db: db).fillAll() }
    }

    /// Report facts (see `TicketFacts` and docs/performance.md), replacing v3's expression
    /// indexes: one compact row per ticket with the columns reports read, packed by
    /// `CacheWriter` on every ticket and metric-set write and, for caches that existed before,
    /// by `TicketFacts.fill` right after this migration. Triggers keep a row for every ticket and
    /// void a part (set it to NULL: "read the tables") whenever a ticket or metric set is written
    /// any other way, so a part is either exact or NULL. A metric part is X'' when the ticket has
    /// no metric set. (A BEFORE INSERT trigger also fires for an upsert that ends up writing
    /// nothing, so the one that catches a metric set moving to another ticket, which INSERT OR
    /// REPLACE does without a delete trigger, fires only when it does move.) Plus a covering
    /// index for ratings by update time.
    static let version4 = """
        DROP INDEX IF EXISTS tickets_facts;
        DROP INDEX IF EXISTS ticket_metrics_facts;
        DROP INDEX IF EXISTS satisfaction_ratings_facts;
        CREATE TABLE ticket_facts (
            ticket_id INTEGER PRIMARY KEY,
            ticket BLOB,
            metric BLOB
        );
        INSERT INTO ticket_facts (ticket_id) SELECT id FROM tickets;
        CREATE TRIGGER ticket_facts_ticket_inserted AFTER INSERT ON tickets BEGIN
            INSERT INTO ticket_facts (ticket_id, ticket, metric)
                VALUES (new.id, NULL, CASE WHEN EXISTS (SELECT 1 FROM ticket_metrics WHERE ticket_id = new.id) THEN NULL ELSE X'' END)
                ON CONFLICT (ticket_id) DO UPDATE SET ticket = NULL;
        END;
        CREATE TRIGGER ticket_facts_ticket_updated AFTER UPDATE ON tickets WHEN new.id = old.id BEGIN
            UPDATE ticket_facts SET ticket = NULL WHERE ticket_id = new.id;
        END;
        CREATE TRIGGER ticket_facts_ticket_renumbered AFTER UPDATE ON tickets WHEN new.id != old.id BEGIN
            DELETE FROM ticket_facts WHERE ticket_id = old.id;
            INSERT INTO ticket_facts (ticket_id, ticket, metric) VALUES (new.id, NULL, NULL)
                ON CONFLICT (ticket_id) DO UPDATE SET ticket = NULL, metric = NULL;
        END;
        CREATE TRIGGER ticket_facts_ticket_deleted AFTER DELETE ON tickets BEGIN
            DELETE FROM ticket_facts WHERE ticket_id = old.id;
        END;
        CREATE TRIGGER ticket_facts_metric_moving BEFORE INSERT ON ticket_metrics
            WHEN EXISTS (SELECT 1 FROM ticket_metrics WHERE id = new.id AND ticket_id IS NOT new.ticket_id)
        BEGIN
            UPDATE ticket_facts SET metric = NULL WHERE ticket_id = (SELECT ticket_id FROM ticket_metrics WHERE id = new.id);
        END;
        CREATE TRIGGER ticket_facts_metric_inserted AFTER INSERT ON ticket_metrics BEGIN
            UPDATE ticket_facts SET metric = NULL WHERE ticket_id = new.ticket_id;
        END;
        CREATE TRIGGER ticket_facts_metric_updated AFTER UPDATE ON ticket_metrics BEGIN
            UPDATE ticket_facts SET metric = NULL WHERE ticket_id IN (old.ticket_id, new.ticket_id);
        END;
        CREATE TRIGGER ticket_facts_metric_deleted AFTER DELETE ON ticket_metrics BEGIN
            UPDATE ticket_facts SET metric = NULL WHERE ticket_id = old.ticket_id;
        END;
        CREATE INDEX satisfaction_ratings_window
            ON satisfaction_ratings(updated_at, id, ticket_id, group_id, assignee_id, score);
        """
}

extension Schema {
    /// The compact timeline (docs/cache.md, "The compact timeline"; declared in `CacheSchema`):
    /// per ticket with history, its field intervals, comments and solves/reopens, derived from
    /// `ticket_audits` and `ticket_comments` by a `TimelineRowBuilding` the writer is given.
    /// Triggers queue every ticket whose audits or comments change in `ticket_timeline_stale`;
    /// `Cache.write` rebuilds the queued tickets before it commits, and readers take a queued
    /// ticket from the raw rows. This migration queues every ticket with history, so the first
    /// open (or write) with a builder fills the tables. `ticket_timeline_build` names the builder
    /// version the rows were made by: another version rebuilds them all.
    static let version5 = """
        CREATE TABLE ticket_timelines (
            ticket_id INTEGER PRIMARY KEY,
            first_change_at INTEGER,
            updates INTEGER NOT NULL
        );
        CREATE TABLE ticket_timeline_intervals (
            ticket_id INTEGER NOT NULL, field TEXT NOT NULL, position INTEGER NOT NULL,
            from_at INTEGER, to_at INTEGER, value TEXT,
            PRIMARY KEY (ticket_id, field, position)
        ) WITHOUT ROWID;
        CREATE TABLE ticket_timeline_comments (
            ticket_id INTEGER NOT NULL, created_at INTEGER NOT NULL, comment_id INTEGER NOT NULL,
            author_id INTEGER, public INTEGER NOT NULL CHECK (public IN (0, 1)),
            PRIMARY KEY (ticket_id, created_at, comment_id)
        ) WITHOUT ROWID;
        CREATE TABLE ticket_timeline_events (
            ticket_id INTEGER NOT NULL, position INTEGER NOT NULL,
            at INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('solve', 'reopen')),
            PRIMARY KEY (ticket_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE ticket_timeline_stale (
            ticket_id INTEGER PRIMARY KEY
        );
        CREATE TABLE ticket_timeline_build (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version TEXT NOT NULL
        );
        CREATE TRIGGER ticket_timeline_audit_inserted AFTER INSERT ON ticket_audits BEGIN
            INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id) VALUES (new.ticket_id);
        END;
        CREATE TRIGGER ticket_timeline_audit_updated AFTER UPDATE ON ticket_audits BEGIN
            INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id) VALUES (old.ticket_id), (new.ticket_id);
        END;
        CREATE TRIGGER ticket_timeline_audit_deleted AFTER DELETE ON ticket_audits BEGIN
            INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id) VALUES (old.ticket_id);
        END;
        CREATE TRIGGER ticket_timeline_comment_inserted AFTER INSERT ON ticket_comments BEGIN
            INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id) VALUES (new.ticket_id);
        END;
        CREATE TRIGGER ticket_timeline_comment_updated AFTER UPDATE ON ticket_comments BEGIN
            INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id) VALUES (old.ticket_id), (new.ticket_id);
        END;
        CREATE TRIGGER ticket_timeline_comment_deleted AFTER DELETE ON ticket_comments BEGIN
            INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id) VALUES (old.ticket_id);
        END;
        INSERT OR IGNORE INTO ticket_timeline_stale (ticket_id)
            SELECT ticket_id FROM ticket_audits UNION SELECT ticket_id FROM ticket_comments;
        """
}

extension Schema {
    /// The target an `apply_sla` / `apply_group_sla` metric event applied, typed (see
    /// `CacheSchema.ticketMetricEvents`), so recorded SLA reads no JSON. `sla_kind`: NULL when the
    /// event carries no target, 0 for `sla`, 1 for `group_sla`, 2 for an event stored before this
    /// version in a shape the SQL below does not type (read its `raw_json` instead). The events
    /// already stored are typed here when their target has the plain shape the API sends: numbers
    /// as numbers, the policy id an integer (a string of digits for a group policy), the title a
    /// string, `business_hours` a boolean.
    static let version6 = """
        ALTER TABLE ticket_metric_events ADD COLUMN sla_kind INTEGER;
        ALTER TABLE ticket_metric_events ADD COLUMN sla_policy_id INTEGER;
        ALTER TABLE ticket_metric_events ADD COLUMN sla_policy_title TEXT;
        ALTER TABLE ticket_metric_events ADD COLUMN sla_target REAL;
        ALTER TABLE ticket_metric_events ADD COLUMN sla_target_in_seconds REAL;
        ALTER TABLE ticket_metric_events ADD COLUMN sla_business_hours INTEGER;
        CREATE TEMP TABLE applied_sla AS
            SELECT e.id AS id, k.kind AS kind, json_extract(e.raw_json, k.path) AS target
            FROM ticket_metric_events e,
                (SELECT 0 AS kind, '$.sla' AS path UNION ALL SELECT 1, '$.group_sla') k
            WHERE e.type IN ('apply_sla', 'apply_group_sla')
                AND json_valid(e.raw_json) AND json_type(e.raw_json, k.path) = 'object'
                AND (k.kind = 0 OR json_type(e.raw_json, '$.sla') IS NOT 'object');
        UPDATE ticket_metric_events SET sla_kind = 2
            WHERE id IN (SELECT id FROM applied_sla);
        UPDATE ticket_metric_events SET
            sla_kind = a.kind,
            sla_policy_id = CAST(json_extract(a.target, '$.policy.id') AS INTEGER),
            sla_policy_title = json_extract(a.target, '$.policy.title'),
            sla_target = json_extract(a.target, '$.target'),
            sla_target_in_seconds = json_extract(a.target, '$.target_in_seconds'),
            sla_business_hours = coalesce(json_extract(a.target, '$.business_hours'), 0)
            FROM applied_sla a
            WHERE ticket_metric_events.id = a.id
                AND json_type(a.target, '$.policy') IN ('object', 'null') IS NOT 0
                AND (coalesce(json_type(a.target, '$.policy.id'), 'null') IN ('integer', 'null')
                    OR (a.kind = 1 AND json_type(a.target, '$.policy.id') = 'text'
                        AND json_extract(a.target, '$.policy.id') GLOB '[0-9]*'
                        AND NOT json_extract(a.target, '$.policy.id') GLOB '*[^0-9]*'
                        AND length(json_extract(a.target, '$.policy.id')) <= 18))
                AND coalesce(json_type(a.target, '$.policy.title'), 'null') IN ('text', 'null')
                AND coalesce(json_type(a.target, '$.target'), 'null') IN ('integer', 'real', 'null')
                AND coalesce(json_type(a.target, '$.target_in_seconds'), 'null') IN ('integer', 'real', 'null')
                AND coalesce(json_type(a.target, '$.business_hours'), 'null') IN ('true', 'false', 'null');
        DROP TABLE applied_sla;
        """

    /// Recorded SLA reads every loaded ticket's metric events (`CacheReader.forEachMetricEvent`):
    /// an index holding every column it reads answers it from the index alone, in ticket order,
    /// instead of one lookup of the wide `raw_json` row per event. It replaces the
    /// `(ticket_id, time)` index, its prefix.
    static let version7 = """
        CREATE INDEX ticket_metric_events_sla ON ticket_metric_events(
            ticket_id, time, id, metric, instance_id, type, deleted,
            sla_kind, sla_policy_id, sla_policy_title, sla_target, sla_target_in_seconds, sla_business_hours);
        DROP INDEX ticket_metric_events_ticket;
        """

    /// Each ticket's metric events packed into one blob (`PackedSLAEvents`), so recorded SLA reads
    /// one row per ticket instead of one index entry per event. A row exists for every ticket
    /// that has (or had) metric events; `events` NULL means "stale: read `ticket_metric_events`".
    /// Triggers void a ticket's pack whenever any of its events is inserted, changed, deleted or
    /// moved to another ticket (the BEFORE INSERT one catches `INSERT OR REPLACE` moving an event,
    /// and the BEFORE UPDATE OF id one an `UPDATE OR REPLACE` renumbering an event onto another's
    /// id: both replace a row without firing a delete trigger), so a pack is exact or NULL. The
    /// end of each import, sync, write or upgrade packs the stale ones (`rebuildStaleDerivedRows`),
    /// so an existing cache is packed by the upgrade that adds the table.
    static let version8 = """
        CREATE TABLE ticket_sla_events (
            ticket_id INTEGER PRIMARY KEY,
            events BLOB
        );
        CREATE INDEX ticket_sla_events_stale ON ticket_sla_events(ticket_id) WHERE events IS NULL;
        INSERT INTO ticket_sla_events (ticket_id)
            SELECT DISTINCT ticket_id FROM ticket_metric_events WHERE ticket_id IS NOT NULL;
        CREATE TRIGGER ticket_sla_events_moved BEFORE INSERT ON ticket_metric_events
        WHEN EXISTS (SELECT 1 FROM ticket_metric_events WHERE id = NEW.id AND ticket_id IS NOT NEW.ticket_id)
        BEGIN
            UPDATE ticket_sla_events SET events = NULL
            WHERE ticket_id = (SELECT ticket_id FROM ticket_metric_events WHERE id = NEW.id) AND events IS NOT NULL;
        END;
        CREATE TRIGGER ticket_sla_events_inserted AFTER INSERT ON ticket_metric_events
        WHEN NEW.ticket_id IS NOT NULL
        BEGIN
            INSERT INTO ticket_sla_events (ticket_id) VALUES (NEW.ticket_id)
            ON CONFLICT (ticket_id) DO UPDATE SET events = NULL WHERE events IS NOT NULL;
        END;
        CREATE TRIGGER ticket_sla_events_updated AFTER UPDATE ON ticket_metric_events
        BEGIN
            UPDATE ticket_sla_events SET events = NULL WHERE ticket_id = OLD.ticket_id AND events IS NOT NULL;
            INSERT INTO ticket_sla_events (ticket_id) SELECT NEW.ticket_id WHERE NEW.ticket_id IS NOT NULL
            ON CONFLICT (ticket_id) DO UPDATE SET events = NULL WHERE events IS NOT NULL;
        END;
        CREATE TRIGGER ticket_sla_events_deleted AFTER DELETE ON ticket_metric_events
        BEGIN
            UPDATE ticket_sla_events SET events = NULL WHERE ticket_id = OLD.ticket_id AND events IS NOT NULL;
        END;
        CREATE TRIGGER ticket_sla_events_renumbered BEFORE UPDATE OF id ON ticket_metric_events
        WHEN NEW.id IS NOT OLD.id
        BEGIN
            UPDATE ticket_sla_events SET events = NULL
            WHERE ticket_id = (SELECT ticket_id FROM ticket_metric_events WHERE id = NEW.id) AND events IS NOT NULL;
        END;
        """
}
