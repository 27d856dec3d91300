import Foundation

/// Lexical path helpers: no file system access, so results do not depend on the machine.
enum Path {
    /// Whether `path` starts at the root.
    static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// `~` and `~/…` with `home` put in; other paths unchanged (also when `home` is unknown).
    static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty else { return path }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    /// `path` as an absolute, normalised path: relative paths start at `directory`.
    static func absolute(_ path: String, from directory: String) -> String {
        normalised(isAbsolute(path) ? path : directory + "/" + path)
    }

    /// `path` without `.` segments, `..` segments (where they have a parent) and repeated slashes.
    static func normalised(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if let last = segments.last, last != ".." {
                    segments.removeLast()
                } else if !isAbsolute(path) {
                    segments.append(segment)
                }
            default: segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        if isAbsolute(path) { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The directory part: `.` for `deskstat.yaml` and `./deskstat.yaml`, `/` for `/x`.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component: `deskstat.yaml` for `/etc/deskstat/deskstat.yaml`.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `value` relative to `directory` as the user would write it: unchanged when absolute, when it
    /// starts with `~`, or when `directory` is `.`; else `directory/value`.
    static func joinedForDisplay(_ value: String, under directory: String) -> String {
        if isAbsolute(value) || value.hasPrefix("~") || directory == "." { return value }
        return directory == "/" ? "/" + value : directory + "/" + value
    }

    /// `path` quoted for a POSIX shell when it needs it (`'my dir/x.yaml'`).
    static func shellQuoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "_-./~+@%:,=".unicodeScalars.contains(scalar)
        }
        if safe && !path.isEmpty && !path.dropFirst().contains("~") { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
