import Foundation
import Testing

/// Loose checks that the account looks like a real support operation.
@Suite struct RealismTests {
    let account = GeneratedAccount.standard

    func share(_ predicate: (GeneratedAccount.Record) -> Bool) -> Double {
        Double(account.tickets.filter(predicate).count) / Double(account.tickets.count)
    }

    @Test func mixOfStatusesTypesPrioritiesAndChannels() {
        #expect((0.003...0.04).contains(share { $0.string("status") == "deleted" }))
        #expect((0.03...0.2).contains(share { $0.isNull("priority") }))
        #expect((0.05...0.3).contains(share { $0.isNull("type") }))
        #expect((0.05...0.3).contains(share { $0.int("submitter_id") != $0.int("requester_id") }))
        #expect(share { ($0["tags"] as? [String] ?? []).contains("vip") } > 0.02)
        #expect(account.tickets.contains { ($0["tags"] as? [String] ?? []).contains("closed_by_merge") })
        let channels = Set(account.tickets.compactMap { $0.object("via")?.string("channel") })
        #expect(channels == ["web", "email", "api", "chat", "voice", "mobile"])
        let statuses = Set(account.tickets.compactMap { $0.string("status") })
        #expect(statuses.isSuperset(of: ["open", "pending", "solved", "closed", "deleted"]))
    }

    @Test func olderTicketsAreMostlySolvedAndRecentOnesLessSo() {
        let end = account.config.end
        func unsolvedShare(_ ages: ClosedRange<Int64>) -> Double {
            let group = account.tickets.filter {
                $0.string("status") != "deleted" && ages.contains((end - ($0.time("created_at") ?? 0)) / 86_400)
            }
            let open = group.filter { ["new", "open", "pending", "hold"].contains($0.string("status") ?? "") }
            return Double(open.count) / Double(max(1, group.count))
        }
        #expect(unsolvedShare(60...400) < 0.05)
        #expect(unsolvedShare(0...6) > unsolvedShare(60...400))
    }

    @Test func weekdaysAreBusierThanWeekends() {
        var perWeekday = [Int](repeating: 0, count: 7)
        for ticket in account.tickets {
            let day = Int((ticket.time("created_at") ?? 0) / 86_400)
            perWeekday[(day + 4) % 7] += 1
        }
        let weekend = perWeekday[0] + perWeekday[6]
        #expect(Double(weekend) / 2 < Double(perWeekday[1...5].reduce(0, +)) / 5 / 2)
    }

    @Test func resolutionTakesLongerThanTheFirstReply() {
        func median(_ key: String) -> Int64 {
            let values = account.metricSets.compactMap { $0.minutes(key).calendar }.sorted()
            return values.isEmpty ? 0 : values[values.count / 2]
        }
        #expect(median("reply_time_in_minutes") > 0)
        #expect(median("full_resolution_time_in_minutes") > 2 * median("reply_time_in_minutes"))
    }

    @Test func roughlyAThirdOfSolvedTicketsAreRatedMostlyGood() {
        let solved = account.tickets.filter { ["solved", "closed"].contains($0.string("status") ?? "") }
        let rated = Double(account.ratings.count) / Double(solved.count)
        #expect((0.2...0.45).contains(rated))
        let scores = account.ratings.compactMap { $0.string("score") }
        let good = scores.filter { $0 == "good" }.count
        let bad = scores.filter { $0 == "bad" }.count
        let offered = scores.filter { $0 == "offered" }.count
        #expect(good > bad && bad > 0 && offered > 0)
        let tickets = Dictionary(uniqueKeysWithValues: account.tickets.map { ($0.int("id") ?? -1, $0) })
        let moved = account.ratings.filter { $0.int("group_id") != tickets[$0.int("ticket_id") ?? -1]?.int("group_id") }
        #expect(moved.count < account.ratings.count / 5)
    }
}
