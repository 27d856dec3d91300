import ZendeskWire

/// UTC timestamps as the API writes them: `YYYY-MM-DDTHH:MM:SSZ`, from and to epoch seconds.
///
/// The arithmetic is ZendeskWire's `Timestamp` (no time zones, so output never depends on the
/// machine's locale or `TZ`); the fake only adds a strict check of the text's shape.
public enum FakeTime {
    /// `1795167000` → `"2026-11-20T09:30:00Z"`.
    public static func iso8601(_ epoch: Int64) -> String {
        Timestamp.format(epoch)
    }

    /// `"2026-11-20T09:30:00Z"` → `1795167000`; `nil` unless the text has exactly that shape.
    public static func epoch(_ text: String) -> Int64? {
        let scalars = Array(text.utf8)
        guard scalars.count == 20, scalars[4] == 45, scalars[7] == 45, scalars[10] == 84, scalars[13] == 58,
            scalars[16] == 58, scalars[19] == 90
        else { return nil }
        return Timestamp.parse(text)
    }
}
