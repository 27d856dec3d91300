/// One page of a time-based incremental export (organizations, ticket metric events).
///
/// Records whose time is at least `start_time`, oldest first, `per_page` of them (default and
/// cap 1000) — more when the records after the last one share its time, as in Zendesk. `end_time`
/// is the last record's time and the next page starts there (inclusive), so boundary records
/// repeat. A page made only of records at `start_time` ends at `start_time + 1`, so the export
/// never stalls.
struct TimeExportPage<Item> {
    let items: [Item]
    let endTime: Int64
    let endOfStream: Bool

    /// Selects the page a request asks for.
    static func select(from list: KeyedList<Item>, request: IncomingRequest, faults: PageFaults) throws(Reply) -> Self {
        guard let text = request.value("start_time") else { throw .badRequest("start_time is required") }
        guard let startTime = Int64(text) else { throw .badRequest("start_time must be an epoch time in seconds") }
        if faults.emptyPage { return TimeExportPage(items: [], endTime: startTime, endOfStream: false) }
        let perPage = min(1000, max(1, request.value("per_page").flatMap { Int($0) } ?? 1000))
        let start = list.firstIndex(after: .before(time: startTime))
        var end = min(start + perPage, list.count)
        while end > start, end < list.count, list.entries[end].key.major == list.entries[end - 1].key.major { end += 1 }
        let lastTime = end > start ? list.entries[end - 1].key.major : startTime
        let endTime = end > start && lastTime == startTime ? startTime + 1 : lastTime
        return TimeExportPage(items: list.items(start..<end), endTime: endTime, endOfStream: end == list.count)
    }

    /// The export envelope: records, `count`, `end_time`, `next_page`, `end_of_stream`.
    func envelope(_ key: String, _ records: [FakeJSON], request: IncomingRequest, links: PageLinks) -> FakeJSON {
        let next =
            endOfStream ? nil : links.url(PageLinks.query(of: request, setting: [("start_time", String(endTime))]))
        return [
            key: .array(records), "count": .int(Int64(records.count)), "end_time": .int(endTime),
            "next_page": .maybe(next), "end_of_stream": .bool(endOfStream),
        ]
    }
}
