import DeskstatGenerator
import Foundation
import Testing

/// Files, their order, and the pagination members of each envelope.
@Suite struct EnvelopeTests {
    let account = GeneratedAccount.standard

    @Test func filesComeInADocumentedOrder() {
        let fixed = account.names.filter { !$0.contains("-") }
        #expect(
            fixed == [
                "groups.json", "ticket_fields.json", "ticket_forms.json", "macros.json", "schedules.json",
                "sla_policies.json", "tags.json",
            ])
        #expect(account.names.first == "groups.json" && account.names.last == "tags.json")
        #expect(Set(account.names).count == account.names.count)
        #expect(account.names.filter { $0.hasPrefix("tickets-") }.count == 6)
        let ticketPages = account.names.filter { $0.hasPrefix("tickets-") }
        #expect(ticketPages == (1...6).map { "tickets-000\($0).json" })
    }

    @Test func everyFileIsAJSONObjectWithKnownTopLevelKeys() {
        #expect(account.bodies.count == account.names.count)
        for name in account.names {
            let body = account.bodies[name] ?? [:]
            #expect(!body.isEmpty, "\(name) did not parse")
        }
    }

    @Test func pagesNeverExceedThePageSize() {
        for table in ["tickets", "users", "organizations", "group_memberships", "satisfaction_ratings"] {
            let pages = account.pages(table)
            #expect(!pages.isEmpty)
            for page in pages {
                #expect((page[table] as? [Any])?.count ?? .max <= account.config.pageSize, "\(table)")
            }
        }
        for page in account.pages("tickets") {
            #expect(page.objects("metric_sets").count <= page.objects("tickets").count)
        }
    }

    @Test(arguments: ["tickets", "users"])
    func cursorExportsEndWithEndOfStream(table: String) {
        let pages = account.pages(table)
        #expect(pages.count > 1)
        for (index, page) in pages.enumerated() {
            let isLast = index == pages.count - 1
            #expect(page.bool("end_of_stream") == isLast)
            #expect(page.isNull("after_cursor") == isLast)
            #expect(page.isNull("after_url") == isLast)
            #expect(page.isNull("before_cursor") == (index == 0))
            if !isLast { #expect(page.string("after_url")?.contains("cursor=") == true) }
            if index > 0 {
                #expect(page.string("before_cursor") == pages[index - 1].string("after_cursor"))
            }
        }
    }

    @Test func cursorListsSayWhetherMoreFollow() {
        for table in ["satisfaction_ratings", "group_memberships", "groups", "tags", "macros"] {
            let pages = account.pages(table)
            for (index, page) in pages.enumerated() {
                let meta = page.object("meta") ?? [:]
                let links = page.object("links") ?? [:]
                let hasMore = index < pages.count - 1
                #expect(meta.bool("has_more") == hasMore, "\(table)")
                #expect(links.isNull("next") == !hasMore, "\(table)")
            }
        }
        #expect(account.pages("satisfaction_ratings").count == 2)
    }

    @Test func timeExportsAndOffsetListsCarryTheirCounts() {
        for page in account.pages("organizations") {
            #expect(page.int("count") == Int64(page.objects("organizations").count))
            #expect(page.int("end_time") != nil && page.bool("end_of_stream") == true)
        }
        for table in ["sla_policies", "ticket_fields", "ticket_forms"] {
            let page = account.pages(table).first ?? [:]
            #expect(page.int("count") == Int64(page.objects(table).count) && page.isNull("next_page"))
        }
        let tags = account.records("tags")
        let counts = tags.compactMap { $0.int("count") }
        #expect(!tags.isEmpty && counts == counts.sorted(by: >) && counts.allSatisfy { $0 > 0 })
    }

    @Test func tagCountsMatchTheLiveTickets() {
        var counts: [String: Int64] = [:]
        for ticket in account.tickets where ticket.string("status") != "deleted" {
            for tag in ticket["tags"] as? [String] ?? [] { counts[tag, default: 0] += 1 }
        }
        let listed = Dictionary(
            uniqueKeysWithValues: account.records("tags").map { ($0.string("name") ?? "", $0.int("count") ?? 0) })
        #expect(listed == counts)
    }

    @Test func accountSizeScalesWithTickets() {
        let agents = account.users.filter { $0.string("role") == "agent" }.count
        let admins = account.users.filter { $0.string("role") == "admin" }.count
        let endUsers = account.users.filter { $0.string("role") == "end-user" }.count
        #expect(agents == 8 && (2...5).contains(admins) && endUsers == 200)
        #expect((6...10).contains(account.records("groups").count))
    }

    @Test func tinyAndEmptyConfigurationsStillProduceAWellFormedAccount() {
        let empty = GeneratedAccount(config: GeneratorConfig(tickets: 0, end: 1_795_651_200, days: 1, pageSize: 0))
        #expect(empty.tickets.isEmpty)
        #expect(empty.pages("tickets").count == 1)
        #expect(empty.pages("tickets").first?.bool("end_of_stream") == true)
        #expect(empty.pages("satisfaction_ratings").count == 1)
        let tiny = GeneratedAccount(
            config: GeneratorConfig(tickets: 7, seed: 3, end: 1_795_651_200, days: 1, pageSize: 2))
        #expect(tiny.tickets.count == 7)
        #expect(tiny.pages("tickets").count == 4)
        #expect(tiny.pages("users").allSatisfy { ($0["users"] as? [Any])?.count ?? 0 <= 2 })
        for ticket in tiny.tickets {
            let created = ticket.time("created_at") ?? .min
            #expect(created >= tiny.start && (ticket.time("updated_at") ?? .max) <= tiny.config.end)
        }
    }

    @Test func anErrorFromEmitStopsGeneration() {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try AccountGenerator(config: .standard).generate { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
    }
}
