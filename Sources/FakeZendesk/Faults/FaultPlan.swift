/// What goes wrong, and where: fault rules plus account-level refusals.
///
/// ```swift
/// await server.setFaults(
///     FaultPlan()
///         .adding(.rateLimited(retryAfter: "0.01"), on: "incremental/tickets", .first(2))
///         .adding(.slow(seconds: 2), on: "tickets/", .every(3))
///         .forbidding(.slaPolicies, .ticketForms))
/// ```
public struct FaultPlan: Sendable, Equatable {
    /// Rules, in order. Every rule that fires on a request applies (a status fault answers
    /// instead of the endpoint; the first one wins if several fire).
    public var rules: [FaultRule]
    /// Tables whose endpoints answer 403 Forbidden (after authentication succeeds).
    public var forbiddenTables: Set<FakeTable>
    /// Audits, comments and metrics of a deleted ticket answer 404, as in Zendesk. When `false`
    /// they answer like a live ticket's.
    public var deletedTicketChildrenReturn404: Bool

    public init(
        rules: [FaultRule] = [], forbiddenTables: Set<FakeTable> = [], deletedTicketChildrenReturn404: Bool = true
    ) {
        self.rules = rules
        self.forbiddenTables = forbiddenTables
        self.deletedTicketChildrenReturn404 = deletedTicketChildrenReturn404
    }

    /// Nothing goes wrong.
    public static let none = FaultPlan()

    /// This plan plus a rule.
    public func adding(_ fault: Fault, on pathPrefix: String, _ trigger: FaultTrigger = .always) -> FaultPlan {
        var plan = self
        plan.rules.append(FaultRule(fault, on: pathPrefix, trigger))
        return plan
    }

    /// This plan with these tables forbidden as well.
    public func forbidding(_ tables: FakeTable...) -> FaultPlan {
        var plan = self
        plan.forbiddenTables.formUnion(tables)
        return plan
    }
}

/// One fault rule: requests whose path starts with a prefix, which of them, and the fault.
public struct FaultRule: Sendable, Equatable {
    /// The path prefix; without a leading `/` it is taken under `/api/v2/`
    /// (`"incremental/tickets"` means `/api/v2/incremental/tickets`).
    public var pathPrefix: String
    public var trigger: FaultTrigger
    public var fault: Fault

    public init(_ fault: Fault, on pathPrefix: String, _ trigger: FaultTrigger = .always) {
        self.fault = fault
        self.pathPrefix = pathPrefix
        self.trigger = trigger
    }

    /// The prefix as an absolute path.
    var absolutePrefix: String {
        pathPrefix.hasPrefix("/") ? pathPrefix : "/api/v2/" + pathPrefix
    }

    /// Whether a request path is one this rule counts.
    func matches(path: String) -> Bool {
        path.hasPrefix(absolutePrefix)
    }
}

/// Which of the matching requests a rule fires on; counting starts at 1 when the plan is set.
public enum FaultTrigger: Sendable, Equatable {
    /// Every matching request.
    case always
    /// Only the n-th matching request.
    case nth(Int)
    /// The first n matching requests (e.g. two 429s, then success).
    case first(Int)
    /// Every k-th matching request: the k-th, 2k-th, …
    case every(Int)
    /// Every matching request after the first n.
    case after(Int)

    /// Whether the `count`-th matching request (1-based) fires.
    func fires(onMatch count: Int) -> Bool {
        switch self {
        case .always: true
        case .nth(let n): count == n
        case .first(let n): count <= n
        case .every(let k): k > 0 && count % k == 0
        case .after(let n): count > n
        }
    }
}
