/// A ticket ready to be written: its draft, what happened to it, and its rating's id.
struct FinishedTicket {
    let draft: TicketDraft
    let played: PlayedTicket
    let ratingID: Int64?
    let generatedTimestamp: Int64
    let customers: Customers

    var story: TicketStory { played.story }
    var isDeleted: Bool { draft.deletedAt != nil }
    var status: StoryStatus { isDeleted ? .deleted : story.status }
    var updatedAt: Int64 { draft.deletedAt ?? story.updatedAt }

    /// The tags the ticket was created with; an escalation and a merge add theirs later.
    var createdTags: TagSet {
        var tags = TagSet()
        if let product = draft.product { tags.insert(product.tag) }
        for module in draft.modules { tags.insert(module.tag) }
        tags.insert(draft.topic.tag)
        if draft.isVIP { tags.insert(.vip) }
        return tags
    }

    var tags: TagSet {
        var tags = createdTags
        if played.escalated { tags.insert(.escalated) }
        if played.merged { tags.insert(.closedByMerge) }
        return tags
    }

    // MARK: Ticket

    func writeTicket(into writer: inout JSONByteWriter) {
        writer.beginRecord()
        writer.urlField("tickets/", draft.id)
        writer.key("id")
        writer.int(draft.id)
        writer.key("external_id")
        writer.null()
        writeVia(into: &writer)
        writer.key("created_at")
        writer.timestamp(draft.created)
        writer.key("updated_at")
        writer.timestamp(updatedAt)
        writer.key("generated_timestamp")
        writer.int(generatedTimestamp)
        writer.key("type")
        if let type = draft.type { writer.string(type.name) } else { writer.null() }
        writer.key("subject")
        writeSubject(into: &writer)
        writer.key("raw_subject")
        writeSubject(into: &writer)
        writer.key("description")
        writeDescription(into: &writer)
        writer.key("priority")
        if let priority = draft.priority { writer.string(priority.name) } else { writer.null() }
        writer.key("status")
        writer.string(status.name)
        writer.key("recipient")
        if draft.channel == .email { writer.string(draft.brand.address) } else { writer.null() }
        writePeople(into: &writer)
        writer.key("forum_topic_id")
        writer.null()
        writer.key("problem_id")
        if let problem = draft.problem { writer.int(Int64(problem) + 1) } else { writer.null() }
        writer.key("has_incidents")
        writer.bool(draft.hasIncidents)
        writer.key("is_public")
        writer.bool(draft.isPublic)
        writer.key("due_at")
        if let dueAt = draft.dueAt { writer.timestamp(dueAt) } else { writer.null() }
        writer.key("tags")
        writer.beginArray()
        tags.forEach { writer.string($0.name) }
        writer.endArray()
        writer.key("custom_fields")
        writeCustomFields(into: &writer)
        writer.key("satisfaction_rating")
        writeRatingSummary(into: &writer)
        writer.key("sharing_agreement_ids")
        writer.beginArray()
        writer.endArray()
        writer.key("custom_status_id")
        if let custom = status.customStatusID { writer.int(custom) } else { writer.null() }
        writer.key("fields")
        writeCustomFields(into: &writer)
        writer.key("followup_ids")
        writer.beginArray()
        writer.endArray()
        writer.key("ticket_form_id")
        writer.int(draft.form.id)
        writer.key("brand_id")
        writer.int(draft.brand.id)
        writer.key("allow_channelback")
        writer.bool(false)
        writer.key("allow_attachments")
        writer.bool(true)
        writer.key("from_messaging_channel")
        writer.bool(false)
        writer.endObject()
    }

    private func writeVia(into writer: inout JSONByteWriter) {
        writer.key("via")
        writer.beginObject()
        writer.key("channel")
        writer.string(draft.channel.name)
        writer.key("source")
        writer.beginObject()
        writer.key("from")
        writer.beginObject()
        let name = customers.name(ofUser: draft.requester)
        switch draft.channel {
        case .email:
            writer.key("address")
            writer.beginString()
            writer.appendEndUserEmail(draft.requester, customers: customers)
            writer.endString()
            writer.key("name")
            writer.personName(name.first, name.last)
        case .voice:
            writer.key("phone")
            writer.phoneNumber(ofUser: draft.requester)
            writer.key("name")
            writer.personName(name.first, name.last)
        default:
            break
        }
        writer.endObject()
        writer.key("to")
        writer.beginObject()
        switch draft.channel {
        case .email:
            writer.key("name")
            writer.string(draft.brand.name)
            writer.key("address")
            writer.string(draft.brand.address)
        case .voice:
            writer.key("phone")
            writer.string(draft.brand.phone)
            writer.key("name")
            writer.string(draft.brand.name)
        default:
            break
        }
        writer.endObject()
        writer.key("rel")
        if draft.channel == .voice { writer.string("inbound") } else { writer.null() }
        writer.endObject()
        writer.endObject()
    }

    private func writeSubject(into writer: inout JSONByteWriter) {
        writer.beginString()
        appendSubject(into: &writer)
        writer.endString()
    }

    /// The subject with its `#` replaced by the order number.
    private func appendSubject(into writer: inout JSONByteWriter) {
        draft.subject.withUTF8Buffer { bytes in
            for byte in bytes {
                if byte == UInt8(ascii: "#") {
                    writer.appendDigits(draft.orderNumber ?? draft.id)
                } else {
                    writer.appendByte(byte)
                }
            }
        }
    }

    /// The description as a JSON string: the subject, a blank line and the body.
    func writeDescription(into writer: inout JSONByteWriter) {
        writer.beginString()
        appendSubject(into: &writer)
        writer.appendPlain("\\n\\n")
        writer.appendEscaped(Vocabulary.descriptionBodies[draft.body])
        writer.endString()
    }

    private func writePeople(into writer: inout JSONByteWriter) {
        let requesterID = customers.userID(draft.requester)
        writer.key("requester_id")
        writer.int(requesterID)
        writer.key("submitter_id")
        writer.int(draft.submitter?.id ?? requesterID)
        writer.key("assignee_id")
        if let assignee = story.assignee { writer.int(assignee.id) } else { writer.null() }
        writer.key("organization_id")
        if let organization = draft.organization {
            writer.int(customers.organizationID(organization))
        } else {
            writer.null()
        }
        writer.key("group_id")
        writer.int(story.group.id)
        writer.key("collaborator_ids")
        writer.beginArray()
        for user in draft.collaborators { writer.int(customers.userID(user)) }
        writer.endArray()
        writer.key("follower_ids")
        writer.beginArray()
        if let follower = draft.follower, follower.id != story.assignee?.id { writer.int(follower.id) }
        writer.endArray()
        writer.key("email_cc_ids")
        writer.beginArray()
        for user in draft.collaborators { writer.int(customers.userID(user)) }
        writer.endArray()
    }

    private func writeCustomFields(into writer: inout JSONByteWriter) {
        writer.beginArray()
        for field in FieldKind.onTickets {
            writer.beginObject()
            writer.key("id")
            writer.int(field.id)
            writer.key("value")
            switch field {
            case .product:
                if let product = draft.product { writer.string(product.tag.name) } else { writer.null() }
            case .escalated:
                writer.bool(played.escalated)
            case .modules:
                if draft.modules.isEmpty {
                    writer.null()
                } else {
                    writer.beginArray()
                    for module in draft.modules { writer.string(module.tag.name) }
                    writer.endArray()
                }
            default:
                if let order = draft.orderNumber, draft.form == .billing {
                    writer.beginString()
                    writer.appendPlain("ORD-")
                    writer.appendDigits(order)
                    writer.endString()
                } else {
                    writer.null()
                }
            }
            writer.endObject()
        }
        writer.endArray()
    }

    private func writeRatingSummary(into writer: inout JSONByteWriter) {
        guard let ratingID, let rating = played.rating else { return writer.null() }
        writer.beginObject()
        writer.key("id")
        writer.int(ratingID)
        writer.key("score")
        writer.string(rating.score.name)
        writer.key("comment")
        writer.ratingComment(rating)
        writer.endObject()
    }

    // MARK: Metric set

    func writeMetricSet(into writer: inout JSONByteWriter) {
        let id = Identifiers.metricSet + draft.id
        let solved = status.isSolved
        writer.beginRecord()
        writer.urlField("ticket_metrics/", id)
        writer.key("id")
        writer.int(id)
        writer.key("ticket_id")
        writer.int(draft.id)
        writer.key("created_at")
        writer.timestamp(draft.created)
        writer.key("updated_at")
        writer.timestamp(story.metricsUpdatedAt)
        writer.key("group_stations")
        writer.int(story.groupStations)
        writer.key("assignee_stations")
        writer.int(story.assigneeStations)
        writer.key("reopens")
        writer.int(story.reopens)
        writer.key("replies")
        writer.int(story.replies)
        writer.optionalTimestamp("assignee_updated_at", story.assigneeUpdatedAt)
        writer.optionalTimestamp("requester_updated_at", story.requesterUpdatedAt)
        writer.optionalTimestamp("status_updated_at", story.statusUpdatedAt)
        writer.optionalTimestamp("initially_assigned_at", story.initiallyAssignedAt)
        writer.optionalTimestamp("assigned_at", story.assignedAt)
        writer.optionalTimestamp("solved_at", solved ? story.solvedAt : nil)
        writer.optionalTimestamp("latest_comment_added_at", story.latestCommentAt)
        writer.key("reply_time_in_minutes")
        writer.minutes(since: draft.created, until: story.firstReplyAt, schedule: story.schedule)
        writer.key("first_resolution_time_in_minutes")
        writer.minutes(since: draft.created, until: solved ? story.firstSolvedAt : nil, schedule: story.schedule)
        writer.key("full_resolution_time_in_minutes")
        writer.minutes(since: draft.created, until: solved ? story.solvedAt : nil, schedule: story.schedule)
        writer.key("agent_wait_time_in_minutes")
        writer.minutes(story.agentWait)
        writer.key("requester_wait_time_in_minutes")
        writer.minutes(story.requesterWait)
        writer.key("on_hold_time_in_minutes")
        writer.minutes(story.onHold)
        writer.optionalTimestamp("custom_status_updated_at", story.statusUpdatedAt)
        writer.endObject()
    }
}

extension JSONByteWriter {
    mutating func optionalTimestamp(_ name: StaticString, _ instant: Int64?) {
        key(name)
        if let instant { timestamp(instant) } else { null() }
    }

    /// `{"calendar":m,"business":m}` in whole minutes (rounded half up).
    mutating func minutes(_ duration: DualDuration) {
        beginObject()
        key("calendar")
        int((duration.calendar + 30) / 60)
        key("business")
        int((duration.business + 30) / 60)
        endObject()
    }

    /// The minutes from `start` to `end`, or `{"calendar":null,"business":null}` without an end.
    mutating func minutes(since start: Int64, until end: Int64?, schedule: BusinessCalendar) {
        guard let end else {
            beginObject()
            key("calendar")
            null()
            key("business")
            null()
            return endObject()
        }
        minutes(DualDuration(from: start, to: end, schedule: schedule))
    }

    mutating func ratingComment(_ rating: RatingDraft) {
        switch (rating.score, rating.comment) {
        case (.good, let comment?): string(Vocabulary.goodComments[comment])
        case (.bad, let comment?): string(Vocabulary.badComments[comment])
        default: null()
        }
    }
}

extension RatingDraft.Score {
    var name: StaticString {
        switch self {
        case .offered: "offered"
        case .good: "good"
        case .bad: "bad"
        }
    }
}
