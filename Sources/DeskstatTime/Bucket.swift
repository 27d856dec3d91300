/// One bucket of a trend: its part of the report window and its label.
public struct Bucket: Sendable, Hashable {
    /// The instants the bucket covers; the first and last bucket are clipped to the report window.
    public let window: Window
    /// `2026-11-17`, `2026-W47` or `2026-11`: the calendar period the bucket belongs to, even
    /// when clipped.
    public let label: String

    /// A bucket covering `window`, labelled `label`.
    public init(window: Window, label: String) {
        self.window = window
        self.label = label
    }
}
