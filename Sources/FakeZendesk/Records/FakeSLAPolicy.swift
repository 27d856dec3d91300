/// An SLA policy (`/api/v2/slas/policies.json`, all in one page).
public struct FakeSLAPolicy: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var description: String?
    public var position: Int64
    /// Conditions that must all hold (`filter.all`).
    public var all: [FakeSLACondition]
    /// Conditions of which one must hold (`filter.any`).
    public var any: [FakeSLACondition]
    public var metrics: [FakeSLAMetric]
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, title: String, description: String? = nil, position: Int64, all: [FakeSLACondition] = [],
        any: [FakeSLACondition] = [], metrics: [FakeSLAMetric] = [], createdAt: Int64 = 0, updatedAt: Int64? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.position = position
        self.all = all
        self.any = any
        self.metrics = metrics
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The policy as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "url": .string("\(baseURL)/api/v2/slas/policies/\(id).json"), "id": .int(id), "title": .string(title),
            "description": .maybe(description), "position": .int(position),
            "filter": ["all": .array(all.map(\.json)), "any": .array(any.map(\.json))],
            "policy_metrics": .array(metrics.map(\.json)), "created_at": .time(createdAt),
            "updated_at": .time(updatedAt),
        ]
    }
}

/// One SLA filter condition; `value` is a string, number or list, as in the API.
public struct FakeSLACondition: Sendable, Equatable {
    public var field: String
    public var `operator`: String
    public var value: FakeJSON

    public init(field: String, operator: String, value: FakeJSON) {
        self.field = field
        self.operator = `operator`
        self.value = value
    }

    var json: FakeJSON { ["field": .string(field), "operator": .string(`operator`), "value": value] }
}

/// One SLA target: a metric for a priority, in minutes.
public struct FakeSLAMetric: Sendable, Equatable {
    /// `low`, `normal`, `high` or `urgent`.
    public var priority: String
    /// `first_reply_time`, `next_reply_time`, `total_resolution_time`, …
    public var metric: String
    /// Minutes.
    public var target: Int64
    public var businessHours: Bool

    public init(priority: String, metric: String, target: Int64, businessHours: Bool = false) {
        self.priority = priority
        self.metric = metric
        self.target = target
        self.businessHours = businessHours
    }

    var json: FakeJSON {
        [
            "priority": .string(priority), "metric": .string(metric), "target": .int(target),
            "business_hours": .bool(businessHours), "target_in_seconds": .int(target * 60),
        ]
    }
}
