import DeskstatCache
import Foundation

/// Everything one report needs from the cache, loaded once: tickets relevant to the windows,
/// ratings updated in them, names and SLA policies.
///
/// Tickets are kept compact (`TicketStore`); `ticket(_:)` hands one out as a `TicketFact`. A
/// fact set from `FactLoader.load` first holds only the tags SLA policies test (all a report
/// needs unless it slices or filters by tag); the rest are loaded, from the same cache state,
/// the first time something asks for them.
public struct FactSet: Sendable {
    let storage: FactStorage
    public var ratings: [RatingFact]
    public var names: NameDirectory
    /// The SLA policies' raw rows, in (position, id) order.
    public var policies: [PolicyFact]
    /// The tickets' metric events, for recorded SLA (`SLAEventSet.load`; empty until loaded).
    public var slaEvents = SLAEventSet()
    /// For `FactLoader.loadTicket` of a ticket the cache lacks: what it holds of it anyway
    /// ("2 audits", "1 comment", "a metric set"); empty otherwise.
    public var childRecords: [String] = []

    init(store: TicketStore, ratings: [RatingFact], names: NameDirectory, policies: [PolicyFact], source: FactSource?) {
        storage = FactStorage(store: store, source: source)
        self.ratings = ratings
        self.names = names
        self.policies = policies
    }

    /// The loaded ticket with this id, if any, with all its tags (loaded from the same cache
    /// state when the fact set holds only the tags SLA policies test).
    public func ticket(_ id: Int64?) throws(EngineError) -> TicketFact? {
        guard let id else { return nil }
        let store = try storage.completeTags()
        return store.index(of: id).map(store.fact)
    }

    /// The ids of the loaded tickets, in load order.
    public var ticketIDs: [Int64] { store.records.map(\.id) }

    /// The compact tickets as they are now (tags possibly limited to those SLA policies test).
    var store: TicketStore { storage.store }

    /// The compact tickets with every tag loaded.
    func storeWithAllTags() throws(EngineError) -> TicketStore {
        try storage.completeTags()
    }

    /// The compact tickets with every value of custom field `field` loaded.
    func storeWithCustomField(_ field: Int64) throws(EngineError) -> TicketStore {
        try storage.completeCustomField(field)
    }
}

/// Where a fact set was loaded from, so that the rest of its tags can be loaded later.
struct FactSource: Sendable {
    let cache: Cache
    let since: Int64
    let until: Int64
    /// `PRAGMA data_version` when the facts were read: unchanged means no other connection has
    /// committed since, so a later read sees the same data.
    let dataVersion: Int64
}

/// The tickets of a fact set, shared by its copies so that tags loaded later are loaded once.
final class FactStorage: @unchecked Sendable {
    private let lock = NSLock()
    private var current: TicketStore
    private let source: FactSource?

    init(store: TicketStore, source: FactSource?) {
        current = store
        self.source = source
    }

    var store: TicketStore {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// The store with every tag of every ticket, loading the missing ones first.
    func completeTags() throws(EngineError) -> TicketStore {
        lock.lock()
        defer { lock.unlock() }
        guard !current.tagsComplete else { return current }
        guard let source else { return current }
        current = try FactLoader(cache: source.cache).completingTags(of: current, source: source)
        return current
    }

    /// Custom fields whose values are loaded for every ticket (beyond those SLA policies test).
    private var loadedFields: Set<Int64> = []

    /// The store with every value of custom field `field`, loading them first.
    func completeCustomField(_ field: Int64) throws(EngineError) -> TicketStore {
        lock.lock()
        defer { lock.unlock() }
        guard let source, !loadedFields.contains(field) else { return current }
        current = try FactLoader(cache: source.cache).completingCustomField(field, of: current, source: source)
        loadedFields.insert(field)
        return current
    }
}

/// An SLA policy as stored in the cache.
public struct PolicyFact: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var position: Int64?
    /// (kind "all"/"any", field, operator, value as JSON text)
    public var conditions: [(kind: String, field: String?, operatorName: String?, valueJSON: String?)]
    public var targets:
        [(priority: String?, metric: String?, target: Double?, targetInSeconds: Double?, businessHours: Bool)]

    public static func == (lhs: PolicyFact, rhs: PolicyFact) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.position == rhs.position
            && lhs.conditions.count == rhs.conditions.count && lhs.targets.count == rhs.targets.count
    }
}
