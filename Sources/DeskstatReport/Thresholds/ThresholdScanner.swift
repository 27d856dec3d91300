/// A hand-written scanner for `PATH OP NUMBER[%]`, tracking 1-based columns for errors.
struct ThresholdScanner {
    /// The most digits a finite `Double` can have before its decimal point.
    static let maximumIntegerDigits = 308

    private let text: String
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    /// The whole expression, or the first problem.
    mutating func threshold() throws(ReportError) -> Threshold {
        skipSpaces()
        let path = try metricPath()
        skipSpaces()
        let op = try comparison()
        skipSpaces()
        let (value, isPercent) = try number()
        skipSpaces()
        guard index == characters.count else {
            throw fail("unexpected \"\(String(characters[index...]))\" after the number")
        }
        return Threshold(expression: text, path: path, op: op, value: value, isPercent: isPercent)
    }

    private mutating func metricPath() throws(ReportError) -> String {
        let start = index
        var segmentStart = index
        while let character = current, isPathCharacter(character) || character == "." {
            if character == "." {
                guard index > segmentStart else { throw fail("empty name between dots in the metric") }
                segmentStart = index + 1
            }
            index += 1
        }
        guard index > start else {
            throw fail(
                current == nil
                    ? "expected a metric name, e.g. sla.breached"
                    : "expected a metric name, e.g. sla.breached; "
                        + "found \"\(current.map(String.init) ?? "")\"")
        }
        guard index > segmentStart else { throw fail("the metric name ends with a dot", at: index - 1) }
        return String(characters[start..<index])
    }

    private mutating func comparison() throws(ReportError) -> ComparisonOperator {
        let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
        if let op = ComparisonOperator(rawValue: two) {
            index += 2
            return op
        }
        if let first = current, let op = ComparisonOperator(rawValue: String(first)) {
            index += 1
            if current == "=" || current == ">" || current == "<" || current == "!" {
                throw fail(
                    "unknown operator \"\(first)\(current.map(String.init) ?? "")\"; expected >, >=, <, <=, == or !=",
                    at: index - 1)
            }
            return op
        }
        if current == "=" { throw fail("use == to compare for equality") }
        if current == nil { throw fail("expected an operator (>, >=, <, <=, == or !=) after the metric") }
        throw fail("expected an operator (>, >=, <, <=, == or !=); found \"\(current.map(String.init) ?? "")\"")
    }

    private mutating func number() throws(ReportError) -> (Double, Bool) {
        let start = index
        if current == "-" || current == "+" { index += 1 }
        var digits = 0
        var dots = 0
        while let character = current, character.isASCIIDigit || character == "." {
            if character == "." { dots += 1 } else { digits += 1 }
            index += 1
        }
        guard digits > 0, dots <= 1, let value = Double(String(characters[start..<index])) else {
            index = start
            throw fail(
                current == nil ? "expected a number after the operator" : "expected a number such as 0, 2.5 or 85%")
        }
        guard value.isFinite else {
            throw fail(
                "the number is too large (\(digits) digits, beyond the largest finite number); "
                    + "write at most \(Self.maximumIntegerDigits) digits before the point",
                at: start)
        }
        skipSpaces()
        if current == "%" {
            index += 1
            return (value / 100, true)
        }
        return (value, false)
    }

    private var current: Character? {
        index < characters.count ? characters[index] : nil
    }

    private func isPathCharacter(_ character: Character) -> Bool {
        character.isASCIILowercase || character.isASCIIDigit || character == "_" || character == "-"
            || ("A"..."Z").contains(character)
    }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { index += 1 }
    }

    private func fail(_ message: String, at position: Int? = nil) -> ReportError {
        .badThreshold(expression: text, position: (position ?? index) + 1, message: message)
    }
}
