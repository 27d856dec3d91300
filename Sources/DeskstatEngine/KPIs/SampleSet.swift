import DeskstatSLA
import DeskstatTime
import Foundation

/// Growable lists of doubles, appended to without copy-on-write or exclusivity checks (one
/// accumulator owns them).
final class SampleSet: @unchecked Sendable {
    let count: Int
    private let buffers: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
    private let counts: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>

    init(count: Int) {
        self.count = count
        buffers = .allocate(capacity: count)
        buffers.initialize(repeating: nil, count: count)
        counts = .allocate(capacity: count)
        counts.initialize(repeating: 0, count: count)
        capacities = .allocate(capacity: count)
        capacities.initialize(repeating: 0, count: count)
    }

    deinit {
        for index in 0..<count { buffers[index]?.deallocate() }
        buffers.deallocate()
        counts.deallocate()
        capacities.deallocate()
    }

    @inline(__always) func append(_ index: Int, _ value: Double) {
        if counts[index] == capacities[index] { grow(index) }
        buffers[index]?[counts[index]] = value
        counts[index] += 1
    }

    /// Room for `count` values in every list.
    func reserve(_ count: Int) {
        for index in 0..<self.count where capacities[index] < count { resize(index, to: count) }
    }

    private func grow(_ index: Int) {
        resize(index, to: max(64, capacities[index] * 2))
    }

    /// Moves list `index` to a new buffer of `capacity` values.
    private func resize(_ index: Int, to capacity: Int) {
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
        if let old = buffers[index] {
            buffer.update(from: old, count: counts[index])
            old.deallocate()
        }
        buffers[index] = buffer
        capacities[index] = capacity
    }

    func count(of index: Int) -> Int { counts[index] }

    /// Appends list `index` of `other` to list `index`.
    func append(contentsOf other: SampleSet, _ index: Int) {
        guard let source = other.buffers[index], other.counts[index] > 0 else { return }
        let needed = counts[index] + other.counts[index]
        if needed > capacities[index] { resize(index, to: needed) }
        buffers[index]?.advanced(by: counts[index]).update(from: source, count: other.counts[index])
        counts[index] = needed
    }

    /// List `index`, in place (reordering it is allowed once its accumulator is done).
    func buffer(_ index: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: buffers[index], count: counts[index])
    }

    func array(_ index: Int) -> [Double] {
        guard let buffer = buffers[index] else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: counts[index]))
    }
}
