/// A minimal, fast JSON text writer into a byte buffer.
///
/// Commas are placed automatically: a value or key written after another value in the same
/// container gets one. Keys are `StaticString`s the generator controls (plain ASCII, never
/// escaped); string values are escaped per RFC 8259 (`"`, `\`, and control characters).
struct JSONWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts an object on a new line: one record per line keeps big pages readable and makes
    /// parser error positions meaningful.
    mutating func beginRecord() {
        separate()
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Writes `"key":`.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Appends already-valid JSON text, e.g. a fragment built by another writer.
    mutating func raw(_ fragment: [UInt8]) {
        bytes.append(contentsOf: fragment)
    }

    /// Appends one byte of already-valid JSON text.
    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a newline outside any value (cosmetic).
    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    // MARK: Scalars

    mutating func null() {
        separate()
        appendLiteral("null")
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
        needsComma = true
    }

    mutating func int(_ value: Int64) {
        separate()
        appendDigits(value)
        needsComma = true
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func string(_ value: String) {
        beginString()
        appendEscaped(value)
        endString()
    }

    /// A string value of a `StaticString` known to need no escaping.
    mutating func string(_ value: StaticString) {
        beginString()
        value.withUTF8Buffer { bytes.append(contentsOf: $0) }
        endString()
    }

    /// An ISO-8601 UTC timestamp string, `2026-11-20T10:00:00Z`.
    mutating func timestamp(_ epoch: Int64) {
        beginString()
        appendTimestamp(epoch)
        endString()
    }

    // MARK: Strings built in pieces (no intermediate `String`)

    mutating func beginString() {
        separate()
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func endString() {
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Appends string content with JSON escaping.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
    }

    /// Appends string content from a `StaticString` known to need no escaping.
    mutating func appendPlain(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends the decimal digits of `value` inside a string or as a number.
    mutating func appendDigits(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // Int64.min has no positive counterpart; go through its magnitude.
            appendMagnitude(value.magnitude)
        } else {
            appendMagnitude(value.magnitude)
        }
    }

    /// Appends `value` zero-padded to `width` digits (for dates and page numbers).
    mutating func appendPadded(_ value: Int64, width: Int) {
        var digits = 1
        var probe = value / 10
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        for _ in digits..<max(digits, width) { bytes.append(UInt8(ascii: "0")) }
        appendDigits(value)
    }

    /// Appends `2026-11-20T10:00:00Z` (without quotes).
    mutating func appendTimestamp(_ epoch: Int64) {
        let day = CivilTime.floorDivide(epoch, 86_400)
        let second = epoch - day * 86_400
        appendDate(day)
        bytes.append(UInt8(ascii: "T"))
        appendTwo(second / 3600)
        bytes.append(UInt8(ascii: ":"))
        appendTwo(second % 3600 / 60)
        bytes.append(UInt8(ascii: ":"))
        appendTwo(second % 60)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends `2026-11-20` for a day number since 1970-01-01 (without quotes).
    mutating func appendDate(_ day: Int64) {
        let date = CivilTime.civil(fromDay: day)
        appendPadded(date.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendTwo(date.month)
        bytes.append(UInt8(ascii: "-"))
        appendTwo(date.day)
    }

    // MARK: Private

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendLiteral(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendTwo(_ value: Int64) {
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + value / 10))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
    }

    private mutating func appendMagnitude(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &buffer) { scratch in
            while rest > 0 {
                count += 1
                scratch[24 - count] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[(24 - count)...]))
        }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
