/// ASCII character classes for the small hand-written parsers (thresholds, definitions):
/// locale-independent, unlike `Character.isNumber`, which accepts every script's digits.
extension Character {
    /// Whether the character is one of `0`…`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// Whether the character is one of `a`…`z`.
    var isASCIILowercase: Bool { ("a"..."z").contains(self) }
}
