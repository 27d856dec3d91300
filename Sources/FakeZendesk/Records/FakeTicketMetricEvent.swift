/// A ticket metric event (`/api/v2/incremental/ticket_metric_events.json`); immutable once written.
public struct FakeTicketMetricEvent: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    /// `reply_time`, `agent_work_time`, `requester_wait_time`, `resolution_time`, …
    public var metric: String
    public var instanceID: Int64
    /// `activate`, `pause`, `fulfill`, `apply_sla`, `breach`, `update_status`, `measure`, …
    public var type: String
    /// The event time (epoch seconds): the export's cursor.
    public var time: Int64
    /// Type-specific members appended after `time`: `sla` (apply_sla), `status` (update_status),
    /// `deleted` (breach).
    public var extra: FakeJSONObject

    public init(
        id: Int64, ticketID: Int64, metric: String, instanceID: Int64 = 1, type: String, time: Int64,
        extra: FakeJSONObject = [:]
    ) {
        self.id = id
        self.ticketID = ticketID
        self.metric = metric
        self.instanceID = instanceID
        self.type = type
        self.time = time
        self.extra = extra
    }

    /// The event as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        let base: FakeJSONObject = [
            "id": .int(id), "ticket_id": .int(ticketID), "metric": .string(metric), "instance_id": .int(instanceID),
            "type": .string(type), "time": .time(time),
        ]
        return .object(base.merging(extra))
    }
}
