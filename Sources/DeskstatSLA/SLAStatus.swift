/// Where an SLA target stands as of the evaluation instant.
public enum SLAStatus: String, Sendable, CaseIterable {
    /// Fulfilled within the target.
    case achieved
    /// Fulfilled late, or not fulfilled and past the target.
    case breached
    /// Not fulfilled yet and not known to be breached.
    case active
    /// deskstat cannot judge this target from the data it has.
    case unmeasured
}
