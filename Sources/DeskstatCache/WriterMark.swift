import DeskstatBasics
import Foundation

/// A note beside the cache (`<cache>-writer`) saying which process is writing, so a second
/// writer that times out on the lock can say who holds it. Advisory only: SQLite's lock is what
/// protects the data; a note left by a killed process is ignored because its pid is gone.
struct WriterMark {
    let path: String

    init(cachePath: String) {
        path = cachePath + "-writer"
    }

    /// Records this process as the writer.
    func claim() {
        let name = CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent } ?? "deskstat"
        let command = ([name] + CommandLine.arguments.dropFirst().prefix(1)).joined(separator: " ")
        let text = "\(ProcessInfo.processInfo.processIdentifier) \(Int(Date().timeIntervalSince1970)) \(command)\n"
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Removes the note if it is this process's.
    func release() {
        guard let holder = read(), holder.pid == ProcessInfo.processInfo.processIdentifier else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The live process named in the note, if any: "deskstat import (pid 4242, writing since 09:30:00 UTC)".
    func holderDescription() -> String? {
        guard let holder = read(), holder.pid != ProcessInfo.processInfo.processIdentifier, kill(holder.pid, 0) == 0
        else {
            return nil
        }
        return "\(holder.command) (pid \(holder.pid), writing since \(CivilCalendar.isoTimestamp(holder.since)))"
    }

    private func read() -> (pid: Int32, since: Int64, command: String)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines).split(
            separator: " ", maxSplits: 2)
        guard parts.count == 3, let pid = Int32(parts[0]), let since = Int64(parts[1]) else { return nil }
        return (pid, since, String(parts[2]))
    }
}
