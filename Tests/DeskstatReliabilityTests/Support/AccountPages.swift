import Foundation

/// A deterministic account written as Zendesk API response bodies, one file per page, for the
/// crash and concurrency tests.
///
/// Every file's records have ids no other file uses (file `f` uses `(f + 1) × 100 000 + i`, plus
/// an `idOffset` for a second, disjoint account), so "is this file half imported?" is answered by
/// counting its ids in the cache: all or none.
struct AccountPages {
    /// One written file and the (table, ids) it must put in the cache.
    struct Page {
        let path: String
        let expected: [(table: String, ids: [Int64])]

        var recordCount: Int { expected.reduce(0) { $0 + $1.ids.count } }
    }

    let pages: [Page]
    let directory: String

    var recordCount: Int { pages.reduce(0) { $0 + $1.recordCount } }
    var byteCount: Int64 {
        pages.reduce(0) { total, page in
            total
                + (((try? FileManager.default.attributesOfItem(atPath: page.path))?[.size] as? NSNumber)?.int64Value
                    ?? 0)
        }
    }

    /// The kinds of page, in file order: mostly ticket export pages (with side-loaded metric sets
    /// and users), then audits with comments, and one page of each smaller table.
    enum Kind: String, CaseIterable {
        case tickets, audits, groups, organizations, ratings, events, users
    }

    static func kinds(files: Int) -> [Kind] {
        let tail: [Kind] = [.audits, .audits, .groups, .organizations, .ratings, .events, .users]
        let ticketPages = max(1, files - tail.count)
        return Array(repeating: .tickets, count: ticketPages) + tail.prefix(max(0, files - ticketPages))
    }

    /// Writes `files` pages of `perPage` records each into `directory`.
    static func write(
        into directory: String, files: Int = 20, perPage: Int = 40, idOffset: Int64 = 0, prefix: String = "page"
    )
        throws -> AccountPages
    {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var pages: [Page] = []
        for (file, kind) in kinds(files: files).enumerated() {
            let base = idOffset + Int64(file + 1) * 100_000
            let ids = (0..<Int64(perPage)).map { base + $0 }
            let (body, expected) = Self.body(kind, ids: ids, file: file)
            let name = String(format: "%@-%02d-%@.json", prefix, file, kind.rawValue)
            let path = writeFile(directory, name, body)
            pages.append(Page(path: path, expected: expected))
        }
        return AccountPages(pages: pages, directory: directory)
    }

    static let epoch: Int64 = 1_790_000_000  // 2026-09-21

    /// `2026-09-21T12:26:40Z` for epoch seconds (UTC; no formatter, which is slow to create).
    static func time(_ seconds: Int64) -> String {
        let days = seconds / 86_400
        let second = seconds % 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(second / 3600)):\(two(second % 3600 / 60)):\(two(second % 60))Z"
    }

    static func body(_ kind: Kind, ids: [Int64], file: Int) -> (String, [(table: String, ids: [Int64])]) {
        switch kind {
        case .tickets:
            let tickets = ids.map(ticket).joined(separator: ",\n")
            let metrics = ids.map(metricSet).joined(separator: ",\n")
            let users = ids.map { user($0, role: "end-user") }.joined(separator: ",\n")
            let body = """
                {"tickets": [\n\(tickets)\n],
                 "metric_sets": [\n\(metrics)\n],
                 "users": [\n\(users)\n],
                 "after_url": "https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=c\(file + 1)",
                 "after_cursor": "c\(file + 1)", "before_cursor": null, "end_of_stream": false}
                """
            return (body, [("tickets", ids), ("ticket_metrics", ids), ("users", ids)])
        case .audits:
            let audits = ids.map(audit).joined(separator: ",\n")
            let body =
                "{\"audits\": [\n\(audits)\n], \"next_page\": null, \"previous_page\": null, \"count\": \(ids.count)}"
            return (body, [("ticket_audits", ids), ("ticket_comments", ids.map { $0 + 50_000 })])
        case .groups:
            let groups = ids.map { id in
                #"{"id": \#(id), "name": "Group \#(id)", "description": "", "default": false, "deleted": false, "#
                    + #""is_public": true, "created_at": "\#(time(epoch))", "updated_at": "\#(time(epoch + id % 1000))"}"#
            }
            return ("{\"groups\": [\n\(groups.joined(separator: ",\n"))\n]}", [("groups", ids)])
        case .organizations:
            let organizations = ids.map { id in
                #"{"id": \#(id), "name": "Org \#(id)", "domain_names": ["org\#(id).example"], "group_id": null, "#
                    + #""created_at": "\#(time(epoch))", "updated_at": "\#(time(epoch + id % 997))", "tags": []}"#
            }
            return (
                "{\"organizations\": [\n\(organizations.joined(separator: ",\n"))\n], \"end_time\": \(epoch), \"end_of_stream\": true}",
                [("organizations", ids)]
            )
        case .ratings:
            let ratings = ids.map { id in
                #"{"id": \#(id), "ticket_id": \#(id - 100_000), "score": "\#(id % 3 == 0 ? "bad" : "good")", "#
                    + #""group_id": 360001, "assignee_id": 5001, "requester_id": \#(id), "comment": "ok", "#
                    + #""created_at": "\#(time(epoch + 3600))", "updated_at": "\#(time(epoch + 7200))"}"#
            }
            return (
                "{\"satisfaction_ratings\": [\n\(ratings.joined(separator: ",\n"))\n], \"next_page\": null}",
                [("satisfaction_ratings", ids)]
            )
        case .events:
            let events = ids.map { id in
                #"{"id": \#(id), "ticket_id": \#(id - 200_000), "metric": "reply_time", "instance_id": 1, "#
                    + #""type": "\#(id % 2 == 0 ? "activate" : "fulfill")", "time": "\#(time(epoch + id % 5000))"}"#
            }
            return (
                "{\"ticket_metric_events\": [\n\(events.joined(separator: ",\n"))\n], \"end_time\": \(epoch), \"count\": \(ids.count)}",
                [("ticket_metric_events", ids)]
            )
        case .users:
            let users = ids.map { user($0, role: "agent") }.joined(separator: ",\n")
            return ("{\"users\": [\n\(users)\n], \"after_cursor\": null, \"end_of_stream\": true}", [("users", ids)])
        }
    }

    static func ticket(_ id: Int64) -> String {
        let created = epoch + (id % 100_000) * 600
        let statuses = ["new", "open", "pending", "solved", "closed"]
        let priorities = ["low", "normal", "high", "urgent"]
        let channels = ["email", "web", "api", "chat"]
        let status = statuses[Int(id % 5)]
        return """
            {"url": "https://acme.zendesk.com/api/v2/tickets/\(id).json", "id": \(id), "external_id": null,
             "via": {"channel": "\(channels[Int(id % 4)])", "source": {"from": {}, "to": {}, "rel": null}},
             "created_at": "\(time(created))", "updated_at": "\(time(created + 7200))", "generated_timestamp": \(created + 7200),
             "type": "question", "subject": "Ticket \(id): the widget is \(id % 2 == 0 ? "broken" : "slow") — ünïcödé ✓",
             "description": "Line one\\nline two with \\"quotes\\"", "priority": "\(priorities[Int(id % 4)])",
             "status": "\(status)", "requester_id": \(id), "submitter_id": \(id), "assignee_id": 5001,
             "organization_id": null, "group_id": \(360001 + id % 3), "tags": ["t\(id % 7)", "product_widgets"],
             "custom_fields": [{"id": 900001, "value": "v\(id % 4)"}, {"id": 900002, "value": \(id % 2 == 0)}],
             "ticket_form_id": 100001, "brand_id": 100100, "problem_id": null}
            """
    }

    static func metricSet(_ id: Int64) -> String {
        let created = epoch + (id % 100_000) * 600
        let solved = id % 5 >= 3 ? "\"\(time(created + 5400))\"" : "null"
        return """
            {"id": \(id), "ticket_id": \(id), "created_at": "\(time(created))", "updated_at": "\(time(created + 7200))",
             "reply_time_in_minutes": {"calendar": \(id % 90), "business": \(id % 60)},
             "first_resolution_time_in_minutes": {"calendar": \(id % 900), "business": \(id % 600)},
             "full_resolution_time_in_minutes": {"calendar": \(id % 900 + 10), "business": \(id % 600 + 5)},
             "agent_wait_time_in_minutes": {"calendar": 3, "business": 2},
             "requester_wait_time_in_minutes": {"calendar": 40, "business": 30},
             "on_hold_time_in_minutes": {"calendar": 0, "business": 0},
             "reply_time_in_seconds": {"calendar": \(id % 90 * 60)},
             "reopens": \(id % 3), "replies": \(id % 4), "assignee_stations": 1, "group_stations": 1,
             "assigned_at": "\(time(created + 60))", "initially_assigned_at": "\(time(created + 60))",
             "solved_at": \(solved), "status_updated_at": "\(time(created + 7200))",
             "latest_comment_added_at": "\(time(created + 3600))", "requester_updated_at": "\(time(created + 100))",
             "assignee_updated_at": "\(time(created + 3600))", "custom_status_updated_at": null}
            """
    }

    static func user(_ id: Int64, role: String) -> String {
        """
        {"id": \(id), "name": "Person \(id)", "email": "p\(id)@example.com", "role": "\(role)", "role_type": null,
         "active": true, "suspended": false, "organization_id": null, "default_group_id": null,
         "time_zone": "Europe/Berlin", "created_at": "\(time(epoch))", "updated_at": "\(time(epoch + id % 1000))",
         "last_login_at": null}
        """
    }

    static func audit(_ id: Int64) -> String {
        let created = epoch + (id % 100_000) * 600 + 60
        return """
            {"id": \(id), "ticket_id": \(id - 1_000), "created_at": "\(time(created))", "author_id": 5001,
             "metadata": {"system": {}, "custom": {}}, "via": {"channel": "web", "source": {"from": {}, "to": {}, "rel": null}},
             "events": [
               {"id": \(id + 50_000), "type": "Comment", "author_id": 5001, "body": "Reply \(id)", "plain_body": "Reply \(id)",
                "public": true, "attachments": [], "audit_id": \(id)},
               {"id": \(id + 60_000), "type": "Change", "value": "open", "field_name": "status", "previous_value": "new"}
             ]}
            """
    }
}
