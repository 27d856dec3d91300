import DeskstatTime

/// A request's filters as a cache key: their texts, in order (two requests with the same texts
/// select the same tickets).
struct FilterKey: Hashable, Sendable {
    let texts: [String]

    init(_ texts: [String]) {
        self.texts = texts
    }
}

/// Which duration statistics a (filters, slice) result must compute (`EngineSession.durationNeeds`).
struct NeedsKey: Hashable, Sendable {
    let filters: FilterKey
    let dimension: Dimension?
}

/// One computed window of a session: filters, slice, window, as-of and whether it is the current one.
struct WindowKey: Hashable, Sendable {
    let filters: FilterKey
    let dimension: Dimension?
    /// The custom field a `field:` slice splits by (then `dimension` is unused).
    let field: Int64?
    let from: Int64
    let to: Int64
    let asOf: Int64
    let current: Bool

    init(
        _ filters: FilterKey, _ dimension: Dimension?, field: Int64? = nil, _ window: Window, asOf: Int64, current: Bool
    ) {
        self.filters = filters
        self.dimension = dimension
        self.field = field
        from = window.from
        to = window.to
        self.asOf = asOf
        self.current = current
    }
}
