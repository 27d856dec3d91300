import DeskstatGenerator
import Foundation
import Testing

@Suite struct DeterminismTests {
    /// A smaller account for the comparisons that need several generations.
    static let small = GeneratorConfig(tickets: 250, seed: 7, end: 1_795_651_200, days: 120, pageSize: 100)

    static func files(_ config: GeneratorConfig) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        AccountGenerator(config: config).generate { files.append(($0.name, $0.bytes)) }
        return files
    }

    @Test func sameConfigurationGivesIdenticalBytes() {
        let first = Self.files(Self.small)
        let second = Self.files(Self.small)
        #expect(first.map(\.0) == second.map(\.0))
        #expect(first.map(\.1) == second.map(\.1))
    }

    @Test func anotherSeedGivesAnotherAccount() {
        var other = Self.small
        other.seed = 8
        let first = Dictionary(uniqueKeysWithValues: Self.files(Self.small))
        let second = Dictionary(uniqueKeysWithValues: Self.files(other))
        #expect(first["tickets-0001.json"] != second["tickets-0001.json"])
        #expect(first["users-0001.json"] != second["users-0001.json"])
        #expect(first["groups.json"] == second["groups.json"])
    }

    @Test func ticketsDoNotDependOnThePageSize() {
        var wide = Self.small
        wide.pageSize = 1_000
        func ticketLines(_ config: GeneratorConfig) -> [Substring] {
            Self.files(config).filter { $0.0.hasPrefix("tickets-") }.flatMap { file in
                String(decoding: file.1, as: UTF8.self).split(separator: "\n").filter {
                    $0.hasPrefix("{\"url\":\"https://deskstat-demo.zendesk.com/api/v2/tickets/")
                }.map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
            }
        }
        let paged = ticketLines(Self.small)
        #expect(paged.count == Self.small.tickets)
        #expect(paged == ticketLines(wide))
    }

    @Test func configurationDefaults() {
        let config = GeneratorConfig(end: 1_795_651_200)
        #expect(config.tickets == 20_000 && config.seed == 42 && config.days == 365 && config.pageSize == 1_000)
        #expect(config.eventsPerTicket == 12)
        #expect(
            config
                == GeneratorConfig(
                    tickets: 20_000, seed: 42, end: 1_795_651_200, days: 365, pageSize: 1_000, eventsPerTicket: 12))
        #expect(AccountGenerator(config: config).config == config)
    }
}
