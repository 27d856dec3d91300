import DeskstatBasics

/// A minimal, fast JSON text writer into a growable byte buffer it owns.
///
/// Commas are placed automatically: a value or key written after another value in the same
/// container gets one. Keys are `StaticString`s the generator controls (plain ASCII, never
/// escaped); `String` values are escaped per RFC 8259 (`"`, `\`, and control characters),
/// `StaticString` values are written as they are and must need no escaping.
///
/// The writer is noncopyable so it can own raw memory: appends are a bounds check and a
/// `memcpy`, with no copy-on-write or exclusivity checks on the hot path.
struct JSONByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var needsComma = false
    /// The last day number formatted, and its civil date (most timestamps of a record share days).
    private var cachedDay = Int64.min
    private var cachedDate: (year: Int64, month: Int64, day: Int64) = (0, 0, 0)

    init(capacity: Int = 256) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The text written so far.
    var bytes: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }

    /// The number of bytes written so far.
    var byteCount: Int { count }

    // MARK: Structure

    mutating func beginObject() {
        separate()
        appendByte(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        appendByte(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        appendByte(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        appendByte(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts an object on a new line: one record per line keeps big pages readable and makes
    /// parser error positions meaningful.
    mutating func beginRecord() {
        separate()
        appendByte(UInt8(ascii: "\n"))
        appendByte(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Writes `"key":`.
    mutating func key(_ name: StaticString) {
        reserve(name.utf8CodeUnitCount + 4)
        if needsComma { store(UInt8(ascii: ",")) }
        store(UInt8(ascii: "\""))
        appendPlain(name)
        store(UInt8(ascii: "\""))
        store(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Appends already-valid JSON text.
    mutating func raw(_ fragment: [UInt8]) {
        fragment.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the text of another writer (already-valid JSON).
    mutating func raw(_ other: borrowing JSONByteWriter) {
        append(UnsafeBufferPointer(start: other.base, count: other.count))
    }

    /// Appends a complete JSON value written elsewhere as the next element of the current array,
    /// on a new line (like `beginRecord`).
    mutating func rawRecord(_ fragment: [UInt8]) {
        separate()
        appendByte(UInt8(ascii: "\n"))
        raw(fragment)
        needsComma = true
    }

    /// Appends one byte of already-valid JSON text.
    mutating func appendByte(_ byte: UInt8) {
        reserve(1)
        store(byte)
    }

    /// Appends a newline outside any value (cosmetic).
    mutating func newline() {
        appendByte(UInt8(ascii: "\n"))
    }

    // MARK: Scalars

    mutating func null() {
        separate()
        appendPlain("null")
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        appendPlain(value ? "true" : "false")
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
        appendPlain(value)
        endString()
    }

    /// An ISO-8601 UTC timestamp string, `"2026-11-20T10:00:00Z"`.
    mutating func timestamp(_ epoch: Int64) {
        beginString()
        appendTimestamp(epoch)
        endString()
    }

    // MARK: Strings built in pieces (no intermediate `String`)

    mutating func beginString() {
        separate()
        appendByte(UInt8(ascii: "\""))
    }

    mutating func endString() {
        appendByte(UInt8(ascii: "\""))
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
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
    }

    /// Appends string content from a `StaticString` known to need no escaping.
    mutating func appendPlain(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends the decimal digits of `value`.
    mutating func appendDigits(_ value: Int64) {
        if value < 0 { appendByte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var limit: UInt64 = 10
        while digits < 20 && magnitude >= limit {
            digits += 1
            limit = limit &* 10
        }
        reserve(digits)
        var position = count + digits
        repeat {
            position -= 1
            base[position] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
            magnitude /= 10
        } while position > count
        count += digits
    }

    /// Appends `value` (non-negative) zero-padded to `width` digits.
    mutating func appendPadded(_ value: Int64, width: Int) {
        var digits = 1
        var probe = value / 10
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        for _ in digits..<max(digits, width) { appendByte(UInt8(ascii: "0")) }
        appendDigits(value)
    }

    /// Appends `2026-11-20T10:00:00Z` (without quotes).
    mutating func appendTimestamp(_ epoch: Int64) {
        let day = CivilCalendar.floorDivide(epoch, 86_400)
        let second = epoch - day * 86_400
        appendDate(day)
        reserve(10)
        store(UInt8(ascii: "T"))
        storeTwo(second / 3600)
        store(UInt8(ascii: ":"))
        storeTwo(second % 3600 / 60)
        store(UInt8(ascii: ":"))
        storeTwo(second % 60)
        store(UInt8(ascii: "Z"))
    }

    /// Appends `2026-11-20` for a day number since 1970-01-01 (without quotes).
    mutating func appendDate(_ day: Int64) {
        if day != cachedDay {
            cachedDate = CivilCalendar.date(ofDay: day)
            cachedDay = day
        }
        let date = cachedDate
        if (0...9999).contains(date.year) {
            reserve(10)
            storeTwo(date.year / 100)
            storeTwo(date.year % 100)
        } else {
            appendDigits(date.year)
            reserve(6)
        }
        store(UInt8(ascii: "-"))
        storeTwo(date.month)
        store(UInt8(ascii: "-"))
        storeTwo(date.day)
    }

    // MARK: Private

    private mutating func separate() {
        if needsComma { appendByte(UInt8(ascii: ",")) }
    }

    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        reserve(buffer.count)
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toFit: count + extra) }
    }

    private mutating func grow(toFit needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Stores a byte into space already reserved.
    @inline(__always)
    private mutating func store(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Stores two decimal digits (0…99) into space already reserved.
    @inline(__always)
    private mutating func storeTwo(_ value: Int64) {
        store(UInt8(truncatingIfNeeded: 0x30 &+ value / 10))
        store(UInt8(truncatingIfNeeded: 0x30 &+ value % 10))
    }

    /// Appends the escape of an ASCII byte below 0x20, `"` or `\`, as API-shaped JSON writes it
    /// (`JSONString.Escaping.standard`).
    private mutating func appendEscape(_ byte: UInt8) {
        for escaped in JSONString.escape(Unicode.Scalar(byte), escaping: .standard)?.utf8 ?? "".utf8 {
            appendByte(escaped)
        }
    }
}
