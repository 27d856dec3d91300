import Foundation
import ZendeskWire

/// Walks a list endpoint page by page, whatever its pagination style: cursor (`meta.has_more`,
/// `meta.after_cursor`, `links.next`) or offset (`next_page`).
struct CursorList {
    let context: SyncContext

    /// Calls `page` with each envelope, in order; stops at the last page.
    func walk(
        _ path: String, query: [(String, String)], endpoint: EndpointClass = .standard,
        page: (Envelope, String?) throws(SyncError) -> Void
    ) async throws(SyncError) {
        var url = context.client.url(path, query + [("page[size]", String(context.plan.listPageSize))])
        var pages = 0
        while true {
            try context.checkStop()
            let envelope = try await context.client.envelope(url, endpoint)
            pages += 1
            let after = Self.text(envelope.paginationValue("meta", "after_cursor"))
            try page(envelope, after)
            guard let next = Self.nextURL(envelope, after: after, base: url), pages < 100_000 else { return }
            url = next
        }
    }

    /// The next page's URL, or `nil` on the last page.
    static func nextURL(_ envelope: Envelope, after: String?, base: URL) -> URL? {
        if let meta = envelope.pagination["meta"]?.objectValue {
            guard case .bool(true)? = meta["has_more"] else { return nil }
            if let link = text(envelope.paginationValue("links", "next")), let url = URL(string: link) { return url }
            guard let after, var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
                return nil
            }
            components.queryItems =
                (components.queryItems ?? []).filter { $0.name != "page[after]" }
                + [URLQueryItem(name: "page[after]", value: after)]
            return components.url
        }
        if let link = text(envelope.paginationValue("links", "next")), let url = URL(string: link) { return url }
        if let next = envelope.paginationText("next_page"), let url = URL(string: next) { return url }
        return nil
    }

    static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}
