import Testing

@testable import ZendeskWire

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(WireError) -> JSONValue { try Envelope.parseValue(Array(text.utf8)) }

    func syntaxError(_ bytes: [UInt8]) -> (message: String, location: InputPosition)? {
        do {
            _ = try Envelope.parseValue(bytes)
            return nil
        } catch {
            if case .syntax(let message, let location) = error { return (message, location) }
            return nil
        }
    }

    @Test func parsesScalarsAndContainers() throws {
        #expect(
            try parse(#"{"a": [1, -2, 3.5, true, false, null, "x"]}"#)
                == .object([
                    "a": .array([
                        .integer(1), .integer(-2), .double(3.5), .bool(true), .bool(false), .null, .string("x"),
                    ])
                ]))
        #expect(try parse("9223372036854775807") == .integer(Int64.max))
        #expect(try parse("-9223372036854775808") == .integer(Int64.min))
        #expect(try parse("1e3") == .double(1000))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\né😀"))
    }

    @Test func reportsLineAndColumnOfTruncation() {
        let error = syntaxError(Array("{\n  \"tickets\": [\n    {\"id\": 1".utf8))
        #expect(error?.location.line == 3)
        #expect(error?.message.contains("end of input") == true)
    }

    @Test func rejectsInvalidInput() {
        #expect(syntaxError([0xFF, 0xFE, 0x00, 0x01])?.message.contains("expected a value") == true)
        #expect(syntaxError(Array("\"caf".utf8) + [0xC3, 0x28] + Array("\"".utf8))?.message.contains("UTF-8") == true)
        #expect(syntaxError(Array(#"{"id": 1, "id": 2}"#.utf8))?.message.contains("duplicate key") == true)
        #expect(syntaxError(Array("123456789012345678901234567890".utf8))?.message.contains("out of range") == true)
        #expect(syntaxError(Array("[01]".utf8))?.message.contains("leading zeros") == true)
        #expect(syntaxError(Array(#"{"a": tru}"#.utf8))?.message.contains("literal") == true)
        #expect(syntaxError(Array("[1,]".utf8)) != nil)
        #expect(syntaxError(Array("\"tab\there\"".utf8))?.message.contains("control character") == true)
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(syntaxError(Array(deep.utf8))?.message.contains("nesting deeper") == true)
    }

    @Test func canonicalTextSortsKeys() throws {
        #expect(try parse(#"{"b": [1, "x"], "a": null}"#).canonicalText == #"{"a":null,"b":[1,"x"]}"#)
    }
}
