public import DeskstatTime
public import DeskstatTimeline

extension TicketExplanation {
    /// The ticket's timeline for `explain`: one line per change, comment, solve and reopen in time
    /// order, then each agent reply with its reply time (calendar and business minutes on `schedule`).
    public static func timelineLines(_ timeline: TicketTimeline, schedule: BusinessSchedule) -> [Line] {
        var entries: [(at: Int64, order: Int, text: String)] = []
        let fields = TicketTimeline.intervalFields
        for (order, field) in fields.enumerated() {
            for interval in field.intervals(of: timeline) {
                entries.append((interval.from, order, "\(field.label) \(interval.value ?? "(none)")"))
            }
        }
        for at in timeline.solves { entries.append((at, fields.count, "solved")) }
        for at in timeline.reopens { entries.append((at, fields.count, "reopened (solved → unsolved)")) }
        for comment in timeline.comments {
            let author = comment.authorID.map { " \($0)" } ?? ""
            entries.append(
                (
                    comment.createdAt, fields.count + 1,
                    "\(comment.isPublic ? "public" : "private") comment by \(comment.role.rawValue)\(author)"
                ))
        }
        var lines = entries.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.map {
            Line(label: InstantFormat.iso($0.at), value: $0.text)
        }
        for reply in HistoryKPIs.replies(timeline) {
            let calendar = format(Double(reply.calendarSeconds) / 60)
            let business = format(Double(reply.businessSeconds(on: schedule)) / 60)
            lines.append(
                Line(
                    label: "\(reply.isFirst ? "first" : "next") reply \(InstantFormat.iso(reply.repliedAt))",
                    value: "\(calendar)/\(business) min since \(InstantFormat.iso(reply.askedAt))"))
        }
        return lines
    }
}
