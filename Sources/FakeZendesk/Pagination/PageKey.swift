import Foundation

/// Where a record sits in a paginated list: `(major, minor, name)`, compared in that order.
///
/// Tickets use `(generated_timestamp, id)`, users `(updated_at, id)`, lists `(id)`, tags
/// `(-count, 0, name)`. A cursor is the key of the last record a page returned, as opaque text
/// (base64, like Zendesk's, so it may contain `+`, `/` and `=`).
struct PageKey: Sendable, Comparable {
    var major: Int64
    var minor: Int64 = 0
    var name: String = ""

    /// A position before every record.
    static let beforeAll = PageKey(major: .min, minor: .min)

    /// The position just before the first record whose `major` is at least `time`.
    static func before(time: Int64) -> PageKey {
        PageKey(major: time == .min ? .min : time - 1, minor: .max)
    }

    static func < (lhs: PageKey, rhs: PageKey) -> Bool {
        (lhs.major, lhs.minor, lhs.name) < (rhs.major, rhs.minor, rhs.name)
    }

    /// The opaque cursor text.
    var token: String {
        Data("\(major).0||\(minor)|\(name)".utf8).base64EncodedString()
    }

    /// Reads a cursor this server issued; `nil` for anything else.
    init?(token: String) {
        guard let data = Data(base64Encoded: token) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let halves = text.components(separatedBy: "||")
        guard halves.count >= 2, halves[0].hasSuffix(".0"), let major = Int64(halves[0].dropLast(2)) else { return nil }
        let rest = halves.dropFirst().joined(separator: "||")
        let parts = rest.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard let minor = Int64(parts[0]) else { return nil }
        self.init(major: major, minor: minor, name: parts.count > 1 ? String(parts[1]) : "")
    }

    init(major: Int64, minor: Int64 = 0, name: String = "") {
        self.major = major
        self.minor = minor
        self.name = name
    }
}

/// Records sorted by their page keys, ready to be cut into pages.
struct KeyedList<Item> {
    let entries: [(key: PageKey, item: Item)]

    init(_ items: [Item], key: (Item) -> PageKey) {
        entries = items.map { (key: key($0), item: $0) }.sorted { $0.key < $1.key }
    }

    var count: Int { entries.count }

    /// The index of the first record after `position`.
    func firstIndex(after position: PageKey) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key <= position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The records in `range`.
    func items(_ range: Range<Int>) -> [Item] {
        entries[range].map(\.item)
    }
}
