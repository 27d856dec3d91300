/// The creation instants of all tickets, in increasing order, produced hour by hour.
///
/// Every hour of the history gets a weight — weekdays over weekends, office hours over nights,
/// holidays quiet, a slow growth trend, day-to-day noise and the odd busy outage day — and the
/// ticket count is split over hours by cumulative rounding, so the total is exact. Within an
/// hour the instants are uniform and sorted; only one hour's instants are ever held.
struct ArrivalClock {
    private let start: Int64
    private let total: Int
    private let cumulative: [Double]
    private var generator: SplitMix64
    private var hour = 0
    private var buffer: [Int64] = []
    private var position = 0

    init(account: Account) {
        start = account.start
        total = account.tickets
        generator = SplitMix64(seed: account.seed, stream: .arrivals, index: 0)
        let hours = Int((account.end - account.start) / CivilTime.secondsPerHour)
        var cumulative = [0.0]
        cumulative.reserveCapacity(hours + 1)
        var running = 0.0
        for hour in 0..<hours {
            running += Self.weight(hour: hour, of: hours, account: account)
            cumulative.append(running)
        }
        self.cumulative = cumulative
    }

    /// The next creation instant; call it exactly `tickets` times.
    mutating func next() -> Int64 {
        while position == buffer.count {
            guard hour < cumulative.count - 1 else { return start + Int64(cumulative.count - 1) * 3_600 - 1 }
            fill(hour)
            hour += 1
        }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func fill(_ hour: Int) {
        let count = allocated(through: hour + 1) - allocated(through: hour)
        let base = start + Int64(hour) * CivilTime.secondsPerHour
        buffer.removeAll(keepingCapacity: true)
        for _ in 0..<count { buffer.append(base + Int64(generator.below(3_600))) }
        buffer.sort()
        position = 0
    }

    /// Tickets created before the start of hour `hour` (cumulative rounding).
    private func allocated(through hour: Int) -> Int {
        guard let last = cumulative.last, last > 0 else { return hour == 0 ? 0 : total }
        return Int((Double(total) * cumulative[hour] / last).rounded())
    }

    private static func weight(hour: Int, of hours: Int, account: Account) -> Double {
        let instant = account.start + Int64(hour) * CivilTime.secondsPerHour
        let day = CivilTime.day(of: instant)
        let hourOfDay = Int((instant - day * CivilTime.secondsPerDay) / CivilTime.secondsPerHour)
        let weekday = CivilTime.weekday(ofDay: day)
        let office = officeCurve[hourOfDay]
        var weight: Double
        switch weekday {
        case 6: weight = 0.3 * (0.5 + 0.5 * office)
        case 0: weight = 0.25 * (0.5 + 0.5 * office)
        default: weight = account.calendar.isBusinessDay(day) ? office : 0.3 * (0.5 + 0.5 * office)
        }
        let noise = SplitMix64.unit(
            seed: account.seed, stream: .day, index: Int(day - CivilTime.day(of: account.start)))
        weight *= 0.8 + 0.4 * noise
        if noise > 0.985 { weight *= 2.5 }  // an outage day
        return weight * (0.8 + 0.4 * Double(hour) / Double(max(1, hours)))
    }

    /// Relative arrivals per UTC hour on a working day.
    private static let officeCurve: [Double] = [
        0.15, 0.12, 0.1, 0.1, 0.12, 0.2, 0.4, 0.8, 1.6, 2.6, 3.0, 3.0,
        2.6, 2.8, 2.9, 2.7, 2.3, 1.6, 1.0, 0.8, 0.6, 0.45, 0.3, 0.2,
    ]
}
