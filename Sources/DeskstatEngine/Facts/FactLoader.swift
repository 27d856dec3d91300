public import DeskstatCache

/// Reads the facts a report needs from the cache with a few index-driven queries.
///
/// Tickets loaded: not deleted, created before `until`, and created since `since`, or unsolved
/// now, or solved since `since`, or rated in [`since`, `until`). That is every ticket any KPI of a
/// window inside [since, until) can count, plus the whole backlog.
///
/// How (docs/performance.md): the candidates' ids come from narrow index ranges — created in the
/// window, each unsolved status, solved since `since`, rated in the window — or, when `since`
/// precedes every ticket, from one scan. Their columns come packed from `ticket_facts` (schema
/// v4, `TicketFacts`), read in id runs (the upper half of a full scan on a second connection);
/// a part that is NULL (changed outside deskstat) is read from its table. Tags and custom fields are read only
/// for the values SLA policies test (other tags load on demand, see `FactSet`); names only for
/// the users that can appear in a report (agents, admins and assignees).
public struct FactLoader: Sendable {
    public let cache: Cache

    public init(cache: Cache) {
        self.cache = cache
    }

    /// Loads facts for windows inside [since, until).
    public func load(since: Int64, until: Int64) throws -> FactSet {
        // A second connection takes its snapshot before the main transaction starts (see `SideReader`).
        let side = SideReader(path: cache.path)
        return try reading { snapshot in
            let reader = FactReader(snapshot)
            let version = try reader.dataVersion()
            let policies = try reader.loadPolicies()
            var ratings: [RatingFact]
            var store: TicketStore
            if try reader.everyTicketQualifies(since: since) {
                // Full history: every ticket created before `until`. With a second connection on
                // the same snapshot, the upper ids and the ratings are read there.
                let (low, high) = try reader.factIDRange()
                // The side connection also reads the ratings, so it takes fewer ids (40%).
                let middle = low + (high - low) / 5 * 3
                if let side, side.joinMainSnapshot() {
                    let scan = side.scan(ids: (middle + 1, high), until: until, ratings: (since, until))
                    // Room for both halves, so appending the side's half does not move this one.
                    store = try reader.readFacts(
                        ranges: [(low, middle)], wanted: nil, until: until, capacity: high - low + 1)
                    let result = try scan.wait().get()
                    store.append(contentsOf: result.part)
                    ratings = result.ratings
                } else {
                    store = try reader.readFacts(ranges: [(low, high)], wanted: nil, until: until)
                    ratings = try reader.loadRatings(since: since, until: until)
                }
                try reader.resolveUnknownParts(&store, until: until)
            } else {
                ratings = try reader.loadRatings(since: since, until: until)
                store = try reader.loadTickets(
                    since: since, until: until, ratedTicketIDs: ratings.compactMap(\.ticketID))
            }
            try reader.loadTestedAttributes(into: &store, policies: policies)
            store.finish()
            let names = try reader.loadNames()
            return FactSet(
                store: store, ratings: ratings, names: names, policies: policies,
                source: FactSource(cache: cache, since: since, until: until, dataVersion: version))
        }
    }

    /// Loads one ticket (for `explain`), whatever its dates, with all its tags and custom fields.
    public func loadTicket(_ id: Int64) throws -> FactSet {
        try reading { snapshot in
            let reader = FactReader(snapshot)
            var store = TicketStore()
            var children: [String] = []
            if let base = try reader.baseRecord(id: id) {
                let record = base.record(&store.strings)
                base.durations.withUnsafeBufferPointer { store.append(record, durations: $0) }
            } else {
                children = try Self.childRecords(of: id, reader: snapshot)
            }
            store.finish()
            try reader.loadAllTags(into: &store)
            try reader.loadAllCustomFields(into: &store)
            var facts = FactSet(
                store: store, ratings: [], names: try reader.loadNames(), policies: try reader.loadPolicies(),
                source: nil)
            facts.childRecords = children
            return facts
        }
    }

    /// What the cache holds of a ticket beyond the ticket record: "2 audits", "1 comment", …
    static func childRecords(of id: Int64, reader: CacheReader) throws -> [String] {
        let counts = try reader.ticketChildCounts(ticketID: id)
        var found: [String] = []
        for (table, one, many) in [
            ("ticket_audits", "audit", "audits"), ("ticket_comments", "comment", "comments"),
            ("ticket_metrics", "metric set", "metric sets"), ("satisfaction_ratings", "rating", "ratings"),
        ] {
            let count = counts[table] ?? 0
            if count > 0 { found.append("\(count) \(count == 1 ? one : many)") }
        }
        return found
    }

    /// `store` with every tag loaded, from the same cache state it was read from.
    func completingTags(of store: TicketStore, source: FactSource) throws(EngineError) -> TicketStore {
        try completing(store, source: source) { reader, store in try reader.loadAllTags(into: &store) }
    }

    /// `store` with every value of custom field `field` loaded, from the same cache state.
    func completingCustomField(_ field: Int64, of store: TicketStore, source: FactSource) throws(EngineError)
        -> TicketStore
    {
        try completing(store, source: source) { reader, store in try reader.loadCustomField(field, into: &store) }
    }

    /// `store` with more read into it by `load`, from the cache state it was first read from.
    private func completing(
        _ store: TicketStore, source: FactSource, _ load: (FactReader, inout TicketStore) throws -> Void
    ) throws(EngineError) -> TicketStore {
        do {
            return try reading { snapshot in
                let reader = FactReader(snapshot)
                guard try reader.dataVersion() == source.dataVersion else {
                    throw EngineError.cache(
                        "the cache changed while the report was being read (an import or sync committed); run the report again"
                    )
                }
                var completed = store
                try load(reader, &completed)
                return completed
            }
        } catch let error as EngineError {
            throw error
        } catch {
            throw .cache(String(describing: error))
        }
    }

    private func reading<T>(_ body: (CacheReader) throws -> T) throws -> T {
        do {
            return try cache.snapshot(body)
        } catch let error as CacheError {
            throw EngineError.cache(error.description)
        }
    }
}
