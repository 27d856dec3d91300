extension FakeAccount {
    /// A small, internally consistent account for tests.
    ///
    /// - Staff and configuration: 5 agents (5001 is the admin, `ana@deskstat-fake.example`; 5005 is
    ///   deleted), end users 5101… (every other one updated after `start`), 3 organizations (7001
    ///   updated after `start`, 7003 deleted), 3 groups, 5 memberships (one without `updated_at`),
    ///   6 ticket fields, 1 form, 2 macros, 3 SLA policies, a 24/7 schedule.
    /// - Tickets 1001… created an hour apart from `start`; the second and the second-to-last are
    ///   deleted (`status: "deleted"`, no metrics, audits answer 404). Every live ticket has a
    ///   metric set, audits with Comment events, and metric events; half of the solved ones are rated.
    /// - `tags` counts the live tickets' tags; `now` is a minute after the latest change.
    ///
    /// The same arguments always give the same account.
    public static func generated(tickets count: Int, seed: UInt64 = 1, start: Int64 = 1_793_000_000) -> FakeAccount {
        let setup = GeneratedSetup(start: start, endUserCount: max(3, min(20, count)))
        var built = GeneratedTickets(setup: setup, random: SeededRandom(seed: seed))
        built.generate(count: max(0, count))
        var account = FakeAccount(
            tickets: built.tickets, users: setup.agents + setup.endUsers, organizations: setup.organizations,
            groups: setup.groups, groupMemberships: setup.groupMemberships, ticketFields: setup.ticketFields,
            ticketForms: setup.ticketForms, macros: setup.macros, slaPolicies: setup.slaPolicies,
            satisfactionRatings: built.ratings, ticketMetricEvents: built.events, schedules: setup.schedules,
            audits: built.audits)
        account.recountTags()
        account.now = account.latestTimestamp + 60
        return account
    }
}
