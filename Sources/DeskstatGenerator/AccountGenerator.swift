/// Generates a seeded, internally consistent Zendesk Support account as API-shaped JSON
/// response bodies — the demo data and the load test of deskstat.
///
/// ## The account
/// For `tickets` = T over `days` of history ending at `end`:
/// - **Groups** (`groups.json`): Support (default), Billing, Tier 2, Technical, Onboarding,
///   Enterprise, Returns, and a deleted "Escalations (old)" that nothing uses.
/// - **Organizations** (`organizations-NNNN.json`, time-based export): about one per 40
///   end-users (5…2,500); roughly 8% are VIP (tagged `vip`, routed to Enterprise).
/// - **Users** (`users-NNNN.json`, cursor incremental export): agents (one per 400 tickets,
///   at least 8; some hired during the year), 2–5 admins, then end-users (one per 3 tickets,
///   12…100,000; a third exist from the start, the rest sign up over the year; ~60% belong to an
///   organization).
/// - **Group memberships** (`group_memberships-NNNN.json`): every agent in a default group,
///   some in one or two more; admins in Support.
/// - **Configuration**: `ticket_fields.json` (system fields; a "Product" dropdown, an
///   "Escalated to engineering" checkbox, an "Affected modules" multiselect, an "Order number"
///   text field, one inactive field), `ticket_forms.json` (default, bug report, billing),
///   `macros.json`, `schedules.json` (one "Support hours" schedule, Mon–Fri 09:00–17:00 UTC,
///   with the holidays inside the history) and `sla_policies.json` (VIP customers; Tier 2
///   incidents and problems; Standard support — filters only on values tickets really carry).
/// - **Tickets** (`tickets-NNNN.json`, cursor incremental export with `metric_sets`
///   side-loaded): exactly T tickets, ids 1…T in creation order. Arrivals follow weekdays,
///   office hours, holidays and slow growth. Each ticket lives a plausible life — assignment,
///   replies and waits, occasional holds, Tier 2 escalations, stalls and reopens, a solve, the
///   automatic close four days later — cut off at `end`, so old tickets are mostly closed and
///   recent ones often open. About 1.5% are deleted (no metric set), about 0.8% are closed by
///   merge, some incidents are attached to problems. Metric durations are measured on the
///   calendar and on the schedule, so business minutes never exceed calendar minutes.
/// - **Metric events** (`ticket_metric_events-NNNN.json`, one page per ticket page): the SLA
///   clocks of each ticket's story.
/// - **Ticket history** (`ticket_events-NNNN.json`, time-based incremental ticket event export
///   with comment events; unless `eventsPerTicket` is 0): each ticket's story as audits —
///   creation, assignment, replies, status changes, reopens, survey, close, merge, deletion — plus
///   private notes to about `eventsPerTicket` events a ticket, ordered by time across tickets and
///   consistent with the ticket and its metric set (`TicketHistory`).
/// - **Satisfaction ratings** (`satisfaction_ratings-NNNN.json`, cursor list): a third of solved
///   tickets are surveyed about a day after the solve; most answer good, some bad, the rest stay
///   offered.
/// - **Tags** (`tags.json`): every tag used on live tickets, with its count.
///
/// Files come in this order: groups, organizations, users, group memberships, ticket fields,
/// ticket forms, macros, schedules, SLA policies, tickets (each page followed by its metric
/// events and the event pages it completes, rating pages interleaved as they fill), the last event
/// page, the last rating page, tags. Paged tables hold at most `pageSize` records per page; the
/// small configuration tables are single responses, as the API returns them.
///
/// ## Guarantees
/// The same configuration gives byte-identical output on every platform: randomness comes from
/// a seeded SplitMix64 keyed per entity, numbers and dates are formatted by hand, and nothing
/// reads the clock. Tickets are produced one page at a time, so a million tickets never sit in
/// memory together.
public struct AccountGenerator: Sendable {
    /// The configuration this generator was made with.
    public let config: GeneratorConfig

    /// A generator for `config`.
    public init(config: GeneratorConfig) {
        self.config = config
    }

    /// Calls `emit` once per file, in a deterministic order, never holding more than one page of
    /// tickets. An error thrown by `emit` stops generation and is rethrown.
    public func generate(_ emit: (GeneratedFile) throws -> Void) rethrows {
        let account = Account(config: config)
        try emit(GeneratedFile(name: "groups.json", bytes: SupportGroup.writeList(account)))
        try PeopleExports(account: account).emit(emit)
        try emit(GeneratedFile(name: "ticket_fields.json", bytes: FieldKind.writeList(account)))
        try emit(GeneratedFile(name: "ticket_forms.json", bytes: FormKind.writeList(account)))
        try emit(GeneratedFile(name: "macros.json", bytes: Macros.writeList(account)))
        try emit(GeneratedFile(name: "schedules.json", bytes: account.calendar.writeList(account)))
        try emit(GeneratedFile(name: "sla_policies.json", bytes: SLAPolicies.writeList(account)))
        let tags = try TicketExport(account: account).emit(emit)
        try emit(GeneratedFile(name: "tags.json", bytes: tags.writeList()))
    }
}
