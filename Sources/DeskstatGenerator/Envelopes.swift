/// An opaque pagination cursor as Zendesk writes them: Base64 of a small position text.
struct Cursor: Sendable {
    /// The Base64 text (ASCII).
    let token: [UInt8]

    /// An incremental-export cursor, Base64 of `"<epoch>.0||<id>|"`.
    static func export(time: Int64, id: Int64) -> Cursor {
        var text = JSONByteWriter(capacity: 32)
        text.appendDigits(time)
        text.appendPlain(".0||")
        text.appendDigits(id)
        text.appendPlain("|")
        return Cursor(token: Base64.encode(text.bytes))
    }

    /// A list cursor, Base64 of `{"o":"id","v":<id>}`.
    static func list(id: Int64) -> Cursor {
        var text = JSONByteWriter(capacity: 32)
        text.appendPlain("{\"o\":\"id\",\"v\":")
        text.appendDigits(id)
        text.appendPlain("}")
        return Cursor(token: Base64.encode(text.bytes))
    }
}

enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let first = UInt32(input[index])
            let second = index + 1 < input.count ? UInt32(input[index + 1]) : 0
            let third = index + 2 < input.count ? UInt32(input[index + 2]) : 0
            let triple = first << 16 | second << 8 | third
            output.append(alphabet[Int(triple >> 18 & 63)])
            output.append(alphabet[Int(triple >> 12 & 63)])
            output.append(index + 1 < input.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            output.append(index + 2 < input.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return output
    }
}

/// The pagination members that close each kind of response body.
extension JSONByteWriter {
    /// `"meta":{"has_more":…,"after_cursor":…,"before_cursor":…},"links":{"next":…,"prev":…}`
    /// (cursor pagination on list endpoints).
    mutating func cursorListTail(
        path: StaticString, hasMore: Bool, after: Cursor?, before: Cursor?
    ) {
        key("meta")
        beginObject()
        key("has_more")
        bool(hasMore)
        key("after_cursor")
        cursorValue(after)
        key("before_cursor")
        cursorValue(before)
        endObject()
        key("links")
        beginObject()
        key("next")
        pageURL(path, parameter: "page[after]=", cursor: hasMore ? after : nil, suffix: "")
        key("prev")
        pageURL(path, parameter: "page[before]=", cursor: before, suffix: "")
        endObject()
    }

    /// `"after_cursor":…,"after_url":…,"before_cursor":…,"before_url":…,"end_of_stream":…`
    /// (cursor-based incremental export).
    mutating func incrementalExportTail(
        path: StaticString, include: StaticString, after: Cursor?, before: Cursor?, endOfStream: Bool
    ) {
        key("after_cursor")
        cursorValue(after)
        key("after_url")
        pageURL(path, parameter: "cursor=", cursor: after, suffix: include)
        key("before_cursor")
        cursorValue(before)
        key("before_url")
        pageURL(path, parameter: "cursor=", cursor: before, suffix: include)
        key("end_of_stream")
        bool(endOfStream)
    }

    /// `"count":…,"end_time":…,"next_page":…,"end_of_stream":…` (time-based incremental export).
    mutating func timeExportTail(
        path: StaticString, include: StaticString = "", count: Int, endTime: Int64, endOfStream: Bool
    ) {
        key("count")
        int(count)
        key("end_time")
        int(endTime)
        key("next_page")
        if endOfStream {
            null()
        } else {
            beginString()
            appendPlain(Identifiers.apiRoot)
            appendPlain(path)
            appendPlain("?start_time=")
            appendDigits(endTime)
            appendPlain(include)
            endString()
        }
        key("end_of_stream")
        bool(endOfStream)
    }

    /// `"next_page":null,"previous_page":null,"count":…` (offset pagination, one page).
    mutating func offsetListTail(count: Int) {
        key("next_page")
        null()
        key("previous_page")
        null()
        key("count")
        int(count)
    }

    private mutating func cursorValue(_ cursor: Cursor?) {
        guard let cursor else { return null() }
        beginString()
        raw(cursor.token)
        endString()
    }

    /// `<api root><path>?<parameter><percent-encoded cursor><suffix>` or `null`.
    private mutating func pageURL(
        _ path: StaticString, parameter: StaticString, cursor: Cursor?, suffix: StaticString
    ) {
        guard let cursor else { return null() }
        beginString()
        appendPlain(Identifiers.apiRoot)
        appendPlain(path)
        appendPlain("?")
        appendPlain(parameter)
        for byte in cursor.token {
            switch byte {
            case UInt8(ascii: "+"): appendPlain("%2B")
            case UInt8(ascii: "/"): appendPlain("%2F")
            case UInt8(ascii: "="): appendPlain("%3D")
            default: appendByte(byte)
            }
        }
        appendPlain(suffix)
        endString()
    }
}
