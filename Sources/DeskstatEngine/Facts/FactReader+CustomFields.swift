import ZendeskWire

extension FactReader {
    /// The account's custom ticket fields (`ticket_fields`, options from each row's JSON).
    func loadCustomFieldCatalog() throws -> CustomFieldCatalog {
        var fields: [CustomFieldDefinition] = []
        for (id, json) in try cache.ticketFieldsJSON() {
            let members: [String: JSONValue]
            do {
                members = try Envelope.parseValue(Array(json.utf8)).objectValue ?? [:]
            } catch {
                throw EngineError.cache(
                    "ticket field \(id): its stored JSON does not parse (\(error)); import it again")
            }
            let field: TicketField
            do {
                field = try TicketField(
                    RecordReader(
                        members: members, context: RecordContext(key: "ticket_fields", index: nil, id: "\(id)")))
            } catch {
                throw EngineError.cache("ticket field \(id): \(error); import it again")
            }
            fields.append(
                CustomFieldDefinition(
                    id: field.id, type: field.type ?? "text", title: field.title ?? "field \(field.id)",
                    active: field.active ?? true, options: field.options))
        }
        return CustomFieldCatalog(fields: fields)
    }

    /// Every loaded ticket's value of custom field `field` (non-null values only).
    func loadCustomField(_ field: Int64, into store: inout TicketStore) throws {
        try cache.forEachCustomFieldValue(fieldID: field) { id, value in
            guard let index = store.index(of: id) else { return }
            store.customFields[Int32(index), default: [:]][field] = value
        }
    }

    /// Each agent's default group (`group_memberships.is_default`; an agent in a single group
    /// without a default takes that group).
    func loadDefaultGroups() throws -> [Int64: Int64] {
        var defaults: [Int64: Int64] = [:]
        var only: [Int64: Int64?] = [:]
        for (user, group, isDefault) in try cache.groupMemberships() {
            if isDefault && defaults[user] == nil { defaults[user] = group }
            if let seen = only[user] { only[user] = seen == group ? seen : .some(nil) } else { only[user] = group }
        }
        for (user, group) in only where defaults[user] == nil {
            if let group { defaults[user] = group }
        }
        return defaults
    }
}
