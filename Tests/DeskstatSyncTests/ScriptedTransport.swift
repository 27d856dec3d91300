import DeskstatSync
import Foundation

/// A transport that answers from a script, one step per request, and records what it was asked.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(Int, headers: [String: String] = [:], body: String)
        case fail(TransportError)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private(set) var requests: [HTTPRequest] = []

    init(_ steps: [Step]) {
        self.steps = steps
    }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let step: Step = lock.withLock {
            requests.append(request)
            return steps.isEmpty ? .respond(500, body: "script exhausted") : steps.removeFirst()
        }
        switch step {
        case .respond(let status, let headers, let body):
            return HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
        case .fail(let error): throw error
        }
    }

    var requestCount: Int { lock.withLock { requests.count } }
}

/// A virtual clock: sleeping advances time instantly and is recorded.
final class VirtualClock: SyncClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double = 1_000
    private(set) var sleeps: [Double] = []

    func now() -> Double { lock.withLock { current } }

    func epochSeconds() -> Int64 { 1_795_392_000 + Int64(now()) }

    func sleep(seconds: Double) async throws {
        lock.withLock {
            sleeps.append(seconds)
            current += seconds
        }
        await Task.yield()
    }

    var totalSlept: Double { lock.withLock { sleeps.reduce(0, +) } }
    var recordedSleeps: [Double] { lock.withLock { sleeps } }
}
