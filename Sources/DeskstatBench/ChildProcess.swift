import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program to completion and measures it: wall time and the child's peak RSS.
struct ChildProcess {
    struct Measurement {
        let seconds: Double
        let peakRSSBytes: Int64
        let status: Int32
        let stdout: String
    }

    /// Runs `executable arguments…`, capturing standard output to a file (so pipes never block).
    static func run(_ executable: String, _ arguments: [String], stdoutPath: String) throws(BenchError) -> Measurement {
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil  // an opaque pointer on Darwin
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        #if canImport(Glibc)
            let environment = environ
        #else
            let environment = _NSGetEnviron().pointee  // Darwin does not export `environ` to Swift
        #endif
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv + [nil], environment)
        guard spawned == 0 else { throw .spawn(executable, Int(spawned)) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
        #if canImport(Glibc)
            let peakRSSBytes = Int64(usage.ru_maxrss) * 1024  // Linux counts kilobytes
        #else
            let peakRSSBytes = Int64(usage.ru_maxrss)  // Darwin counts bytes
        #endif
        return Measurement(seconds: seconds, peakRSSBytes: peakRSSBytes, status: exitStatus, stdout: output)
    }
}

/// Why a benchmark could not run.
public enum BenchError: Error, Sendable, CustomStringConvertible {
    case spawn(String, Int)
    case failed(step: String, status: Int32)
    case io(String)

    public var description: String {
        switch self {
        case .spawn(let executable, let code): "cannot start \(executable) (posix_spawn error \(code))"
        case .failed(let step, let status): "\(step) exited with status \(status); run it by hand to see why"
        case .io(let message): message
        }
    }
}
