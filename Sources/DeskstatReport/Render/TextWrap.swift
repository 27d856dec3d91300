/// Greedy word wrapping by terminal columns.
enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` columns (a longer word stays whole),
    /// the first line prefixed with `first` and the others with `rest`. Without a width, one line.
    static func wrap(_ text: String, width: Int?, first: String = "", rest: String = "") -> [String] {
        guard let width else { return [first + text] }
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = lineHasWord ? line + " " + word : line + word
            if lineHasWord && DisplayWidth.of(candidate) > width {
                lines.append(line)
                line = rest + word
            } else {
                line = candidate
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// Segments joined with `separator`, breaking lines between segments to fit `width`; a segment
    /// wider than `width` is word-wrapped on its own lines.
    static func join(_ segments: [String], separator: String, width: Int?) -> [String] {
        guard let width else { return [segments.joined(separator: separator)] }
        var lines: [String] = []
        var line = ""
        for segment in segments {
            if DisplayWidth.of(segment) > width {
                if !line.isEmpty { lines.append(line) }
                lines += wrap(segment, width: width, rest: "  ")
                line = ""
            } else if line.isEmpty {
                line = segment
            } else if DisplayWidth.of(line + separator + segment) <= width {
                line += separator + segment
            } else {
                lines.append(line)
                line = segment
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
