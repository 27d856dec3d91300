import Foundation

/// A value computed on another thread and waited for once: how a reader or writer of the cache
/// overlaps two pieces of work (the importer decodes the next file while it writes this one; a
/// full-history load reads half of the facts on a second connection).
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    public init() {}

    /// Starts `work` on a thread of its own and returns its pending result. Not on a global
    /// dispatch queue: the work is long and CPU-bound, and its caller blocks in `wait()`, so on a
    /// pool sized to the cores (Dispatch's, which Swift concurrency also runs on) a few such
    /// waits beside their work would leave no thread for anything else in the process.
    public static func start(_ work: @escaping @Sendable () -> Value) -> Pending<Value> {
        let pending = Pending<Value>()
        let thread = Thread { pending.fulfill(work()) }
        thread.stackSize = Self.stackSize
        thread.start()
        return pending
    }

    /// The work thread's stack: as a main thread's (the JSON parser recurses up to its depth limit).
    static var stackSize: Int { 8 << 20 }

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
