/// The end-users and their organizations, as pure functions of an index.
///
/// Nothing is stored per customer: a ticket finds its requester's name, e-mail domain and
/// organization by recomputing them, so 100,000 end-users cost no memory. About a third of the
/// end-users exist from the first instant (imported customers); the rest sign up evenly over the
/// history, and a ticket only picks requesters who already exist.
struct Customers: Sendable {
    let seed: UInt64
    let endUsers: Int
    let organizations: Int
    /// The id of end-user 0.
    let firstUserID: Int64
    /// End-users that exist from the first instant.
    private let founding: Int
    private let start: Int64
    private let span: Int64

    init(seed: UInt64, endUsers: Int, firstUserID: Int64, start: Int64, end: Int64) {
        self.seed = seed
        self.endUsers = endUsers
        self.firstUserID = firstUserID
        organizations = min(2_500, max(5, endUsers / 40))
        founding = max(1, endUsers * 35 / 100)
        self.start = start
        span = max(1, end - start)
    }

    // MARK: End-users

    func userID(_ index: Int) -> Int64 { firstUserID + Int64(index) }

    /// When end-user `index` signed up.
    func created(_ index: Int) -> Int64 {
        guard index >= founding else { return start }
        let later = Int64(endUsers - founding)
        return start + Int64(index - founding + 1) * span / (later + 1)
    }

    /// How many end-users exist at `instant` (they are numbered in sign-up order).
    func existing(at instant: Int64) -> Int {
        let later = Int64(endUsers - founding)
        let elapsed = max(0, instant - start)
        let joined = min(later, ((elapsed + 1) * (later + 1) - 1) / span)
        return founding + Int(joined)
    }

    /// A requester for a ticket created at `instant`: long-standing customers write more.
    func requester(at instant: Int64, _ generator: inout SplitMix64) -> Int {
        let count = existing(at: instant)
        let u = generator.unit()
        let skewed = generator.chance(0.5) ? u * u : u
        return min(count - 1, Int(skewed * Double(count)))
    }

    /// The organization of end-user `index`, if any (about 60% have one; low numbers are big).
    func organization(ofUser index: Int) -> Int? {
        let u = SplitMix64.unit(seed: seed, stream: .endUserOrganization, index: index)
        guard u < 0.6 else { return nil }
        let v = u / 0.6
        return min(organizations - 1, Int(v * v * Double(organizations)))
    }

    /// The (first, last) name of end-user `index`.
    func name(ofUser index: Int) -> (first: Vocabulary.Name, last: Vocabulary.Name) {
        let bits = SplitMix64.derive(seed: seed, stream: .endUser, index: index)
        let first = Int(bits % UInt64(Vocabulary.firstNames.count))
        let last = Int((bits >> 32) % UInt64(Vocabulary.lastNames.count))
        return (Vocabulary.firstNames[first], Vocabulary.lastNames[last])
    }

    /// The per-user generator for everything else about end-user `index`.
    func generator(forUser index: Int) -> SplitMix64 {
        SplitMix64(seed: seed, stream: .endUserProfile, index: index)
    }

    // MARK: Organizations

    func organizationID(_ index: Int) -> Int64 { Identifiers.organization + Int64(index) + 1 }

    /// VIP organizations carry the `vip` tag, and so do their tickets. Organization 1 (the
    /// second largest) always is, so every account has VIP tickets.
    func isVIP(organization index: Int) -> Bool {
        index == 1 || SplitMix64.unit(seed: seed, stream: .organization, index: index) < 0.08
    }
}

extension JSONByteWriter {
    /// `"Acme Corp"`, `"Globex Ltd"`, … `"Acme Corp 2"` for organization `index`.
    mutating func organizationName(_ index: Int) {
        let company = Vocabulary.companyNames[index % Vocabulary.companyNames.count]
        let suffix = Vocabulary.companySuffixes[
            index / Vocabulary.companyNames.count % Vocabulary.companySuffixes.count]
        let series = index / (Vocabulary.companyNames.count * Vocabulary.companySuffixes.count)
        beginString()
        appendPlain(company.display)
        appendPlain(" ")
        appendPlain(suffix.display)
        if series > 0 {
            appendPlain(" ")
            appendDigits(Int64(series + 1))
        }
        endString()
    }

    /// `acmecorp.example` for organization `index` (without quotes).
    mutating func appendOrganizationDomain(_ index: Int) {
        let company = Vocabulary.companyNames[index % Vocabulary.companyNames.count]
        let suffix = Vocabulary.companySuffixes[
            index / Vocabulary.companyNames.count % Vocabulary.companySuffixes.count]
        let series = index / (Vocabulary.companyNames.count * Vocabulary.companySuffixes.count)
        appendPlain(company.slug)
        appendPlain(suffix.slug)
        if series > 0 { appendDigits(Int64(series + 1)) }
        appendPlain(".example")
    }

    /// The e-mail address of end-user `index` (without quotes), unique by its number.
    mutating func appendEndUserEmail(_ index: Int, customers: Customers) {
        let name = customers.name(ofUser: index)
        appendPlain(name.first.slug)
        appendPlain(".")
        appendPlain(name.last.slug)
        appendPlain(".")
        appendDigits(Int64(index + 1))
        appendPlain("@")
        if let organization = customers.organization(ofUser: index) {
            appendOrganizationDomain(organization)
        } else {
            let domains = Vocabulary.freeMailDomains
            appendPlain(domains[Int(UInt64(truncatingIfNeeded: index) % UInt64(domains.count))])
        }
    }

    /// `"Lena Ortiz"` for a first and last name.
    mutating func personName(_ first: Vocabulary.Name, _ last: Vocabulary.Name) {
        beginString()
        appendPlain(first.display)
        appendPlain(" ")
        appendPlain(last.display)
        endString()
    }
}
