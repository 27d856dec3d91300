import Dispatch
import Foundation

/// Runs async work to completion from a synchronous command and returns its result.
///
/// The root command stays synchronous (simple, and the same on every platform); the few
/// commands that talk to the network bridge here. The main thread waits while the work runs
/// on the concurrency pool.
enum BlockingTask {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = TaskResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                box.store(.success(try await body()))
            } catch {
                box.store(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.load()
    }
}

private final class TaskResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func store(_ value: Result<T, any Error>) {
        lock.withLock { result = value }
    }

    func load() throws -> T {
        guard let result = lock.withLock({ result }) else {
            throw CLIError.runtime("the task finished without a result")
        }
        return try result.get()
    }
}
