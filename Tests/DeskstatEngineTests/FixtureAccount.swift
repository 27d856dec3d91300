import DeskstatCache
import DeskstatEngine
import DeskstatImport
import DeskstatTime
import Foundation

/// The hand-written account in `fixtures/account`, imported once into a temporary cache.
/// Expected values come from `fixtures/EXPECTED.md`, worked out by hand.
enum FixtureAccount {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// W = 2026-W47, P = the week before, as-of the end of W.
    static let currentWindow = window(1_794_787_200, 1_795_392_000)  // 2026-11-16 … 2026-11-23
    static let previousWindow = window(1_794_182_400, 1_794_787_200)  // 2026-11-09 … 2026-11-16

    static func window(_ from: Int64, _ to: Int64) -> Window {
        do { return try Window(from: from, to: to) } catch { preconditionFailure("\(error)") }
    }
    static let asOf: Int64 = 1_795_392_000  // 2026-11-23T00:00:00Z

    static let support = "360001", billing = "360002", tier2 = "360003"

    static let cache: Cache = {
        let path = NSTemporaryDirectory() + "deskstat-fixture-\(UUID().uuidString).sqlite"
        do {
            let cache = try Cache.open(at: path)
            let sources = try ImportSource.resolve([root.appendingPathComponent("fixtures/account").path])
            _ = try Importer(cache: cache, options: .init(now: asOf)).run(sources)
            return cache
        } catch {
            preconditionFailure("cannot import the fixture account: \(error)")
        }
    }()

    static func facts() throws -> FactSet {
        try FactLoader(cache: cache).load(since: previousWindow.from, until: asOf + 1)
    }

    static func result(filters: [String] = [], slice: Slice? = nil) throws -> KPIResult {
        let request = KPIRequest(
            window: currentWindow, previous: previousWindow, asOf: asOf, timeZone: try ReportTimeZone("UTC"),
            filters: try filters.map { try TicketFilter.parse($0) }, slice: slice)
        return try KPIEngine.compute(request, facts: try facts())
    }
}

/// Compares to 4 decimals, as EXPECTED.md rounds.
func close(_ actual: Double?, _ expected: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) < 0.00005
}
