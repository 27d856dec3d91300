import DeskstatSLA
import DeskstatTime
import Foundation

/// One part's KPI accumulators, by raw slot, with the position where each slot was first counted.
struct KPIPartial: Sendable {
    let collect: UInt8
    var accumulators: [KPIAccumulator?]
    var firstCounted: [Int]

    init(slotCount: Int, collect: UInt8) {
        self.collect = collect
        accumulators = Array(repeating: nil, count: slotCount)
        firstCounted = Array(repeating: Int.max, count: slotCount)
    }

    @inline(__always) mutating func touch(_ slot: Int, at position: Int) {
        if firstCounted[slot] == Int.max {
            firstCounted[slot] = position
            accumulators[slot] = KPIAccumulator(collect: collect)
            // One slice for everything (no slicing): room for every ticket's samples up front.
            if accumulators.count == 1, expected > 0 { accumulators[slot]?.samples.reserve(expected) }
        }
    }

    /// How many tickets this part may count (for sizing the unsliced samples).
    var expected = 0

    /// Adds a later part's slots.
    mutating func merge(_ other: KPIPartial) {
        for slot in other.firstCounted.indices where other.firstCounted[slot] < Int.max {
            if firstCounted[slot] == Int.max {
                firstCounted[slot] = other.firstCounted[slot]
                accumulators[slot] = other.accumulators[slot]
            } else {
                if let later = other.accumulators[slot] { accumulators[slot]?.merge(later) }
            }
        }
    }
}

/// One part's SLA counts by raw slot and target, breaches by raw slot and group, and warnings.
struct SLAPartial: Sendable {
    let targetCount: Int
    let groupCount: Int
    var counts: [SLACounts]
    var breaches: [Int]
    var firstCounted: [Int]
    var warnings: Set<String> = []

    init(slotCount: Int, targetCount: Int, groupCount: Int) {
        self.targetCount = targetCount
        self.groupCount = groupCount
        counts = Array(repeating: SLACounts(), count: slotCount * targetCount)
        breaches = Array(repeating: 0, count: slotCount * groupCount)
        firstCounted = Array(repeating: Int.max, count: slotCount)
    }

    @inline(__always) mutating func count(_ slot: Int, target: Int, status: SLAStatus, group: Int, at position: Int) {
        if firstCounted[slot] == Int.max { firstCounted[slot] = position }
        counts[slot * targetCount + target].add(status)
        if status == .breached { breaches[slot * groupCount + group] += 1 }
    }

    mutating func merge(_ other: SLAPartial) {
        for slot in other.firstCounted.indices where other.firstCounted[slot] < firstCounted[slot] {
            firstCounted[slot] = other.firstCounted[slot]
        }
        for index in counts.indices { counts[index].add(other.counts[index]) }
        for index in breaches.indices { breaches[index] += other.breaches[index] }
        warnings.formUnion(other.warnings)
    }
}

/// Results of parallel parts, collected under a lock.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
