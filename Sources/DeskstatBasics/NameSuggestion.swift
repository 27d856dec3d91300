/// Finds the name a typo most likely meant: deskstat's one way of saying "did you mean …?", for
/// report definitions, `--fail-on`, `--section` and deskstat.yaml alike.
public enum NameSuggestion {
    /// The candidate closest to `name` (ignoring case) by `editDistance`, when close enough to be
    /// a typo: at most a third of the name's length, between 1 and 3. Ties go to the earlier
    /// candidate; `name` itself is never suggested.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let limit = max(1, min(3, name.count / 3))
        let lowercased = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        // The distance is at least the difference in length: skip hopeless (and huge) pairs.
        for candidate in candidates where candidate != name && abs(candidate.count - name.count) <= limit {
            let distance = editDistance(lowercased, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Up to `limit` candidates nearest to `name`, nearest first: names holding every dotted
    /// segment of `name` (`first_reply_time.median` → `first_reply_time.calendar.median`) rank
    /// before the rest, then by edit distance; names too far to be a typo are left out.
    public static func closestNames(to name: String, in candidates: [String], limit: Int) -> [String] {
        let lowercased = name.lowercased()
        let segments = lowercased.split(separator: ".").map(String.init)
        let scored = candidates.compactMap { candidate -> (name: String, holds: Bool, distance: Int)? in
            let parts = Set(candidate.lowercased().split(separator: ".").map(String.init))
            let holds = segments.allSatisfy(parts.contains)
            let distance = editDistance(lowercased, candidate.lowercased())
            let near = distance <= max(2, name.count / 3)
            return holds || near ? (candidate, holds, distance) : nil
        }
        return scored.sorted { lhs, rhs in
            if lhs.holds != rhs.holds { return lhs.holds }
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            return lhs.name < rhs.name
        }
        .prefix(limit).map(\.name)
    }

    /// `editDistance` of two strings' characters.
    public static func editDistance(_ left: String, _ right: String) -> Int {
        editDistance(Array(left), Array(right))
    }

    /// Optimal-string-alignment distance: inserting, deleting or replacing a character, or
    /// swapping two neighbouring ones (`titel` → `title`), each cost 1.
    public static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var distance = Array(repeating: Array(repeating: 0, count: right.count + 1), count: left.count + 1)
        for i in 0...left.count { distance[i][0] = i }
        for j in 0...right.count { distance[0][j] = j }
        for i in 1...left.count {
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                distance[i][j] = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    distance[i][j] = min(distance[i][j], distance[i - 2][j - 2] + 1)
                }
            }
        }
        return distance[left.count][right.count]
    }
}
