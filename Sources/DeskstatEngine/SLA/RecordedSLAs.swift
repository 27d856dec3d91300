public import DeskstatCache
public import DeskstatSLA
import DeskstatTime
import Foundation
public import ZendeskWire

/// Where SLA outcomes come from (`--sla-source`, docs/metrics.md).
public enum SLASource: String, Sendable, CaseIterable {
    /// Zendesk's ticket metric events: one instance per (ticket, metric, instance), as recorded.
    case recorded
    /// deskstat's evaluation of the current policies against the current tickets.
    case evaluated
    /// Recorded for tickets that have metric events, evaluated for the others.
    case auto
}

/// The ticket metric events of a fact set, compact: per ticket (ascending ids), its events in
/// (time, id) order as `RecordedSLA.Event`s with their stream (metric, instance) beside them, and
/// the distinct applied targets and metric names they refer to.
public struct SLAEventSet: Sendable {
    /// Tickets with at least one stored event, ascending.
    public private(set) var ticketIDs: [Int64] = []
    /// `starts[t]..<starts[t + 1]` are ticket `t`'s events (`starts.count == ticketIDs.count + 1`).
    var starts: [Int32] = [0]
    /// The events recorded SLA can use (a metric and a time of 0 or later); a ticket whose events
    /// have neither still has its (empty) run, so it counts as having events.
    var events: [RecordedSLA.Event] = []
    /// Per event: its metric (an index into `metricNames`) and its `instance_id` (0 when missing).
    var eventMetrics: [Int32] = []
    var eventInstances: [Int64] = []
    var metricNames: [String] = []
    /// The distinct targets the `apply` events refer to (by `Event.payload`).
    var targets: [MetricEventTarget] = []

    public init() {}

    /// The events of tickets built field by field (tests, other sources).
    public init(byTicket: [Int64: [TicketMetricEvent]]) {
        var builder = Builder()
        for ticketID in byTicket.keys.sorted() {
            let events = (byTicket[ticketID] ?? []).sorted { ($0.time ?? -1, $0.id) < ($1.time ?? -1, $1.id) }
            guard !events.isEmpty else { continue }
            builder.startTicket(ticketID)
            for event in events {
                var metric: Int32?
                if let name = event.metric { metric = builder.metricIndex(name) }
                var target: Int32 = -1
                if let applied = event.appliedTarget { target = builder.targetIndex(applied) }
                builder.add(
                    id: event.id, time: event.time, kind: RecordedSLA.Event.Kind(type: event.type),
                    deleted: event.deleted == true, metric: metric, instance: event.instanceID, target: target)
            }
        }
        self = builder.set
    }

    /// The stored events of the tickets in `facts` (only those: read in id runs), typed — no JSON
    /// is decoded except an applied target an upgraded cache could not type (`sla_kind` 2). A
    /// large read is split: the upper half of the ids is read on a second connection on the same
    /// snapshot (`SideSnapshot`), on the other core, when at least `splitAbove` tickets are loaded.
    public static func load(from cache: Cache, for facts: FactSet, splitAbove: Int = 4_096) throws(EngineError)
        -> SLAEventSet
    {
        var ids = facts.store.records.map(\.id)
        ids.sort()
        // Opened before the main transaction starts (see `SideSnapshot`).
        let side = ids.count >= splitAbove ? SideSnapshot(path: cache.path) : nil
        do {
            return try cache.snapshot { reader in
                _ = try reader.dataVersion()  // the main snapshot starts here
                guard let side, side.joinMainSnapshot() else {
                    return try load(from: reader, ids: ids, ranges: FactReader.runs(of: ids))
                }
                let lower = Array(ids[..<(ids.count / 2)])
                let upper = Array(ids[(ids.count / 2)...])
                let pending = Pending.start {
                    Result { try load(from: side.reader, ids: upper, ranges: FactReader.runs(of: upper)) }
                }
                let main = Result { try load(from: reader, ids: lower, ranges: FactReader.runs(of: lower)) }
                let other = pending.wait()
                var set = try main.get()
                set.append(try other.get())
                return set
            }
        } catch let error as EngineError {
            throw error
        } catch let error as CacheError {
            throw .cache(error.description)
        } catch {
            throw .cache(String(describing: error))
        }
    }

    /// Appends the tickets of `other` (all with larger ids than this set's), its metric names and
    /// targets mapped onto this set's.
    mutating func append(_ other: SLAEventSet) {
        let metricMap = other.metricNames.map { name -> Int32 in
            if let known = metricNames.firstIndex(of: name) { return Int32(known) }
            metricNames.append(name)
            return Int32(metricNames.count - 1)
        }
        let targetMap = other.targets.map { target -> Int32 in
            if let known = targets.firstIndex(where: { Self.same($0, target) }) { return Int32(known) }
            targets.append(target)
            return Int32(targets.count - 1)
        }
        let offset = Int32(events.count)
        ticketIDs.append(contentsOf: other.ticketIDs)
        starts.append(contentsOf: other.starts.dropFirst().map { $0 + offset })
        events.append(
            contentsOf: other.events.map { event in
                var mapped = event
                if event.kind == .apply, event.payload >= 0 { mapped.payload = targetMap[Int(event.payload)] }
                return mapped
            })
        eventMetrics.append(contentsOf: other.eventMetrics.map { metricMap[Int($0)] })
        eventInstances.append(contentsOf: other.eventInstances)
    }

    /// The same target to the bit (as `Builder` interns them).
    static func same(_ lhs: MetricEventTarget, _ rhs: MetricEventTarget) -> Bool {
        lhs.policyID == rhs.policyID && lhs.policyTitle == rhs.policyTitle
            && lhs.target?.bitPattern == rhs.target?.bitPattern
            && lhs.targetInSeconds?.bitPattern == rhs.targetInSeconds?.bitPattern
            && lhs.businessHours == rhs.businessHours && lhs.isGroupPolicy == rhs.isGroupPolicy
    }

    /// The events of every stored ticket (the reference the narrowed read is tested against).
    public static func loadAll(from cache: Cache) throws(EngineError) -> SLAEventSet {
        do {
            return try cache.snapshot { reader in try load(from: reader, ids: nil, ranges: [(Int64.min, Int64.max)]) }
        } catch let error as EngineError {
            throw error
        } catch let error as CacheError {
            throw .cache(error.description)
        } catch {
            throw .cache(String(describing: error))
        }
    }

    /// Reads the events of `ranges`, keeping those of tickets in `ids` (sorted; every ticket when nil).
    static func load(from reader: CacheReader, ids: [Int64]?, ranges: [(Int64, Int64)]) throws -> SLAEventSet {
        var builder = Builder()
        var wanted = 0
        var current: Int64?
        var index = 0
        try reader.forEachMetricEvent(ofTicketsIn: ranges) { row in
            defer { index += 1 }
            if row.ticketID != current {
                if let ids {
                    while wanted < ids.count, ids[wanted] < row.ticketID { wanted += 1 }
                    guard wanted < ids.count, ids[wanted] == row.ticketID else { return }
                }
                current = row.ticketID
                builder.startTicket(row.ticketID)
            }
            var target: Int32 = -1
            if let typed = row.target {
                target = builder.targetIndex(typed)
            } else if let json = row.untypedJSON {
                target = try builder.targetIndex(decoding: json, row: row, index: index)
            }
            var metric: Int32?
            if let name = row.metric { metric = builder.metricIndex(name) }
            builder.add(
                id: row.id, time: row.time, kind: Builder.kind(row.type), deleted: row.deleted == true,
                metric: metric, instance: row.instanceID, target: target)
        }
        return builder.set
    }

    /// Builds a set ticket by ticket, interning metric names, titles and targets.
    struct Builder {
        var set = SLAEventSet()
        private var metricCodes: [String: Int32] = [:]
        /// `set.metricNames` as UTF-8, to compare a row's bytes with.
        private var metricBytes: [[UInt8]] = []
        private var titles: [String] = []
        private var targetCodes: [TargetKey: Int32] = [:]

        struct TargetKey: Hashable {
            var policyID: Int64?
            var title: Int32
            var target: UInt64?
            var seconds: UInt64?
            var businessHours: Bool
            var isGroupPolicy: Bool
        }

        mutating func startTicket(_ id: Int64) {
            set.ticketIDs.append(id)
            set.starts.append(Int32(set.events.count))
        }

        mutating func add(
            id: Int64, time: Int64?, kind: RecordedSLA.Event.Kind, deleted: Bool, metric: Int32?, instance: Int64?,
            target: Int32
        ) {
            // Events without a metric or a time are no stream's; the ticket still has events.
            guard let time, time >= 0, let metric else { return }
            set.events.append(
                RecordedSLA.Event(
                    id: id, time: time, kind: kind, deleted: deleted, payload: kind == .apply ? target : -1))
            set.eventMetrics.append(metric)
            set.eventInstances.append(instance ?? 0)
            set.starts[set.starts.count - 1] = Int32(set.events.count)
        }

        static func kind(_ type: UnsafeRawBufferPointer?) -> RecordedSLA.Event.Kind {
            guard let type else { return .other }
            for (name, kind) in kinds where type.holdsUTF8(of: name) { return kind }
            return .other
        }

        static let kinds: [(StaticString, RecordedSLA.Event.Kind)] = [
            ("activate", .activate), ("fulfill", .fulfill), ("breach", .breach), ("pause", .pause),
            ("apply_sla", .apply), ("apply_group_sla", .apply), ("update_status", .updateStatus),
        ]

        mutating func metricIndex(_ bytes: UnsafeRawBufferPointer) -> Int32 {
            for (index, name) in metricBytes.enumerated() where name.elementsEqual(bytes) { return Int32(index) }
            return metricIndex(String(decoding: bytes, as: UTF8.self))
        }

        mutating func metricIndex(_ name: String) -> Int32 {
            if let known = metricCodes[name] { return known }
            let code = Int32(set.metricNames.count)
            set.metricNames.append(name)
            metricBytes.append(Array(name.utf8))
            metricCodes[name] = code
            return code
        }

        static func matches(_ name: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
            var name = name
            return name.withUTF8 { utf8 in utf8.count == bytes.count && utf8.elementsEqual(bytes) }
        }

        mutating func titleIndex(_ bytes: UnsafeRawBufferPointer?) -> Int32 {
            guard let bytes else { return -1 }
            // Few distinct titles: the last ones seen first.
            for index in titles.indices.reversed() where Self.matches(titles[index], bytes) { return Int32(index) }
            titles.append(String(decoding: bytes, as: UTF8.self))
            return Int32(titles.count - 1)
        }

        mutating func targetIndex(_ typed: CacheReader.MetricEventRow.Target) -> Int32 {
            let key = TargetKey(
                policyID: typed.policyID, title: titleIndex(typed.policyTitle), target: typed.target?.bitPattern,
                seconds: typed.targetInSeconds?.bitPattern, businessHours: typed.businessHours,
                isGroupPolicy: typed.isGroupPolicy)
            if let known = targetCodes[key] { return known }
            return add(
                key,
                MetricEventTarget(
                    policyID: typed.policyID, policyTitle: key.title >= 0 ? titles[Int(key.title)] : nil,
                    target: typed.target, targetInSeconds: typed.targetInSeconds, businessHours: typed.businessHours,
                    isGroupPolicy: typed.isGroupPolicy))
        }

        mutating func targetIndex(_ target: MetricEventTarget) -> Int32 {
            var title: Int32 = -1
            if var text = target.policyTitle {
                title = text.withUTF8 { titleIndex(UnsafeRawBufferPointer($0)) }
            }
            let key = TargetKey(
                policyID: target.policyID, title: title, target: target.target?.bitPattern,
                seconds: target.targetInSeconds?.bitPattern, businessHours: target.businessHours,
                isGroupPolicy: target.isGroupPolicy)
            if let known = targetCodes[key] { return known }
            return add(key, target)
        }

        private mutating func add(_ key: TargetKey, _ target: MetricEventTarget) -> Int32 {
            let code = Int32(set.targets.count)
            set.targets.append(target)
            targetCodes[key] = code
            return code
        }

        /// The target of an event stored before schema v6 in a shape the upgrade left untyped,
        /// decoded with ZendeskWire's event contract.
        mutating func targetIndex(decoding json: UnsafeRawBufferPointer, row: CacheReader.MetricEventRow, index: Int)
            throws(EngineError) -> Int32
        {
            do {
                let record = try Envelope.parseBareRecord(Array(json), table: .ticketMetricEvents, index: index)
                guard let target = try TicketMetricEvent(RecordReader(record)).appliedTarget else { return -1 }
                return targetIndex(target)
            } catch {
                throw .cache(
                    "ticket metric event \(row.id) of ticket \(row.ticketID) cannot be read (\(error)); "
                        + "re-import ticket_metric_events or run `deskstat sync` again")
            }
        }
    }
}

/// Every loaded ticket's recorded SLA instances as of one instant.
struct RecordedSLAs: Sendable {
    /// Per ticket index: the ticket has at least one metric event (so `auto` uses the record).
    var covered: [Bool]
    /// Per ticket index with instances: the instances.
    var instances: [Int32: [SLAInstance]]

    init(store: TicketStore, events: SLAEventSet, asOf: Int64) {
        covered = [Bool](repeating: false, count: store.count)
        instances = [:]
        var scratch = SLAEventSet.Scratch()
        for ticket in events.ticketIDs.indices {
            guard let index = store.index(of: events.ticketIDs[ticket]) else { continue }
            covered[index] = true
            let built = events.instances(at: ticket, asOf: asOf, scratch: &scratch)
            if !built.isEmpty { instances[Int32(index)] = built }
        }
    }
}

extension SLAEventSet {
    /// Buffers reused from ticket to ticket.
    struct Scratch {
        var streams: [(metric: Int32, instance: Int64)] = []
        var stream: [RecordedSLA.Event] = []
    }

    /// The recorded instances of ticket `id` as of `asOf` (`RecordedSLA`'s order), or `nil` when
    /// the ticket has no stored events.
    public func instances(ofTicket id: Int64, asOf: Int64) -> [SLAInstance]? {
        var low = 0
        var high = ticketIDs.count
        while low < high {
            let middle = (low + high) / 2
            if ticketIDs[middle] < id { low = middle + 1 } else { high = middle }
        }
        guard low < ticketIDs.count, ticketIDs[low] == id else { return nil }
        var scratch = Scratch()
        return instances(at: low, asOf: asOf, scratch: &scratch)
    }

    /// The instances of the ticket at `ticket` in `ticketIDs`: one `RecordedSLA.instance` per
    /// (metric, instance) stream.
    func instances(at ticket: Int, asOf: Int64, scratch: inout Scratch) -> [SLAInstance] {
        let ticketID = ticketIDs[ticket]
        let range = Int(starts[ticket])..<Int(starts[ticket + 1])
        scratch.streams.removeAll(keepingCapacity: true)
        for event in range {
            let key = (metric: eventMetrics[event], instance: eventInstances[event])
            if !scratch.streams.contains(where: { $0 == key }) { scratch.streams.append(key) }
        }
        var built: [SLAInstance] = []
        for key in scratch.streams {
            scratch.stream.removeAll(keepingCapacity: true)
            for event in range where eventMetrics[event] == key.metric && eventInstances[event] == key.instance {
                scratch.stream.append(events[event])
            }
            let instance = scratch.stream.withUnsafeBufferPointer { buffer in
                RecordedSLA.instance(
                    ticket: ticketID, metric: metricNames[Int(key.metric)], instance: key.instance, stream: buffer,
                    targets: targets, statuses: [], asOf: asOf)
            }
            if let instance { built.append(instance) }
        }
        return built.count > 1 ? built.sorted(by: RecordedSLA.order) : built
    }
}

/// An active SLA target whose breach is due within the at-risk horizon.
public struct AtRiskTarget: Sendable, Equatable {
    public var ticketID: Int64
    public var metric: String
    public var instance: Int64?
    public var policyTitle: String
    public var priority: String
    public var targetMinutes: Double
    public var businessHours: Bool
    public var breachAt: Int64
    /// Minutes from as-of to the breach.
    public var minutesLeft: Double
    public var source: SLASource
}

/// How many tickets each source covered in a report.
public struct SLACoverage: Sendable, Equatable {
    public var source: SLASource
    public var recordedTickets = 0
    public var evaluatedTickets = 0
    /// Of the evaluated tickets, those judged from their timeline (ticket history) rather than
    /// their metric set.
    public var timelineTickets = 0

    /// "SLA source: auto — recorded metric events for 5 tickets, evaluated from policies for 40."
    public var note: String {
        let recorded = "\(recordedTickets) \(recordedTickets == 1 ? "ticket" : "tickets")"
        var evaluated = "\(evaluatedTickets) \(evaluatedTickets == 1 ? "ticket" : "tickets")"
        if timelineTickets > 0 { evaluated += " (\(timelineTickets) from their ticket history)" }
        switch source {
        case .recorded:
            return "SLA source: recorded — Zendesk's ticket metric events for \(recorded)"
                + " (tickets without events are left out)."
        case .evaluated:
            return "SLA source: evaluated — current policies applied to \(evaluated)."
        case .auto:
            return "SLA source: auto — Zendesk's ticket metric events for \(recorded), "
                + "current policies evaluated for \(evaluated) without events."
        }
    }
}

extension EngineSession {
    /// The recorded instances as of `asOf` (computed once per as-of).
    func recorded(asOf: Int64) -> RecordedSLAs {
        lock.lock()
        defer { lock.unlock() }
        if let cached = recordedByAsOf[asOf] { return cached }
        let built = RecordedSLAs(store: store, events: facts.slaEvents, asOf: asOf)
        recordedByAsOf[asOf] = built
        return built
    }

    /// Whether the ticket's SLA comes from its recorded events under the session's source.
    func usesRecord(_ index: Int, _ recorded: RecordedSLAs) -> Bool {
        switch slaSource {
        case .recorded: true
        case .evaluated: false
        case .auto: recorded.covered[index]
        }
    }

    /// `computeSLA` for the session's `slaSource`: evaluated outcomes, recorded instances, or
    /// both (each ticket from exactly one of them).
    func computeSLAForSource(
        window: Window, asOf: Int64, dimension: Dimension?, field: CustomFieldDefinition? = nil, includeActive: Bool,
        mask: [Bool]?
    )
        -> [SliceKey: SLASummary]
    {
        if slaSource == .evaluated {
            return computeEvaluatedSLA(
                window: window, asOf: asOf, dimension: dimension, field: field, includeActive: includeActive,
                mask: mask)
        }
        lock.lock()
        defer { lock.unlock() }
        let recorded = self.recorded(asOf: asOf)
        var result = computeRecordedSLA(
            recorded, window: window, dimension: dimension, field: field, includeActive: includeActive, mask: mask)
        if slaSource == .auto {
            var uncovered = mask ?? [Bool](repeating: true, count: store.count)
            for index in uncovered.indices where recorded.covered[index] { uncovered[index] = false }
            let evaluated = computeEvaluatedSLA(
                window: window, asOf: asOf, dimension: dimension, field: field, includeActive: includeActive,
                mask: uncovered)
            for (key, summary) in evaluated { result[key, default: SLASummary()].merge(summary) }
        }
        if result.isEmpty && dimension == nil && field == nil { result[.all] = SLASummary() }
        return result
    }

    /// The recorded instances counted in `window`, per slice: achieved and breached at their
    /// completion, active ones only for the current window.
    func computeRecordedSLA(
        _ recorded: RecordedSLAs, window: Window, dimension: Dimension?, field: CustomFieldDefinition? = nil,
        includeActive: Bool, mask: [Bool]?
    ) -> [SliceKey: SLASummary] {
        computeInstanceSLA(
            recorded.instances, window: window, dimension: dimension, field: field, includeActive: includeActive,
            mask: mask
        ) { usesRecord($0, recorded) }
    }

    /// SLA instances (recorded, or evaluated from timelines) of the tickets `selected` picks,
    /// counted in `window` per slice: achieved and breached at their completion, active ones
    /// only for the current window.
    func computeInstanceSLA(
        _ instancesByTicket: [Int32: [SLAInstance]], window: Window, dimension: Dimension?,
        field: CustomFieldDefinition? = nil, includeActive: Bool, mask: [Bool]?, selected: (Int) -> Bool
    ) -> [SliceKey: SLASummary] {
        let slices = field.map(fieldIndex) ?? dimensionIndex(dimension)
        let groups = dimensionIndex(.group)
        var result: [SliceKey: SLASummary] = [:]
        var keys: [Int32] = []
        var ranks: [Int64: Int] = [:]
        for (ticketIndex, instances) in instancesByTicket {
            let index = Int(ticketIndex)
            if let mask, !mask[index] { continue }
            guard selected(index), !isDeleted(store.records[index]) else { continue }
            let priority = store.text(store.records[index].priority) ?? "none"
            let group = groups.keys[groups.ticketSlots.isEmpty ? 0 : Int(groups.ticketSlots[index])]
            keys.removeAll(keepingCapacity: true)
            if !slices.isSingle {
                slices.slots(ofTicket: index, store: store, into: &keys)
            } else {
                keys.append(slices.ticketSlots.isEmpty ? 0 : slices.ticketSlots[index])
            }
            for instance in instances {
                let counted: Bool =
                    switch instance.status {
                    case .achieved, .breached: instance.completedAt.map(window.contains) ?? false
                    case .active: includeActive
                    case .unmeasured: false
                    }
                guard counted else { continue }
                let target = targetKey(instance, priority: priority, ranks: &ranks)
                for slot in keys {
                    // In place: a copied summary would copy its dictionaries for every instance.
                    result[slices.keys[Int(slot)], default: SLASummary()].byTarget[target, default: SLACounts()].add(
                        instance.status)
                    if instance.status == .breached {
                        result[slices.keys[Int(slot)], default: SLASummary()].breachesByGroup[group, default: 0] += 1
                    }
                }
            }
        }
        return result
    }

    /// The table key of a recorded instance: its policy as applied, ranked like the current
    /// policies (a policy that no longer exists, and group policies, after them, by id).
    /// The policies' ranks are remembered in `ranks` across calls.
    func targetKey(_ instance: SLAInstance, priority: String, ranks: inout [Int64: Int]) -> SLATargetKey {
        let rank: Int
        if instance.isGroupPolicy {
            rank = Int(Int32.max)
        } else if let known = ranks[instance.policyID] {
            rank = known
        } else {
            let order = evaluator.policyOrder
            rank = order.firstIndex { $0.id == instance.policyID } ?? order.count + 1
            ranks[instance.policyID] = rank
        }
        return SLATargetKey(
            policyID: instance.policyID, policyTitle: instance.policyTitle, policyRank: rank, metric: instance.metric,
            priority: priority)
    }

    func isDeleted(_ record: TicketRecord) -> Bool {
        store.text(record.status) == "deleted"
    }

    /// How many tickets (passing `mask`, not deleted) each source covers.
    func slaCoverage(asOf: Int64, mask: [Bool]?) -> SLACoverage {
        lock.lock()
        defer { lock.unlock() }
        var coverage = SLACoverage(source: slaSource)
        let recorded = slaSource == .evaluated ? nil : self.recorded(asOf: asOf)
        let timeline = slaSource == .recorded ? nil : timelineSLAs(asOf: asOf)
        for index in 0..<store.count {
            if let mask, !mask[index] { continue }
            let record = store.records[index]
            if isDeleted(record) { continue }
            if let recorded, usesRecord(index, recorded) {
                if recorded.covered[index] { coverage.recordedTickets += 1 }
            } else if record.priority >= 0, store.text(record.priority)?.isEmpty == false {
                coverage.evaluatedTickets += 1
                if timeline?.covered[index] == true { coverage.timelineTickets += 1 }
            }
        }
        return coverage
    }

    /// Active targets whose breach is due in (asOf, asOf + horizon], soonest first: recorded
    /// instances with a scheduled breach, and evaluated calendar first-reply and total-resolution
    /// targets of unsolved tickets (due at created + target).
    func atRisk(asOf: Int64, horizon: Int64, mask: [Bool]?) -> [AtRiskTarget] {
        lock.lock()
        defer { lock.unlock() }
        let recorded = slaSource == .evaluated ? nil : self.recorded(asOf: asOf)
        let evaluations = self.evaluations(asOf: asOf)
        let timeline = timelineSLAs(asOf: asOf)
        var found: [AtRiskTarget] = []
        func due(_ at: Int64) -> Bool { at > asOf && at <= asOf + horizon }
        for index in 0..<store.count {
            if let mask, !mask[index] { continue }
            let record = store.records[index]
            if isDeleted(record) { continue }
            let priority = store.text(record.priority) ?? "none"
            // Instances (recorded, or evaluated from the timeline) carry their own breach instant.
            let instances: (list: [SLAInstance], source: SLASource)? =
                if let recorded, usesRecord(index, recorded) {
                    (recorded.instances[Int32(index)] ?? [], .recorded)
                } else if let timeline, timeline.covered[index] {
                    (timeline.instances[Int32(index)] ?? [], .evaluated)
                } else {
                    nil
                }
            if let instances {
                for instance in instances.list where instance.status == .active {
                    guard let at = instance.scheduledBreachAt, due(at) else { continue }
                    found.append(
                        AtRiskTarget(
                            ticketID: record.id, metric: instance.metric, instance: instance.instance,
                            policyTitle: instance.policyTitle, priority: priority,
                            targetMinutes: instance.targetMinutes, businessHours: instance.businessHours, breachAt: at,
                            minutesLeft: Double(at - asOf) / 60, source: instances.source))
                }
                continue
            }
            guard evaluations.policy[index] >= 0 else { continue }
            let range = evaluations.outcomeRanges[index]
            for outcomeIndex in Int(range.start)..<Int(range.start + range.count) {
                let outcome = evaluations.outcomes[outcomeIndex]
                guard outcome.status == .active, Int(outcome.target) < targetKeys.count else { continue }
                let key = targetKeys[Int(outcome.target)]
                let slot = evaluator.targetSlots[Int(outcome.target)]
                guard key.metric == "first_reply_time" || key.metric == "total_resolution_time", !slot.businessHours
                else { continue }
                let minutes = slot.targetMinutes
                let at = record.createdAt + Int64((minutes * 60).rounded())
                guard due(at) else { continue }
                found.append(
                    AtRiskTarget(
                        ticketID: record.id, metric: key.metric, instance: nil, policyTitle: key.policyTitle,
                        priority: priority, targetMinutes: minutes, businessHours: false, breachAt: at,
                        minutesLeft: Double(at - asOf) / 60, source: .evaluated))
            }
        }
        return found.sorted { ($0.breachAt, $0.ticketID, $0.metric) < ($1.breachAt, $1.ticketID, $1.metric) }
    }
}

extension SLASummary {
    /// Adds another summary's counts, breaches and warnings.
    mutating func merge(_ other: SLASummary) {
        for (key, counts) in other.byTarget { byTarget[key, default: SLACounts()].add(counts) }
        for (key, count) in other.breachesByGroup { breachesByGroup[key, default: 0] += count }
        warnings = Array(Set(warnings).union(other.warnings)).sorted()
    }
}
