import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps a crashing deskstat from writing its memory anywhere: the API token lives in that memory.
///
/// The Swift runtime's crash reporter prints, beside the backtrace, the 16 bytes each register
/// points to, and a core dump is the whole address space. So at startup deskstat turns core
/// files off (`RLIMIT_CORE` 0) and answers the fatal signals with one fixed line and exit
/// status 128 + signal, written with async-signal-safe calls only. `DESKSTAT_BACKTRACE=1` keeps
/// the runtime's crash reporter, for debugging (its output may then include memory).
public enum CrashGuard {
    /// The signals a crash raises (a Swift runtime trap is SIGILL or SIGTRAP, after the runtime
    /// has printed its "Fatal error" line). SIGQUIT is left alone: a person sends it.
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS]

    /// The line written on a crash (static storage: usable inside a signal handler).
    static let message: StaticString =
        "deskstat: crashed on a fatal signal; no memory was printed (set DESKSTAT_BACKTRACE=1 for a backtrace)\n"

    /// Installs the guard, unless `DESKSTAT_BACKTRACE` is set to 1.
    public static func install() {
        guard ProcessInfo.processInfo.environment["DESKSTAT_BACKTRACE"] != "1" else { return }
        _ = message.utf8Start  // initialized now, not first inside the handler
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        #if canImport(Glibc)
            _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
        #else
            _ = setrlimit(RLIMIT_CORE, &noCore)
        #endif
        // A parent may hand down a mask that blocks some of them (a blocked SIGABRT sent by
        // `kill` would wait for ever); threads started later inherit this thread's mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in fatalSignals {
            signal(number, crashHandler)
            sigaddset(&unblock, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}

/// Writes `CrashGuard.message` and exits with 128 + the signal, without touching the heap.
private func crashHandler(_ number: Int32) {
    let message = CrashGuard.message
    _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
    _exit(128 + number)
}
