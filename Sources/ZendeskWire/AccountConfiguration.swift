/// A ticket field definition (system or custom).
public struct TicketField: Sendable, Equatable {
    public var id: Int64
    public var type: String?
    public var title: String?
    public var active: Bool?
    public var position: Int64?
    public var createdAt: Int64?
    public var updatedAt: Int64?
    /// The options of a dropdown (`tagger`) or multiselect field, in Zendesk's order.
    public var options: [CustomFieldOption]

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        type = reader.string("type")
        title = reader.string("title")
        active = reader.bool("active")
        position = try reader.integer("position")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
        options = reader.objects("custom_field_options").compactMap { members in
            let option = reader.nested(members)
            guard let value = option.string("value"), !value.isEmpty else { return nil }
            return CustomFieldOption(name: option.string("name") ?? option.string("raw_name") ?? value, value: value)
        }
    }
}

/// One option of a dropdown or multiselect field: the name agents see and the tag it sets (the
/// value a ticket's `custom_fields` entry holds).
public struct CustomFieldOption: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A ticket form.
public struct TicketForm: Sendable, Equatable {
    public var id: Int64
    public var name: String?
    public var active: Bool?
    public var isDefault: Bool?
    public var position: Int64?
    public var createdAt: Int64?
    public var updatedAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        name = reader.string("name")
        active = reader.bool("active")
        isDefault = reader.bool("default")
        position = try reader.integer("position")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
    }
}

/// A macro.
public struct Macro: Sendable, Equatable {
    public var id: Int64
    public var title: String?
    public var active: Bool?
    public var position: Int64?
    public var createdAt: Int64?
    public var updatedAt: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        title = reader.string("title")
        active = reader.bool("active")
        position = try reader.integer("position")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
    }
}

/// A tag with its usage count; tags are keyed by name and carry no id.
public struct Tag: Sendable, Equatable {
    public var name: String
    public var count: Int64?

    public init(_ reader: RecordReader) throws(WireError) {
        guard let name = reader.string("name"), !name.isEmpty else {
            throw reader.fail("name", "is missing; a tag needs a name")
        }
        self.name = name
        count = try reader.integer("count")
    }
}

/// A business-hours schedule with its weekly intervals and holidays.
public struct Schedule: Sendable, Equatable {
    public var id: Int64
    public var name: String?
    public var timeZone: String?
    public var createdAt: Int64?
    public var updatedAt: Int64?
    /// Minutes from Sunday 00:00 in the schedule's time zone.
    public var intervals: [(start: Int64, end: Int64)]
    public var holidays: [Holiday]

    public static func == (lhs: Schedule, rhs: Schedule) -> Bool {
        lhs.id == rhs.id && lhs.updatedAt == rhs.updatedAt && lhs.holidays == rhs.holidays
            && lhs.intervals.map(\.start) == rhs.intervals.map(\.start)
            && lhs.intervals.map(\.end) == rhs.intervals.map(\.end)
    }

    public init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        name = reader.string("name")
        timeZone = reader.string("time_zone")
        createdAt = try reader.timestamp("created_at")
        updatedAt = try reader.timestamp("updated_at")
        var intervals: [(start: Int64, end: Int64)] = []
        for entry in reader.objects("intervals") {
            let interval = reader.nested(entry)
            guard let start = try interval.integer("start_time"), let end = try interval.integer("end_time") else {
                continue
            }
            intervals.append((start, end))
        }
        self.intervals = intervals
        holidays = try reader.objects("holidays").map { entry throws(WireError) in try Holiday(reader.nested(entry)) }
    }
}

/// A schedule holiday: whole days from `startDate` through `endDate` (YYYY-MM-DD).
public struct Holiday: Sendable, Equatable {
    public var id: Int64
    public var name: String?
    public var startDate: String?
    public var endDate: String?

    init(_ reader: RecordReader) throws(WireError) {
        id = try reader.id()
        name = reader.string("name")
        startDate = reader.string("start_date")
        endDate = reader.string("end_date")
    }
}
