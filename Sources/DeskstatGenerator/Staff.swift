/// One agent or admin of the account.
struct StaffMember: Sendable {
    let index: Int
    let id: Int64
    let isAdmin: Bool
    let created: Int64
    let defaultGroup: SupportGroup
    /// The default group first, then any others.
    let groups: [SupportGroup]
    let firstName: Vocabulary.Name
    let lastName: Vocabulary.Name
}

/// The agents and admins, and who works in which group since when.
///
/// The first agents cover one active group each and exist from the first instant, so every
/// group can always be staffed; later agents join over the year ("hired"), and are only picked
/// for tickets after they exist. Admins belong to Support but take no tickets.
struct Staff: Sendable {
    let members: [StaffMember]
    /// The id the first end-user gets.
    let nextUserID: Int64
    /// Per group (by raw value): the agents able to take tickets, by creation time.
    private let rosters: [[(created: Int64, member: Int)]]

    init(seed: UInt64, agents: Int, admins: Int, start: Int64, end: Int64) {
        var members: [StaffMember] = []
        for index in 0..<(agents + admins) {
            members.append(
                Self.member(index, isAdmin: index >= agents, seed: seed, start: start, end: end))
        }
        var rosters = [[(created: Int64, member: Int)]](repeating: [], count: SupportGroup.allCases.count)
        for member in members where !member.isAdmin {
            for group in member.groups { rosters[group.rawValue].append((member.created, member.index)) }
        }
        self.rosters = rosters.map { roster in
            roster.sorted { $0.created != $1.created ? $0.created < $1.created : $0.member < $1.member }
        }
        self.members = members
        nextUserID = Identifiers.user + Int64(members.count) + 1
    }

    /// A random agent of `group` who existed at `instant`, if any.
    func pick(in group: SupportGroup, at instant: Int64, _ generator: inout SplitMix64) -> StaffMember? {
        let roster = rosters[group.rawValue]
        var low = 0
        var high = roster.count
        while low < high {
            let middle = (low + high) / 2
            if roster[middle].created <= instant { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        return members[roster[generator.below(low)].member]
    }

    /// A random agent of `group` at `instant`, falling back to Support (always staffed).
    func assignee(in group: SupportGroup, at instant: Int64, _ generator: inout SplitMix64) -> StaffMember {
        if let member = pick(in: group, at: instant, &generator) { return member }
        if let member = pick(in: .support, at: instant, &generator) { return member }
        return members[0]
    }

    private static func member(_ index: Int, isAdmin: Bool, seed: UInt64, start: Int64, end: Int64) -> StaffMember {
        var generator = SplitMix64(seed: seed, stream: .agent, index: index)
        let founding = SupportGroup.active.count
        let defaultGroup: SupportGroup
        let created: Int64
        if isAdmin {
            defaultGroup = .support
            created = start
        } else if index < founding {
            defaultGroup = SupportGroup.active[index]
            created = start
        } else {
            defaultGroup = Self.staffing.pick(&generator)
            let hiredLater = generator.chance(0.3)
            let fraction = hiredLater ? 0.05 + 0.75 * generator.unit() : 0
            created = start + Int64(Double(end - start) * fraction)
        }
        var groups = [defaultGroup]
        if !isAdmin {
            let extra = generator.chance(0.4) ? (generator.chance(0.25) ? 2 : 1) : 0
            for _ in 0..<extra {
                let group = Self.staffing.pick(&generator)
                if !groups.contains(group) { groups.append(group) }
            }
        }
        let first = (index * 17) % Vocabulary.firstNames.count
        let last = (index / Vocabulary.lastNames.count + index) % Vocabulary.lastNames.count
        return StaffMember(
            index: index, id: Identifiers.user + Int64(index) + 1, isAdmin: isAdmin, created: created,
            defaultGroup: defaultGroup, groups: groups, firstName: Vocabulary.firstNames[first],
            lastName: Vocabulary.lastNames[last])
    }

    private static let staffing = Weighted<SupportGroup>(
        SupportGroup.active.map { ($0, $0.staffingWeight) })
}
