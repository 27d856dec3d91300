import Foundation

/// A value computed on another thread and waited for once: how a reader or writer of the cache
/// overlaps two pieces of work (the importer decodes the next file while it writes this one; a
/// full-history load reads half of the facts on a second connection).
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    public init() {}

    /// Starts `work` on a global queue and returns its pending result.
    public static func start(_ work: @escaping @Sendable () -> Value) -> Pending<Value> {
        let pending = Pending<Value>()
        DispatchQueue.global(qos: .userInitiated).async { pending.fulfill(work()) }
        return pending
    }

    /// Sets the value and wakes the waiter.
    public func fulfill(_ value: Value) {
        condition.lock()
        self.value = value
        condition.signal()
        condition.unlock()
    }

    /// Blocks until the value is set, then returns it.
    public func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value { return value }
            condition.wait()
        }
    }
}
