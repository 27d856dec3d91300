/// One page of a cursor-based incremental export (tickets, users).
///
/// The first request sends `start_time` (records whose key time is at least it), later ones
/// `cursor` (records after it). `per_page` defaults to and is capped at 1000. The final page sets
/// `end_of_stream` and still carries an `after_cursor` pointing after its last record, so a later
/// run resumes there and sees only newer changes.
struct CursorExportPage<Item> {
    let items: [Item]
    let afterCursor: String?
    let endOfStream: Bool

    /// Selects the page a request asks for.
    static func select(from list: KeyedList<Item>, request: IncomingRequest, faults: PageFaults) throws(Reply) -> Self {
        let perPage = min(1000, max(1, request.value("per_page").flatMap { Int($0) } ?? 1000))
        let position: PageKey
        let resumed: Bool
        if let cursor = request.value("cursor") {
            guard let key = PageKey(token: cursor) else { throw .badRequest("cursor is invalid") }
            (position, resumed) = (key, true)
        } else if let text = request.value("start_time") {
            guard let startTime = Int64(text) else { throw .badRequest("start_time must be an epoch time in seconds") }
            (position, resumed) = (PageKey.before(time: startTime), false)
        } else {
            throw .badRequest("start_time or cursor is required")
        }
        var start = list.firstIndex(after: position)
        if faults.emptyPage {
            return CursorExportPage(items: [], afterCursor: position.token, endOfStream: false)
        }
        if faults.duplicateBoundary && resumed && start > 0 { start -= 1 }
        let end = min(start + perPage, list.count)
        let endOfStream = end == list.count
        let after = end > start ? list.entries[end - 1].key : position
        let nullCursor = endOfStream && faults.nullFinalCursor
        return CursorExportPage(
            items: list.items(start..<end), afterCursor: nullCursor ? nil : after.token, endOfStream: endOfStream)
    }

    /// The export envelope: records, side-loads, then the cursor members.
    func envelope(
        _ key: String, _ records: [FakeJSON], sideLoads: FakeJSONObject, request: IncomingRequest, links: PageLinks
    )
        -> FakeJSON
    {
        var object: FakeJSONObject = [key: .array(records)]
        object = object.merging(sideLoads)
        let afterURL = afterCursor.map {
            links.url(PageLinks.query(of: request, setting: [("cursor", $0)], removing: ["start_time"]))
        }
        object["after_url"] = .maybe(afterURL)
        object["after_cursor"] = .maybe(afterCursor)
        object["before_url"] = .null
        object["before_cursor"] = .null
        object["end_of_stream"] = .bool(endOfStream)
        return .object(object)
    }
}
