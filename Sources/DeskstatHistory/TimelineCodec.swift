public import DeskstatCache
public import DeskstatTimeline
public import ZendeskWire

/// Between a ticket's history rows in the cache and its ``TicketTimeline``: derives the compact
/// timeline rows from the raw audits, ticket events and comments (the `TimelineRowBuilding`
/// the importer and sync give the cache), and turns stored rows back into a timeline.
///
/// The derivation itself lives where it always did: ZendeskWire parses the records,
/// ``TimelineParts`` folds the changes. This type only maps parts to rows and back, so the
/// compact path and the raw path give the same timeline by construction.
public struct TimelineCodec: TimelineRowBuilding {
    public init() {}

    /// The row format and the interval fields: rows made for another list are rebuilt.
    public static let version = "1:" + TicketTimeline.intervalFields.map(\.name).joined(separator: ",")

    public var version: String { Self.version }

    public func rows(for history: TicketHistoryRows) throws -> TimelineRows {
        Self.rows(of: try Self.parts(of: history))
    }

    /// The timeline of a ticket's raw history rows (with its `created_at` and authors' roles).
    public static func timeline(raw history: TicketHistoryRows) throws(WireError) -> TicketTimeline {
        TicketTimeline(
            parts: try parts(of: history), createdAt: history.createdAt,
            roles: history.roles.mapValues { AuthorRole(userRole: $0) })
    }

    /// The timeline of a ticket's compact rows.
    public static func timeline(_ stored: StoredTimeline) -> TicketTimeline {
        var roles: [Int64: AuthorRole] = [:]
        for comment in stored.rows.comments {
            if let author = comment.authorID, let role = comment.authorRole {
                roles[author] = AuthorRole(userRole: role)
            }
        }
        return TicketTimeline(parts: parts(of: stored.rows), createdAt: stored.createdAt, roles: roles)
    }

    /// The parts of a ticket's raw rows: every update (an audit, or a ticket event from the
    /// export: either JSON shape) and every comment record.
    public static func parts(of history: TicketHistoryRows) throws(WireError) -> TimelineParts {
        var changes: [TicketFieldChange] = []
        var comments: [TicketComment] = []
        for (index, text) in history.updates.enumerated() {
            let record = try Envelope.parseBareRecord(Array(text.utf8), table: .ticketAudits, index: index)
            if record.members["child_events"] != nil {
                let event = try TicketEvent(RecordReader(record))
                changes += event.changes
                comments += event.comments
            } else {
                let audit = try TicketAudit(RecordReader(record))
                changes += audit.changes
                comments += audit.comments
            }
        }
        for (index, text) in history.comments.enumerated() {
            let record = try Envelope.parseBareRecord(Array(text.utf8), table: .ticketComments, index: index)
            comments.append(try TicketComment(RecordReader(record), ticketID: history.ticketID))
        }
        return TimelineParts(ticketID: history.ticketID, changes: changes, comments: comments)
    }

    /// The rows of parts: per field (by name), its opening value at position 0 and its
    /// intervals from 1; comments by time; solves and reopens in order.
    public static func rows(of parts: TimelineParts) -> TimelineRows {
        var intervals: [TimelineRows.Interval] = []
        for (field, history) in parts.fields.sorted(by: { $0.key < $1.key }) {
            if let opening = history.opening {
                intervals.append(
                    TimelineRows.Interval(
                        field: field, position: 0, from: nil, to: opening.before, value: opening.value))
            }
            for (index, interval) in history.intervals.enumerated() {
                intervals.append(
                    TimelineRows.Interval(
                        field: field, position: Int64(index + 1), from: interval.from, to: interval.to,
                        value: interval.value))
            }
        }
        return TimelineRows(
            ticketID: parts.ticketID, firstChangeAt: parts.firstChangeAt, intervals: intervals,
            comments: parts.comments.map {
                TimelineRows.Comment(id: $0.id, createdAt: $0.createdAt, authorID: $0.authorID, isPublic: $0.isPublic)
            }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) },
            events: parts.transitions.map { TimelineRows.Event(at: $0.at, kind: $0.kind.rawValue) })
    }

    /// The parts of stored rows (rows a hand edit made meaningless — an interval without a
    /// start, an unknown event kind — are left out).
    public static func parts(of rows: TimelineRows) -> TimelineParts {
        var fields: [String: FieldHistory] = [:]
        for row in rows.intervals.sorted(by: { ($0.field, $0.position) < ($1.field, $1.position) }) {
            var history = fields[row.field] ?? FieldHistory(opening: nil, intervals: [])
            if row.position == 0 {
                guard let before = row.to else { continue }
                history.opening = FieldHistory.Opening(before: before, value: row.value)
            } else {
                guard let from = row.from else { continue }
                history.intervals.append(TimelineInterval(from: from, to: row.to, value: row.value))
            }
            fields[row.field] = history
        }
        return TimelineParts(
            ticketID: rows.ticketID, firstChangeAt: rows.firstChangeAt, fields: fields,
            comments: rows.comments.map {
                CommentPart(id: $0.id, createdAt: $0.createdAt, authorID: $0.authorID, isPublic: $0.isPublic)
            },
            transitions: rows.events.compactMap { event in
                StatusTransition.Kind(rawValue: event.kind).map { StatusTransition(at: event.at, kind: $0) }
            })
    }
}
