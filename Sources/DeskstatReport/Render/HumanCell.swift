import DeskstatBasics

/// How a formatted cell should look when colour is on.
enum CellTone: Sendable, Equatable {
    case plain
    /// An undefined value (`–`): dim.
    case muted
    /// A positive change (an increase).
    case positive
    /// A negative change (a decrease).
    case negative

    /// Whether the change is good or bad news for a measure that should move `direction`; `nil`
    /// for no change, an undefined one, or a neutral measure.
    func judged(_ direction: GoodDirection) -> Bool? {
        switch (self, direction) {
        case (.positive, .higher), (.negative, .lower): true
        case (.positive, .lower), (.negative, .higher): false
        default: nil
        }
    }
}

/// A cell's text for people, plus its tone.
struct HumanCell: Sendable, Equatable {
    var text: String
    var tone: CellTone
}

/// Formats values for people (text and Markdown), following the table in `ColumnKind`'s
/// documentation: grouped thousands, `%` for ratios, explicit signs on changes, `–` for null.
struct HumanCellFormatter: Sendable {
    /// What an undefined value shows as.
    static let nullText = "–"

    /// Formats timestamp columns in the report's time zone.
    let timestamps: TimestampText

    /// A formatter for a report in the IANA zone `timeZone`.
    init(timeZone: String) {
        timestamps = TimestampText(timeZone: timeZone)
    }

    /// The human text of `value` in a column of `kind`.
    func format(_ value: ReportValue, kind: ColumnKind) -> HumanCell {
        switch value {
        case .null:
            return HumanCell(text: Self.nullText, tone: .muted)
        case .text(let text):
            return HumanCell(text: text, tone: .plain)
        case .integer(let integer):
            return format(integer: integer, kind: kind)
        case .number(let number):
            guard number.isFinite else { return HumanCell(text: Self.nullText, tone: .muted) }
            return format(number: number, kind: kind)
        }
    }

    private func format(integer: Int64, kind: ColumnKind) -> HumanCell {
        switch kind {
        case .label:
            return plain(integer < 0 ? NumberText.typographicMinus + String(integer.magnitude) : String(integer))
        case .count, .number:
            return plain(NumberText.grouped(integer, minus: NumberText.typographicMinus))
        case .delta:
            return signed(NumberText.grouped(integer, minus: NumberText.typographicMinus), suffix: "")
        case .timestamp:
            return plain(timestamps.localDateTime(integer))
        case .minutes, .minutesDelta, .ratio, .ratioDelta, .percentChange:
            return format(number: Double(integer), kind: kind)
        }
    }

    private func format(number: Double, kind: ColumnKind) -> HumanCell {
        switch kind {
        case .label:
            return plain(NumberText.trimmed(number).map(Self.typographic) ?? Self.nullText)
        case .count:
            return plain(human(number, decimals: number.rounded() == number ? 0 : 1))
        case .minutes:
            return plain(DurationText.format(minutes: number))
        case .minutesDelta:
            let text = DurationText.format(minutes: number)
            if text == "0m" { return plain(text) }
            return number < 0
                ? HumanCell(text: NumberText.typographicMinus + text, tone: .negative)
                : HumanCell(text: "+" + text, tone: .positive)
        case .number:
            return plain(human(number, decimals: 2))
        case .ratio:
            return plain(human(number * 100, decimals: 1) + "%")
        case .delta:
            return signed(human(number, decimals: 1), suffix: "")
        case .ratioDelta:
            return signed(human(number * 100, decimals: 1), suffix: " pp")
        case .percentChange:
            return signed(human(number * 100, decimals: 1), suffix: "%")
        case .timestamp:
            guard let epoch = Int64(exactly: number.rounded(.down)) else { return plain(Self.nullText) }
            return plain(timestamps.localDateTime(epoch))
        }
    }

    private func human(_ number: Double, decimals: Int) -> String {
        NumberText.fixed(number, decimals: decimals, grouping: true, minus: NumberText.typographicMinus)
            ?? Self.nullText
    }

    private func plain(_ text: String) -> HumanCell {
        HumanCell(text: text, tone: .plain)
    }

    /// Adds `+` to a positive value; zero stays unsigned and negatives already carry `−`.
    private func signed(_ text: String, suffix: String) -> HumanCell {
        if text.hasPrefix(NumberText.typographicMinus) { return HumanCell(text: text + suffix, tone: .negative) }
        let isZero = !text.contains { $0.isNumber && $0 != "0" }
        if isZero { return HumanCell(text: text + suffix, tone: .plain) }
        return HumanCell(text: "+" + text + suffix, tone: .positive)
    }

    private static func typographic(_ text: String) -> String {
        text.hasPrefix("-") ? NumberText.typographicMinus + text.dropFirst() : text
    }
}
