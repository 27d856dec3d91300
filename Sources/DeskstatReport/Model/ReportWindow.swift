/// A half-open time window `[from, to)` in epoch seconds, with its human label.
public struct ReportWindow: Sendable, Equatable {
    /// The first instant included, in epoch seconds.
    public var from: Int64
    /// The first instant excluded, in epoch seconds.
    public var to: Int64
    /// How people name the window: `"2026-W47"`, `"2026-11"` or `"2026-11-16 – 2026-11-23"`.
    public var label: String

    /// Creates a window.
    public init(from: Int64, to: Int64, label: String) {
        self.from = from
        self.to = to
        self.label = label
    }
}
