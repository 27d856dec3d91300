/// One page of a list endpoint, cursor style (`page[size]`, `page[after]` → `meta`, `links`) when
/// the request uses `page[…]` parameters, offset style (`page`, `per_page` → `next_page`,
/// `previous_page`, `count`) otherwise. Page sizes default to 100, the cap; a bigger
/// `page[size]` is refused with 400, a bigger `per_page` is capped.
struct ListPage<Item> {
    enum Style {
        case cursor(hasMore: Bool, afterCursor: String?, next: String?)
        case offset(next: String?, previous: String?, count: Int)
    }

    let items: [Item]
    let style: Style

    /// Selects the page a request asks for.
    static func select(from list: KeyedList<Item>, request: IncomingRequest, faults: PageFaults, links: PageLinks)
        throws(Reply) -> Self
    {
        let pager = ListPager(list: list, request: request, faults: faults, links: links)
        let cursorStyle = request.query.contains { $0.name.hasPrefix("page[") }
        return cursorStyle ? try pager.cursorPage() : pager.offsetPage()
    }

    /// The list envelope.
    func envelope(_ key: String, _ records: [FakeJSON]) -> FakeJSON {
        switch style {
        case .cursor(let hasMore, let afterCursor, let next):
            return [
                key: .array(records),
                "meta": ["has_more": .bool(hasMore), "after_cursor": .maybe(afterCursor), "before_cursor": nil],
                "links": ["next": .maybe(next), "prev": nil],
            ]
        case .offset(let next, let previous, let count):
            return [
                key: .array(records), "next_page": .maybe(next), "previous_page": .maybe(previous),
                "count": .int(Int64(count)),
            ]
        }
    }
}

/// Cuts one list page out of a keyed list, for one request.
struct ListPager<Item> {
    let list: KeyedList<Item>
    let request: IncomingRequest
    let faults: PageFaults
    let links: PageLinks

    /// `page[size]` (1…100, default 100) records after `page[after]`.
    func cursorPage() throws(Reply) -> ListPage<Item> {
        let size = request.value("page[size]").map { Int($0) ?? -1 } ?? 100
        guard (1...100).contains(size) else { throw .badRequest("page[size] must be between 1 and 100") }
        var position = PageKey.beforeAll
        if let after = request.value("page[after]") {
            guard let key = PageKey(token: after) else { throw .badRequest("page[after] is invalid") }
            position = key
        }
        if faults.emptyPage { return ListPage(items: [], style: cursorStyle(after: position.token, hasMore: true)) }
        var start = list.firstIndex(after: position)
        if faults.duplicateBoundary && request.has("page[after]") && start > 0 { start -= 1 }
        let end = min(start + size, list.count)
        let hasMore = end < list.count
        var after = end > start ? list.entries[end - 1].key.token : nil
        if !hasMore && faults.nullFinalCursor { after = nil }
        return ListPage(items: list.items(start..<end), style: cursorStyle(after: after, hasMore: hasMore))
    }

    /// `meta` and `links`: `links.next` repeats the request with `page[after]` while there is more.
    func cursorStyle(after: String?, hasMore: Bool) -> ListPage<Item>.Style {
        let next = after.flatMap { after in
            hasMore
                ? links.url(PageLinks.query(of: request, setting: [("page[after]", after)], removing: ["page[before]"]))
                : nil
        }
        return .cursor(hasMore: hasMore, afterCursor: after, next: next)
    }

    /// Page `page` (from 1) of `per_page` records (default and cap 100).
    func offsetPage() -> ListPage<Item> {
        let perPage = min(100, max(1, request.value("per_page").flatMap { Int($0) } ?? 100))
        let page = max(1, request.value("page").flatMap { Int($0) } ?? 1)
        if faults.emptyPage {
            return ListPage(items: [], style: .offset(next: pageURL(page), previous: nil, count: list.count))
        }
        var start = min(list.count, (page - 1) * perPage)
        let end = min(list.count, start + perPage)
        if faults.duplicateBoundary && page > 1 && start > 0 { start -= 1 }
        let next = end < list.count ? pageURL(page + 1) : nil
        let previous = page > 1 ? pageURL(page - 1) : nil
        return ListPage(
            items: list.items(start..<end), style: .offset(next: next, previous: previous, count: list.count))
    }

    func pageURL(_ number: Int) -> String {
        links.url(PageLinks.query(of: request, setting: [("page", String(number))]))
    }
}
