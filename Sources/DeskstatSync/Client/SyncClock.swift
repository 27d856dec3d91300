import Foundation

/// Time as the sync sees it: a monotonic "now" for pacing, wall-clock epoch seconds for
/// bookkeeping, and sleeping. Tests inject a fast clock so rate-limit waits take no real time.
public protocol SyncClock: Sendable {
    /// Seconds on a monotonic scale (only differences matter).
    func now() -> Double
    /// Wall-clock UTC epoch seconds (recorded as last_sync_at).
    func epochSeconds() -> Int64
    /// Waits `seconds` (scaled in tests); throws when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// The real clock.
public struct SystemClock: SyncClock {
    public init() {}

    public func now() -> Double { ProcessInfo.processInfo.systemUptime }

    public func epochSeconds() -> Int64 { Int64(Date().timeIntervalSince1970) }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
