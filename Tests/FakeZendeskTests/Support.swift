import FakeZendesk
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The credentials every test server accepts, and the header a correct client sends for them.
let testCredentials = FakeCredentials.apiToken(email: "ana@deskstat-fake.example", token: "t0ken-s3cret")
let goodAuthorization = testCredentials.authorizationHeader

/// A generated account's first ticket is created at this time.
let testStart: Int64 = 1_793_000_000

/// Runs `body` against a fresh server on an ephemeral port, and stops the server afterwards.
func withServer(
    _ account: FakeAccount = .generated(tickets: 24, seed: 7, start: testStart),
    options: FakeServerOptions = FakeServerOptions(),
    _ body: (FakeZendeskServer, RawClient) async throws -> Void
) async throws {
    let server = FakeZendeskServer(account: account, credentials: testCredentials, options: options)
    let baseURL = try await server.start()
    do {
        try await body(server, RawClient(baseURL: baseURL))
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// A test failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A plain URLSession client, as a sync engine would use it, with no retries of its own.
struct RawClient: Sendable {
    let baseURL: URL
    var authorization: String? = goodAuthorization

    /// GETs `target` (a path with query, e.g. `/api/v2/groups.json?page%5Bsize%5D=2`) or an absolute URL,
    /// with the client's `Authorization` header (or `authorization`, when given; `.some(nil)` sends none).
    func get(_ target: String, authorization override: String?? = nil) async throws -> RawResponse {
        let text = target.hasPrefix("http") ? target : baseURL.absoluteString + target
        guard let url = URL(string: text) else { throw TestFailure("bad URL \(text)") }
        var request = URLRequest(url: url)
        // Generous: in one test process, busy suites can starve the servers' threads for minutes on a
        // slow 2-core machine (seen at 60 s: FaultTests and the list tests timed out, 2026-12-05).
        request.timeoutInterval = 240
        if let header = override ?? authorization { request.setValue(header, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("not an HTTP response") }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return RawResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// A session without caching or cookies.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }()
}

/// A response as received.
struct RawResponse: Sendable {
    let status: Int
    /// Header names lowercased.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (throws when it does not parse).
    func json() throws -> JSONObject {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw TestFailure("body is not a JSON object: \(text.prefix(200))")
        }
        return JSONObject(object)
    }
}

/// Read-only access to a parsed JSON object, for assertions.
struct JSONObject {
    let raw: [String: Any]

    init(_ raw: [String: Any]) {
        self.raw = raw
    }

    subscript(key: String) -> Any? { raw[key] is NSNull ? nil : raw[key] }

    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int64? { (self[key] as? NSNumber)?.int64Value }
    func bool(_ key: String) -> Bool? { (self[key] as? NSNumber)?.boolValue }
    func isNull(_ key: String) -> Bool { raw[key] is NSNull }
    func object(_ key: String) -> JSONObject? { (self[key] as? [String: Any]).map(JSONObject.init) }

    /// The objects of a list member (empty when absent).
    func list(_ key: String) -> [JSONObject] {
        ((self[key] as? [Any]) ?? []).compactMap { $0 as? [String: Any] }.map(JSONObject.init)
    }

    /// The `id` of each object of a list member.
    func ids(_ key: String) -> [Int64] { list(key).compactMap { $0.int("id") } }
}

/// Percent-encodes a query value the way a careful client does (`+`, `/`, `=` included).
func encoded(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
