import ZendeskWire

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fast path gave up on a body: something it does not handle, or something wrong. The
/// importer then runs the reference parser (`Envelope.parse` + `RecordMapper`), which imports
/// the body or reports exactly what is wrong with it.
struct FastPathDeclined: Error {}

/// A JSON value the scanner passed over: its kind and where it lies in the input.
struct ScannedValue {
    enum Kind: UInt8 { case absent, null, falseValue, trueValue, integer, float, string, object, array }

    var kind: Kind = .absent
    /// Strings: whether the text has backslash escapes (it must be unescaped before use).
    var escaped = false
    /// Strings: the first byte after the opening quote; other values: their first byte.
    var start = 0
    /// Strings: the closing quote; other values: one past their last byte.
    var end = 0
    /// Integers: the value.
    var integer: Int64 = 0

    static let absent = ScannedValue()
}

/// A validating single-pass JSON scanner over UTF-8 bytes.
///
/// It accepts exactly what `JSONParser` accepts or declines (never the reverse): strings must be
/// valid UTF-8 with valid escapes and no raw control characters, numbers follow the JSON grammar,
/// fit 64 bits when integral and are finite, objects never repeat a key, and nesting stays within
/// `JSONParser.maximumDepth`. Any key written with an escape is declined (keys are compared as
/// raw bytes). Nothing is allocated while scanning except the reusable key stack.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    var position = 0
    var depth = 0
    /// Whether objects are checked for duplicate keys (off when re-reading validated values).
    var checkKeys = true
    /// Keys of the objects being scanned (hash, start, length), for duplicate detection.
    private var keyHashes: [UInt64] = []
    private var keyStarts: [Int] = []
    private var keyLengths: [Int] = []

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        keyHashes.reserveCapacity(256)
        keyStarts.reserveCapacity(256)
        keyLengths.reserveCapacity(256)
    }

    // MARK: Cursor

    @inline(__always) mutating func skipWhitespace() {
        while position < count {
            switch base[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next non-blank byte (not consumed), or `nil` at the end.
    @inline(__always) mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < count ? base[position] : nil
    }

    @inline(__always) mutating func expect(_ byte: UInt8) throws(FastPathDeclined) {
        skipWhitespace()
        guard position < count, base[position] == byte else { throw FastPathDeclined() }
        position += 1
    }

    @inline(__always) mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < count, base[position] == byte else { return false }
        position += 1
        return true
    }

    // MARK: Values

    /// Scans one value (after blanks) and returns what it is and where.
    mutating func scanValue() throws(FastPathDeclined) -> ScannedValue {
        skipWhitespace()
        guard position < count else { throw FastPathDeclined() }
        var value = ScannedValue()
        value.start = position
        switch base[position] {
        case UInt8(ascii: "\""):
            value.kind = .string
            let (start, end, escaped) = try scanString()
            value.start = start
            value.end = end
            value.escaped = escaped
            return value
        case UInt8(ascii: "{"):
            value.kind = .object
            try skipObject()
        case UInt8(ascii: "["):
            value.kind = .array
            try skipArray()
        case UInt8(ascii: "t"):
            value.kind = .trueValue
            try literal(0x74, 0x72, 0x75, 0x65, length: 4)
        case UInt8(ascii: "f"):
            value.kind = .falseValue
            try literal5()
        case UInt8(ascii: "n"):
            value.kind = .null
            try literal(0x6E, 0x75, 0x6C, 0x6C, length: 4)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let (isInteger, integer) = try scanNumber()
            value.kind = isInteger ? .integer : .float
            value.integer = integer
        default:
            throw FastPathDeclined()
        }
        value.end = position
        return value
    }

    @inline(__always) private mutating func literal(
        _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, length: Int
    ) throws(FastPathDeclined) {
        guard position + 4 <= count, base[position] == a, base[position + 1] == b, base[position + 2] == c,
            base[position + 3] == d
        else { throw FastPathDeclined() }
        position += 4
    }

    private mutating func literal5() throws(FastPathDeclined) {
        guard position + 5 <= count, base[position] == 0x66, base[position + 1] == 0x61, base[position + 2] == 0x6C,
            base[position + 3] == 0x73, base[position + 4] == 0x65
        else { throw FastPathDeclined() }
        position += 5
    }

    /// Scans a number; returns whether it is an integer (and its value).
    private mutating func scanNumber() throws(FastPathDeclined) -> (Bool, Int64) {
        let start = position
        var negative = false
        if base[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let digitsStart = position
        var magnitude: UInt64 = 0
        var overflow = false
        while position < count {
            let digit = base[position] &- 0x30
            guard digit < 10 else { break }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            overflow = overflow || o1 || o2
            magnitude = sum
            position += 1
        }
        guard position > digitsStart else { throw FastPathDeclined() }
        if base[digitsStart] == 0x30 && position - digitsStart > 1 { throw FastPathDeclined() }
        var floating = false
        if position < count, base[position] == UInt8(ascii: ".") {
            floating = true
            position += 1
            try digits()
        }
        if position < count, base[position] | 0x20 == UInt8(ascii: "e") {
            floating = true
            position += 1
            if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") {
                position += 1
            }
            try digits()
        }
        if floating {
            // `JSONParser` rejects numbers that overflow to infinity.
            guard let number = Self.double(base, start, position), number.isFinite else { throw FastPathDeclined() }
            return (false, 0)
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard !overflow, magnitude <= limit else { throw FastPathDeclined() }
        if negative { return (true, magnitude == limit ? Int64.min : -Int64(magnitude)) }
        return (true, Int64(magnitude))
    }

    @inline(__always) private mutating func digits() throws(FastPathDeclined) {
        let start = position
        while position < count, base[position] &- 0x30 < 10 { position += 1 }
        guard position > start else { throw FastPathDeclined() }
    }

    /// The number in bytes `start ..< end`, parsed as `JSONParser` parses it.
    static func double(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self))
    }

    /// Scans a string starting at its opening quote; returns its content range and whether it has escapes.
    mutating func scanString() throws(FastPathDeclined) -> (start: Int, end: Int, escaped: Bool) {
        position += 1
        let start = position
        var escaped = false
        while true {
            // Eight plain ASCII bytes at a time: no quote, backslash, control or non-ASCII byte.
            while position + 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                if Self.isPlain(word) { position += 8 } else { break }
            }
            guard position < count else { throw FastPathDeclined() }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start, position - 1, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try scanEscape()
            } else if byte < 0x20 {
                throw FastPathDeclined()
            } else if byte < 0x80 {
                position += 1
            } else {
                try scanUTF8Sequence(byte)
            }
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether none of the eight bytes is `"`, `\`, below 0x20 or above 0x7F.
    @inline(__always) static func isPlain(_ word: UInt64) -> Bool {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs == 0
    }

    private mutating func scanEscape() throws(FastPathDeclined) {
        guard position + 1 < count else { throw FastPathDeclined() }
        switch base[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(at: position + 2)
            position += 6
            if scalar >= 0xD800 && scalar < 0xDC00 {
                guard position + 6 <= count, base[position] == 0x5C, base[position + 1] == UInt8(ascii: "u") else {
                    throw FastPathDeclined()
                }
                let low = try hexQuad(at: position + 2)
                guard low >= 0xDC00 && low < 0xE000 else { throw FastPathDeclined() }
                scalar = 0x10000
                position += 6
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw FastPathDeclined()
            }
        default:
            throw FastPathDeclined()
        }
    }

    private func hexQuad(at index: Int) throws(FastPathDeclined) -> UInt32 {
        guard index + 4 <= count else { throw FastPathDeclined() }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = base[index + offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw FastPathDeclined()
            }
            value = value << 4 | digit
        }
        return value
    }

    /// One multi-byte UTF-8 sequence, by the well-formedness table of the Unicode standard.
    private mutating func scanUTF8Sequence(_ lead: UInt8) throws(FastPathDeclined) {
        @inline(__always) func continuation(_ index: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF)
            throws(FastPathDeclined)
        {
            guard index < count, base[index] >= low, base[index] <= high else { throw FastPathDeclined() }
        }
        switch lead {
        case 0xC2...0xDF:
            try continuation(position + 1)
            position += 2
        case 0xE0:
            try continuation(position + 1, 0xA0, 0xBF)
            try continuation(position + 2)
            position += 3
        case 0xE1...0xEC, 0xEE...0xEF:
            try continuation(position + 1)
            try continuation(position + 2)
            position += 3
        case 0xED:
            try continuation(position + 1, 0x80, 0x9F)
            try continuation(position + 2)
            position += 3
        case 0xF0:
            try continuation(position + 1, 0x90, 0xBF)
            try continuation(position + 2)
            try continuation(position + 3)
            position += 4
        case 0xF1...0xF3:
            try continuation(position + 1)
            try continuation(position + 2)
            try continuation(position + 3)
            position += 4
        case 0xF4:
            try continuation(position + 1, 0x80, 0x8F)
            try continuation(position + 2)
            try continuation(position + 3)
            position += 4
        default:
            throw FastPathDeclined()
        }
    }

    // MARK: Containers

    @inline(__always) mutating func enterContainer() throws(FastPathDeclined) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw FastPathDeclined() }
    }

    /// Scans `"key":` (after blanks) and returns the key's bytes; keys with escapes are declined.
    /// The key is checked against the other keys of the object that started at `keyBase`.
    @inline(__always) mutating func scanKey(keyBase: Int) throws(FastPathDeclined) -> (start: Int, length: Int) {
        skipWhitespace()
        guard position < count, base[position] == UInt8(ascii: "\"") else { throw FastPathDeclined() }
        let (start, end, escaped) = try scanString()
        guard !escaped else { throw FastPathDeclined() }
        let length = end - start
        guard checkKeys else {
            try expect(UInt8(ascii: ":"))
            return (start, length)
        }
        let hash = Self.hash(base + start, length)
        var index = keyBase
        while index < keyHashes.count {
            if keyHashes[index] == hash, keyLengths[index] == length,
                memcmp(base + keyStarts[index], base + start, length) == 0
            {
                throw FastPathDeclined()  // a duplicate key
            }
            index += 1
        }
        keyHashes.append(hash)
        keyStarts.append(start)
        keyLengths.append(length)
        try expect(UInt8(ascii: ":"))
        return (start, length)
    }

    /// Where the keys of a new object start in the key stack.
    var keyStackTop: Int { keyHashes.count }

    mutating func popKeys(to top: Int) {
        guard top < keyHashes.count else { return }
        keyHashes.removeSubrange(top...)
        keyStarts.removeSubrange(top...)
        keyLengths.removeSubrange(top...)
    }

    /// A cheap hash of a key's bytes.
    @inline(__always) static func hash(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var value = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        if length >= 8 {
            value ^= UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
            value = (value ^ (value >> 29)) &* 0xBF58_476D_1CE4_E5B9
            value ^= UnsafeRawPointer(pointer + length - 8).loadUnaligned(as: UInt64.self)
        } else {
            for index in 0..<length { value = (value ^ UInt64(pointer[index])) &* 0x100_0000_01B3 }
        }
        return value ^ (value >> 31)
    }

    mutating func skipObject() throws(FastPathDeclined) {
        try enterContainer()
        position += 1  // {
        let keyBase = keyStackTop
        defer { popKeys(to: keyBase) }
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return
        }
        repeat {
            _ = try scanKey(keyBase: keyBase)
            _ = try scanValue()
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        depth -= 1
    }

    mutating func skipArray() throws(FastPathDeclined) {
        try enterContainer()
        position += 1  // [
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return
        }
        repeat {
            _ = try scanValue()
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        depth -= 1
    }

    /// Scans an object whose members are looked up in `fields`: each known key's value lands in
    /// its slot of `slots` (others stay `.absent`). Returns the object's byte range.
    mutating func scanRecord(_ fields: FieldTable, into slots: inout [ScannedValue]) throws(FastPathDeclined) -> (
        start: Int, end: Int
    ) {
        for index in slots.indices { slots[index] = .absent }
        skipWhitespace()
        guard position < count, base[position] == UInt8(ascii: "{") else { throw FastPathDeclined() }
        let start = position
        try enterContainer()
        position += 1
        let keyBase = keyStackTop
        defer { popKeys(to: keyBase) }
        if !consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanKey(keyBase: keyBase)
                let value = try scanValue()
                let slot = fields.slot(base + key.start, key.length)
                if slot >= 0 { slots[slot] = value }
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        depth -= 1
        return (start, position)
    }

    /// A cursor for re-reading values this scanner already validated.
    private func rereader(at start: Int) -> JSONScanner {
        var cursor = self
        cursor.checkKeys = false
        cursor.position = start
        cursor.depth = 0
        return cursor
    }

    /// Calls `body` with each member of an object already scanned (its key bytes and value).
    func forEachMember(
        of object: ScannedValue, _ body: (UnsafePointer<UInt8>, Int, ScannedValue) throws(FastPathDeclined) -> Void
    ) throws(FastPathDeclined) {
        var cursor = rereader(at: object.start)
        try cursor.expect(UInt8(ascii: "{"))
        if cursor.consume(UInt8(ascii: "}")) { return }
        repeat {
            cursor.skipWhitespace()
            let (start, end, _) = try cursor.scanString()
            try cursor.expect(UInt8(ascii: ":"))
            let value = try cursor.scanValue()
            try body(base + start, end - start, value)
        } while cursor.consume(UInt8(ascii: ","))
    }

    /// Calls `body` with each element of an array already scanned.
    func forEachElement(
        of array: ScannedValue, _ body: (ScannedValue) throws(FastPathDeclined) -> Void
    ) throws(FastPathDeclined) {
        var cursor = rereader(at: array.start)
        try cursor.expect(UInt8(ascii: "["))
        if cursor.consume(UInt8(ascii: "]")) { return }
        repeat {
            try body(try cursor.scanValue())
        } while cursor.consume(UInt8(ascii: ","))
    }

    /// Whether bytes at `pointer` (of `length`) spell `word`.
    @inline(__always) static func equals(_ pointer: UnsafePointer<UInt8>, _ length: Int, _ word: StaticString) -> Bool {
        length == word.utf8CodeUnitCount && memcmp(pointer, word.utf8Start, length) == 0
    }
}

/// Field names of one record type mapped to slot numbers, looked up by raw key bytes.
struct FieldTable: Sendable {
    private let names: [[UInt8]]
    private let table: [Int16]  // open addressing: slot + 1, or 0 when empty
    private let mask: Int

    init(_ fieldNames: [String]) {
        names = fieldNames.map { Array($0.utf8) }
        var size = 16
        while size < fieldNames.count * 4 { size *= 2 }
        var table = [Int16](repeating: 0, count: size)
        for (slot, name) in names.enumerated() {
            var index =
                name.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.map { Int(truncatingIfNeeded: JSONScanner.hash($0, buffer.count)) } ?? 0
                }
                & (size - 1)
            while table[index] != 0 { index = (index + 1) & (size - 1) }
            table[index] = Int16(slot + 1)
        }
        self.table = table
        mask = size - 1
    }

    /// The slot of a key, or -1.
    @inline(__always) func slot(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var index = Int(truncatingIfNeeded: JSONScanner.hash(pointer, length)) & mask
        while true {
            let entry = Int(table[index])
            if entry == 0 { return -1 }
            let name = names[entry - 1]
            if name.count == length,
                name.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, pointer, length) } ?? 0 }) == 0
            {
                return entry - 1
            }
            index = (index + 1) & mask
        }
    }
}
