/// Deciding one target's status and attribution time for one ticket (the KPI contract v1).
///
/// `decide` makes every decision; `reason` words it. Reports that only count outcomes call
/// `decide` alone, so they never build the reason strings `explain` shows.
extension CompiledTarget {
    /// The target's outcome for a ticket as of an instant.
    func outcome(for ticket: SLATicket, asOf: Int64) -> SLATargetOutcome {
        let decision = decide(SLAMeasures(ticket), asOf: asOf)
        return SLATargetOutcome(
            metric: metricName, priority: priority, targetMinutes: minutes, businessHours: businessHours,
            measuredMinutes: decision.measured, status: decision.status, attributedAt: decision.attributedAt,
            reason: reason(decision, ticket: ticket, asOf: asOf))
    }

    /// Which rule decided, with what the reason needs.
    enum Rule {
        case needsAudits, unsupported
        case settled(measured: Double, achieved: Bool)
        case solvedWithoutMetricSet, solvedWithoutReply, solvedUnmeasured
        case pausableUnsolved, businessPending
        case pastTarget(ageSeconds: Double), withinTarget(ageSeconds: Double)
    }

    struct Decision {
        var status: SLAStatus
        var measured: Double?
        var attributedAt: Int64?
        var rule: Rule

        static func unmeasured(_ rule: Rule) -> Decision {
            Decision(status: .unmeasured, measured: nil, attributedAt: nil, rule: rule)
        }
    }

    func decide(_ ticket: SLAMeasures, asOf: Int64) -> Decision {
        if metric.needsAudits { return .unmeasured(.needsAudits) }
        if metric == .unsupported { return .unmeasured(.unsupported) }
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
    private func settled(_ measured: Double, _ ticket: SLAMeasures) -> Decision {
        let achieved = measured <= minutes
        let attributedAt: Int64? =
            if !achieved && !businessHours && metric.isNonPausable {
                Minutes.offset(ticket.createdAt, by: minutes)
            } else {
                completionTime(ticket)
            }
        return Decision(
            status: achieved ? .achieved : .breached, measured: measured, attributedAt: attributedAt,
            rule: .settled(measured: measured, achieved: achieved))
    }

    /// Rule: a first reply target on a solved ticket with no reply (no reply time on the
    /// target's clock, replies 0 or unknown) is achieved — the solve fulfils it — at `solved_at`.
    /// Choice: any other solved ticket without the measurement is `unmeasured` (a solved ticket
    /// cannot be `active`, and deskstat cannot tell achieved from breached).
    /// Choice: a solved ticket without a metric set is `unmeasured` for every target — without
    /// Zendesk's counters "no reply" cannot be told from "reply not known".
    private func solvedUnmeasured(_ ticket: SLAMeasures) -> Decision {
        guard ticket.hasMetrics else { return .unmeasured(.solvedWithoutMetricSet) }
        if metric == .firstReplyTime && (ticket.replies ?? 0) == 0 {
            return Decision(status: .achieved, measured: nil, attributedAt: ticket.solvedAt, rule: .solvedWithoutReply)
        }
        return .unmeasured(.solvedUnmeasured)
    }

    /// Rule: an unsolved ticket's calendar first reply / total resolution target with nothing
    /// measured is breached once as-of − created > target·60 (exactly at the target is still
    /// active), attributed at creation + target. Everything else unsolved is active, with no
    /// attribution time.
    private func unsolved(_ ticket: SLAMeasures, asOf: Int64, measured: Double?) -> Decision {
        guard metric.isNonPausable else {
            return Decision(status: .active, measured: measured, attributedAt: nil, rule: .pausableUnsolved)
        }
        guard !businessHours else {
            return Decision(status: .active, measured: nil, attributedAt: nil, rule: .businessPending)
        }
        let ageSeconds = Double(asOf) - Double(ticket.createdAt)
        if ageSeconds > minutes * 60 {
            return Decision(
                status: .breached, measured: nil, attributedAt: Minutes.offset(ticket.createdAt, by: minutes),
                rule: .pastTarget(ageSeconds: ageSeconds))
        }
        return Decision(status: .active, measured: nil, attributedAt: nil, rule: .withinTarget(ageSeconds: ageSeconds))
    }

    /// The one short sentence `explain` shows for a decision.
    func reason(_ decision: Decision, ticket: SLATicket, asOf: Int64) -> String {
        switch decision.rule {
        case .needsAudits:
            return "\(metricName) needs ticket audits, which deskstat does not read yet"
        case .unsupported:
            return "metric '\(metricName)' is not supported"
        case .settled(let measured, let achieved):
            let comparison = achieved ? "≤" : ">"
            return "\(metric.measuredPhrase) \(Minutes.text(measured)) \(unit) \(comparison) \(targetText)"
        case .solvedWithoutMetricSet:
            return "solved, but the ticket has no metric set"
        case .solvedWithoutReply:
            return "solved without a public reply; the solve fulfils the first reply target"
        case .solvedUnmeasured:
            let clock = businessHours ? "business hours" : "calendar"
            return "solved, but Zendesk recorded no \(metric.measurementName) (\(clock))"
        case .pausableUnsolved:
            return "not solved yet; \(metric.measurementName) is final when the ticket is solved"
        case .businessPending:
            return "\(metric.pendingPhrase); business minutes are known only once Zendesk measures them"
        case .pastTarget(let ageSeconds):
            let ageText = Minutes.text(max(0, ageSeconds) / 60)
            return "\(metric.pendingPhrase) and \(ageText) min since creation > \(targetText)"
        case .withinTarget(let ageSeconds):
            let ageText = Minutes.text(max(0, ageSeconds) / 60)
            return "\(metric.pendingPhrase); \(ageText) of \(Minutes.text(minutes)) min elapsed"
        }
    }

    /// Rule: the completion time — creation + measured calendar minutes for first reply and
    /// total resolution (`solved_at` when only the business measurement exists, else none), and
    /// `solved_at` for requester wait and agent work time.
    private func completionTime(_ ticket: SLAMeasures) -> Int64? {
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
