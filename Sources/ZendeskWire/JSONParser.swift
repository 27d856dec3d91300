/// A strict JSON parser over UTF-8 bytes that reports where input goes wrong.
///
/// Strings must be valid UTF-8, objects may not repeat a key, nesting is bounded (so hostile
/// input cannot exhaust the stack) and integers must fit in 64 bits.
package struct JSONParser {
    /// How deep arrays and objects may nest before the input is rejected (the importer's fast
    /// scanner uses the same bound).
    package static let maximumDepth = 256

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// A parser at the start of a whole body or file: after a UTF-8 byte-order mark, if there
    /// is one (RFC 8259 lets a parser ignore it; Windows tools write one).
    init(body bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes: bytes, position: ByteOrderMark.length(in: bytes))
    }

    // MARK: Cursor

    var isAtEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next non-blank byte, without consuming it.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(WireError) {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input; expected \(what)") }
        guard bytes[position] == byte else { throw error("expected \(what) but found \(describeByte(at: position))") }
        position += 1
    }

    /// Consumes `byte` when it is next (after blanks) and says whether it did.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    func error(_ message: String, at offset: Int? = nil) -> WireError {
        .syntax(message: message, location: InputPosition(offset: offset ?? position, in: bytes))
    }

    func describeByte(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Values

    mutating func parseValue() throws(WireError) -> JSONValue {
        guard let byte = peek() else { throw error("unexpected end of input; expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a value but found \(describeByte(at: position))")
        }
    }

    mutating func enterContainer() throws(WireError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    mutating func parseObject() throws(WireError) -> [String: JSONValue] {
        try enterContainer()
        defer { depth -= 1 }
        try expect(UInt8(ascii: "{"), "'{'")
        var members: [String: JSONValue] = [:]
        if consume(UInt8(ascii: "}")) { return members }
        repeat {
            let (key, keyOffset) = try parseKey()
            let value = try parseValue()
            if members.updateValue(value, forKey: key) != nil {
                throw error("duplicate key \"\(key)\" in one object", at: keyOffset)
            }
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return members
    }

    /// Parses `"key":` and returns the key with the offset where it starts.
    mutating func parseKey() throws(WireError) -> (String, Int) {
        guard peek() == UInt8(ascii: "\"") else {
            if isAtEnd { throw error("unexpected end of input; expected an object key") }
            throw error("expected an object key in double quotes but found \(describeByte(at: position))")
        }
        let offset = position
        let key = try parseString()
        try expect(UInt8(ascii: ":"), "':' after an object key")
        return (key, offset)
    }

    mutating func parseArray() throws(WireError) -> [JSONValue] {
        try enterContainer()
        defer { depth -= 1 }
        try expect(UInt8(ascii: "["), "'['")
        var items: [JSONValue] = []
        if consume(UInt8(ascii: "]")) { return items }
        repeat {
            items.append(try parseValue())
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"), "',' or ']'")
        return items
    }

    mutating func parseLiteral(_ word: StaticString) throws(WireError) {
        let start = position
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("unexpected end of input in a literal", at: start) }
        for index in 0..<count where bytes[position + index] != word.utf8Start[index] {
            throw error("invalid literal; expected \(word)", at: start)
        }
        position += count
    }

    mutating func parseNumber() throws(WireError) -> JSONValue {
        let start = position
        var isNegative = false
        if bytes[position] == UInt8(ascii: "-") {
            isNegative = true
            position += 1
        }
        let digitsStart = position
        var magnitude: UInt64 = 0
        var overflow = false
        while position < bytes.count, case let digit = bytes[position], digit >= 0x30, digit <= 0x39 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - 0x30))
            overflow = overflow || o1 || o2
            magnitude = sum
            position += 1
        }
        guard position > digitsStart else { throw error("invalid number", at: start) }
        if bytes[digitsStart] == 0x30 && position - digitsStart > 1 {
            throw error("invalid number: leading zeros are not allowed", at: start)
        }
        var isFloating = false
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isFloating = true
            position += 1
            try skipDigits(requiredAfter: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isFloating = true
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try skipDigits(requiredAfter: start)
        }
        if isFloating {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw error("number out of range", at: start) }
            return .double(value)
        }
        let limit: UInt64 = isNegative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard !overflow, magnitude <= limit else {
            throw error("integer out of range (more than 64 bits)", at: start)
        }
        if isNegative {
            return .integer(magnitude == limit ? Int64.min : -Int64(magnitude))
        }
        return .integer(Int64(magnitude))
    }

    mutating func skipDigits(requiredAfter start: Int) throws(WireError) {
        let digitsStart = position
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
        guard position > digitsStart else { throw error("invalid number", at: start) }
    }

    mutating func parseString() throws(WireError) -> String {
        let start = position
        position += 1  // opening quote
        let contentStart = position
        var hasEscapes = false
        while true {
            guard position < bytes.count else { throw error("unterminated string", at: start) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                position += 2
                continue
            }
            if byte < 0x20 { throw error("control character in a string (escape it as \\u00XX)") }
            position += 1
        }
        guard position < bytes.count else { throw error("unterminated string", at: start) }
        let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<position])
        position += 1  // closing quote
        if !hasEscapes {
            guard let text = String(validating: content, as: UTF8.self) else {
                throw error("string is not valid UTF-8", at: start)
            }
            return text
        }
        return try unescape(content, stringStart: start)
    }

    private func unescape(_ content: UnsafeBufferPointer<UInt8>, stringStart: Int) throws(WireError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            guard index + 1 < content.count else { throw error("invalid escape in a string", at: stringStart) }
            let escaped = content[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad(content, at: index, stringStart: stringStart)
                index += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 6 <= content.count, content[index] == 0x5C, content[index + 1] == UInt8(ascii: "u")
                    else {
                        throw error("unpaired surrogate in a \\u escape", at: stringStart)
                    }
                    let low = try hexQuad(content, at: index + 2, stringStart: stringStart)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw error("unpaired surrogate in a \\u escape", at: stringStart)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw error("invalid \\u escape in a string", at: stringStart)
                }
                output.append(contentsOf: Array(String(unicode).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escaped)))' in a string", at: stringStart)
            }
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw error("string is not valid UTF-8", at: stringStart)
        }
        return text
    }

    private func hexQuad(_ content: UnsafeBufferPointer<UInt8>, at index: Int, stringStart: Int) throws(WireError)
        -> UInt32
    {
        guard index + 4 <= content.count else { throw error("truncated \\u escape", at: stringStart) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = content[index + offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("invalid hex digit in a \\u escape", at: stringStart)
            }
            value = value << 4 | digit
        }
        return value
    }
}

/// The UTF-8 byte-order mark (EF BB BF) some tools write at the start of a JSON file.
public enum ByteOrderMark {
    /// 3 when `bytes` starts with a UTF-8 byte-order mark, else 0: where the JSON text begins.
    public static func length(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
