import Foundation
import Testing

/// Golden-file comparison: the expected output lives in `Golden/` next to this file, found via
/// `#filePath` (not bundle resources). Set `DESKSTAT_RECORD_GOLDEN=1` to rewrite the files from
/// the current output; the tests then pass and say they recorded.
enum GoldenFile {
    /// The `Golden/` directory beside this source file.
    static func directory(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["DESKSTAT_RECORD_GOLDEN"] == "1"
    }

    /// Expects `actual` to equal the golden file `name` byte for byte; prints a line diff otherwise.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory().appendingPathComponent(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                print("recorded golden file \(url.path)")
            } catch {
                Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file \(url.path); run with DESKSTAT_RECORD_GOLDEN=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let message =
            "output differs from \(name) (- expected, + actual; DESKSTAT_RECORD_GOLDEN=1 rewrites it):\n"
            + LineDiff.render(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// A minimal line diff (longest common subsequence) for readable golden-file failures.
enum LineDiff {
    static func render(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append("  " + old[i])
                (i, j) = (i + 1, j + 1)
            } else if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
                lines.append("+ " + visible(new[j]))
                j += 1
            } else {
                lines.append("- " + visible(old[i]))
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Makes escape codes and trailing spaces visible.
    private static func visible(_ line: String) -> String {
        var text = line.replacingOccurrences(of: "\u{1B}", with: "\\e")
        if text.hasSuffix(" ") { text += "⏎" }
        return text
    }
}
