/// A business-hours schedule (`/api/v2/business_hours/schedules.json`). Intervals are minutes from
/// Sunday 00:00 in the schedule's zone.
public struct FakeSchedule: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var timeZone: String
    public var intervals: [FakeInterval]
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: Int64, name: String, timeZone: String = "UTC", intervals: [FakeInterval], createdAt: Int64 = 0,
        updatedAt: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.intervals = intervals
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The schedule as the API writes it.
    public func json(baseURL: String) -> FakeJSON {
        [
            "id": .int(id), "name": .string(name), "time_zone": .string(timeZone),
            "intervals": .array(intervals.map(\.json)), "created_at": .time(createdAt), "updated_at": .time(updatedAt),
        ]
    }
}

/// One weekly interval of a schedule, in minutes from Sunday 00:00.
public struct FakeInterval: Sendable, Equatable {
    public var startTime: Int64
    public var endTime: Int64

    public init(startTime: Int64, endTime: Int64) {
        self.startTime = startTime
        self.endTime = endTime
    }

    var json: FakeJSON { ["start_time": .int(startTime), "end_time": .int(endTime)] }
}
