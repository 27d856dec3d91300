public import DeskstatTime

/// The account's business-hours schedules, and which one measures a ticket.
///
/// A ticket is measured on the schedule it carries; a ticket without one (or with one the cache does
/// not hold) on the account default, which is the earliest-created schedule (lowest id on a tie),
/// as in Zendesk, where the first schedule is the default. An account without schedules measures
/// business time around the clock (``BusinessSchedule/alwaysOpen``).
public struct ScheduleBook: Sendable {
    private let byID: [Int64: BusinessSchedule]
    /// The account default.
    public let defaultSchedule: BusinessSchedule

    /// The schedules with their ids and creation times.
    public init(_ schedules: [(id: Int64, createdAt: Int64?, schedule: BusinessSchedule)]) {
        var byID: [Int64: BusinessSchedule] = [:]
        for entry in schedules { byID[entry.id] = entry.schedule }
        self.byID = byID
        let first = schedules.min { ($0.createdAt ?? .max, $0.id) < ($1.createdAt ?? .max, $1.id) }
        defaultSchedule = first?.schedule ?? .alwaysOpen
    }

    /// The schedule for a ticket carrying `scheduleID` (or none).
    public func schedule(for scheduleID: Int64?) -> BusinessSchedule {
        scheduleID.flatMap { byID[$0] } ?? defaultSchedule
    }
}
