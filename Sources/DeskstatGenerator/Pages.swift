/// How a paged table is enveloped, as the API endpoint that serves it would.
enum PageStyle {
    /// Cursor-based incremental export (`/incremental/<table>/cursor.json`).
    case incrementalExport(path: StaticString)
    /// Time-based incremental export (`/incremental/<table>.json`).
    case timeExport(path: StaticString)
    /// Cursor pagination on a list endpoint (`meta` and `links`).
    case cursorList(path: StaticString)
}

/// Where a record sits in its export: the values a cursor or `end_time` is made from.
struct RecordPosition {
    let time: Int64
    let id: Int64
}

/// Splits a table of `count` records into pages of at most `pageSize`, names them
/// `<table>-NNNN.json` and closes each with the style's pagination members. A table with no
/// records still gets one (empty, final) page.
struct PagedTable {
    let table: String
    let key: StaticString
    let style: PageStyle
    let count: Int

    func emit(
        _ account: Account, record: (Int, inout JSONByteWriter) -> RecordPosition,
        to emit: (GeneratedFile) throws -> Void
    ) rethrows {
        let pages = max(1, (count + account.pageSize - 1) / account.pageSize)
        var previous: Cursor?
        for page in 0..<pages {
            let range = (page * account.pageSize)..<min(count, (page + 1) * account.pageSize)
            var writer = JSONByteWriter(capacity: range.count * 900 + 512)
            writer.beginObject()
            writer.key(key)
            writer.beginArray()
            var first: RecordPosition?
            var last = RecordPosition(time: account.end, id: 0)
            for index in range {
                last = record(index, &writer)
                if first == nil { first = last }
            }
            writer.newline()
            writer.endArray()
            let isLast = page == pages - 1
            previous = closePage(
                &writer, isLast: isLast, records: range.count, first: first, last: last,
                previous: previous)
            writer.endObject()
            writer.newline()
            try emit(GeneratedFile(name: account.pageName(table, page + 1), bytes: writer.bytes))
        }
    }

    /// Writes the pagination members; returns the cursor the next page's `before` refers to.
    private func closePage(
        _ writer: inout JSONByteWriter, isLast: Bool, records: Int, first: RecordPosition?,
        last: RecordPosition, previous: Cursor?
    ) -> Cursor? {
        switch style {
        case .incrementalExport(let path):
            let after = Cursor.export(time: last.time, id: last.id)
            writer.incrementalExportTail(
                path: path, include: "", after: isLast ? nil : after, before: previous,
                endOfStream: isLast)
            return after
        case .timeExport(let path):
            writer.timeExportTail(path: path, count: records, endTime: last.time, endOfStream: isLast)
            return nil
        case .cursorList(let path):
            let after = first.map { _ in Cursor.list(id: last.id) }
            let before = previous == nil ? nil : first.map { Cursor.list(id: $0.id) }
            writer.cursorListTail(path: path, hasMore: !isLast, after: after, before: before)
            return after ?? previous
        }
    }
}
