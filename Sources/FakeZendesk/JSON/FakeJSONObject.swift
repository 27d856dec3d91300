/// A JSON object whose members keep their order (the fake API writes keys in a fixed order).
public struct FakeJSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The members, in the order they are written.
    public private(set) var members: [(key: String, value: FakeJSON)]

    /// An object with these members, in this order.
    public init(_ members: [(key: String, value: FakeJSON)] = []) {
        self.members = members
    }

    public init(dictionaryLiteral elements: (String, FakeJSON)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    /// The member named `key`; setting replaces it in place, or appends it when new (`nil` removes it).
    public subscript(key: String) -> FakeJSON? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The member names, in order.
    public var keys: [String] { members.map(\.key) }

    /// This object with `other`'s members appended (or replaced, where the names repeat).
    public func merging(_ other: FakeJSONObject) -> FakeJSONObject {
        var merged = self
        for member in other.members { merged[member.key] = member.value }
        return merged
    }

    /// Compact JSON text.
    public var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    /// Appends compact JSON text to `output`.
    public func write(into output: inout String) {
        output += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            FakeJSON.writeString(member.key, into: &output)
            output += ":"
            member.value.write(into: &output)
        }
        output += "}"
    }

    public static func == (lhs: FakeJSONObject, rhs: FakeJSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
