public import DeskstatCache
public import ZendeskWire

/// Turns wire records into cache rows: one function per table, nothing else.
public enum RecordMapper {
    /// The cache rows for every record of `section`. `envelope` supplies context some tables need
    /// (a comment list's ticket id lives in its pagination URLs).
    public static func rows(for section: EnvelopeSection, in envelope: Envelope? = nil) throws(WireError) -> [CacheRow]
    {
        var rows: [CacheRow] = []
        rows.reserveCapacity(section.records.count)
        for record in section.records {
            rows += try self.rows(for: record, table: section.table, ticketIDHint: envelope?.ticketIDFromURLs)
        }
        return rows
    }

    /// The cache rows for one record of `table` (a ticket with an embedded metric set, or an audit
    /// with comments, gives several).
    public static func rows(for record: RawRecord, table: WireTable, ticketIDHint: Int64? = nil) throws(WireError)
        -> [CacheRow]
    {
        let reader = RecordReader(record)
        switch table {
        case .tickets: return try ticketRows(reader, raw: record.text)
        case .ticketMetrics: return [try metricRow(TicketMetric(reader), raw: record.text)]
        case .satisfactionRatings: return [satisfactionRatingRow(try SatisfactionRating(reader), raw: record.text)]
        case .slaPolicies: return [slaPolicyRow(try SLAPolicy(reader), raw: record.text)]
        case .groups: return [groupRow(try Group(reader), raw: record.text)]
        case .groupMemberships: return [groupMembershipRow(try GroupMembership(reader), raw: record.text)]
        case .users: return [userRow(try User(reader), raw: record.text)]
        case .organizations: return [organizationRow(try Organization(reader), raw: record.text)]
        case .ticketAudits: return auditRows(try TicketAudit(reader), raw: record.text)
        case .ticketComments: return [commentRow(try TicketComment(reader, ticketID: ticketIDHint), raw: record.text)]
        case .ticketEvents: return eventRows(try TicketEvent(reader), raw: record.text)
        case .ticketFields, .ticketForms, .macros: return [try configurationRow(reader, table: table, raw: record.text)]
        case .tags:
            let tag = try Tag(reader)
            return [.tag(name: tag.name, count: tag.count, rawJSON: record.text)]
        case .ticketMetricEvents: return [metricEventRow(try TicketMetricEvent(reader), raw: record.text)]
        case .schedules: return [scheduleRow(try Schedule(reader), raw: record.text)]
        }
    }

    static func ticketRows(_ reader: RecordReader, raw: String) throws(WireError) -> [CacheRow] {
        let ticket = try Ticket(reader)
        let row = CacheRow.ticket(
            id: ticket.id, status: ticket.status, priority: ticket.priority, type: ticket.type, subject: ticket.subject,
            viaChannel: ticket.viaChannel, groupID: ticket.groupID, assigneeID: ticket.assigneeID,
            requesterID: ticket.requesterID, submitterID: ticket.submitterID, organizationID: ticket.organizationID,
            brandID: ticket.brandID, ticketFormID: ticket.ticketFormID, problemID: ticket.problemID,
            createdAt: ticket.createdAt, updatedAt: ticket.updatedAt,
            generatedTimestamp: ticket.generatedTimestamp ?? ticket.updatedAt, deleted: ticket.isDeleted,
            tags: ticket.tags, customFields: ticket.customFields.map { ($0.fieldID, $0.storedText) }, rawJSON: raw)
        guard let metricSet = ticket.metricSet else { return [row] }
        let metric = try TicketMetric(reader.nested(metricSet))
        return [row, try metricRow(metric, raw: JSONValue.object(metricSet).canonicalText)]
    }

    static func metricRow(_ metric: TicketMetric, raw: String) throws(WireError) -> CacheRow {
        let durations = [
            metric.replyTime, metric.firstResolutionTime, metric.fullResolutionTime, metric.agentWaitTime,
            metric.requesterWaitTime, metric.onHoldTime,
        ].map { (calendar: $0.calendar, business: $0.business) }
        let timestamps = [
            metric.assignedAt, metric.initiallyAssignedAt, metric.solvedAt, metric.statusUpdatedAt,
            metric.latestCommentAddedAt, metric.requesterUpdatedAt, metric.assigneeUpdatedAt,
            metric.customStatusUpdatedAt,
        ]
        let row = TicketMetricRow(
            id: metric.id, ticketID: metric.ticketID, createdAt: metric.createdAt, updatedAt: metric.updatedAt,
            durations: durations, replyTimeInSecondsCalendar: metric.replyTimeInSecondsCalendar,
            reopens: metric.reopens,
            replies: metric.replies, assigneeStations: metric.assigneeStations, groupStations: metric.groupStations,
            timestamps: timestamps)
        return .ticketMetric(row, rawJSON: raw)
    }

    static func satisfactionRatingRow(_ rating: SatisfactionRating, raw: String) -> CacheRow {
        .satisfactionRating(
            id: rating.id, ticketID: rating.ticketID, groupID: rating.groupID, assigneeID: rating.assigneeID,
            requesterID: rating.requesterID, score: rating.score, reason: rating.reason, reasonID: rating.reasonID,
            createdAt: rating.createdAt, updatedAt: rating.updatedAt, rawJSON: raw)
    }

    static func slaPolicyRow(_ policy: SLAPolicy, raw: String) -> CacheRow {
        .slaPolicy(
            id: policy.id, title: policy.title, description: policy.description, position: policy.position,
            createdAt: policy.createdAt, updatedAt: policy.updatedAt,
            conditions: policy.conditions.map {
                (
                    kind: $0.kind.rawValue, position: $0.index, field: $0.field, operatorName: $0.operatorName,
                    value: $0.value.canonicalText
                )
            },
            metrics: policy.metrics.map {
                (
                    priority: $0.priority, metric: $0.metric, target: $0.target, targetInSeconds: $0.targetInSeconds,
                    businessHours: $0.businessHours
                )
            },
            rawJSON: raw)
    }

    static func groupRow(_ group: Group, raw: String) -> CacheRow {
        .group(
            id: group.id, name: group.name, description: group.description, isDefault: group.isDefault,
            deleted: group.deleted, isPublic: group.isPublic, createdAt: group.createdAt, updatedAt: group.updatedAt,
            rawJSON: raw)
    }

    static func groupMembershipRow(_ membership: GroupMembership, raw: String) -> CacheRow {
        .groupMembership(
            id: membership.id, userID: membership.userID, groupID: membership.groupID, isDefault: membership.isDefault,
            createdAt: membership.createdAt, updatedAt: membership.updatedAt, rawJSON: raw)
    }

    static func userRow(_ user: User, raw: String) -> CacheRow {
        .user(
            id: user.id, name: user.name, email: user.email, role: user.role, roleType: user.roleType,
            active: user.active, suspended: user.suspended, organizationID: user.organizationID,
            defaultGroupID: user.defaultGroupID, timeZone: user.timeZone, createdAt: user.createdAt,
            updatedAt: user.updatedAt, lastLoginAt: user.lastLoginAt, rawJSON: raw)
    }

    static func organizationRow(_ organization: Organization, raw: String) -> CacheRow {
        .organization(
            id: organization.id, name: organization.name, groupID: organization.groupID,
            createdAt: organization.createdAt, updatedAt: organization.updatedAt, deletedAt: organization.deletedAt,
            rawJSON: raw)
    }

    static func auditRows(_ audit: TicketAudit, raw: String) -> [CacheRow] {
        let auditRow = CacheRow.ticketAudit(
            id: audit.id, ticketID: audit.ticketID, authorID: audit.authorID, viaChannel: audit.viaChannel,
            createdAt: audit.createdAt, rawJSON: raw)
        return [auditRow] + audit.comments.map { commentRow($0, raw: $0.eventText ?? raw) }
    }

    /// A ticket event is an audit seen through the event export (same id, same child event ids): it
    /// lands in `ticket_audits` with the export's JSON, its comments in `ticket_comments`, so the
    /// same update read from either source is one row.
    static func eventRows(_ event: TicketEvent, raw: String) -> [CacheRow] {
        let auditRow = CacheRow.ticketAudit(
            id: event.id, ticketID: event.ticketID, authorID: event.updaterID, viaChannel: event.viaChannel,
            createdAt: event.createdAt, rawJSON: raw)
        return [auditRow] + event.comments.map { commentRow($0, raw: $0.eventText ?? raw) }
    }

    static func commentRow(_ comment: TicketComment, raw: String) -> CacheRow {
        .ticketComment(
            id: comment.id, ticketID: comment.ticketID ?? 0, auditID: comment.auditID, authorID: comment.authorID,
            type: comment.type, isPublic: comment.isPublic, viaChannel: comment.viaChannel,
            createdAt: comment.createdAt,
            rawJSON: raw)
    }

    static func configurationRow(_ reader: RecordReader, table: WireTable, raw: String) throws(WireError) -> CacheRow {
        switch table {
        case .ticketFields:
            let field = try TicketField(reader)
            return .configuration(
                .ticketFields, id: field.id, type: field.type, name: field.title, active: field.active,
                position: field.position, createdAt: field.createdAt, updatedAt: field.updatedAt, rawJSON: raw)
        case .ticketForms:
            let form = try TicketForm(reader)
            return .configuration(
                .ticketForms, id: form.id, name: form.name, active: form.active, isDefault: form.isDefault,
                position: form.position, createdAt: form.createdAt, updatedAt: form.updatedAt, rawJSON: raw)
        default:
            let macro = try Macro(reader)
            return .configuration(
                .macros, id: macro.id, name: macro.title, active: macro.active, position: macro.position,
                createdAt: macro.createdAt, updatedAt: macro.updatedAt, rawJSON: raw)
        }
    }

    static func metricEventRow(_ event: TicketMetricEvent, raw: String) -> CacheRow {
        .ticketMetricEvent(
            id: event.id, ticketID: event.ticketID, metric: event.metric, instanceID: event.instanceID,
            type: event.type, time: event.time, deleted: event.deleted,
            target: event.appliedTarget.map {
                AppliedSLATarget(
                    policyID: $0.policyID, policyTitle: $0.policyTitle, target: $0.target,
                    targetInSeconds: $0.targetInSeconds, businessHours: $0.businessHours,
                    isGroupPolicy: $0.isGroupPolicy)
            }, rawJSON: raw)
    }

    static func scheduleRow(_ schedule: Schedule, raw: String) -> CacheRow {
        .schedule(
            id: schedule.id, name: schedule.name, timeZone: schedule.timeZone, createdAt: schedule.createdAt,
            updatedAt: schedule.updatedAt, intervals: schedule.intervals,
            holidays: schedule.holidays.map { ($0.id, $0.name, $0.startDate, $0.endDate) }, rawJSON: raw)
    }
}
