/// A response before delivery: status, headers and body bytes.
struct Reply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// A JSON body, as every endpoint answers.
    static func json(_ value: FakeJSON, status: Int = 200) -> Reply {
        Reply(status: status, headers: [("Content-Type", FakeContentType.json)], body: Array(value.text.utf8))
    }

    /// A body given as text with its content type (error bodies, fault bodies).
    static func text(_ body: String, status: Int, contentType: String) -> Reply {
        Reply(status: status, headers: [("Content-Type", contentType)], body: Array(body.utf8))
    }

    static let unauthorized = Reply.text(FakeErrorBody.unauthorized, status: 401, contentType: FakeContentType.json)
    static let forbidden = Reply.text(FakeErrorBody.forbidden, status: 403, contentType: FakeContentType.json)
    static let notFound = Reply.text(FakeErrorBody.notFound, status: 404, contentType: FakeContentType.json)
    static let invalidEndpoint = Reply.text(
        FakeErrorBody.invalidEndpoint, status: 404, contentType: FakeContentType.json)

    /// 400 for a bad pagination parameter (a cursor the server never issued, a page size too big).
    static func badRequest(_ description: String) -> Reply {
        let body: FakeJSON = ["error": "InvalidPaginationParameter", "description": .string(description)]
        return .json(body, status: 400)
    }

    /// The reason phrase of a status code.
    static func phrase(_ status: Int) -> String {
        let phrases = [
            200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 409: "Conflict", 422: "Unprocessable Entity", 429: "Too Many Requests",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return phrases[status] ?? "Status \(status)"
    }
}
