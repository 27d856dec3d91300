import Foundation

/// JSON for machines: sorted keys, pretty-printed, no escaped slashes, trailing newline.
enum StableJSON {
    /// `snakeCase` writes `ticketID` as `ticket_id` (the report JSON's key style).
    static func encode(_ value: some Encodable, snakeCase: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
