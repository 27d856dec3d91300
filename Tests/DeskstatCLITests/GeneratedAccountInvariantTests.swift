import Foundation
import Testing

/// The generated account, once imported, is consistent in the cache's own terms.
@Suite struct GeneratedAccountInvariantTests {
    @Test func importedDemoAccountKeepsItsInvariants() throws {
        let directory = try makeScratchDirectory()
        let cache = directory + "/demo.sqlite"
        let demo = try BinaryRunner.run([
            "demo", "--tickets", "800", "--end", "2026-11-30", "--cache", cache, "--format", "json",
        ])
        #expect(demo.status == 0, "\(demo.stderr)")
        let checks: [(String, String)] = [
            (
                "solved tickets without solved_at",
                "SELECT COUNT(*) AS n FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.status IN ('solved','closed') AND m.solved_at IS NULL"
            ),
            (
                "full resolution shorter than first resolution",
                "SELECT COUNT(*) AS n FROM ticket_metrics WHERE full_resolution_time_in_minutes_calendar < first_resolution_time_in_minutes_calendar"
            ),
            (
                "business minutes above calendar minutes",
                "SELECT COUNT(*) AS n FROM ticket_metrics WHERE reply_time_in_minutes_business > reply_time_in_minutes_calendar OR full_resolution_time_in_minutes_business > full_resolution_time_in_minutes_calendar"
            ),
            (
                "ratings on unsolved tickets",
                "SELECT COUNT(*) AS n FROM satisfaction_ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.status NOT IN ('solved','closed')"
            ),
            (
                "unsolved tickets with a solve time",
                "SELECT COUNT(*) AS n FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.status IN ('new','open','pending','hold') AND m.solved_at IS NOT NULL"
            ),
            (
                "tickets referring to unknown groups",
                "SELECT COUNT(*) AS n FROM tickets WHERE group_id IS NOT NULL AND group_id NOT IN (SELECT id FROM groups)"
            ),
            (
                "tickets without history (ticket events)",
                "SELECT COUNT(*) AS n FROM tickets WHERE id NOT IN (SELECT ticket_id FROM ticket_audits)"
            ),
            (
                "comments by unknown users",
                "SELECT COUNT(*) AS n FROM ticket_comments WHERE author_id NOT IN (SELECT id FROM users)"
            ),
            (
                "public comments by end users other than the requester",
                "SELECT COUNT(*) AS n FROM ticket_comments c JOIN users u ON u.id = c.author_id JOIN tickets t ON t.id = c.ticket_id WHERE u.role = 'end-user' AND c.author_id != t.requester_id"
            ),
            (
                "deleted tickets with metrics",
                "SELECT COUNT(*) AS n FROM tickets t JOIN ticket_metrics m ON m.ticket_id = t.id WHERE t.deleted = 1"
            ),
        ]
        for (what, sql) in checks {
            let result = try BinaryRunner.run(["query", "--cache", cache, sql, "--format", "csv"])
            #expect(result.stdout == "n\n0\n", "\(what): \(result.stdout) \(result.stderr)")
        }
        let deleted = try BinaryRunner.run([
            "query", "--cache", cache, "SELECT COUNT(*) AS n FROM tickets WHERE deleted = 1", "--format", "csv",
        ])
        #expect(deleted.stdout != "n\n0\n", "the demo has deleted tickets")

        // The generated history and the metric sets tell one story: every live ticket's first reply
        // and full resolution by the timeline agree with Zendesk's values (784 live of 800).
        let reconciled = try BinaryRunner.run(["reconcile", "--cache", cache, "--as-of", "2026-11-30T00:00:00Z"])
        #expect(reconciled.status == 0, "\(reconciled.stderr)")
        #expect(reconciled.stdout == "784 tickets with a history and a metric set: 784 agree (100.0%)\n")
    }
}
