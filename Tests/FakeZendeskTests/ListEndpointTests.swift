import FakeZendesk
import Testing

/// List endpoints: cursor pagination, offset pagination, one-page lists and their envelopes.
@Suite struct ListEndpointTests {
    @Test func cursorListFollowsLinksNext() async throws {
        try await withServer { _, client async throws in
            var ids: [Int64] = []
            var target: String? = "/api/v2/group_memberships.json?page%5Bsize%5D=2"
            var pages = 0
            while let current = target {
                let page = try await client.get(current).json()
                ids += page.ids("group_memberships")
                pages += 1
                let meta = try #require(page.object("meta"))
                let next = page.object("links")?.string("next")
                #expect((meta.bool("has_more") == true) == (next != nil))
                target = next
            }
            #expect(pages == 3)
            #expect(ids == [361_001, 361_002, 361_003, 361_004, 361_005])
        }
    }

    @Test func cursorListResumesWithPageAfter() async throws {
        try await withServer { _, client async throws in
            let first = try await client.get("/api/v2/ticket_fields.json?page%5Bsize%5D=4").json()
            let after = try #require(first.object("meta")?.string("after_cursor"))
            let second = try await client.get(
                "/api/v2/ticket_fields.json?page%5Bsize%5D=4&page%5Bafter%5D=\(encoded(after))"
            )
            .json()
            #expect(
                first.ids("ticket_fields") + second.ids("ticket_fields") == [
                    800_001, 800_002, 800_003, 800_004, 900_001, 900_002,
                ])
            #expect(second.object("meta")?.bool("has_more") == false)
            #expect(second.object("links")?.isNull("next") == true)
        }
    }

    @Test func pageSizeAbove100IsRefused() async throws {
        try await withServer { _, client async throws in
            #expect(try await client.get("/api/v2/groups.json?page%5Bsize%5D=101").status == 400)
        }
    }

    @Test func withoutPageParametersListsUseOffsetPagination() async throws {
        try await withServer { _, client async throws in
            let first = try await client.get("/api/v2/groups.json?per_page=2").json()
            #expect(first.ids("groups") == [360_001, 360_002])
            #expect(first.int("count") == 3)
            #expect(first.isNull("previous_page"))
            let second = try await client.get(try #require(first.string("next_page"))).json()
            #expect(second.ids("groups") == [360_003])
            #expect(second.isNull("next_page"))
        }
    }

    @Test func onePageListsHaveTheirRealEnvelopes() async throws {
        try await withServer { _, client async throws in
            let forms = try await client.get("/api/v2/ticket_forms.json").json()
            #expect(Set(forms.raw.keys) == ["ticket_forms", "next_page", "previous_page", "count"])
            let policies = try await client.get("/api/v2/slas/policies.json?page%5Bsize%5D=100").json()
            #expect(policies.ids("sla_policies") == [8102, 8103, 8101])
            #expect(policies.int("count") == 3)
            #expect(policies.isNull("next_page"))
            let policy = try #require(policies.list("sla_policies").first)
            #expect(policy.object("filter")?.list("all").first?.string("field") == "current_tags")
            let schedules = try await client.get("/api/v2/business_hours/schedules.json").json()
            #expect(Set(schedules.raw.keys) == ["schedules"])
            #expect(schedules.list("schedules").first?.list("intervals").count == 7)
        }
    }

    @Test func tagsListsNamesAndCounts() async throws {
        let account = FakeAccount.generated(tickets: 24, seed: 7, start: testStart)
        try await withServer(account) { _, client async throws in
            let page = try await client.get("/api/v2/tags.json?page%5Bsize%5D=100").json()
            let tags = page.list("tags")
            #expect(Set(tags.compactMap { $0.string("name") }) == Set(account.tags.map(\.name)))
            let counts = tags.compactMap { $0.int("count") }
            #expect(counts == counts.sorted(by: >))
            #expect(tags.allSatisfy { Set($0.raw.keys) == ["name", "count"] })
        }
    }

    @Test func ratingsAreFilteredByStartTime() async throws {
        let account = FakeAccount.generated(tickets: 24, seed: 7, start: testStart)
        let ratings = account.satisfactionRatings.sorted { $0.id < $1.id }
        let pivot = try #require(ratings.map(\.updatedAt).sorted().dropFirst(ratings.count / 2).first)
        try await withServer(account) { _, client async throws in
            let page = try await client.get("/api/v2/satisfaction_ratings.json?start_time=\(pivot)&page%5Bsize%5D=100")
                .json()
            #expect(page.ids("satisfaction_ratings") == ratings.filter { $0.updatedAt >= pivot }.map(\.id))
            #expect(page.object("meta")?.bool("has_more") == false)
        }
    }

    @Test func usersMeIsTheTokensUser() async throws {
        try await withServer { _, client async throws in
            let body = try await client.get("/api/v2/users/me.json").json()
            let user = try #require(body.object("user"))
            #expect(user.int("id") == 5001)
            #expect(user.string("email") == "ana@deskstat-fake.example")
            #expect(user.string("role") == "admin")
        }
    }

    @Test func unknownPathsAnswer404() async throws {
        try await withServer { _, client async throws in
            let response = try await client.get("/api/v2/nonsense.json")
            #expect(response.status == 404)
            #expect(try response.json().string("error") == "InvalidEndpoint")
        }
    }
}
