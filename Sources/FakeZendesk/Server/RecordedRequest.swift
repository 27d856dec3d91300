/// One request the fake API received, and what it answered.
public struct RecordedRequest: Sendable, Equatable {
    /// One decoded query item (`+` read as a space, percent escapes decoded, as Zendesk reads them).
    public struct QueryItem: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    public let method: String
    /// The path, without the query (`/api/v2/incremental/tickets/cursor.json`).
    public let path: String
    /// The query exactly as sent (still percent-encoded).
    public let rawQuery: String
    public let query: [QueryItem]
    /// Every request header, names lowercased.
    public let headers: [String: String]
    /// The `Authorization` header as received (`nil` when absent).
    public let authorization: String?
    /// The status sent (for ``Fault/dropConnection``, the status line sent before the drop).
    public let status: Int
    /// The faults that fired on this request.
    public let faults: [Fault]
    /// When the request arrived: seconds since the server was created.
    public let receivedAt: Double

    /// The first value of a query item.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Path and query as sent (`/api/v2/groups.json?page%5Bsize%5D=100`).
    public var target: String { rawQuery.isEmpty ? path : path + "?" + rawQuery }
}
