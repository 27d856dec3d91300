public import Foundation

/// One GET request: a URL and headers (the Authorization header among them).
public struct HTTPRequest: Sendable {
    public var url: URL
    public var headers: [String: String]

    public init(url: URL, headers: [String: String]) {
        self.url = url
        self.headers = headers
    }
}

/// A response: status, headers (names lowercased) and the body bytes.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// The body as text, shortened for messages (error bodies may be plain text).
    public var bodySnippet: String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return body.count > 300 ? text + "…" : text
    }
}

/// A failure below HTTP: no response arrived.
public enum TransportError: Error, Sendable, CustomStringConvertible {
    case timedOut
    case connectionLost(String)
    case cannotConnect(String)
    case other(String)

    public var description: String {
        switch self {
        case .timedOut: "the request timed out"
        case .connectionLost(let detail): "the connection was lost (\(detail))"
        case .cannotConnect(let detail): "cannot connect (\(detail))"
        case .other(let detail): detail
        }
    }
}

/// Sends requests; the one seam between deskstat and the network, so tests can inject faults.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}
