public import ZendeskWire

/// An SLA policy as deskstat evaluates it: which tickets it applies to and its targets.
public struct SLAPolicyDefinition: Sendable, Equatable {
    public var id: Int64
    public var title: String
    /// Zendesk's order of evaluation; `nil` sorts after every numbered policy.
    public var position: Int64?
    /// Conditions that must all hold.
    public var all: [SLAConditionDefinition]
    /// Conditions of which at least one must hold (ignored when empty).
    public var any: [SLAConditionDefinition]
    /// Targets per priority and metric.
    public var targets: [SLATargetDefinition]

    /// A policy definition.
    public init(
        id: Int64, title: String, position: Int64? = nil, all: [SLAConditionDefinition] = [],
        any: [SLAConditionDefinition] = [], targets: [SLATargetDefinition] = []
    ) {
        self.id = id
        self.title = title
        self.position = position
        self.all = all
        self.any = any
        self.targets = targets
    }

    /// The policy as the API sent it; a missing title becomes the empty string.
    public init(_ policy: SLAPolicy) {
        let ordered = policy.conditions.sorted { $0.index < $1.index }
        self.init(
            id: policy.id, title: policy.title ?? "", position: policy.position,
            all: ordered.filter { $0.kind == .all }.map(SLAConditionDefinition.init),
            any: ordered.filter { $0.kind == .any }.map(SLAConditionDefinition.init),
            targets: policy.metrics.map(SLATargetDefinition.init))
    }
}
