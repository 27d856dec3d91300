import DeskstatGenerator
import Foundation

/// A generated account parsed back with `JSONSerialization`, as an importer would see it.
///
/// Immutable after `init`, so sharing one instance between concurrently running tests is safe.
final class GeneratedAccount: @unchecked Sendable {
    typealias Record = [String: Any]

    /// The account most tests look at: 600 tickets, pages of 100, a year ending 2026-11-20.
    static let standard = GeneratedAccount(config: .standard)

    let config: GeneratorConfig
    /// File names in emission order.
    let names: [String]
    /// Raw bytes by file name.
    let bytes: [String: [UInt8]]
    /// Parsed bodies by file name.
    let bodies: [String: Record]
    let tickets: [Record]
    let metricSets: [Record]
    let users: [Record]
    let ratings: [Record]

    var start: Int64 { config.end - Int64(config.days) * 86_400 }

    init(config: GeneratorConfig) {
        self.config = config
        var names: [String] = []
        var bytes: [String: [UInt8]] = [:]
        var bodies: [String: Record] = [:]
        AccountGenerator(config: config).generate { file in
            names.append(file.name)
            bytes[file.name] = file.bytes
            let object = try? JSONSerialization.jsonObject(with: Data(file.bytes))
            bodies[file.name] = object as? Record ?? [:]
        }
        self.names = names
        self.bytes = bytes
        self.bodies = bodies
        tickets = Self.records("tickets", names: names, bodies: bodies)
        metricSets = Self.records("tickets", key: "metric_sets", names: names, bodies: bodies)
        users = Self.records("users", names: names, bodies: bodies)
        ratings = Self.records("satisfaction_ratings", names: names, bodies: bodies)
    }

    /// The files of a paged table, in page order (`tickets-0001.json`, …) or the single file.
    func pages(_ table: String) -> [Record] {
        Self.pages(table, names: names, bodies: bodies)
    }

    /// All records under `key` (default: the table name) across the pages of `table`.
    func records(_ table: String, key: String? = nil) -> [Record] {
        Self.records(table, key: key, names: names, bodies: bodies)
    }

    /// Metric sets by ticket id.
    func metricSetsByTicket() -> [Int64: Record] {
        Dictionary(metricSets.map { ($0.int("ticket_id") ?? -1, $0) }) { first, _ in first }
    }

    private static func pages(_ table: String, names: [String], bodies: [String: Record]) -> [Record] {
        names.filter { $0 == "\(table).json" || $0.hasPrefix("\(table)-") }.compactMap { bodies[$0] }
    }

    private static func records(
        _ table: String, key: String? = nil, names: [String], bodies: [String: Record]
    ) -> [Record] {
        pages(table, names: names, bodies: bodies).flatMap { $0[key ?? table] as? [Record] ?? [] }
    }

    /// Ids of the records of `table`.
    func ids(_ table: String) -> Set<Int64> {
        Set(records(table).compactMap { $0.int("id") })
    }
}

extension GeneratorConfig {
    static let standard = GeneratorConfig(tickets: 600, seed: 42, end: 1_795_651_200, days: 365, pageSize: 100)
}

extension Dictionary where Key == String, Value == Any {
    func int(_ key: String) -> Int64? { (self[key] as? NSNumber)?.int64Value }
    func string(_ key: String) -> String? { self[key] as? String }
    func bool(_ key: String) -> Bool? { (self[key] as? NSNumber)?.boolValue }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    func isNull(_ key: String) -> Bool { self[key] is NSNull }
    func time(_ key: String) -> Int64? { string(key).flatMap(ISO8601.epoch) }

    /// `{calendar, business}` of a duration member; nil members stay nil.
    func minutes(_ key: String) -> (calendar: Int64?, business: Int64?) {
        let duration = object(key) ?? [:]
        return (duration.int("calendar"), duration.int("business"))
    }
}

/// Parses `2026-11-20T10:00:00Z` independently of the generator's own code.
enum ISO8601 {
    static func epoch(_ text: String) -> Int64? {
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int64($0) }
        guard text.count == 20, text.hasSuffix("Z"), parts.count == 6 else { return nil }
        var components = DateComponents()
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = Int(parts[0])
        components.month = Int(parts[1])
        components.day = Int(parts[2])
        components.hour = Int(parts[3])
        components.minute = Int(parts[4])
        components.second = Int(parts[5])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let date = calendar.date(from: components) else { return nil }
        return Int64(date.timeIntervalSince1970)
    }

    /// Whether `text` looks like a timestamp (as opposed to a date or other text).
    static func looksLikeTimestamp(_ text: String) -> Bool {
        text.count == 20 && text.hasSuffix("Z") && text.dropFirst(10).first == "T"
    }
}
