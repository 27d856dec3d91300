/// Something going wrong with one response, as a real client would see it.
public enum Fault: Sendable, Equatable {
    /// Answer with this status, an optional `Retry-After` header (sent verbatim: `"2"`, `"0.5"`),
    /// this body and this content type, instead of the real response.
    case status(Int, retryAfter: String?, body: String, contentType: String)
    /// Answer late: wait `seconds` × the server's delay scale before sending anything.
    case slow(seconds: Double)
    /// Send a complete HTTP response (status 200, consistent `Content-Length`) whose JSON body is
    /// cut in half, so it does not parse.
    case truncatedBody
    /// Send the status line, the headers (announcing the full length) and half the body, then
    /// close the connection: the client sees a transport error, not a response.
    case dropConnection
    /// Paginated endpoints: an empty page that does not advance (cursor exports:
    /// `end_of_stream: false` and the same position as requested; lists: `has_more: true`; time
    /// exports: `end_time` equal to `start_time`). Following it yields the real page.
    case emptyPage
    /// Paginated endpoints: a page requested with a cursor (or a page number) starts with the last
    /// record of the previous page again. Time-based exports repeat boundary records anyway.
    case duplicateBoundary
    /// Cursor exports and lists: the final page has `after_cursor: null` (and `after_url: null`).
    case nullFinalCursor

    /// 429 with `Retry-After`; Zendesk's body is often plain text.
    public static func rateLimited(retryAfter: String? = "1", plainText: Bool = true) -> Fault {
        plainText
            ? .status(429, retryAfter: retryAfter, body: "Rate limit exceeded", contentType: FakeContentType.text)
            : .status(
                429, retryAfter: retryAfter,
                body: #"{"error":"APIRateLimitExceeded","description":"Rate limit exceeded"}"#,
                contentType: FakeContentType.json)
    }

    /// 503 (maintenance), which Zendesk also sends with `Retry-After`.
    public static func serviceUnavailable(retryAfter: String? = "1") -> Fault {
        .status(503, retryAfter: retryAfter, body: "Service Unavailable", contentType: FakeContentType.text)
    }

    /// 500 with a JSON error body.
    public static let internalServerError = Fault.status(
        500, retryAfter: nil, body: #"{"error":"InternalServerError","description":"Something went wrong"}"#,
        contentType: FakeContentType.json)

    /// 502 from the edge, as HTML.
    public static let badGateway = Fault.status(
        502, retryAfter: nil, body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
        contentType: FakeContentType.html)

    /// 504 from the edge, as HTML (a page too big to build in time).
    public static let gatewayTimeout = Fault.status(
        504, retryAfter: nil, body: "<html><body><h1>504 Gateway Time-out</h1></body></html>",
        contentType: FakeContentType.html)

    /// 401, as for a wrong or revoked token.
    public static let unauthorized = Fault.status(
        401, retryAfter: nil, body: FakeErrorBody.unauthorized, contentType: FakeContentType.json)

    /// 403 with Zendesk's Forbidden body.
    public static let forbidden = Fault.status(
        403, retryAfter: nil, body: FakeErrorBody.forbidden, contentType: FakeContentType.json)

    /// 404 with Zendesk's RecordNotFound body.
    public static let notFound = Fault.status(
        404, retryAfter: nil, body: FakeErrorBody.notFound, contentType: FakeContentType.json)
}

/// Content types the fake API answers with.
public enum FakeContentType {
    public static let json = "application/json; charset=utf-8"
    public static let text = "text/plain; charset=utf-8"
    public static let html = "text/html; charset=utf-8"
}

/// Zendesk's error bodies.
public enum FakeErrorBody {
    /// 401: missing or wrong credentials.
    public static let unauthorized = #"{"error":"Couldn't authenticate you"}"#
    /// 403: the plan or role does not include this.
    public static let forbidden =
        #"{"error":{"title":"Forbidden","message":"You do not have access to this page. Please contact the account owner of this help desk for further help."}}"#
    /// 404: a record (such as a deleted ticket) that does not exist.
    public static let notFound = #"{"error":"RecordNotFound","description":"Not found"}"#
    /// 404: a path the API does not have.
    public static let invalidEndpoint = #"{"error":"InvalidEndpoint","description":"Not found"}"#
}
