/// Builds the absolute URLs pages point to (`after_url`, `next_page`, `links.next`).
struct PageLinks: Sendable {
    let baseURL: String
    let path: String

    /// `base + path + ?query`, each name and value percent-encoded as Zendesk does (brackets too).
    func url(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return baseURL + path }
        return baseURL + path + "?" + query.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
    }

    /// The request's own query with some items replaced (in place) or added (at the end), and some removed.
    static func query(
        of request: IncomingRequest, setting replacements: [(String, String)], removing removed: Set<String> = []
    ) -> [(String, String)] {
        var query = request.query.map { ($0.name, $0.value) }.filter { !removed.contains($0.0) }
        for (name, value) in replacements {
            if let index = query.firstIndex(where: { $0.0 == name }) {
                query[index].1 = value
            } else {
                query.append((name, value))
            }
        }
        return query
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters.
    static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
