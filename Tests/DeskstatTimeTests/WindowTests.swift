import DeskstatTime
import Testing

@Suite struct WindowTests {
    @Test func lengthContainsAndDescription() throws {
        let week = try window(1_794_787_200, 1_795_392_000)
        #expect(week.length == 7 * 86_400)
        #expect(week.contains(1_794_787_200))
        #expect(week.contains(1_795_391_999))
        #expect(!week.contains(1_795_392_000))
        #expect(!week.contains(1_794_787_199))
        #expect(week.description == "[2026-11-16T00:00:00Z, 2026-11-23T00:00:00Z)")
    }

    @Test func previousIsAdjacentAndEqualLength() throws {
        let week = try window(1_794_787_200, 1_795_392_000)
        #expect(week.previous() == (try window(1_794_182_400, 1_794_787_200)))
        #expect(week.previous().previous() == (try window(1_793_577_600, 1_794_182_400)))
        let second = try window(10, 11)
        #expect(second.previous() == (try window(9, 10)))
    }

    @Test(arguments: [(Int64(5), Int64(5)), (6, 5), (0, .max), (.min, 0), (-(1 << 48) - 1, 0)])
    func rejectsEmptyOrHugeWindows(from: Int64, to: Int64) {
        let error = #expect(throws: TimeError.invalidWindow(from: from, to: to)) { try Window(from: from, to: to) }
        #expect(error?.description.contains("from must be before to") == true)
    }
}
