/// Writes YAML scalars that read back as the same text.
enum YAMLText {
    /// Words other YAML readers take for null or booleans; quoted so every reader sees text.
    private static let reservedWords: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// `text` plain when that is unambiguous (`acme`, `admin@acme.com`, `2017-01-25`,
    /// `http://127.0.0.1:8080`), else double-quoted with escapes.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// `text` in double quotes, with `\`, `"` and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !reservedWords.contains(text.lowercased()) else { return false }
        let isSafe: (Unicode.Scalar) -> Bool = { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "._-/@+:~".unicodeScalars.contains(scalar)
        }
        let safeStart =
            ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
            || "./~_".unicodeScalars.contains(first)
        return safeStart && text.unicodeScalars.allSatisfy(isSafe) && !text.hasSuffix(":")
    }
}
