import FakeZendesk
import Testing

/// The generated account and how `mutate` stamps changes.
@Suite struct AccountTests {
    @Test func generatedAccountIsConsistentAndRepeatable() {
        let account = FakeAccount.generated(tickets: 30, seed: 11, start: testStart)
        #expect(account == FakeAccount.generated(tickets: 30, seed: 11, start: testStart))
        #expect(account != FakeAccount.generated(tickets: 30, seed: 12, start: testStart))
        #expect(account.tickets.count == 30)
        let deleted = account.tickets.filter(\.isDeleted)
        #expect(deleted.count == 2)
        #expect(deleted.allSatisfy { $0.metricSet == nil && account.audits[$0.id] == nil })
        let live = account.tickets.filter { !$0.isDeleted }
        #expect(live.allSatisfy { $0.metricSet?.ticketID == $0.id })
        #expect(live.allSatisfy { account.audits[$0.id]?.first?.events.first?.isComment == true })
        #expect(live.allSatisfy { $0.generatedTimestamp >= $0.updatedAt && $0.updatedAt >= $0.createdAt })
        #expect(account.slaPolicies.count == 3)
        #expect(!account.satisfactionRatings.isEmpty)
        let userIDs = Set(account.users.map(\.id))
        #expect(account.tickets.allSatisfy { userIDs.contains($0.requesterID) })
        #expect(account.satisfactionRatings.allSatisfy { account.ticket($0.ticketID)?.satisfactionRating?.id == $0.id })
        let tagged = live.filter { $0.tags.contains("vip") }.count
        #expect(account.tags.first { $0.name == "vip" }?.count == Int64(tagged))
        #expect(account.now > account.latestTimestamp)
    }

    @Test func mutateStampsLikeAnAgentUpdate() async {
        let server = FakeZendeskServer(
            account: .generated(tickets: 6, seed: 2, start: testStart), credentials: testCredentials)
        let before = await server.account
        await server.mutate { account in
            account.updateTicket(1001) { $0.priority = "urgent" }
            account.addComment(toTicket: 1003, authorID: 5002, body: "Any news?")
            account.users[0].name = "Ana Renamed"
        }
        let after = await server.account
        let tick = max(before.now, before.latestTimestamp) + 1
        #expect(after.ticket(1001)?.generatedTimestamp == tick)
        #expect(after.ticket(1001)?.updatedAt == tick)
        #expect(after.ticket(1003)?.updatedAt == tick)
        #expect(after.audits[1003]?.last?.createdAt == tick)
        #expect(after.users[0].updatedAt == tick)
        #expect(after.ticket(1005) == before.ticket(1005))
        #expect(after.now == tick)
    }

    @Test func systemUpdatesMoveOnlyGeneratedTimestamp() async {
        let server = FakeZendeskServer(
            account: .generated(tickets: 6, seed: 2, start: testStart), credentials: testCredentials)
        let before = await server.account
        await server.mutate(stamping: .systemUpdate) { $0.updateTicket(1001) { $0.tags.append("auto_closed") } }
        let after = await server.account
        #expect(after.ticket(1001)?.updatedAt == before.ticket(1001)?.updatedAt)
        #expect((after.ticket(1001)?.generatedTimestamp ?? 0) > before.latestTimestamp)
    }

    @Test func noStampingKeepsTheClosuresTimestamps() async {
        let server = FakeZendeskServer(
            account: .generated(tickets: 6, seed: 2, start: testStart), credentials: testCredentials)
        await server.mutate(stamping: .none) { $0.updateTicket(1001) { $0.generatedTimestamp = 42 } }
        #expect(await server.account.ticket(1001)?.generatedTimestamp == 42)
    }
}

/// `mutate` takes a plain closure: it may capture the test's local values.
@Suite struct MutateClosureTests {
    @Test func closureMayCaptureLocalState() async {
        let server = FakeZendeskServer(
            account: .generated(tickets: 4, seed: 2, start: testStart), credentials: testCredentials)
        var newSubjects = ["First", "Second"]
        newSubjects.append("Third")
        let subjects = newSubjects
        await server.mutate { account in
            for (index, subject) in subjects.enumerated() where index < account.tickets.count {
                account.tickets[index].subject = subject
            }
        }
        #expect(await server.account.tickets.prefix(3).map(\.subject) == ["First", "Second", "Third"])
    }
}
