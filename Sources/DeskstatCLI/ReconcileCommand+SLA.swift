import ArgumentParser
import DeskstatEngine
import DeskstatSLA
import DeskstatTime
import DeskstatTimeline
import Foundation

/// `deskstat reconcile --format`.
enum ReconcileFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ReconcileCommand {
    /// The `--sla` text: totals, agreement rate, then one row per differing instance.
    static func render(_ result: SLAReconcileResult) -> String {
        guard !result.tickets.isEmpty else {
            return "No ticket has both ticket metric events and a cached history (ticket events or audits).\n"
        }
        let agreeing = result.compared - result.differing
        let tickets = result.tickets.count == 1 ? "1 ticket" : "\(result.tickets.count) tickets"
        var out = "\(tickets) with metric events and a history: \(result.compared) SLA instances, "
        out += "\(agreeing) agree"
        if let rate = result.agreementRate { out += " (\(String(format: "%.1f", rate * 100))%)" }
        out += ", \(result.differing) differ\n"
        let rows = result.tickets.flatMap { ticket in ticket.differences.map { (ticket.ticketID, $0) } }
        guard !rows.isEmpty else { return out }
        out += "\nticket  metric                 #   recorded   evaluated  cause            reason\n"
        for (ticket, difference) in rows {
            out += String(ticket).padding(toLength: 8, withPad: " ", startingAt: 0)
            out += difference.metric.padding(toLength: 23, withPad: " ", startingAt: 0)
            out += String(difference.instance).padding(toLength: 4, withPad: " ", startingAt: 0)
            out += (difference.recorded?.status.rawValue ?? "–").padding(toLength: 11, withPad: " ", startingAt: 0)
            out += (difference.evaluated?.status.rawValue ?? "–").padding(toLength: 11, withPad: " ", startingAt: 0)
            out += difference.cause.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)
            out += difference.reason + "\n"
        }
        return out
    }
}

/// `reconcile --format json` (first reply / full resolution): one object per ticket.
struct ReconcileJSON: Encodable {
    struct Check: Encodable {
        var metric: String
        var zendeskMinutes: Double?
        var timelineMinutes: Double?
        var reason: String?
    }
    var ticketID: Int64
    var agrees: Bool
    var checks: [Check]

    init(_ result: Reconciliation) {
        ticketID = result.ticketID
        agrees = result.agrees
        checks = result.checks.map {
            Check(
                metric: $0.metric, zendeskMinutes: $0.zendeskMinutes, timelineMinutes: $0.timelineMinutes,
                reason: $0.reason)
        }
    }
}

/// `reconcile --sla --format json`: totals and every differing instance.
struct SLAReconcileJSON: Encodable {
    struct Side: Encodable {
        var policyID: Int64
        var policyTitle: String
        var targetMinutes: Double
        var businessHours: Bool
        var status: String
        /// Achieved: the fulfilment; breached: the breach (ISO 8601, UTC).
        var completedAt: String?

        init(_ instance: SLAInstance) {
            policyID = instance.policyID
            policyTitle = instance.policyTitle
            targetMinutes = instance.targetMinutes
            businessHours = instance.businessHours
            status = instance.status.rawValue
            completedAt = instance.completedAt.map(InstantFormat.iso)
        }
    }
    struct Difference: Encodable {
        var ticketID: Int64
        var metric: String
        var instance: Int64
        var cause: String
        var reason: String
        var recorded: Side?
        var evaluated: Side?
    }
    var tickets: Int
    var compared: Int
    var agreeing: Int
    var agreementRate: Double?
    var differences: [Difference]

    init(_ result: SLAReconcileResult) {
        tickets = result.tickets.count
        compared = result.compared
        agreeing = result.compared - result.differing
        agreementRate = result.agreementRate.map { ($0 * 10_000).rounded() / 10_000 }
        differences = result.tickets.flatMap { ticket in
            ticket.differences.map {
                Difference(
                    ticketID: ticket.ticketID, metric: $0.metric, instance: $0.instance, cause: $0.cause.rawValue,
                    reason: $0.reason, recorded: $0.recorded.map(Side.init), evaluated: $0.evaluated.map(Side.init))
            }
        }
    }
}
