extension EngineSession {
    /// The custom field a `field:` slice or filter names, with its values loaded for every ticket.
    func customField(_ reference: String) throws(EngineError) -> CustomFieldDefinition {
        let field = try facts.names.customFields.resolve(reference)
        try needCustomField(field.id)
        return field
    }

    /// Binds a `--where field:…` filter (loading the field's values first).
    func resolveFieldFilter(_ filter: TicketFilter, reference: String) throws(EngineError) -> ResolvedFilter {
        let field: CustomFieldDefinition
        do {
            field = try customField(reference)
        } catch .unknownCustomField(_, let problem) {
            throw .badFilter(expression: filter.text, problem: problem)
        }
        return try filter.resolveField(field, seen: seenKeys(of: field))
    }

    /// Every key of `field` found on the loaded tickets.
    func seenKeys(of field: CustomFieldDefinition) -> Set<String> {
        var keys: Set<String> = []
        for values in store.customFields.values {
            if let stored = values[field.id] { keys.formUnion(field.keys(of: stored)) }
        }
        return keys
    }
}
