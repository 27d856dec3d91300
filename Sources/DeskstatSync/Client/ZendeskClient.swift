public import Foundation
public import ZendeskWire

/// GETs Zendesk API pages with authentication, pacing and retries.
///
/// - 429 and 503 wait `Retry-After` (whole or decimal seconds; 60 when absent) and retry.
/// - Other 5xx, timeouts, dropped connections and unreadable 200 bodies retry with exponential
///   backoff, a bounded number of times.
/// - 504 is returned to the caller (`gatewayTimeout`) so it can halve the page size.
/// - 401 stops the sync; 403 and 404 go back to the caller, which knows what they mean there.
public struct ZendeskClient: Sendable {
    public struct Settings: Sendable {
        public var baseURL: URL
        /// The Authorization header value (`Basic …` or `Bearer …`). Never logged.
        public var authorization: String
        public var incrementalPerMinute: Int
        public var standardPerMinute: Int
        public var maxAttempts: Int
        public var maxRateLimitWaits: Int
        public var defaultRetryAfter: Double
        public var backoffBase: Double

        public init(
            baseURL: URL, authorization: String, incrementalPerMinute: Int = 10, standardPerMinute: Int = 200,
            maxAttempts: Int = 6, maxRateLimitWaits: Int = 10, defaultRetryAfter: Double = 60, backoffBase: Double = 1
        ) {
            self.baseURL = baseURL
            self.authorization = authorization
            self.incrementalPerMinute = incrementalPerMinute
            self.standardPerMinute = standardPerMinute
            self.maxAttempts = maxAttempts
            self.maxRateLimitWaits = maxRateLimitWaits
            self.defaultRetryAfter = defaultRetryAfter
            self.backoffBase = backoffBase
        }
    }

    public let settings: Settings
    let transport: any HTTPTransport
    let clock: any SyncClock
    let limiter: RateLimiter
    let events: @Sendable (SyncEvent) -> Void

    public init(
        settings: Settings, transport: any HTTPTransport, clock: any SyncClock,
        events: @escaping @Sendable (SyncEvent) -> Void
    ) {
        self.settings = settings
        self.transport = transport
        self.clock = clock
        self.events = events
        limiter = RateLimiter(
            clock: clock, incrementalPerMinute: settings.incrementalPerMinute,
            standardPerMinute: settings.standardPerMinute)
    }

    /// An API URL: `path` under `/api/v2/` with query items (in the order given).
    public func url(_ path: String, _ query: [(String, String)] = []) -> URL {
        var components = URLComponents(url: settings.baseURL, resolvingAgainstBaseURL: false) ?? URLComponents()
        let base = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = base + "/api/v2/" + path
        components.queryItems = query.isEmpty ? nil : query.map { URLQueryItem(name: $0.0, value: $0.1) }
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.url ?? settings.baseURL
    }

    /// Fetches and parses one page, retrying transient failures (including a truncated 200 body).
    public func envelope(_ url: URL, _ endpoint: EndpointClass) async throws(SyncError) -> Envelope {
        var attempt = 0
        while true {
            let response = try await get(url, endpoint)
            do {
                return try Envelope.parse(response.body)
            } catch {
                attempt += 1
                guard attempt < settings.maxAttempts else {
                    throw .malformedBody(url: url.absoluteString, problem: error.description)
                }
                events(.warning("unreadable body from \(url.path) (\(error.description.prefix(80))); retrying"))
                try await backoff(attempt)
            }
        }
    }

    /// GETs `url`, handling pacing and retries; returns a 2xx response.
    public func get(_ url: URL, _ endpoint: EndpointClass) async throws(SyncError) -> HTTPResponse {
        var failures = 0
        var rateLimitWaits = 0
        var lastProblem = ""
        while true {
            try Task.checkCancellation(or: .interrupted)
            do {
                let waited = try await limiter.acquire(endpoint)
                if waited >= 1 { events(.waiting(seconds: waited, reason: "rate limit (\(endpoint.rawValue))")) }
            } catch {
                throw .interrupted
            }
            let started = clock.now()
            let response: HTTPResponse
            do {
                response = try await transport.send(HTTPRequest(url: url, headers: headers))
            } catch {
                failures += 1
                lastProblem = error.description
                guard failures < settings.maxAttempts else {
                    throw .gaveUp(url: url.absoluteString, lastProblem: lastProblem)
                }
                events(.warning("\(url.path): \(error.description); retrying"))
                try await backoff(failures)
                continue
            }
            events(
                .request(
                    url: url.absoluteString, status: response.status, milliseconds: Int((clock.now() - started) * 1000))
            )
            await limiter.observe(
                remaining: response.headers["x-rate-limit-remaining"].flatMap(Int.init), endpoint: endpoint)
            switch response.status {
            case 200..<300:
                return response
            case 429, 503:
                rateLimitWaits += 1
                lastProblem = "HTTP \(response.status)"
                guard rateLimitWaits <= settings.maxRateLimitWaits else {
                    throw .gaveUp(url: url.absoluteString, lastProblem: lastProblem)
                }
                let seconds = Self.retryAfter(response.headers["retry-after"]) ?? settings.defaultRetryAfter
                await limiter.pause(for: seconds)
                events(.waiting(seconds: seconds, reason: "Zendesk answered \(response.status); Retry-After"))
            case 504:
                throw .gatewayTimeout(url.absoluteString)
            case 500..<600:
                failures += 1
                lastProblem = "HTTP \(response.status): \(response.bodySnippet)"
                guard failures < settings.maxAttempts else {
                    throw .gaveUp(url: url.absoluteString, lastProblem: lastProblem)
                }
                try await backoff(failures)
            case 401:
                throw .unauthorized(url.absoluteString)
            case 403:
                throw .forbidden(table: url.path, body: response.bodySnippet)
            case 404:
                throw .notFound(url.absoluteString)
            default:
                throw .http(status: response.status, url: url.absoluteString, body: response.bodySnippet)
            }
        }
    }

    var headers: [String: String] {
        ["Authorization": settings.authorization, "Accept": "application/json", "User-Agent": "deskstat"]
    }

    /// Exponential backoff: base·2^(attempt−1) seconds, at most 60.
    func backoff(_ attempt: Int) async throws(SyncError) {
        let seconds = min(60, settings.backoffBase * pow(2, Double(attempt - 1)))
        events(.waiting(seconds: seconds, reason: "backing off after a failure"))
        do {
            try await clock.sleep(seconds: seconds)
        } catch {
            throw .interrupted
        }
    }

    /// `Retry-After` as seconds: an integer or a decimal; `nil` when absent or unreadable.
    static func retryAfter(_ header: String?) -> Double? {
        guard let header, let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds.isFinite,
            seconds >= 0
        else { return nil }
        return min(seconds, 3600)
    }
}

extension Task where Success == Never, Failure == Never {
    /// Throws `error` when the current task has been cancelled.
    static func checkCancellation(or error: SyncError) throws(SyncError) {
        if Task.isCancelled { throw error }
    }
}
