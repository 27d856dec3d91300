/// Which rate limit an endpoint falls under.
public enum EndpointClass: String, Sendable, CaseIterable {
    /// `/api/v2/incremental/…`: 10 requests a minute (30 with the High Volume add-on).
    case incremental
    /// Everything else, within the account's plan budget.
    case standard
}

/// Spaces requests so each endpoint class stays within its per-minute budget, and holds every
/// class back after a 429 until Retry-After has passed.
actor RateLimiter {
    private let clock: any SyncClock
    private let intervals: [EndpointClass: Double]
    private var nextAllowed: [EndpointClass: Double] = [:]
    private var pausedUntil: Double = 0

    init(clock: any SyncClock, incrementalPerMinute: Int, standardPerMinute: Int) {
        self.clock = clock
        intervals = [
            .incremental: 60.0 / Double(max(1, incrementalPerMinute)),
            .standard: 60.0 / Double(max(1, standardPerMinute)),
        ]
    }

    /// Waits for the class's next slot; returns the seconds waited.
    func acquire(_ endpoint: EndpointClass) async throws -> Double {
        let now = clock.now()
        let slot = max(now, nextAllowed[endpoint] ?? now, pausedUntil)
        nextAllowed[endpoint] = slot + (intervals[endpoint] ?? 0)
        let wait = slot - now
        if wait > 0 { try await clock.sleep(seconds: wait) }
        return wait
    }

    /// Holds every class until `seconds` from now (a 429 or 503 with Retry-After).
    func pause(for seconds: Double) {
        pausedUntil = max(pausedUntil, clock.now() + seconds)
    }

    /// Slows down when Zendesk reports few requests left in the current minute.
    func observe(remaining: Int?, endpoint: EndpointClass) {
        guard let remaining, remaining < 5 else { return }
        let now = clock.now()
        nextAllowed[endpoint] =
            max(nextAllowed[endpoint] ?? now, now) + Double(5 - remaining) * (intervals[endpoint] ?? 1)
    }
}
