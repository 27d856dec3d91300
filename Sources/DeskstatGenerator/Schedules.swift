extension BusinessCalendar {
    static let scheduleID = Identifiers.schedule + 1

    /// `schedules.json`: the one "Support hours" schedule with its weekly intervals (minutes
    /// from Sunday 00:00) and the holidays inside the history.
    func writeList(_ account: Account) -> [UInt8] {
        var writer = JSONByteWriter(capacity: 2048)
        writer.beginObject()
        writer.key("schedules")
        writer.beginArray()
        writer.beginRecord()
        writer.key("id")
        writer.int(Self.scheduleID)
        writer.key("name")
        writer.string("Support hours")
        writer.key("time_zone")
        writer.string("UTC")
        writer.key("intervals")
        writer.beginArray()
        for weekday in Int64(1)...5 {
            writer.beginObject()
            writer.key("start_time")
            writer.int(weekday * 1_440 + Self.opens / 60)
            writer.key("end_time")
            writer.int(weekday * 1_440 + Self.closes / 60)
            writer.endObject()
        }
        writer.endArray()
        writer.key("holidays")
        writer.beginArray()
        for (index, holiday) in holidays.enumerated() {
            writer.beginObject()
            writer.key("id")
            writer.int(Identifiers.holiday + Int64(index) + 1)
            writer.key("name")
            writer.string(holiday.name)
            writer.key("start_date")
            writer.beginString()
            writer.appendDate(holiday.day)
            writer.endString()
            writer.key("end_date")
            writer.beginString()
            writer.appendDate(holiday.day)
            writer.endString()
            writer.endObject()
        }
        writer.endArray()
        writer.key("created_at")
        writer.timestamp(account.start)
        writer.key("updated_at")
        writer.timestamp(account.start)
        writer.endObject()
        writer.newline()
        writer.endArray()
        writer.endObject()
        writer.newline()
        return writer.bytes
    }
}
