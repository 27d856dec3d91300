/// The users, organizations and group memberships exports.
struct PeopleExports {
    let account: Account

    private var staff: Staff { account.staff }
    private var customers: Customers { account.customers }

    /// `organizations-NNNN.json` (time-based export), `users-NNNN.json` (cursor export, staff
    /// first, then end-users) and `group_memberships-NNNN.json` (cursor list).
    func emit(_ emit: (GeneratedFile) throws -> Void) rethrows {
        try PagedTable(
            table: "organizations", key: "organizations",
            style: .timeExport(path: "incremental/organizations.json"), count: customers.organizations
        ).emit(account, record: writeOrganization, to: emit)
        try PagedTable(
            table: "users", key: "users", style: .incrementalExport(path: "incremental/users/cursor.json"),
            count: staff.members.count + customers.endUsers
        ).emit(account, record: writeUser, to: emit)
        let memberships = staff.members.flatMap { member in
            member.groups.enumerated().map { (member: member, group: $0.element, isDefault: $0.offset == 0) }
        }
        try PagedTable(
            table: "group_memberships", key: "group_memberships",
            style: .cursorList(path: "group_memberships.json"), count: memberships.count
        ).emit(
            account,
            record: { index, writer in
                let entry = memberships[index]
                return writeMembership(
                    index, member: entry.member, group: entry.group, isDefault: entry.isDefault,
                    into: &writer)
            }, to: emit)
    }

    // MARK: Organizations

    private func writeOrganization(_ index: Int, into writer: inout JSONByteWriter) -> RecordPosition {
        let id = customers.organizationID(index)
        let vip = customers.isVIP(organization: index)
        let created = account.start
        let updated =
            account.start + Int64(index + 1) * (account.end - account.start) / 2
            / Int64(customers.organizations + 1)
        writer.beginRecord()
        writer.urlField("organizations/", id)
        writer.key("id")
        writer.int(id)
        writer.key("name")
        writer.organizationName(index)
        writer.key("shared_tickets")
        writer.bool(false)
        writer.key("shared_comments")
        writer.bool(false)
        writer.key("external_id")
        writer.null()
        writer.key("created_at")
        writer.timestamp(created)
        writer.key("updated_at")
        writer.timestamp(updated)
        writer.key("domain_names")
        writer.beginArray()
        writer.beginString()
        writer.appendOrganizationDomain(index)
        writer.endString()
        writer.endArray()
        writer.key("details")
        if vip { writer.string("Enterprise customer") } else { writer.null() }
        writer.key("notes")
        writer.null()
        writer.key("group_id")
        if vip { writer.int(SupportGroup.enterprise.id) } else { writer.null() }
        writer.key("tags")
        writer.beginArray()
        if vip { writer.string(TagKind.vip.name) }
        writer.endArray()
        writer.key("organization_fields")
        writer.beginObject()
        writer.key("tier")
        writer.string(vip ? "enterprise" : "standard")
        writer.endObject()
        writer.key("deleted_at")
        writer.null()
        writer.endObject()
        return RecordPosition(time: updated, id: id)
    }

    // MARK: Users

    private func writeUser(_ index: Int, into writer: inout JSONByteWriter) -> RecordPosition {
        if index < staff.members.count {
            return writeStaffMember(staff.members[index], into: &writer)
        }
        return writeEndUser(index - staff.members.count, into: &writer)
    }

    private func writeStaffMember(_ member: StaffMember, into writer: inout JSONByteWriter) -> RecordPosition {
        var generator = SplitMix64(seed: account.seed, stream: .agentProfile, index: member.index)
        let updated = max(member.created, account.end - generator.int(in: 0...(14 * 86_400)))
        let lastLogin = max(member.created, account.end - generator.int(in: 0...(3 * 86_400)))
        writer.beginRecord()
        writer.key("id")
        writer.int(member.id)
        writer.urlField("users/", member.id)
        writer.key("name")
        writer.personName(member.firstName, member.lastName)
        writer.key("email")
        writer.beginString()
        writer.appendPlain(member.firstName.slug)
        writer.appendPlain(".")
        writer.appendPlain(member.lastName.slug)
        let namesakes = Vocabulary.firstNames.count * Vocabulary.lastNames.count
        if member.index >= namesakes {
            writer.appendPlain(".")
            writer.appendDigits(Int64(member.index / namesakes + 1))
        }
        writer.appendPlain("@deskstat-demo.example")
        writer.endString()
        writeTimes(created: member.created, updated: updated, into: &writer)
        writeLocale(zone: ("UTC", "Etc/UTC"), locale: ("en-US", 1), into: &writer)
        writer.key("organization_id")
        writer.null()
        writer.key("role")
        writer.string(member.isAdmin ? "admin" : "agent")
        writeFlags(verified: true, tags: [], active: true, lastLogin: lastLogin, into: &writer)
        writer.key("role_type")
        if member.isAdmin { writer.int(4) } else { writer.null() }
        writer.key("custom_role_id")
        writer.null()
        writer.key("moderator")
        writer.bool(member.isAdmin)
        writer.key("ticket_restriction")
        writer.null()
        writer.key("only_private_comments")
        writer.bool(false)
        writer.key("restricted_agent")
        writer.bool(false)
        writer.key("suspended")
        writer.bool(false)
        writer.key("default_group_id")
        writer.int(member.defaultGroup.id)
        writer.key("report_csv")
        writer.bool(member.isAdmin)
        writer.key("user_fields")
        writer.beginObject()
        writer.endObject()
        writer.endObject()
        return RecordPosition(time: updated, id: member.id)
    }

    private func writeEndUser(_ index: Int, into writer: inout JSONByteWriter) -> RecordPosition {
        var generator = customers.generator(forUser: index)
        let id = customers.userID(index)
        let created = customers.created(index)
        let room = account.end - created
        let updated = created + generator.int(in: 0...min(room, 60 * 86_400))
        let lastLogin: Int64? = generator.chance(0.45) ? created + generator.int(in: 0...room) : nil
        let organization = customers.organization(ofUser: index)
        let vip = organization.map { customers.isVIP(organization: $0) } ?? false
        let hasPhone = generator.chance(0.3)
        let active = !generator.chance(0.007)
        let suspended = active && generator.chance(0.004)
        let name = customers.name(ofUser: index)
        writer.beginRecord()
        writer.key("id")
        writer.int(id)
        writer.urlField("users/", id)
        writer.key("name")
        writer.personName(name.first, name.last)
        writer.key("email")
        writer.beginString()
        writer.appendEndUserEmail(index, customers: customers)
        writer.endString()
        writeTimes(created: created, updated: updated, into: &writer)
        writeLocale(
            zone: Vocabulary.timeZones.pick(&generator), locale: Vocabulary.locales.pick(&generator),
            into: &writer, phone: hasPhone ? index : nil)
        writer.key("organization_id")
        if let organization { writer.int(customers.organizationID(organization)) } else { writer.null() }
        writer.key("role")
        writer.string("end-user")
        writeFlags(
            verified: generator.chance(0.9), tags: vip ? [.vip] : [], active: active, lastLogin: lastLogin,
            into: &writer)
        writer.key("role_type")
        writer.null()
        writer.key("custom_role_id")
        writer.null()
        writer.key("moderator")
        writer.bool(false)
        writer.key("ticket_restriction")
        writer.string("requested")
        writer.key("only_private_comments")
        writer.bool(false)
        writer.key("restricted_agent")
        writer.bool(true)
        writer.key("suspended")
        writer.bool(suspended)
        writer.key("default_group_id")
        writer.null()
        writer.key("report_csv")
        writer.bool(false)
        writer.key("user_fields")
        writer.beginObject()
        writer.key("customer_tier")
        if vip {
            writer.string("enterprise")
        } else if organization != nil {
            writer.string("business")
        } else {
            writer.null()
        }
        writer.endObject()
        writer.endObject()
        return RecordPosition(time: updated, id: id)
    }

    private func writeTimes(created: Int64, updated: Int64, into writer: inout JSONByteWriter) {
        writer.key("created_at")
        writer.timestamp(created)
        writer.key("updated_at")
        writer.timestamp(updated)
    }

    private func writeLocale(
        zone: (rails: StaticString, iana: StaticString), locale: (name: StaticString, id: Int64),
        into writer: inout JSONByteWriter, phone: Int? = nil
    ) {
        writer.key("time_zone")
        writer.string(zone.rails)
        writer.key("iana_time_zone")
        writer.string(zone.iana)
        writer.key("phone")
        if let phone { writer.phoneNumber(ofUser: phone) } else { writer.null() }
        writer.key("shared_phone_number")
        if phone != nil { writer.bool(false) } else { writer.null() }
        writer.key("photo")
        writer.null()
        writer.key("locale_id")
        writer.int(locale.id)
        writer.key("locale")
        writer.string(locale.name)
    }

    private func writeFlags(
        verified: Bool, tags: [TagKind], active: Bool, lastLogin: Int64?, into writer: inout JSONByteWriter
    ) {
        writer.key("verified")
        writer.bool(verified)
        writer.key("external_id")
        writer.null()
        writer.key("tags")
        writer.beginArray()
        for tag in tags { writer.string(tag.name) }
        writer.endArray()
        writer.key("alias")
        writer.string("")
        writer.key("active")
        writer.bool(active)
        writer.key("shared")
        writer.bool(false)
        writer.key("shared_agent")
        writer.bool(false)
        writer.key("last_login_at")
        if let lastLogin { writer.timestamp(lastLogin) } else { writer.null() }
        writer.key("two_factor_auth_enabled")
        writer.null()
        writer.key("signature")
        writer.null()
        writer.key("details")
        writer.null()
        writer.key("notes")
        writer.null()
    }

    // MARK: Group memberships

    private func writeMembership(
        _ index: Int, member: StaffMember, group: SupportGroup, isDefault: Bool,
        into writer: inout JSONByteWriter
    ) -> RecordPosition {
        let id = Identifiers.groupMembership + Int64(index) + 1
        let created = min(account.end, member.created + 600)
        writer.beginRecord()
        writer.urlField("group_memberships/", id)
        writer.key("id")
        writer.int(id)
        writer.key("user_id")
        writer.int(member.id)
        writer.key("group_id")
        writer.int(group.id)
        writer.key("default")
        writer.bool(isDefault)
        writeTimes(created: created, updated: created, into: &writer)
        writer.endObject()
        return RecordPosition(time: created, id: id)
    }
}

extension JSONByteWriter {
    /// A stable, fictional (+1 555 01xx) phone number for end-user `index`.
    mutating func phoneNumber(ofUser index: Int) {
        beginString()
        appendPlain("+155501")
        appendPadded(Int64(index % 100_000), width: 5)
        endString()
    }
}
