/// Deciding one target's status and attribution time for one ticket (the KPI contract v1).
extension CompiledTarget {
    /// The target's outcome for a ticket as of an instant.
    func outcome(for ticket: SLATicket, asOf: Int64) -> SLATargetOutcome {
        let judgement = judge(ticket, asOf: asOf)
        return SLATargetOutcome(
            metric: metricName, priority: priority, targetMinutes: minutes, businessHours: businessHours,
            measuredMinutes: judgement.measured, status: judgement.status, attributedAt: judgement.attributedAt,
            reason: judgement.reason)
    }

    private struct Judgement {
        var status: SLAStatus
        var measured: Double?
        var attributedAt: Int64?
        var reason: String

        static func unmeasured(_ reason: String) -> Judgement {
            Judgement(status: .unmeasured, measured: nil, attributedAt: nil, reason: reason)
        }
    }

    private func judge(_ ticket: SLATicket, asOf: Int64) -> Judgement {
        if metric.needsAudits {
            return .unmeasured("\(metricName) needs ticket audits, which deskstat does not read yet")
        }
        if metric == .unsupported { return .unmeasured("metric '\(metricName)' is not supported") }
        let solved = ticket.isSolved
        let measured = metric.measured(ticket, businessHours: businessHours)
        if let measured, solved || metric.isNonPausable { return settled(measured, ticket) }
        if solved { return solvedUnmeasured(ticket) }
        return unsolved(ticket, asOf: asOf, measured: measured)
    }

    /// Rule: a measured value on a solved ticket, or a non-pausable metric's measured value on
    /// any ticket, is achieved when ≤ target (equal is achieved), else breached.
    /// Attribution: achieved → the completion time; breached → creation + target for calendar
    /// first reply / total resolution targets, else the completion time.
    private func settled(_ measured: Double, _ ticket: SLATicket) -> Judgement {
        let achieved = measured <= minutes
        let attributedAt: Int64? =
            if !achieved && !businessHours && metric.isNonPausable {
                Minutes.offset(ticket.createdAt, by: minutes)
            } else {
                completionTime(ticket)
            }
        let comparison = achieved ? "≤" : ">"
        let reason = "\(metric.measuredPhrase) \(Minutes.text(measured)) \(unit) \(comparison) \(targetText)"
        return Judgement(
            status: achieved ? .achieved : .breached, measured: measured, attributedAt: attributedAt, reason: reason)
    }

    /// Rule: a first reply target on a solved ticket with no reply (no reply time on the
    /// target's clock, replies 0 or unknown) is achieved — the solve fulfils it — at `solved_at`.
    /// Choice: any other solved ticket without the measurement is `unmeasured` (a solved ticket
    /// cannot be `active`, and deskstat cannot tell achieved from breached).
    /// Choice: a solved ticket without a metric set is `unmeasured` for every target — without
    /// Zendesk's counters "no reply" cannot be told from "reply not known".
    private func solvedUnmeasured(_ ticket: SLATicket) -> Judgement {
        guard ticket.hasMetrics else { return .unmeasured("solved, but the ticket has no metric set") }
        if metric == .firstReplyTime && (ticket.replies ?? 0) == 0 {
            return Judgement(
                status: .achieved, measured: nil, attributedAt: ticket.solvedAt,
                reason: "solved without a public reply; the solve fulfils the first reply target")
        }
        let clock = businessHours ? "business hours" : "calendar"
        return .unmeasured("solved, but Zendesk recorded no \(metric.measurementName) (\(clock))")
    }

    /// Rule: an unsolved ticket's calendar first reply / total resolution target with nothing
    /// measured is breached once as-of − created > target·60 (exactly at the target is still
    /// active), attributed at creation + target. Everything else unsolved is active, with no
    /// attribution time.
    private func unsolved(_ ticket: SLATicket, asOf: Int64, measured: Double?) -> Judgement {
        guard metric.isNonPausable else {
            return Judgement(
                status: .active, measured: measured, attributedAt: nil,
                reason: "not solved yet; \(metric.measurementName) is final when the ticket is solved")
        }
        guard !businessHours else {
            return Judgement(
                status: .active, measured: nil, attributedAt: nil,
                reason: "\(metric.pendingPhrase); business minutes are known only once Zendesk measures them")
        }
        let ageSeconds = Double(asOf) - Double(ticket.createdAt)
        let ageText = Minutes.text(max(0, ageSeconds) / 60)
        if ageSeconds > minutes * 60 {
            return Judgement(
                status: .breached, measured: nil, attributedAt: Minutes.offset(ticket.createdAt, by: minutes),
                reason: "\(metric.pendingPhrase) and \(ageText) min since creation > \(targetText)")
        }
        return Judgement(
            status: .active, measured: nil, attributedAt: nil,
            reason: "\(metric.pendingPhrase); \(ageText) of \(Minutes.text(minutes)) min elapsed")
    }

    /// Rule: the completion time — creation + measured calendar minutes for first reply and
    /// total resolution (`solved_at` when only the business measurement exists, else none), and
    /// `solved_at` for requester wait and agent work time.
    private func completionTime(_ ticket: SLATicket) -> Int64? {
        let clocked: Clocked
        switch metric {
        case .firstReplyTime: clocked = ticket.replyTime
        case .totalResolutionTime: clocked = ticket.fullResolution
        default: return ticket.solvedAt
        }
        if let calendar = clocked.calendar { return Minutes.offset(ticket.createdAt, by: calendar) }
        return clocked.business == nil ? nil : ticket.solvedAt
    }
}
