import DeskstatSLA
import DeskstatTime
import Foundation

/// One dimension's slices, worked out once per session: every ticket's (and rating's) raw slot,
/// and each raw slot's key. A raw slot is one id or one exact text; slices whose keys Swift calls
/// equal are merged when results are built, in the order the original calculator met them.
final class DimensionIndex: @unchecked Sendable {
    let dimension: Dimension?
    let keys: [SliceKey]
    /// Per ticket: its raw slot (single-valued dimensions).
    let ticketSlots: [Int32]
    /// Per rating: its raw slot (not for tags: those come from the ticket at count time).
    let ratingSlots: [Int32]
    /// Tag dimension: the raw slot of each string code (-1: not a tag).
    let tagSlots: [Int32]
    let noneSlot: Int32
    /// A custom-field slice: per ticket, its raw slots (a multiselect's ticket may have several).
    let fieldSlots: [[Int32]]?

    /// Whether every ticket has exactly one slot (`ticketSlots`); tags and custom fields may
    /// give a ticket several, read through `slots(ofTicket:…)`.
    var isSingle: Bool { dimension != .tag && fieldSlots == nil }

    /// The slices of a custom field: one per key found on the tickets (see `CustomFieldDefinition`),
    /// "(none)" for tickets without a value; ratings take their ticket's.
    init(field: CustomFieldDefinition, store: TicketStore) {
        dimension = nil
        var keys: [SliceKey] = []
        var slotByKey: [String: Int32] = [:]
        var fieldSlots: [[Int32]] = []
        fieldSlots.reserveCapacity(store.count)
        var noneSlot: Int32 = -1
        for index in 0..<store.count {
            let values = field.keys(of: store.customFields[Int32(index)]?[field.id])
            if values.isEmpty {
                if noneSlot < 0 {
                    keys.append(SliceKey(key: nil, label: "(none)"))
                    noneSlot = Int32(keys.count - 1)
                }
                fieldSlots.append([noneSlot])
                continue
            }
            fieldSlots.append(
                values.map { value in
                    if let slot = slotByKey[value] { return slot }
                    keys.append(SliceKey(key: value, label: field.label(of: value)))
                    slotByKey[value] = Int32(keys.count - 1)
                    return Int32(keys.count - 1)
                })
        }
        if noneSlot < 0 {
            keys.append(SliceKey(key: nil, label: "(none)"))
            noneSlot = Int32(keys.count - 1)
        }
        self.keys = keys
        self.fieldSlots = fieldSlots
        self.noneSlot = noneSlot
        ticketSlots = []
        ratingSlots = []
        tagSlots = []
    }

    init(dimension: Dimension?, store: TicketStore, ratings: [RatingFact], ratingTickets: [Int32], names: NameDirectory)
    {
        self.dimension = dimension
        fieldSlots = nil
        guard let dimension else {
            keys = [.all]
            ticketSlots = []
            ratingSlots = []
            tagSlots = []
            noneSlot = -1
            return
        }
        var keys: [SliceKey] = []
        var noneSlot: Int32 = -1
        var slotByID = IntSlotMap()
        var slotByCode: [Int32: Int32] = [:]
        func none() -> Int32 {
            if noneSlot < 0 {
                keys.append(SliceKey(key: nil, label: "(none)"))
                noneSlot = Int32(keys.count - 1)
            }
            return noneSlot
        }
        func idSlot(_ id: Int64, rank: Bool) -> Int32 {
            if let slot = slotByID[id] { return slot }
            let key = String(id)
            keys.append(
                SliceKey(
                    key: key, label: SliceMapper.label(for: key, in: dimension, names: names),
                    rank: rank ? SliceKey.rank(of: key, in: dimension) : 0))
            let slot = Int32(keys.count - 1)
            slotByID[id] = slot
            return slot
        }
        func textSlot(_ code: Int32) -> Int32 {
            if let slot = slotByCode[code] { return slot }
            let key = store.strings[code]
            keys.append(
                SliceKey(
                    key: key, label: SliceMapper.label(for: key, in: dimension, names: names),
                    rank: SliceKey.rank(of: key, in: dimension)))
            let slot = Int32(keys.count - 1)
            slotByCode[code] = slot
            return slot
        }
        let records = store.records
        var tagSlots: [Int32] = []
        var ticketSlots: [Int32] = []
        if dimension == .tag {
            tagSlots = [Int32](repeating: -1, count: store.strings.strings.count)
            for code in store.tagCodes where tagSlots[Int(code)] < 0 { tagSlots[Int(code)] = textSlot(code) }
        } else {
            ticketSlots.reserveCapacity(records.count)
            for record in records {
                let slot: Int32
                switch record.field(dimension) {
                case .id(let value): slot = value.map { idSlot($0, rank: true) } ?? none()
                case .text(let code): slot = code >= 0 ? textSlot(code) : none()
                case .tags: slot = -1
                }
                ticketSlots.append(slot)
            }
        }
        // Ratings: group and assignee at rating time (else the ticket's); other dimensions the ticket's.
        var ratingSlots: [Int32] = []
        ratingSlots.reserveCapacity(ratings.count)
        for (index, rating) in ratings.enumerated() {
            let ticket = ratingTickets[index]
            switch dimension {
            case .group, .assignee:
                var id = dimension == .group ? rating.groupID : rating.assigneeID
                if id == nil, ticket >= 0 {
                    let record = records[Int(ticket)]
                    id =
                        dimension == .group
                        ? record.optional(record.groupID, TicketRecord.group)
                        : record.optional(record.assigneeID, TicketRecord.assignee)
                }
                ratingSlots.append(id.map { idSlot($0, rank: false) } ?? none())
            case .tag:
                ratingSlots.append(-1)
            default:
                ratingSlots.append(ticket >= 0 ? ticketSlots[Int(ticket)] : none())
            }
        }
        if dimension == .tag { _ = none() }
        self.keys = keys
        self.ticketSlots = ticketSlots
        self.ratingSlots = ratingSlots
        self.tagSlots = tagSlots
        self.noneSlot = noneSlot
    }

    /// The raw slots of ticket `index`.
    @inline(__always) func slots(ofTicket index: Int, store: TicketStore, into slots: inout [Int32]) {
        if let fieldSlots {
            slots.append(contentsOf: fieldSlots[index])
            return
        }
        guard let dimension else {
            slots.append(0)
            return
        }
        guard dimension == .tag else {
            slots.append(ticketSlots[index])
            return
        }
        let record = store.records[index]
        if record.tagCount == 0 {
            slots.append(noneSlot)
            return
        }
        for position in Int(record.tagStart)..<Int(record.tagStart + record.tagCount) {
            slots.append(tagSlots[Int(store.tagCodes[position])])
        }
    }

    /// The raw slots of rating `index` (tags: its ticket's, or "(none)").
    @inline(__always) func slots(ofRating index: Int, ticket: Int32, store: TicketStore, into slots: inout [Int32]) {
        if fieldSlots != nil {
            if ticket < 0 {
                slots.append(noneSlot)
            } else {
                self.slots(ofTicket: Int(ticket), store: store, into: &slots)
            }
            return
        }
        guard let dimension else {
            slots.append(0)
            return
        }
        guard dimension == .tag else {
            slots.append(ratingSlots[index])
            return
        }
        if ticket < 0 {
            slots.append(noneSlot)
        } else {
            self.slots(ofTicket: Int(ticket), store: store, into: &slots)
        }
    }
}

/// `Int64` → slot, open addressing with a multiplicative hash (cheaper than `Dictionary`'s SipHash).
struct IntSlotMap {
    private var keys = [Int64](repeating: 0, count: 16)
    private var values = [Int32](repeating: -1, count: 16)
    private var count = 0

    subscript(key: Int64) -> Int32? {
        get {
            var index = Self.hash(key) & (keys.count - 1)
            while values[index] >= 0 {
                if keys[index] == key { return values[index] }
                index = (index + 1) & (keys.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { return }
            if (count + 1) * 2 > keys.count { grow() }
            var index = Self.hash(key) & (keys.count - 1)
            while values[index] >= 0 && keys[index] != key { index = (index + 1) & (keys.count - 1) }
            if values[index] < 0 { count += 1 }
            keys[index] = key
            values[index] = newValue
        }
    }

    @inline(__always) private static func hash(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [Int64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        count = 0
        for index in oldKeys.indices where oldValues[index] >= 0 { self[oldKeys[index]] = oldValues[index] }
    }
}

/// A slice key's label: the name of the group, assignee, organization, form or brand it is the id of, else the key.
enum SliceMapper {
    static func label(for key: String, in dimension: Dimension, names: NameDirectory) -> String {
        guard let id = Int64(key),
            !names.names(for: dimension).isEmpty
                || [.group, .assignee, .organization, .form, .brand].contains(dimension)
        else {
            return key
        }
        return names.label(id, in: dimension)
    }
}
