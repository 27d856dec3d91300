import Foundation
import Testing

/// Every id a record mentions names a record that exists, and SLA policies match real tickets.
@Suite struct ReferenceTests {
    let account = GeneratedAccount.standard

    var userIDs: Set<Int64> { Set(account.users.compactMap { $0.int("id") }) }
    var agentIDs: Set<Int64> {
        Set(account.users.filter { $0.string("role") != "end-user" }.compactMap { $0.int("id") })
    }
    var liveGroupIDs: Set<Int64> {
        Set(account.records("groups").filter { $0.bool("deleted") == false }.compactMap { $0.int("id") })
    }

    @Test func idsAreUniqueWithinEachTable() {
        for table in [
            "tickets", "users", "organizations", "groups", "group_memberships", "satisfaction_ratings",
            "ticket_fields", "ticket_forms", "macros", "sla_policies",
        ] {
            let records = account.records(table)
            #expect(!records.isEmpty, "\(table) is empty")
            #expect(Set(records.compactMap { $0.int("id") }).count == records.count, "\(table)")
        }
    }

    @Test func ticketsReferToExistingPeopleGroupsFormsAndFields() throws {
        let users = userIDs
        let agents = agentIDs
        let organizations = account.ids("organizations")
        let forms = account.ids("ticket_forms")
        let fields = account.ids("ticket_fields")
        let groups = liveGroupIDs
        let endUsers = Dictionary(
            uniqueKeysWithValues: account.users.map { ($0.int("id") ?? -1, $0) })
        for ticket in account.tickets {
            let requester = try #require(endUsers[ticket.int("requester_id") ?? -1])
            #expect(requester.string("role") == "end-user")
            #expect((requester.time("created_at") ?? .max) <= (ticket.time("created_at") ?? .min))
            #expect(users.contains(ticket.int("submitter_id") ?? -1))
            if let assignee = ticket.int("assignee_id") { #expect(agents.contains(assignee)) }
            #expect(groups.contains(ticket.int("group_id") ?? -1))
            if let organization = ticket.int("organization_id") {
                #expect(organizations.contains(organization))
                #expect(requester.int("organization_id") == organization)
            } else {
                #expect(requester.isNull("organization_id"))
            }
            for key in ["collaborator_ids", "email_cc_ids"] {
                for id in ticket[key] as? [NSNumber] ?? [] { #expect(users.contains(id.int64Value)) }
            }
            for id in ticket["follower_ids"] as? [NSNumber] ?? [] { #expect(agents.contains(id.int64Value)) }
            #expect(forms.contains(ticket.int("ticket_form_id") ?? -1))
            for field in ticket.objects("custom_fields") { #expect(fields.contains(field.int("id") ?? -1)) }
            #expect(ticket.int("brand_id") != nil)
        }
        #expect(Set(account.tickets.compactMap { $0.int("brand_id") }).count == 2)
    }

    @Test func incidentsPointAtProblemsThatKnowIt() throws {
        let tickets = Dictionary(uniqueKeysWithValues: account.tickets.map { ($0.int("id") ?? -1, $0) })
        var referenced: Set<Int64> = []
        for ticket in account.tickets {
            guard let problemID = ticket.int("problem_id") else { continue }
            #expect(ticket.string("type") == "incident")
            let problem = try #require(tickets[problemID])
            #expect(problem.string("type") == "problem" && problem.bool("has_incidents") == true)
            #expect(problemID < (ticket.int("id") ?? -1))
            referenced.insert(problemID)
        }
        let withIncidents = account.tickets.filter { $0.bool("has_incidents") == true }.compactMap { $0.int("id") }
        #expect(Set(withIncidents) == referenced)
        #expect(!referenced.isEmpty)
    }

    @Test func metricSetsRatingsAndMembershipsReferToExistingRecords() {
        let tickets = account.ids("tickets")
        let users = userIDs
        let groups = account.ids("groups")
        for metric in account.metricSets { #expect(tickets.contains(metric.int("ticket_id") ?? -1)) }
        for rating in account.ratings {
            #expect(tickets.contains(rating.int("ticket_id") ?? -1))
            #expect(users.contains(rating.int("requester_id") ?? -1))
            #expect(agentIDs.contains(rating.int("assignee_id") ?? -1))
            #expect(liveGroupIDs.contains(rating.int("group_id") ?? -1))
        }
        for membership in account.records("group_memberships") {
            #expect(agentIDs.contains(membership.int("user_id") ?? -1))
            #expect(groups.contains(membership.int("group_id") ?? -1))
        }
        for user in account.users {
            if let group = user.int("default_group_id") { #expect(groups.contains(group)) }
            if let organization = user.int("organization_id") {
                #expect(account.ids("organizations").contains(organization))
            }
        }
        for organization in account.records("organizations") {
            if let group = organization.int("group_id") { #expect(groups.contains(group)) }
        }
        for form in account.records("ticket_forms") {
            for id in form["ticket_field_ids"] as? [NSNumber] ?? [] {
                #expect(account.ids("ticket_fields").contains(id.int64Value))
            }
        }
        for macro in account.records("macros") {
            if let restriction = macro.object("restriction") { #expect(groups.contains(restriction.int("id") ?? -1)) }
        }
    }

    @Test func everyAgentHasADefaultMembershipAndEveryLiveGroupHasAgents() {
        let memberships = account.records("group_memberships")
        for agent in agentIDs {
            let own = memberships.filter { $0.int("user_id") == agent }
            #expect(own.filter { $0.bool("default") == true }.count == 1)
        }
        #expect(Set(memberships.compactMap { $0.int("group_id") }) == liveGroupIDs)
    }

    @Test func slaFiltersOnlyUseValuesTicketsCarry() throws {
        let live = account.tickets.filter { $0.string("status") != "deleted" }
        let carried: [String: Set<String>] = [
            "priority": Set(live.compactMap { $0.string("priority") }),
            "type": Set(live.compactMap { $0.string("type") }),
            "group_id": Set(live.compactMap { $0.int("group_id") }.map(String.init)),
            "current_tags": Set(live.flatMap { $0["tags"] as? [String] ?? [] }),
        ]
        let policies = account.records("sla_policies")
        #expect(policies.count == 3)
        #expect(policies.compactMap { $0.int("position") }.sorted() == [1, 2, 3])
        for policy in policies {
            let filter = try #require(policy.object("filter"))
            let conditions = filter.objects("all") + filter.objects("any")
            #expect(!conditions.isEmpty)
            for condition in conditions {
                let field = condition.string("field") ?? ""
                let values = try #require(carried[field], "unexpected SLA field \(field)")
                for value in Self.values(of: condition["value"], splittingTags: field == "current_tags") {
                    #expect(values.contains(value), "\(field) \(value) never occurs on a ticket")
                }
            }
            let metrics = policy.objects("policy_metrics")
            #expect(metrics.count == 20)
            for metric in metrics {
                #expect(["low", "normal", "high", "urgent"].contains(metric.string("priority") ?? ""))
                #expect((metric.int("target") ?? 0) * 60 == metric.int("target_in_seconds"))
                #expect(metric.bool("business_hours") != nil)
            }
        }
    }

    @Test func scheduleIsBusinessHoursWithHolidays() throws {
        let schedule = try #require(account.records("schedules").first)
        let intervals = schedule.objects("intervals").map { ($0.int("start_time") ?? -1, $0.int("end_time") ?? -1) }
        #expect(intervals.map(\.0) == [1_980, 3_420, 4_860, 6_300, 7_740])
        #expect(intervals.allSatisfy { $0.1 - $0.0 == 480 })
        let holidays = schedule.objects("holidays")
        #expect(!holidays.isEmpty)
        for holiday in holidays {
            let day = try #require(ISO8601.epoch((holiday.string("start_date") ?? "") + "T00:00:00Z"))
            #expect(day >= account.start - 86_400 && day <= account.config.end)
        }
    }

    private static func values(of value: Any?, splittingTags: Bool) -> [String] {
        switch value {
        case let text as String: splittingTags ? text.split(separator: " ").map(String.init) : [text]
        case let number as NSNumber: [number.stringValue]
        case let array as [Any]: array.flatMap { values(of: $0, splittingTags: splittingTags) }
        default: []
        }
    }
}
