import Foundation

/// A standard stream, with what the CLI needs to know about it (is it a terminal, colours allowed).
struct Terminal: Sendable {
    let fileDescriptor: Int32

    static let standardOutput = Terminal(fileDescriptor: 1)
    static let standardError = Terminal(fileDescriptor: 2)

    var isTTY: Bool { isatty(fileDescriptor) == 1 }

    /// Colour only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
    var allowsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTTY
    }

    /// The terminal's width in columns, from the terminal or `$COLUMNS`; `nil` when unknown.
    var width: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        guard isTTY else { return nil }
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fileDescriptor, base + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal.
final class ProgressBar {
    private let terminal: Terminal
    private let enabled: Bool
    private var lastDrawn = ""

    init(terminal: Terminal = .standardError, enabled: Bool) {
        self.terminal = terminal
        self.enabled = enabled && terminal.isTTY
    }

    func update(fraction: Double, label: String) {
        guard enabled else { return }
        let line = "\r" + Self.bar(fraction: fraction) + " " + label
        guard line != lastDrawn else { return }
        lastDrawn = line
        terminal.write(line + "\u{1B}[K")
    }

    /// `[#######       ]`: `fraction` (clamped to 0…1) of `width` cells filled.
    static func bar(fraction: Double, width: Int = 28) -> String {
        let filled = Int((min(max(fraction.isFinite ? fraction : 0, 0), 1) * Double(width)).rounded())
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "]"
    }

    func finish() {
        guard enabled, !lastDrawn.isEmpty else { return }
        terminal.write("\r\u{1B}[K")
    }
}
