import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a flag a long-running command checks between pages, so it
/// finishes the current page, commits, and exits cleanly. A second signal exits at once.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers.
    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.trigger(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func trigger(_ number: Int32) {
        let alreadyRequested = lock.withLock {
            defer { requested = true }
            return requested
        }
        if alreadyRequested { exit(128 + number) }
        Terminal.standardError.write("\ndeskstat: stopping after the current page (press Ctrl-C again to abort)\n")
    }

    var isRequested: Bool { lock.withLock { requested } }
}
