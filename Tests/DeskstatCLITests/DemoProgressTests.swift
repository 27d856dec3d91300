import DeskstatGenerator
import Foundation
import Testing

@testable import DeskstatCLI

/// `deskstat demo`'s progress bar fills as the tickets are imported (it stayed empty before).
@Suite struct DemoProgressTests {
    @Test func theFractionRisesToOne() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var fractions: [Double] = []
        let config = GeneratorConfig(tickets: 300, seed: 7, end: 1_795_392_000)
        _ = try DemoCommand.build(
            at: directory + "/demo.sqlite", config: config, now: 1_795_392_000, quiet: true
        ) { fractions.append($0) }
        #expect(fractions.first == 0, "files before the tickets: nothing done yet")
        #expect(fractions.last == 1)
        #expect(zip(fractions, fractions.dropFirst()).allSatisfy { $0 <= $1 }, "\(fractions)")
    }

    @Test func theBarDrawsTheFraction() {
        #expect(ProgressBar.bar(fraction: 0, width: 4) == "[    ]")
        #expect(ProgressBar.bar(fraction: 0.5, width: 4) == "[##  ]")
        #expect(ProgressBar.bar(fraction: 1, width: 4) == "[####]")
        #expect(ProgressBar.bar(fraction: 7, width: 4) == "[####]")
        #expect(ProgressBar.bar(fraction: .nan, width: 4) == "[    ]")
    }
}
