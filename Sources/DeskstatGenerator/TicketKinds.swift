/// Facts about ticket `index` that other tickets need, as pure functions of the seed and index:
/// its type, whether it is deleted, and how incidents attach to problems.
///
/// An incident attaches (20% of the time) to the nearest earlier problem within 300 tickets,
/// if that problem is not deleted. A problem therefore knows whether it `has_incidents` by
/// looking ahead — without anything being stored or generated twice.
struct TicketKinds: Sendable {
    let seed: UInt64
    let count: Int

    static let linkWindow = 300
    private static let linkShare = 0.2

    /// Question 45%, incident 25%, problem 5%, task 10%, unset 15%.
    func type(_ index: Int) -> TicketType? {
        let u = SplitMix64.unit(seed: seed, stream: .ticketKind, index: index)
        switch u {
        case ..<0.15: return nil
        case ..<0.60: return .question
        case ..<0.85: return .incident
        case ..<0.90: return .problem
        default: return .task
        }
    }

    /// About 1.5% of tickets are deleted.
    func isDeleted(_ index: Int) -> Bool {
        SplitMix64.unit(seed: seed, stream: .ticketDeleted, index: index) < 0.015
    }

    /// The index of the problem incident `index` is attached to, if any.
    func problem(forIncident index: Int) -> Int? {
        guard type(index) == .incident, !isDeleted(index), wantsLink(index) else { return nil }
        var candidate = index - 1
        while candidate >= max(0, index - Self.linkWindow) {
            if type(candidate) == .problem { return isDeleted(candidate) ? nil : candidate }
            candidate -= 1
        }
        return nil
    }

    /// Whether any incident is attached to problem `index`.
    func hasIncidents(problem index: Int) -> Bool {
        guard type(index) == .problem, !isDeleted(index) else { return false }
        var candidate = index + 1
        while candidate < min(count, index + Self.linkWindow + 1) {
            switch type(candidate) {
            case .problem: return false
            case .incident where !isDeleted(candidate) && wantsLink(candidate): return true
            default: candidate += 1
            }
        }
        return false
    }

    private func wantsLink(_ index: Int) -> Bool {
        SplitMix64.unit(seed: seed, stream: .problemLink, index: index) < Self.linkShare
    }
}
