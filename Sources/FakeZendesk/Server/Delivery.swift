import FlyingFox
import FlyingSocks
import Foundation

/// How a reply reaches the client: whole, with half its body, or cut off mid-body.
enum Delivery: Sendable {
    case whole
    /// A complete response whose body is the first half of the reply's.
    case truncated
    /// Status line and headers (announcing the full length), half the body, then the connection closes.
    case drop
}

/// What the server decided for one request: the reply, how to deliver it, and how long to wait first.
struct DeliveryDecision: Sendable {
    let reply: Reply
    let delivery: Delivery
    /// Seconds to wait before answering, already scaled.
    let delay: Double

    /// Waits the delay (returns early if the server stops).
    func waitIfSlow() async {
        guard delay > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
    }

    /// The FlyingFox response that delivers the reply.
    func response() -> HTTPResponse {
        var headers = HTTPHeaders()
        for header in reply.headers { headers[HTTPHeader(header.name)] = header.value }
        let status = HTTPStatusCode(reply.status, phrase: Reply.phrase(reply.status))
        let half = Array(reply.body.prefix(reply.body.count / 2))
        switch delivery {
        case .whole:
            return HTTPResponse(statusCode: status, headers: headers, body: Data(reply.body))
        case .truncated:
            return HTTPResponse(statusCode: status, headers: headers, body: Data(half))
        case .drop:
            let body = HTTPBodySequence(from: DroppingBytes(prefix: half), count: reply.body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: body)
        }
    }
}

/// Body bytes that stop partway with an error, which makes FlyingFox close the connection.
struct DroppingBytes: AsyncBufferedSequence {
    typealias Element = UInt8

    let prefix: [UInt8]

    func makeAsyncIterator() -> Iterator { Iterator(pending: prefix) }

    /// Thrown after the prefix; the connection closes.
    struct Dropped: Error {}

    struct Iterator: AsyncBufferedIteratorProtocol {
        var pending: [UInt8]

        mutating func next() async throws -> UInt8? {
            guard !pending.isEmpty else { throw Dropped() }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            guard !pending.isEmpty else { throw Dropped() }
            let chunk = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(chunk.count)
            return chunk
        }
    }
}
