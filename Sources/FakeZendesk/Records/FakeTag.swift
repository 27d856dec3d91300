/// A tag and how many tickets carry it (`/api/v2/tags.json`). Tags have no id: the name is the key.
public struct FakeTag: Sendable, Equatable {
    public var name: String
    public var count: Int64

    public init(name: String, count: Int64) {
        self.name = name
        self.count = count
    }

    /// The tag as the API writes it: `{name, count}`.
    public var json: FakeJSON { ["name": .string(name), "count": .int(count)] }
}
