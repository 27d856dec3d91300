import FlyingFox
public import Foundation

/// A fake Zendesk Support API on `127.0.0.1` (an ephemeral port), serving a ``FakeAccount`` with
/// the real endpoints, envelopes, pagination, authentication and error bodies, plus switchable
/// faults (``FaultPlan``).
///
/// ```swift
/// let server = FakeZendeskServer(
///     account: .generated(tickets: 40, seed: 7, start: 1_793_000_000),
///     credentials: .apiToken(email: "ana@deskstat-fake.example", token: "secret"))
/// let baseURL = try await server.start()       // http://127.0.0.1:PORT
/// await server.setFaults(FaultPlan().adding(.rateLimited(retryAfter: "0.01"), on: "incremental/", .first(1)))
/// // … sync against baseURL …
/// await server.mutate { $0.updateTicket(1003) { $0.status = "solved" } }
/// let log = await server.requests
/// await server.stop()
/// ```
///
/// Endpoints (all `GET`, under `/api/v2/`, with or without `.json`):
/// - cursor exports: `incremental/tickets/cursor` (`start_time` or `cursor`, `per_page`,
///   `include=metric_sets`, `exclude_deleted`), `incremental/users/cursor`;
/// - time exports: `incremental/organizations`, `incremental/ticket_metric_events`, `incremental/ticket_events`
///   (`start_time`, `per_page`; ticket events also `include=comment_events`);
/// - lists, cursor style with `page[size]`/`page[after]`, offset style otherwise: `groups`,
///   `group_memberships`, `ticket_fields`, `macros`, `tags`, `satisfaction_ratings` (`start_time`,
///   `end_time`), `ticket_metrics`, `ticket_audits`, `tickets/{id}/audits`, `tickets/{id}/comments`;
/// - one page: `ticket_forms`, `slas/policies`, `business_hours/schedules`;
/// - single records: `users/me`, `tickets/{id}`, `tickets/{id}/metrics`.
///
/// Every response carries `X-Rate-Limit` and `X-Rate-Limit-Remaining`. Order of checks: status
/// faults, then credentials (401), then forbidden tables (403), then the endpoint (404 for unknown
/// paths and for deleted or unknown tickets' children, 400 for bad pagination parameters).
public actor FakeZendeskServer {
    /// The account as served now.
    public private(set) var account: FakeAccount
    /// Every request received since creation (or ``clearRequests()``), in arrival order.
    public private(set) var requests: [RecordedRequest] = []
    /// `http://127.0.0.1:PORT` while running.
    public private(set) var baseURL: URL?
    /// The faults in force.
    public var faults: FaultPlan { faultBook.plan }

    private var credentials: FakeCredentials
    private var faultBook = FaultBook(plan: .none)
    private let options: FakeServerOptions
    private let createdAt = ContinuousClock.now
    private var rateWindow: (start: ContinuousClock.Instant, used: Int)
    private var http: HTTPServer?
    private var runTask: Task<Void, Never>?
    private var starting: Task<URL, any Error>?

    public init(account: FakeAccount, credentials: FakeCredentials, options: FakeServerOptions = FakeServerOptions()) {
        self.account = account
        self.credentials = credentials
        self.options = options
        rateWindow = (ContinuousClock.now, 0)
    }

    /// Starts listening on an ephemeral port of 127.0.0.1; returns the base URL (no trailing slash).
    /// Calling it again while running (or while starting) returns the same URL.
    public func start() async throws -> URL {
        if let baseURL { return baseURL }
        if let starting { return try await starting.value }
        let task = Task { try await listen() }
        starting = task
        defer { starting = nil }
        return try await task.value
    }

    /// Binds, waits until FlyingFox listens, and reads the port.
    private func listen() async throws -> URL {
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: 0), timeout: options.handlerTimeout, logger: .disabled,
            handler: FakeHandler(server: self))
        let run = Task<Void, Never> { try? await server.run() }
        do {
            try await server.waitUntilListening()
            guard case .ip4(_, let port)? = await server.listeningAddress,
                let url = URL(string: "http://127.0.0.1:\(port)")
            else { throw FakeServerError.noListeningAddress }
            http = server
            runTask = run
            baseURL = url
            return url
        } catch {
            await server.stop()
            run.cancel()
            await run.value
            throw error
        }
    }

    /// Stops listening and closes open connections.
    public func stop() async {
        let server = http
        let task = runTask
        http = nil
        runTask = nil
        baseURL = nil
        await server?.stop(timeout: 0)
        task?.cancel()
        await task?.value
    }

    /// Changes the account (between syncs, or during one). Records the change touched get new
    /// version timestamps as ``FakeStamping`` says; by default as Zendesk would stamp an agent's update.
    public func mutate(stamping: FakeStamping = .asZendeskWould, _ change: (inout FakeAccount) -> Void) {
        let old = account
        change(&account)
        account.stamp(changesSince: old, stamping)
    }

    /// Replaces the fault plan; rule counts start again from zero.
    public func setFaults(_ plan: FaultPlan) {
        faultBook = FaultBook(plan: plan)
    }

    /// Replaces the accepted credentials (e.g. to revoke a token mid-sync).
    public func setCredentials(_ credentials: FakeCredentials) {
        self.credentials = credentials
    }

    /// Forgets the recorded requests.
    public func clearRequests() {
        requests = []
    }

    /// Recorded requests whose path starts with `pathPrefix` (without a leading `/`, under `/api/v2/`).
    public func requests(matching pathPrefix: String) -> [RecordedRequest] {
        let prefix = pathPrefix.hasPrefix("/") ? pathPrefix : "/api/v2/" + pathPrefix
        return requests.filter { $0.path.hasPrefix(prefix) }
    }

    /// Decides the answer to one request and records it.
    func decide(_ request: HTTPRequest) -> DeliveryDecision {
        let incoming = IncomingRequest(request)
        let applied = faultBook.faults(forPath: incoming.path)
        var reply = answer(incoming, applied)
        reply.headers += rateLimitHeaders()
        if let retryAfter = applied.status?.retryAfter { reply.headers.append(("Retry-After", retryAfter)) }
        let delivery: Delivery = applied.dropsConnection ? .drop : applied.truncatesBody ? .truncated : .whole
        let receivedAt = (ContinuousClock.now - createdAt) / .seconds(1)
        requests.append(incoming.record(status: reply.status, faults: applied.all, receivedAt: receivedAt))
        return DeliveryDecision(reply: reply, delivery: delivery, delay: applied.delay * options.delayScale)
    }

    /// Status faults first (they stand for the infrastructure), then authentication, then plan
    /// restrictions, then the endpoint.
    func answer(_ request: IncomingRequest, _ applied: AppliedFaults) -> Reply {
        if let status = applied.status {
            return .text(status.body, status: status.code, contentType: status.contentType)
        }
        guard credentials.accepts(request.authorization) else { return .unauthorized }
        guard let endpoint = Endpoint(path: request.path) else { return .invalidEndpoint }
        guard request.method == "GET" else {
            return .text(
                #"{"error":"InvalidEndpoint","description":"Not found"}"#, status: 405,
                contentType: FakeContentType.json)
        }
        if let table = endpoint.table, faultBook.plan.forbiddenTables.contains(table) { return .forbidden }
        let responder = Responder(
            account: account, request: request, faults: applied.page, baseURL: baseURL?.absoluteString ?? "",
            plan: faultBook.plan, options: options, credentials: credentials)
        return responder.respond(endpoint)
    }

    /// `X-Rate-Limit` and `X-Rate-Limit-Remaining`, counting this request within the current window.
    func rateLimitHeaders() -> [(name: String, value: String)] {
        let now = ContinuousClock.now
        if now - rateWindow.start >= options.rateWindow { rateWindow = (now, 0) }
        rateWindow.used += 1
        let remaining = max(0, options.rateLimit - rateWindow.used)
        return [("X-Rate-Limit", String(options.rateLimit)), ("X-Rate-Limit-Remaining", String(remaining))]
    }
}

/// Errors starting the fake server.
public enum FakeServerError: Error, CustomStringConvertible {
    /// The listening socket reported no IPv4 address.
    case noListeningAddress

    public var description: String { "the fake Zendesk server could not read its listening address" }
}

/// Hands FlyingFox's requests to the server actor, then waits and answers outside it.
struct FakeHandler: HTTPHandler {
    let server: FakeZendeskServer

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let decision = await server.decide(request)
        await decision.waitIfSlow()
        return decision.response()
    }
}
