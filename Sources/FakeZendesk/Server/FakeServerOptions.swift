/// Knobs of the fake server that are not faults.
public struct FakeServerOptions: Sendable, Equatable {
    /// Multiplies every delay the server imposes (``Fault/slow(seconds:)``): 0.01 makes a
    /// "30-second" response take 0.3 s.
    public var delayScale: Double
    /// `X-Rate-Limit`; `X-Rate-Limit-Remaining` counts down from it within each `rateWindow`.
    public var rateLimit: Int
    /// How long the rate-limit window lasts (Zendesk's is a minute); its count starts again with
    /// the first request after it has passed. Tests that count requests set it long, so a test
    /// process starved of CPU for a minute does not see the count start again.
    public var rateWindow: Duration
    /// Which timestamp `satisfaction_ratings.json?start_time=` filters on.
    public var ratingsStartTimeField: RatingsStartTimeField
    /// Seconds a response may take (delays included) before FlyingFox gives up on it with a 500.
    public var handlerTimeout: Double

    public init(
        delayScale: Double = 1, rateLimit: Int = 700, ratingsStartTimeField: RatingsStartTimeField = .updatedAt,
        handlerTimeout: Double = 600, rateWindow: Duration = .seconds(60)
    ) {
        self.delayScale = delayScale
        self.rateLimit = rateLimit
        self.ratingsStartTimeField = ratingsStartTimeField
        self.handlerTimeout = handlerTimeout
        self.rateWindow = rateWindow
    }

    /// The rating timestamp `start_time` is compared with.
    public enum RatingsStartTimeField: Sendable, Equatable {
        case updatedAt
        case createdAt
    }
}
