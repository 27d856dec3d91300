/// The UTF-8 bytes of a command-line value, with the few probes the strict parsers need.
/// Only ASCII digits count as digits, so `٢٠٢٦` or full-width digits are never accepted.
struct ASCIIText {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var count: Int { bytes.count }

    /// Whether the byte at `index` exists and is `character` (ASCII).
    func has(_ character: Character, at index: Int) -> Bool {
        guard index >= 0, index < bytes.count, let ascii = character.asciiValue else { return false }
        return bytes[index] == ascii
    }

    /// Whether the byte at `index` is one of `characters`.
    func hasAny(_ characters: String, at index: Int) -> Bool {
        characters.contains { has($0, at: index) }
    }

    /// The decimal value of the `length` ASCII digits at `start`, or `nil` if any is not a digit.
    func number(at start: Int, length: Int) -> Int? {
        guard start >= 0, length > 0, start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether every byte in `start..<end` is an ASCII digit (and the range is not empty).
    func isDigits(from start: Int, to end: Int) -> Bool {
        guard start < end, start >= 0, end <= bytes.count else { return false }
        return bytes[start..<end].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
