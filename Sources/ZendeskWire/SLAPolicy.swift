/// An SLA policy: which tickets it applies to (`filter`) and its targets per priority.
public struct SLAPolicy: Sendable, Equatable {
    public var id: Int64
    public var title: String?
    public var description: String?
    public var position: Int64?
    public var createdAt: Int64?
    public var updatedAt: Int64?
    public var conditions: [SLACondition]
    public var metrics: [SLAPolicyMetric]

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        title = reader.string("title")
        description = reader.string("description")
        position = try reader.integer("position")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
        let filter = reader.object("filter") ?? [:]
        var conditions: [SLACondition] = []
        for kind in [SLACondition.Kind.all, .any] {
            let filterReader = reader.nested(filter)
            for (index, entry) in filterReader.objects(kind.rawValue).enumerated() {
                conditions.append(SLACondition(kind: kind, index: index, members: entry))
            }
        }
        self.conditions = conditions
        metrics = try reader.objects("policy_metrics").map { entry throws(WireError) in
            try SLAPolicyMetric(reader.nested(entry))
        }
    }
}

/// One condition of an SLA policy filter; `value` may be a string, a number or a list.
public struct SLACondition: Sendable, Equatable {
    public enum Kind: String, Sendable { case all, any }
    public var kind: Kind
    public var index: Int
    public var field: String?
    public var operatorName: String?
    public var value: JSONValue

    init(kind: Kind, index: Int, members: [String: JSONValue]) {
        self.kind = kind
        self.index = index
        field = RecordReader.text(members["field"])
        operatorName = RecordReader.text(members["operator"])
        value = members["value"] ?? .null
    }
}

/// A target of an SLA policy for one priority and metric.
public struct SLAPolicyMetric: Sendable, Equatable {
    public var priority: String?
    public var metric: String?
    /// Minutes.
    public var target: Double?
    public var targetInSeconds: Double?
    public var businessHours: Bool

    init(_ reader: RecordReader) throws(WireError) {
        priority = reader.string("priority")
        metric = reader.string("metric")
        target = try reader.number("target")
        targetInSeconds = try reader.number("target_in_seconds")
        businessHours = reader.bool("business_hours") ?? false
    }
}
